import { Type } from 'typebox';
import type { Actor } from '../../../kernel/actor.ts';
import { canAct, requireStaff } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { conflict, forbidden, notFound } from '../../../kernel/errors.ts';
import { UUID_PATTERN } from '../../../kernel/ids.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { staffAbleToAct, type ColleagueRef } from '../../org/index.ts';
import { checkStaffRead, loadCase } from '../access.ts';
import { Assignee } from './schemas.ts';
import { currentStep, HEAD_ROLES } from '../model.ts';

/**
 * The colleagues the current step of a case can be assigned to (the assign dialog's list): active
 * staff holding one of the step's roles through a grant that covers the case's region and
 * department — the same test the assign action applies, so every name offered is accepted.
 */
export async function caseAssignees(q: Queryable, actor: Actor, caseId: string): Promise<ColleagueRef[]> {
  const staff = requireStaff(actor);
  const c = await loadCase(q, caseId);
  if (!c) throw notFound('case', caseId);
  checkStaffRead(staff, c);
  const step = currentStep(c);
  if (!step) throw conflict('CASE_NOT_ACTIONABLE', { status: c.status });
  const scope = { regionCode: c.region_code, departmentId: c.department_id };
  if (!canAct(staff, HEAD_ROLES, scope) && !canAct(staff, step.roles, scope)) throw forbidden({ required: [...HEAD_ROLES, ...step.roles] });
  return staffAbleToAct(q, step.roles, scope);
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
