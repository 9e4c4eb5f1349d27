import { ANONYMOUS, type Actor, type Role, type RoleGrant, type StaffActor } from './actor.ts';
import { forbidden, unauthenticated } from './errors.ts';
import { isWithinRegion, regionPrefix } from './region-code.ts';

/** Throws 401 for nobody, 403 for a signed-in user who is not staff. */
export function requireStaff(actor: Actor): StaffActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'staff') throw forbidden({ required: 'staff' });
  return actor;
}

export function grantsFor(actor: Actor, roles: readonly Role[]): RoleGrant[] {
  return actor.kind === 'staff' ? actor.roles.filter((g) => roles.includes(g.role)) : [];
}

/** Throws unless the actor holds one of the roles somewhere. */
export function requireRole(actor: Actor, roles: readonly Role[]): StaffActor {
  const staff = requireStaff(actor);
  if (grantsFor(staff, roles).length === 0) throw forbidden({ required: roles });
  return staff;
}

export interface ScopeTarget {
  regionCode: string;
  /** The department the object belongs to, if any. */
  departmentId?: string | null;
}

/**
 * A grant covers a target when the target lies in the grant's region subtree and, for a
 * grant narrowed to a department, belongs to that department.
 */
export function grantCovers(grant: RoleGrant, target: ScopeTarget): boolean {
  if (!isWithinRegion(target.regionCode, grant.regionCode)) return false;
  return grant.departmentId === null || grant.departmentId === (target.departmentId ?? null);
}

export function canAct(actor: Actor, roles: readonly Role[], target: ScopeTarget): boolean {
  return grantsFor(actor, roles).some((g) => grantCovers(g, target));
}

/** Throws 403 (or 401) unless one of the actor's grants for these roles covers the target. */
export function requireScope(actor: Actor, roles: readonly Role[], target: ScopeTarget): StaffActor {
  const staff = requireRole(actor, roles);
  if (!canAct(staff, roles, target)) throw forbidden({ required: roles, regionCode: target.regionCode });
  return staff;
}

/**
 * The same rule as an SQL condition, for lists: rows whose region lies in a granted subtree
 * (and, for department-narrowed grants, whose department matches). Appends its parameters.
 */
export function scopeCondition(
  actor: Actor,
  roles: readonly Role[],
  columns: { region: string; department?: string },
  params: unknown[],
): string {
  const parts = grantsFor(actor, roles).map((g) => {
    params.push(`${regionPrefix(g.regionCode)}%`);
    const region = `${columns.region} like $${params.length}`;
    if (g.departmentId === null) return region;
    if (!columns.department) return 'false';
    params.push(g.departmentId);
    return `(${region} and ${columns.department} = $${params.length})`;
  });
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

export { ANONYMOUS };
