import type { Role, RoleGrant } from '../../kernel/actor.ts';
import { grantCovers, type ScopeTarget } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { staffGrantsJson } from './grants-sql.ts';

/** Finding colleagues for a piece of work: whom it may be handed to, whom to alert about it. */

export interface ColleagueRef {
  id: string;
  name: string;
  departmentName: string | null;
}

/**
 * Active staff who may act on a target with one of `roles`: a grant of such a role covers the
 * target's region and department — the test `requireScope` applies when they do act, so everyone
 * listed would be accepted. At most `limit` candidates are read, ordered by name.
 */
export async function staffAbleToAct(q: Queryable, roles: readonly Role[], target: ScopeTarget, limit = 500): Promise<ColleagueRef[]> {
  // the SQL narrows by role and department; the region subtree test is grantCovers' own
  const rows = await q.query<ColleagueRef & { roles: RoleGrant[] } & Record<string, unknown>>(
    `select s.id, s.name, d.name as "departmentName", ${staffGrantsJson('s.id')} as roles
       from staff s left join department d on d.id = s.department_id
      where s.status = 'active'
        and exists (select 1 from staff_role sr where sr.staff_id = s.id and sr.role = any($1::text[])
                      and (sr.department_id is null or sr.department_id = $2))
      order by s.name, s.id limit $3`,
    [[...roles], target.departmentId ?? null, limit],
  );
  return rows
    .filter((r) => r.roles.some((g) => roles.includes(g.role) && grantCovers(g, target)))
    .map(({ id, name, departmentName }) => ({ id, name, departmentName }));
}

/**
 * Active staff to alert about a department's work: the named ones, plus whoever holds one of
 * `roles` narrowed to that department (its heads). Phones stay encrypted: the caller decrypts.
 */
export async function staffToAlert(
  q: Queryable,
  input: { staffIds: string[]; departmentId: string; roles: readonly string[] },
): Promise<{ id: string; name: string; phoneEnc: string | null }[]> {
  return q.query<{ id: string; name: string; phoneEnc: string | null }>(
    `select s.id, s.name, s.phone_enc as "phoneEnc" from staff s
      where s.status = 'active'
        and (s.id = any($1::uuid[])
             or exists (select 1 from staff_role r where r.staff_id = s.id and r.department_id = $2 and r.role = any($3::text[])))
      order by s.id`,
    [input.staffIds, input.departmentId, [...input.roles]],
  );
}

/**
 * Active staff working in a department (their own department, as a hotline ticket's handlers
 * are) who hold one of `roles`, whether the grant is narrowed to that department or not.
 */
export async function departmentStaffWith(q: Queryable, departmentId: string, roles: readonly string[]): Promise<{ id: string; name: string }[]> {
  return q.query<{ id: string; name: string }>(
    `select s.id, s.name from staff s
      where s.status = 'active' and s.department_id = $1
        and exists (select 1 from staff_role r where r.staff_id = s.id and r.role = any($2::text[]) and (r.department_id is null or r.department_id = $1))
      order by s.id`,
    [departmentId, [...roles]],
  );
}
