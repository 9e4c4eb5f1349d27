import { systemActor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { createPerson, type AssuranceLevel } from './persons.ts';
import { addLegalEntityRecords, tableLegalEntityRegistry, type LegalEntityInput } from './legal-entities.ts';
import { proveLegalRep, registryVerdict } from './legal-rep.ts';
import { addPopulationRecords } from './population.ts';

export interface DemoPerson {
  name: string;
  idNumber: string;
  /** YYYY-MM-DD, as the stand-in population base records it. */
  birthDate: string;
  phone: string;
  assuranceLevel: AssuranceLevel;
}

export interface DemoEnterprise {
  uscc: string;
  name: string;
  /** index into the people: the legal representative, then authorised agents */
  legalRep: number;
  agents: number[];
}

/**
 * The demo city's citizens with accounts, a stand-in population base that also holds people
 * without an account (so registration reaches level 2), a stand-in legal-entity registry, and an
 * enterprise with an agent whose legal representative the registry proves. The population
 * records hold each person's birth date and 户籍地 (the demo county), the facts 秒批 rules look at.
 */
export async function seedIdentityDemo(
  db: Db,
  pii: PersonalData,
  input: {
    regionCode: string;
    password: string;
    people: DemoPerson[];
    unregistered: { name: string; idNumber: string; birthDate: string }[];
    enterprise: DemoEnterprise;
    /** 法人库 stand-in records (the demo enterprise's among them). */
    legalEntities: LegalEntityInput[];
  },
): Promise<void> {
  const seed = systemActor('seed');
  await addPopulationRecords(
    db,
    pii,
    [...input.people, ...input.unregistered].map((p) => ({ name: p.name, idNumber: p.idNumber, birthDate: p.birthDate, regionCode: input.regionCode, householdRegionCode: input.regionCode })),
  );
  await addLegalEntityRecords(db, pii, input.legalEntities.map((r) => ({ regionCode: input.regionCode, ...r })));
  const ids: string[] = [];
  for (const p of input.people) {
    ids.push(await createPerson(db, pii, seed, { ...p, password: input.password, regionCode: input.regionCode, levelSource: 'seed', phoneVerified: true }));
  }
  const e = input.enterprise;
  await db.transaction(async (tx) => {
    const enterpriseId = uuidv7();
    const rep = input.people[e.legalRep]!;
    const verdict = await registryVerdict(tableLegalEntityRegistry(tx), e.uscc, { name: rep.name, idNumberIndex: pii.index(rep.idNumber) });
    if (verdict.kind !== 'match') throw new Error(`the demo enterprise ${e.uscc} is not in the registry under its legal representative`);
    await tx.query('insert into enterprise (id, uscc, name, legal_rep_person_id, region_code) values ($1, $2, $3, $4, $5)', [enterpriseId, e.uscc, e.name, ids[e.legalRep], input.regionCode]);
    for (const i of e.agents) {
      await tx.query(
        `insert into enterprise_agent (id, enterprise_id, person_id, is_admin, scope, expires_at, granted_by) values ($1, $2, $3, false, 'all', clock_now() + interval '1 year', $4)`,
        [uuidv7(), enterpriseId, ids[i], ids[e.legalRep]],
      );
    }
    await appendAudit(tx, seed, { action: 'enterprise.register', objectType: 'enterprise', objectId: enterpriseId, regionCode: input.regionCode, details: { uscc: e.uscc, legalRep: 'proven', pendingReason: null } });
    await proveLegalRep(tx, seed, { id: enterpriseId, uscc: e.uscc, regionCode: input.regionCode, claimantId: ids[e.legalRep]! }, ids[e.legalRep]!, { proof: 'registry' });
  });
}
