import { Type } from 'typebox';
import type { Actor } from '../../../kernel/actor.ts';
import { requireRole, scopeCondition } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { CASE_COLUMNS, currentStep, type CaseRow } from '../model.ts';
import { deadlineColour } from '../queries.ts';
import { SupervisableRow } from './schemas.ts';

/**
 * Superiors who issue 督办 (leader, administrator) over their region, and department heads over
 * their department, who give steps out and answer orders; none of them has a step inbox.
 */
const OVERSIGHT_ROLES = ['leader', 'administrator', 'department_admin'] as const;

/**
 * 在办督办 list: the cases in progress in the caller's scope, the late and nearly late first,
 * with the supervision orders still waiting for the department's reply. This is where a leader
 * finds a case to supervise and a department head one to assign.
 */
export async function supervisableCases(q: Queryable, actor: Actor, query: { late?: boolean }): Promise<SupervisableRow[]> {
  const staff = requireRole(actor, OVERSIGHT_ROLES);
  const params: unknown[] = [];
  let where = `c.status in ('submitted', 'processing') and ${scopeCondition(staff, OVERSIGHT_ROLES, { region: 'c.region_code', department: 'c.department_id' }, params)}`;
  if (query.late) where += ` and (c.overdue or c.warning is not null or c.promised_due < clock_today())`;
  const rows = await q.query<CaseRow & { open_orders: number }>(
    `select ${CASE_COLUMNS},
            (select count(*) from case_supervision s where s.case_id = c.id and s.reply is null)::int as open_orders
       from case_record c where ${where}
      order by c.promised_due nulls last, c.submitted_at limit 200`,
    params,
  );
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    itemName: c.item_name,
    applicantName: c.applicant_name,
    step: currentStep(c)?.name ?? null,
    promisedDue: c.promised_due,
    colour: deadlineColour(c),
    openOrders: Number(c.open_orders),
  }));
}

export function registerSupervisableRoutes(app: HttpApp, ctx: AppContext) {
  app.get('/api/cases/supervisable', {
    schema: {
      tags: ['cases'],
      querystring: Type.Object({ late: Type.Optional(Type.Boolean()) }),
      response: { 200: Type.Object({ items: Type.Array(SupervisableRow) }) },
    },
  }, async (req) => ({ items: await supervisableCases(ctx.db, req.actor, req.query) }));
}
