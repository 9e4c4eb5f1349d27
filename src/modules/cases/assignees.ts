import { Type } from 'typebox';
import type { Actor, RoleGrant } from '../../kernel/actor.ts';
import { canAct, grantCovers, requireStaff } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { conflict, forbidden, notFound } from '../../kernel/errors.ts';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { staffGrantsJson } from '../org/index.ts';
import { checkStaffRead, loadCase } from './access.ts';
import { currentStep, HEAD_ROLES } from './model.ts';
import { Assignee } from './workflow-schemas.ts';

/** Those who may hand a step out besides its holder: the same heads the assign action accepts. */

export type { Assignee };

/**
 * The colleagues the current step of a case can be assigned to (the assign dialog's list): active
 * staff holding one of the step's roles through a grant that covers the case's region and
 * department — the same test the assign action applies, so every name offered is accepted.
 */
export async function caseAssignees(q: Queryable, actor: Actor, caseId: string): Promise<Assignee[]> {
  const staff = requireStaff(actor);
  const c = await loadCase(q, caseId);
  if (!c) throw notFound('case', caseId);
  checkStaffRead(staff, c);
  const step = currentStep(c);
  if (!step) throw conflict('CASE_NOT_ACTIONABLE', { status: c.status });
  const scope = { regionCode: c.region_code, departmentId: c.department_id };
  if (!canAct(staff, HEAD_ROLES, scope) && !canAct(staff, step.roles, scope)) throw forbidden({ required: [...HEAD_ROLES, ...step.roles] });
  // the SQL narrows by role and department; the region subtree test is grantCovers' own
  const rows = await q.query<Assignee & { roles: RoleGrant[] }>(
    `select s.id, s.name, d.name as "departmentName", ${staffGrantsJson('s.id')} as roles
       from staff s left join department d on d.id = s.department_id
      where s.status = 'active'
        and exists (select 1 from staff_role sr where sr.staff_id = s.id and sr.role = any($1::text[])
                      and (sr.department_id is null or sr.department_id = $2))
      order by s.name, s.id limit 500`,
    [step.roles, c.department_id],
  );
  return rows
    .filter((r) => r.roles.some((g) => step.roles.includes(g.role) && grantCovers(g, scope)))
    .map(({ id, name, departmentName }) => ({ id, name, departmentName }));
}

export function registerAssigneeRoutes(app: HttpApp, ctx: AppContext) {
  app.get('/api/cases/:id/assignees', {
    schema: {
      tags: ['cases'],
      params: Type.Object({ id: Type.String({ pattern: UUID_PATTERN }) }),
      response: { 200: Type.Object({ items: Type.Array(Assignee) }) },
    },
  }, async (req) => ({ items: await caseAssignees(ctx.db, req.actor, req.params.id) }));
}
