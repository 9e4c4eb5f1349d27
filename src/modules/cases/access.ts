import type { Actor, Role, StaffActor } from '../../kernel/actor.ts';
import { allowKinds, canAct, grantsFor, requireStaff } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../kernel/errors.ts';
import { regionPrefix, isWithinRegion } from '../../kernel/region-code.ts';
import { CASE_COLUMNS, READ_ROLES, type CaseRow, type Step } from './model.ts';

/** The applicant side: the person, or whoever acts for the applicant enterprise now. */
export function isApplicantOf(actor: Actor, c: CaseRow): boolean {
  if (actor.kind !== 'person') return false;
  if (c.applicant_kind === 'enterprise') return actor.actingFor?.enterpriseId === c.applicant_enterprise_id;
  return !actor.actingFor && c.owner_person_id === actor.id;
}

/**
 * Staff read a case when a grant of a case role covers its region and department. Outside the
 * region the case does not exist for them (404); inside the region but another department's
 * case, they are told it is not theirs (403).
 */
export function checkStaffRead(actor: StaffActor, c: CaseRow): void {
  const target = { regionCode: c.region_code, departmentId: c.department_id };
  if (canAct(actor, READ_ROLES, target)) return;
  const inRegion = grantsFor(actor, READ_ROLES).some((g) => isWithinRegion(c.region_code, g.regionCode));
  if (!inRegion) throw notFound('case', c.id);
  throw forbidden({ departmentId: c.department_id });
}

export async function loadCase(q: Queryable, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  return q.one<CaseRow>(`select ${CASE_COLUMNS} from case_record c where c.id = $1${forUpdate ? ' for update' : ''}`, [id]);
}

/**
 * A case the actor may read: its applicant, or staff in scope. Others get 404 (ids are not
 * probed). Every read of one case passes here (detail, materials, results, receipt), so the
 * kinds are named here: persons and staff; anyone else (a department system's token) 403.
 */
export async function readableCase(q: Queryable, actor: Actor, id: string, forUpdate = false): Promise<CaseRow> {
  allowKinds(actor, ['person', 'staff']);
  const c = await loadCase(q, id, forUpdate);
  if (!c) throw notFound('case', id);
  if (actor.kind === 'staff') checkStaffRead(actor, c);
  else if (!isApplicantOf(actor, c)) throw notFound('case', id);
  return c;
}

/** A case the actor may change as its applicant (owner of a draft, or the acting enterprise). */
export async function ownCase(q: Queryable, actor: Actor, id: string): Promise<CaseRow> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'applicant' });
  return readableCase(q, actor, id, true);
}

/** Staff acting on the current step: one of its roles must cover the case's region and department. */
export function requireStepActor(actor: Actor, c: CaseRow, step: Step): StaffActor {
  const staff = requireStaff(actor);
  checkStaffRead(staff, c);
  if (!canAct(staff, step.roles, { regionCode: c.region_code, departmentId: c.department_id }))
    throw new AppError('CASE_STEP_NOT_YOURS', 403, { step: step.name }, { step: step.key, roles: step.roles });
  return staff;
}

/**
 * SQL for the cases a staff member may act on now: per grant, its region subtree, its department
 * (if narrowed) and its role among the current step's roles. Appends parameters.
 */
export function inboxCondition(actor: StaffActor, roles: readonly Role[], params: unknown[]): string {
  const parts = grantsFor(actor, roles).map((g) => {
    params.push(`${regionPrefix(g.regionCode)}%`, g.role);
    let sql = `(c.region_code like $${params.length - 1} and $${params.length} = any(c.current_roles)`;
    if (g.departmentId) {
      params.push(g.departmentId);
      sql += ` and c.department_id = $${params.length}`;
    }
    return `${sql})`;
  });
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}
