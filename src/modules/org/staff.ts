import type { Actor, RoleGrant } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct, requireScope } from '../../kernel/auth.ts';
import type { Db } from '../../kernel/db/index.ts';
import { forbidden, notFound, unprocessable } from '../../kernel/errors.ts';
import { staffGrantsJson } from './grants-sql.ts';
import { maskPhone } from '../../kernel/validate/idcard.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { hashPassword } from '../../kernel/crypto/password.ts';
import { entityStore } from './entity.ts';
import { checkReferences } from './references.ts';
import type { Staff } from './schemas.ts';

type StaffRow = Staff & { phoneEnc?: string | null };

const ADMIN_ROLES = ['administrator', 'department_admin'] as const;

/** Staff accounts; phones are kept encrypted and shown masked. */
export function staffStore(pii: PersonalData) {
  return entityStore<StaffRow>({
    entity: 'staff',
    table: 'staff',
    alias: 's',
    from: 'staff s left join department d on d.id = s.department_id',
    select: `s.id, s.username, s.name, s.department_id, s.region_code, s.phone_enc, s.status, s.version,
             s.created_at, s.updated_at, d.name as department_name,
             ${staffGrantsJson('s.id')} as roles`,
    searchColumns: ['s.name', 's.username'],
    filters: { departmentId: 's.department_id', status: 's.status' },
    orderBy: 's.username',
    readRoles: ADMIN_ROLES,
    writeRoles: ADMIN_ROLES,
    departmentColumn: 's.department_id',
    uniqueConstraints: { staff_username_key: 'USERNAME_TAKEN' },
    inUseCode: 'STAFF_IN_USE',
    scopeOf: (row) => ({ regionCode: String(row.regionCode), departmentId: (row.departmentId as string | null) ?? null }),
    async prepare(tx, _actor, input) {
      await checkReferences(tx, input);
      const { password, phone, ...rest } = input;
      const values: Record<string, unknown> = { ...rest };
      if (typeof password === 'string') values.passwordHash = await hashPassword(password);
      if (typeof phone === 'string') {
        values.phoneEnc = pii.encrypt(phone);
        values.phoneIndex = pii.index(phone);
      }
      return values;
    },
    present(row) {
      const { phoneEnc, ...rest } = row;
      return { ...rest, phone: phoneEnc ? maskPhone(pii.decrypt(phoneEnc)) : null } as StaffRow;
    },
  });
}

/**
 * Replace a staff member's roles. Nobody can hand out more than they hold: an administrator
 * grants only inside their own region scope; a department administrator grants only
 * non-administrative roles inside their own department.
 */
export async function setStaffRoles(db: Pick<Db, 'transaction'>, store: ReturnType<typeof staffStore>, actor: Actor, id: string, roles: RoleGrant[]) {
  return db.transaction(async (tx) => {
    const staff = await store.fetch(tx, id);
    if (!staff) throw notFound('staff', id);
    requireScope(actor, ADMIN_ROLES, { regionCode: staff.regionCode, departmentId: staff.departmentId });
    for (const grant of roles) {
      const target = { regionCode: grant.regionCode, departmentId: grant.departmentId };
      const allowed =
        canAct(actor, ['administrator'], target) ||
        (!ADMIN_ROLES.includes(grant.role as (typeof ADMIN_ROLES)[number]) &&
          grant.departmentId !== null &&
          canAct(actor, ['department_admin'], target));
      if (!allowed) throw forbidden({ grant });
      await checkReferences(tx, { regionCode: grant.regionCode, departmentId: grant.departmentId });
    }
    const unique = new Set(roles.map((g) => `${g.role}/${g.regionCode}/${g.departmentId ?? ''}`));
    if (unique.size !== roles.length) throw unprocessable('DUPLICATE_ROLE', {}, { field: 'roles' });
    const before = staff.roles;
    await tx.query('delete from staff_role where staff_id = $1', [id]);
    for (const g of roles) {
      await tx.query('insert into staff_role (staff_id, role, region_code, department_id) values ($1, $2, $3, $4)', [
        id,
        g.role,
        g.regionCode,
        g.departmentId,
      ]);
    }
    await appendAudit(tx, actor, {
      action: 'staff.roles',
      objectType: 'staff',
      objectId: id,
      regionCode: staff.regionCode,
      details: { before, after: roles },
    });
    return store.get(tx, actor, id);
  });
}
