import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db, Queryable } from '../../kernel/db/index.ts';
import { AppError, conflict, forbidden, isUniqueViolation, notFound, unauthenticated, unprocessable } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { maskPhone } from '../../kernel/validate/idcard.ts';
import { validateUscc } from '../../kernel/validate/uscc.ts';
import * as clock from '../../kernel/clock.ts';
import { tableLegalEntityRegistry } from './legal-entities.ts';
import { proveLegalRep, registryVerdict } from './legal-rep.ts';
import type { ActingOption, Agent, AgentGrant, EnterpriseRegistered, PendingEnterprise } from './schemas.ts';

/** How a person may act for an enterprise (legal representative or authorised agent), and until when. */
export type ActingFor = ActingOption;

const ENTERPRISE_NAME = /^[\p{Script=Han}A-Za-z0-9（）()·&\- ]{2,100}$/u;

/** Agents are authorised for at most three years, then the enterprise confirms them again. */
const MAX_AGENT_DAYS = 3 * 366;

function requirePerson(actor: Actor): Extract<Actor, { kind: 'person' }> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden();
  return actor;
}

/**
 * Register an enterprise with the caller as its legal representative (level 2 or higher). The
 * legal-entity registry decides: the caller's verified ID number and name match its legal
 * representative → proven at once; the registry does not know the code, or knows the ID number
 * under another name → recorded as pending, to be verified in person at a window; it names
 * someone else, or the enterprise is revoked or deregistered → refused, nothing written.
 * A pending claim by someone else gives way to a registry match, and otherwise stands until a
 * window decides (409 ENTERPRISE_CLAIM_PENDING), so an unproven claim cannot lock the code.
 */
export async function registerEnterprise(db: Db, actor: Actor, input: { uscc: string; name: string }): Promise<EnterpriseRegistered> {
  const person = requirePerson(actor);
  const uscc = input.uscc.trim().toUpperCase();
  const check = validateUscc(uscc);
  if (!check.ok) throw unprocessable('USCC_INVALID', { reason: check.reason }, { field: 'uscc', reason: check.reason });
  const typedName = input.name.trim();
  if (!ENTERPRISE_NAME.test(typedName)) throw unprocessable('ENTERPRISE_NAME_INVALID', {}, { field: 'name' });
  return db.transaction(async (tx) => {
    const me = await tx.one<{ level: number; region_code: string | null; name: string; id_number_index: string }>(
      'select assurance_level as level, region_code, name, id_number_index from person where id = $1',
      [person.id],
    );
    if (!me || me.level < 2) throw new AppError('ASSURANCE_TOO_LOW', 403, { level: 2 });
    const verdict = await registryVerdict(tableLegalEntityRegistry(tx), uscc, { name: me.name, idNumberIndex: me.id_number_index });
    // the registry's name and region are the enterprise's; the typed name only when it knows nothing
    const name = verdict.entity?.name ?? typedName;
    const regionCode = verdict.entity?.regionCode ?? me.region_code;
    const answer = (id: string): EnterpriseRegistered =>
      verdict.kind === 'match' ? { id, legalRep: 'proven', pendingReason: null } : { id, legalRep: 'pending', pendingReason: verdict.reason };

    const existing = await tx.one<{ id: string; legal_rep_person_id: string; legal_rep_proof: string | null; region_code: string | null }>(
      'select id, legal_rep_person_id, legal_rep_proof, region_code from enterprise where uscc = $1 for update',
      [uscc],
    );
    if (existing) {
      if (existing.legal_rep_proof) throw conflict('ENTERPRISE_EXISTS');
      if (verdict.kind !== 'match') {
        if (existing.legal_rep_person_id === person.id) throw conflict('ENTERPRISE_EXISTS');
        throw conflict('ENTERPRISE_CLAIM_PENDING', {}, { uscc });
      }
      await tx.query('update enterprise set name = $2, region_code = $3 where id = $1', [existing.id, name, regionCode]);
      await proveLegalRep(tx, actor, { id: existing.id, uscc, regionCode, claimantId: existing.legal_rep_person_id }, person.id, { proof: 'registry' });
      return answer(existing.id);
    }
    const id = uuidv7();
    try {
      await tx.query('savepoint enterprise_insert');
      await tx.query('insert into enterprise (id, uscc, name, legal_rep_person_id, region_code) values ($1, $2, $3, $4, $5)', [id, uscc, name, person.id, regionCode]);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      await tx.query('rollback to savepoint enterprise_insert');
      throw conflict('ENTERPRISE_EXISTS');
    }
    await appendAudit(tx, actor, {
      action: 'enterprise.register',
      objectType: 'enterprise',
      objectId: id,
      regionCode,
      details: { uscc, legalRep: verdict.kind === 'match' ? 'proven' : 'pending', pendingReason: verdict.kind === 'pending' ? verdict.reason : null },
    });
    if (verdict.kind === 'match') await proveLegalRep(tx, actor, { id, uscc, regionCode, claimantId: person.id }, person.id, { proof: 'registry' });
    return answer(id);
  });
}

/** Enterprises the person registered whose legal representation awaits a window (我的企业 shows them). */
export async function pendingEnterprises(db: Queryable, personId: string): Promise<PendingEnterprise[]> {
  const rows = await db.query<{ id: string; uscc: string; name: string; created_at: Date }>(
    `select id, uscc, name, created_at from enterprise
      where legal_rep_person_id = $1 and legal_rep_proof is null and status = 'active' order by created_at`,
    [personId],
  );
  return rows.map((r) => ({ enterpriseId: r.id, uscc: r.uscc.trim(), name: r.name, registeredAt: new Date(r.created_at).toISOString() }));
}

/**
 * Everyone the person may act for now: expired and revoked authorisations are left out, and so is
 * every enterprise whose legal representative is not proven (its agents included).
 */
export async function actingOptions(db: Queryable, personId: string): Promise<ActingFor[]> {
  const rows = await db.query<{ id: string; uscc: string; name: string; role: ActingFor['role']; scope: ActingFor['scope']; item_codes: string[]; expires_at: Date | null }>(
    `select e.id, e.uscc, e.name, 'legal_rep' as role, 'all' as scope, '{}'::text[] as item_codes, null::timestamptz as expires_at
       from enterprise e where e.legal_rep_person_id = $1 and e.status = 'active' and e.legal_rep_proof is not null
     union all
     select e.id, e.uscc, e.name, case when a.is_admin then 'admin' else 'agent' end, a.scope, a.item_codes, a.expires_at
       from enterprise_agent a join enterprise e on e.id = a.enterprise_id
      where a.person_id = $1 and a.revoked_at is null and a.expires_at > clock_now() and e.status = 'active'
        and e.legal_rep_proof is not null and e.legal_rep_person_id <> $1
     order by 3`,
    [personId],
  );
  return rows.map((r) => ({
    enterpriseId: r.id,
    uscc: r.uscc.trim(),
    name: r.name,
    role: r.role,
    scope: r.scope,
    itemCodes: r.item_codes,
    expiresAt: r.expires_at ? new Date(r.expires_at).toISOString() : null,
  }));
}

/** The authorisation for one enterprise, checked again at every use (it may expire or be revoked). */
export async function actingFor(db: Queryable, personId: string, enterpriseId: string): Promise<ActingFor | undefined> {
  return (await actingOptions(db, personId)).find((o) => o.enterpriseId === enterpriseId);
}

/**
 * Authorise a person as an agent (经办人). The legal representative may authorise anyone,
 * including enterprise administrators; an enterprise administrator may authorise plain agents.
 */
export async function grantAgent(db: Db, pii: PersonalData, actor: Actor, enterpriseId: string, input: AgentGrant): Promise<{ id: string }> {
  const person = requirePerson(actor);
  const mine = await actingFor(db, person.id, enterpriseId);
  if (!mine || mine.role === 'agent' || (input.isAdmin && mine.role !== 'legal_rep')) throw forbidden();
  const expires = new Date(input.expiresAt);
  const days = (expires.getTime() - clock.nowMs()) / 86_400_000;
  if (!Number.isFinite(days) || days <= 0 || days > MAX_AGENT_DAYS) throw unprocessable('AGENT_EXPIRY_INVALID', {}, { field: 'expiresAt' });
  const itemCodes = input.scope === 'items' ? [...new Set(input.itemCodes ?? [])] : [];
  if (input.scope === 'items' && itemCodes.length === 0) throw unprocessable('AGENT_ITEMS_REQUIRED', {}, { field: 'itemCodes' });
  const lookup = input.idNumber ?? input.phone;
  if (!lookup) throw unprocessable('AGENT_PERSON_REQUIRED', {}, { field: 'phone' });
  const agent = await db.one<{ id: string }>('select id from person where id_number_index = $1 or phone_index = $1', [pii.index(lookup)]);
  if (!agent) throw new AppError('PERSON_NOT_FOUND', 404, {}, { field: input.idNumber ? 'idNumber' : 'phone' });
  if (agent.id === person.id) throw unprocessable('AGENT_IS_SELF');
  return db.transaction(async (tx) => {
    const id = uuidv7();
    // a new authorisation replaces the person's current one for this enterprise
    await tx.query('update enterprise_agent set revoked_at = clock_now() where enterprise_id = $1 and person_id = $2 and revoked_at is null', [enterpriseId, agent.id]);
    await tx.query(
      `insert into enterprise_agent (id, enterprise_id, person_id, is_admin, scope, item_codes, expires_at, granted_by) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, enterpriseId, agent.id, input.isAdmin ?? false, input.scope, itemCodes, expires.toISOString(), person.id],
    );
    await appendAudit(tx, actor, { action: 'enterprise.agent_grant', objectType: 'enterprise', objectId: enterpriseId, details: { agent: agent.id, scope: input.scope, itemCodes, expiresAt: expires.toISOString(), isAdmin: input.isAdmin ?? false } });
    return { id };
  });
}

export async function revokeAgent(db: Db, actor: Actor, enterpriseId: string, grantId: string): Promise<void> {
  const person = requirePerson(actor);
  const mine = await actingFor(db, person.id, enterpriseId);
  if (!mine || mine.role === 'agent') throw forbidden();
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ is_admin: boolean }>(
      'update enterprise_agent set revoked_at = clock_now() where id = $1 and enterprise_id = $2 and revoked_at is null returning is_admin',
      [grantId, enterpriseId],
    );
    if (rows.length === 0) throw notFound('enterprise_agent', grantId);
    if (rows[0]!.is_admin && mine.role !== 'legal_rep') throw forbidden();
    await appendAudit(tx, actor, { action: 'enterprise.agent_revoke', objectType: 'enterprise', objectId: enterpriseId, details: { grant: grantId } });
  });
}

/** The enterprise's agents, for its legal representative and administrators. */
export async function listAgents(db: Db, pii: PersonalData, actor: Actor, enterpriseId: string): Promise<Agent[]> {
  const person = requirePerson(actor);
  const mine = await actingFor(db, person.id, enterpriseId);
  if (!mine || mine.role === 'agent') throw forbidden();
  const rows = await db.query<{ id: string; name: string; phone_enc: string | null; is_admin: boolean; scope: 'all' | 'items'; item_codes: string[]; expires_at: Date; revoked_at: Date | null }>(
    `select a.id, p.name, p.phone_enc, a.is_admin, a.scope, a.item_codes, a.expires_at, a.revoked_at
       from enterprise_agent a join person p on p.id = a.person_id where a.enterprise_id = $1 order by a.created_at desc`,
    [enterpriseId],
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone_enc ? maskPhone(pii.decrypt(r.phone_enc)) : null,
    isAdmin: r.is_admin,
    scope: r.scope,
    itemCodes: r.item_codes,
    expiresAt: new Date(r.expires_at).toISOString(),
    status: r.revoked_at ? 'revoked' : new Date(r.expires_at) <= clock.now() ? 'expired' : 'active',
  }));
}
