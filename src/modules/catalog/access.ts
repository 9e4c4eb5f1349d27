import type { Actor, Role, RoleGrant } from '../../kernel/actor.ts';
import { canAct, grantCovers, grantsFor, requireRole, scopeCondition, type ScopeTarget } from '../../kernel/auth.ts';
import { forbidden } from '../../kernel/errors.ts';
import { regionLevel } from '../../kernel/region-code.ts';

/**
 * Who may do what with the catalogue:
 *  - editors: a department administrator edits its own department's items (grant narrowed to
 *    the department), an administrator edits every item in the region subtree of the grant;
 *  - the data bureau (政务服务数据管理局): an administrator or data officer of the city (or
 *    province), not narrowed to a department, reviews and publishes;
 *  - staff with a catalogue role read drafts in their scope; everyone reads published items;
 *  - the platform itself (the system actor: the seed loading a city's starting catalogue) acts
 *    as editor and data bureau everywhere; it is never reachable over HTTP.
 */
export const EDIT_ROLES: readonly Role[] = ['administrator', 'department_admin'];
export const BUREAU_ROLES: readonly Role[] = ['administrator', 'data_officer'];
export const READ_ROLES: readonly Role[] = ['administrator', 'department_admin', 'data_officer', 'leader', 'approver', 'window_clerk'];

const isPlatform = (actor: Actor) => actor.kind === 'system';

export const canEdit = (actor: Actor, target: ScopeTarget) => isPlatform(actor) || canAct(actor, EDIT_ROLES, target);
export const canReadDrafts = (actor: Actor, target: ScopeTarget) => isPlatform(actor) || canAct(actor, READ_ROLES, target);

/** A data-bureau grant: city or province level, not narrowed to one department. */
const isBureauGrant = (g: RoleGrant) => g.departmentId === null && regionLevel(g.regionCode) <= 2;

export function isBureau(actor: Actor, target: ScopeTarget): boolean {
  return isPlatform(actor) || grantsFor(actor, BUREAU_ROLES).some((g) => isBureauGrant(g) && grantCovers(g, target));
}

/** An editor somewhere (who may then import; each row is checked against its department). */
export function requireEditRole(actor: Actor): void {
  if (!isPlatform(actor)) requireRole(actor, EDIT_ROLES);
}

export function requireEditor(actor: Actor, target: ScopeTarget): void {
  requireEditRole(actor);
  if (!canEdit(actor, target)) throw forbidden({ required: EDIT_ROLES, regionCode: target.regionCode });
}

export function requireBureau(actor: Actor, target: ScopeTarget): void {
  if (isPlatform(actor)) return;
  const staff = requireRole(actor, BUREAU_ROLES);
  if (!isBureau(staff, target)) throw forbidden({ required: 'data_bureau', regionCode: target.regionCode });
}

/** Any staff member who may see drafts somewhere, or a bureau member. */
export function requireCatalogStaff(actor: Actor) {
  return requireRole(actor, READ_ROLES);
}

/** SQL condition for lists of items/versions the actor may read in draft. */
export function readScopeSql(actor: Actor, columns: { region: string; department: string }, params: unknown[]): string {
  return scopeCondition(actor, READ_ROLES, columns, params);
}
