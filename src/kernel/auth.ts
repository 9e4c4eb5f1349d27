import { ANONYMOUS, type Actor, type Role, type RoleGrant, type StaffActor } from './actor.ts';
import { AppError, forbidden, unauthenticated } from './errors.ts';
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

export type ActorKind = Actor['kind'];

/**
 * Deny by default: a service that lists or reads names, at its top, the kinds of actor it
 * serves. Any other kind is refused — 401 for nobody, `403 ACTOR_KIND_NOT_ALLOWED` for a
 * signed-in kind the service did not name (a department system's token, `client`, above all:
 * it sees only what a module grants it explicitly). Returns the actor narrowed to those kinds.
 */
export function allowKinds<K extends ActorKind>(actor: Actor, kinds: readonly K[]): Extract<Actor, { kind: K }> {
  if ((kinds as readonly ActorKind[]).includes(actor.kind)) return actor as Extract<Actor, { kind: K }>;
  if (actor.kind === 'anonymous') throw unauthenticated();
  throw new AppError('ACTOR_KIND_NOT_ALLOWED', 403, { kind: actor.kind }, { kind: actor.kind, allowed: [...kinds] });
}

/**
 * A node-level administrator: an `administrator` grant whose region covers the node's whole
 * city and that is not narrowed to a department. Only such a grant (or the platform itself,
 * the `system` actor of the command line and the seed) manages what holds for the whole node:
 * department systems (OIDC clients), signing keys, the working-day calendar, node settings.
 * Without a city set up there is no node administrator among staff.
 */
export function isNodeAdmin(actor: Actor, cityCode: string | null): boolean {
  if (actor.kind === 'system') return true;
  if (!cityCode) return false;
  return grantsFor(actor, ['administrator']).some((g) => g.departmentId === null && isWithinRegion(cityCode, g.regionCode));
}

/** Throws 401 for nobody, `403 NODE_ADMIN_REQUIRED` for anyone but a node-level administrator. */
export function requireNodeAdmin(actor: Actor, cityCode: string | null): void {
  if (isNodeAdmin(actor, cityCode)) return;
  if (actor.kind === 'anonymous') throw unauthenticated();
  throw new AppError('NODE_ADMIN_REQUIRED', 403, {}, { required: 'node_administrator', cityCode });
}

export { ANONYMOUS };
