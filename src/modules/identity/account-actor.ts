import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { staffActor } from '../org/index.ts';

/**
 * One account as an Actor, wherever a request is authenticated (web session cookie, bearer
 * token). Staff are org's: `staffActor` reads one with its grants in one query. A person and the
 * enterprise they act for are identity's: `personAccountSql` takes the SQL expressions of the
 * person's id and of the enterprise acted for, so it can be joined laterally to whatever carries
 * them and the person is read in the same query.
 */
export const personAccountSql = (id: string, enterprise: string) => `
  select p.id as person_id, p.name, p.status,
         ${enterprise} as acting_id,
         (e.status = 'active' and e.legal_rep_proof is not null and (e.legal_rep_person_id = ${id} or a.id is not null)) as acting_valid,
         e.uscc as acting_uscc, e.name as acting_name,
         case when e.legal_rep_person_id = ${id} then 'legal_rep' when a.is_admin then 'admin' else 'agent' end as acting_role,
         case when e.legal_rep_person_id = ${id} then 'all' else a.scope end as acting_scope,
         a.item_codes as acting_items
    from (select 1) as one
    left join person p on p.id = ${id}
    left join enterprise e on e.id = ${enterprise}
    left join enterprise_agent a on a.enterprise_id = e.id and a.person_id = ${id} and a.revoked_at is null and a.expires_at > clock_now()`;

export interface PersonAccountRow {
  /** null when no person has the id */
  person_id: string | null;
  name: string | null;
  status: string | null;
  acting_id: string | null;
  acting_valid: boolean | null;
  acting_uscc: string | null;
  acting_name: string | null;
  acting_role: 'legal_rep' | 'admin' | 'agent' | null;
  acting_scope: 'all' | 'items' | null;
  acting_items: string[] | null;
  [key: string]: unknown;
}

/**
 * A disabled account is nobody, and an agent whose authorisation expired or was revoked is
 * nobody too, rather than silently acting for themself; so is anyone acting for an enterprise
 * whose legal representative is not proven (acting_valid, above).
 */
export function personActor(row: PersonAccountRow | undefined): Actor | undefined {
  if (!row?.person_id || !row.name || row.status !== 'active') return undefined;
  const person = { kind: 'person' as const, id: row.person_id, name: row.name };
  if (!row.acting_id) return person;
  if (!row.acting_valid) return undefined;
  return {
    ...person,
    actingFor: {
      enterpriseId: row.acting_id,
      uscc: (row.acting_uscc ?? '').trim(),
      name: row.acting_name ?? '',
      role: row.acting_role ?? 'agent',
      scope: row.acting_scope ?? 'items',
      itemCodes: row.acting_items ?? [],
    },
  };
}

/**
 * The actor of a provider account id (`<subject>` or `<person>:<enterprise>`), e.g. behind an
 * access token: a person in one query, a staff member in a second (no person has that id).
 */
export async function actorForAccount(db: Queryable, subjectId: string, enterpriseId: string | null): Promise<Actor | undefined> {
  const row = await db.one<PersonAccountRow>(
    `select a.* from (select $1::uuid as id, $2::uuid as enterprise) v
      cross join lateral (${personAccountSql('v.id', 'v.enterprise')}) a`,
    [subjectId, enterpriseId],
  );
  return row?.person_id ? personActor(row) : staffActor(db, subjectId);
}
