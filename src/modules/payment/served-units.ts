import type { Actor } from '../../kernel/actor.ts';
import { canAct, grantsFor, requireRole } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { departmentRefsById, departmentRefsInRegion, type DepartmentRef } from '../org/index.ts';
import { NOTICE_READ_ROLES } from './roles.ts';
import type { ServedUnit } from './schemas.ts';

/**
 * The collecting units (执收单位) a staff member serves: each department a read grant names, and
 * every department of the region of a grant not narrowed to one. The filter of the notice list
 * offers these and nothing else.
 */
export async function servedUnits(db: Queryable, actor: Actor): Promise<{ items: ServedUnit[] }> {
  const staff = requireRole(actor, NOTICE_READ_ROLES);
  const grants = grantsFor(staff, NOTICE_READ_ROLES);
  const named = await departmentRefsById(db, grants.flatMap((g) => (g.departmentId ? [g.departmentId] : [])));
  const units = new Map<string, DepartmentRef>(named);
  for (const g of grants) if (g.departmentId === null) for (const d of await departmentRefsInRegion(db, g.regionCode)) units.set(d.id, d);
  const items = [...units.values()]
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.code.localeCompare(b.code))
    .map((d) => ({ id: d.id, name: d.name, regionCode: d.regionCode }));
  return { items };
}

/** A list filtered by a unit the reader does not serve is refused, not answered with nothing. */
export async function requireServedUnit(db: Queryable, actor: Actor, departmentId: string): Promise<void> {
  const unit = (await departmentRefsById(db, [departmentId])).get(departmentId);
  if (!unit || !canAct(actor, NOTICE_READ_ROLES, { regionCode: unit.regionCode, departmentId: unit.id })) {
    throw new AppError('PAYMENT_UNIT_NOT_SERVED', 403, {}, { departmentId });
  }
}
