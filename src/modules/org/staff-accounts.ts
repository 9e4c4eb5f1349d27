import type { StaffActor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { staffGrantsJson } from './grants-sql.ts';

/**
 * Staff accounts as identity signs them in and recognises them. The staff row (and its password
 * hash) is org's; identity owns the sign-in rules and asks through these functions.
 */

/**
 * An active staff member as the actor of a request, with department name and grants, in one
 * query: identity calls it once per staff request (session cookie or bearer token). A disabled
 * or unknown id is nobody.
 */
export async function staffActor(q: Queryable, staffId: string): Promise<StaffActor | undefined> {
  const row = await q.one<Omit<StaffActor, 'kind'>>(
    `select s.id, s.name, s.username, s.department_id as "departmentId", d.name as "departmentName",
            s.region_code as "regionCode", ${staffGrantsJson('s.id')} as roles
       from staff s left join department d on d.id = s.department_id
      where s.id = $1::uuid and s.status = 'active'`,
    [staffId],
  );
  return row && { kind: 'staff', ...row };
}

/** What a password sign-in checks for an active staff user name. */
export interface StaffCredentials {
  id: string;
  passwordHash: string;
  regionCode: string;
}

export async function staffCredentials(q: Queryable, username: string): Promise<StaffCredentials | undefined> {
  return q.one<StaffCredentials & Record<string, unknown>>(
    `select id, password_hash as "passwordHash", region_code as "regionCode" from staff where username = $1 and status = 'active'`,
    [username],
  );
}

/** Store a new hash of the same password (identity upgrades old hashes at a successful sign-in). */
export async function replaceStaffPasswordHash(q: Queryable, staffId: string, passwordHash: string): Promise<void> {
  await q.query('update staff set password_hash = $2 where id = $1', [staffId, passwordHash]);
}
