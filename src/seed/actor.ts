import type { StaffActor } from '../kernel/actor.ts';

/**
 * Whom the seed acts as when it calls module services: an administrator of the whole city, since
 * org's create functions and seal making accept only a staff grant that covers what they write.
 * The id is no account's (nobody can sign in as it); the audit log names it as the actor.
 */
export function seedAdministrator(cityCode: string): StaffActor {
  return {
    kind: 'staff',
    id: '00000000-0000-7000-8000-000000000000',
    name: '演示数据',
    username: 'seed',
    departmentId: null,
    departmentName: null,
    regionCode: cityCode,
    roles: [{ role: 'administrator', regionCode: cityCode, departmentId: null }],
  };
}
