import { systemActor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db, Queryable } from '../../kernel/db/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';

/** 存续 (in operation), 吊销 (licence revoked), 注销 (deregistered). */
export type LegalEntityStatus = 'active' | 'revoked' | 'cancelled';

/** What the legal-entity base library (法人库) says about one 统一社会信用代码. */
export interface LegalEntity {
  uscc: string;
  name: string;
  legalRepName: string;
  /** The legal representative's ID number as identity's keyed blind index (never in clear). */
  legalRepIdNumberIndex: string;
  status: LegalEntityStatus;
  regionCode: string | null;
}

/**
 * The legal-entity base library (法人库) as identity needs it: who is the legal representative
 * of this enterprise, and is it still in operation? The data module will own the base library
 * and provide this interface, as for the population base (population.ts); identity will not
 * change. Until then a table of synthetic records stands in.
 */
export interface LegalEntityRegistry {
  /** undefined: the registry does not know the code. */
  lookup(uscc: string): Promise<LegalEntity | undefined>;
}

export function tableLegalEntityRegistry(db: Queryable): LegalEntityRegistry {
  return {
    async lookup(uscc) {
      const row = await db.one<{ uscc: string; name: string; legal_rep_name: string; legal_rep_id_number_index: string; status: LegalEntityStatus; region_code: string | null }>(
        'select uscc, name, legal_rep_name, legal_rep_id_number_index, status, region_code from legal_entity_record where uscc = $1',
        [uscc],
      );
      return row
        ? { uscc: row.uscc.trim(), name: row.name, legalRepName: row.legal_rep_name, legalRepIdNumberIndex: row.legal_rep_id_number_index, status: row.status, regionCode: row.region_code }
        : undefined;
    },
  };
}

export interface LegalEntityInput {
  uscc: string;
  name: string;
  legalRepName: string;
  legalRepIdNumber: string;
  status?: LegalEntityStatus;
  regionCode?: string | null;
}

/**
 * Load records into the stand-in (the seed, tests; a data-platform sync would call the same).
 * A record replaces the one with the same code. Pending representations that the new records
 * confirm (same code, same ID number and name, in operation) are proven by the registry at once,
 * each audited: a registration made before the registry knew the enterprise needs no window visit.
 */
export async function addLegalEntityRecords(db: Db, pii: PersonalData, records: LegalEntityInput[]): Promise<{ proven: number }> {
  if (records.length === 0) return { proven: 0 };
  return db.transaction((tx) => recordLegalEntities(tx, pii, records));
}

/**
 * The same inside the caller's transaction: a 设立登记's decision tells the 法人库 of the subject
 * it registers in the transaction that issues its 营业执照 (cases' results).
 */
export async function recordLegalEntities(tx: Queryable, pii: PersonalData, records: LegalEntityInput[]): Promise<{ proven: number }> {
  for (const r of records) {
    await tx.query(
      `insert into legal_entity_record (uscc, name, legal_rep_name, legal_rep_id_number_index, status, region_code) values ($1, $2, $3, $4, $5, $6)
       on conflict (uscc) do update set name = excluded.name, legal_rep_name = excluded.legal_rep_name,
         legal_rep_id_number_index = excluded.legal_rep_id_number_index, status = excluded.status, region_code = excluded.region_code`,
      [r.uscc, r.name, r.legalRepName, pii.index(r.legalRepIdNumber), r.status ?? 'active', r.regionCode ?? null],
    );
  }
  const proven = await tx.query<{ id: string; uscc: string; region_code: string | null }>(
    `update enterprise e set legal_rep_proof = 'registry', legal_rep_proven_at = clock_now()
       from legal_entity_record r, person p
      where r.uscc = e.uscc and r.uscc = any($1) and r.status = 'active'
        and p.id = e.legal_rep_person_id and p.id_number_index = r.legal_rep_id_number_index and p.name = r.legal_rep_name
        and e.legal_rep_proof is null
     returning e.id, e.uscc, e.region_code`,
    [records.map((r) => r.uscc)],
  );
  for (const e of proven) {
    await appendAudit(tx, systemActor('legal-entity-registry'), {
      action: 'enterprise.legal_rep_proven',
      objectType: 'enterprise',
      objectId: e.id,
      regionCode: e.region_code ?? undefined,
      details: { uscc: e.uscc.trim(), proof: 'registry' },
    });
  }
  return { proven: proven.length };
}
