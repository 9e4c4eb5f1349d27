import type { Actor, RoleGrant } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { staffGrantsJson } from '../org/index.ts';

/**
 * One account as an Actor, read in one query wherever a request is authenticated (web session
 * cookie, bearer token). `accountSql` takes the SQL expressions of the subject's kind and id and
 * of the enterprise acted for, so it can be joined laterally to whatever carries them.
 */
export const accountSql = (kind: string, id: string, enterprise: string) => `
  select ${kind} as kind, ${id} as id,
         coalesce(s.name, p.name) as name, s.username, s.department_id, d.name as department_name,
         coalesce(s.region_code, p.region_code) as region_code, coalesce(s.status, p.status) as status,
         case when s.id is null then null else ${staffGrantsJson('s.id')} end as roles,
         ${enterprise} as acting_id,
         (e.status = 'active' and (e.legal_rep_person_id = ${id} or a.id is not null)) as acting_valid,
         e.uscc as acting_uscc, e.name as acting_name,
         case when e.legal_rep_person_id = ${id} then 'legal_rep' when a.is_admin then 'admin' else 'agent' end as acting_role,
         case when e.legal_rep_person_id = ${id} then 'all' else a.scope end as acting_scope,
         a.item_codes as acting_items
    from (select 1) as one
    left join staff s on ${kind} = 'staff' and s.id = ${id}
    left join department d on d.id = s.department_id
    left join person p on ${kind} = 'person' and p.id = ${id}
    left join enterprise e on e.id = ${enterprise}
    left join enterprise_agent a on a.enterprise_id = e.id and a.person_id = ${id} and a.revoked_at is null and a.expires_at > clock_now()`;

export interface AccountRow {
  kind: 'staff' | 'person';
  id: string;
  name: string | null;
  username: string | null;
  department_id: string | null;
  department_name: string | null;
  region_code: string | null;
  status: string | null;
  roles: RoleGrant[] | null;
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
 * nobody too, rather than silently acting for themself.
 */
export function toActor(row: AccountRow | undefined): Actor | undefined {
  if (!row || !row.name || row.status !== 'active') return undefined;
  if (row.kind === 'staff') {
    return {
      kind: 'staff',
      id: row.id,
      name: row.name,
      username: row.username ?? '',
      departmentId: row.department_id,
      departmentName: row.department_name,
      regionCode: row.region_code ?? '',
      roles: row.roles ?? [],
    };
  }
  if (!row.acting_id) return { kind: 'person', id: row.id, name: row.name };
  if (!row.acting_valid) return undefined;
  return {
    kind: 'person',
    id: row.id,
    name: row.name,
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

/** The actor of a provider account id (`<subject>` or `<person>:<enterprise>`), e.g. behind an access token. */
export async function actorForAccount(db: Queryable, subjectId: string, enterpriseId: string | null): Promise<Actor | undefined> {
  const row = await db.one<AccountRow>(
    `select a.* from (select case when exists (select 1 from staff where id = $1::uuid) then 'staff' else 'person' end as kind,
                             $1::uuid as id, $2::uuid as enterprise) v
      cross join lateral (${accountSql('v.kind', 'v.id', 'v.enterprise')}) a`,
    [subjectId, enterpriseId],
  );
  return toActor(row);
}
