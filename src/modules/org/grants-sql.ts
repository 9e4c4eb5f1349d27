import type { RoleGrant } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';

/**
 * A staff member's role grants as one JSON array column (`[{role, regionCode, departmentId}]`),
 * for queries that load an account in one round trip (the staff list, sign-in, sessions,
 * bearer tokens). `staffId` is the SQL expression of the staff member's id.
 */
export const staffGrantsJson = (staffId: string) =>
  `coalesce((select json_agg(json_build_object('role', sr.role, 'regionCode', sr.region_code,
                    'departmentId', sr.department_id) order by sr.role, sr.region_code)
               from staff_role sr where sr.staff_id = ${staffId}), '[]'::json)`;

/** An active staff member with their grants, for modules that hand work to a named colleague. */
export async function activeStaffGrants(
  q: Queryable,
  staffId: string,
): Promise<{ id: string; name: string; roles: RoleGrant[] } | undefined> {
  return q.one<{ id: string; name: string; roles: RoleGrant[] }>(
    `select s.id, s.name, ${staffGrantsJson('s.id')} as roles from staff s where s.id = $1 and s.status = 'active'`,
    [staffId],
  );
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
