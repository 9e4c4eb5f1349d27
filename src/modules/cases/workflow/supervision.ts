import type { Actor } from '../../../kernel/actor.ts';
import { canAct, requireStaff } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../../kernel/errors.ts';
import { emit } from '../../../kernel/events/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { personalData } from '../../../kernel/pii.ts';
import { checkStaffRead, loadCase } from '../access.ts';
import { calendarFor, startOfDay, today } from './clocks.ts';
import { SUPERVISION_DUE } from '../events.ts';
import { FINAL_STATUSES } from '../model.ts';
import { notifySupervision } from './staff-notices.ts';
import { recordTransition } from './transitions.ts';
import type { Supervision } from '../schemas.ts';

/** 督办 comes from above: leaders and the node's administrators over the case's region. */
const SUPERVISOR_ROLES = ['leader', 'administrator'] as const;
/** The handling department answers. */
const REPLY_ROLES = ['approver', 'department_admin'] as const;

export type { Supervision };

/**
 * A superior issues a supervision order (督办单) on a case still in progress; the department
 * must reply by the due day, and a timer reminds it on that day if it has not.
 */
export async function superviseCase(ctx: AppContext, actor: Actor, caseId: string, input: { opinion: string; replyInDays: number }) {
  const pii = personalData(ctx.config.masterKey);
  const staff = requireStaff(actor);
  const opinion = input.opinion.trim();
  if (!opinion) throw validationFailed('opinion', 'REQUIRED');
  return ctx.db.transaction(async (tx) => {
    const c = await loadCase(tx, caseId, true);
    if (!c) throw notFound('case', caseId);
    if (!canAct(staff, SUPERVISOR_ROLES, { regionCode: c.region_code })) {
      checkStaffRead(staff, c);
      throw forbidden({ required: SUPERVISOR_ROLES });
    }
    if (c.status === 'draft' || FINAL_STATUSES.includes(c.status)) throw conflict('CASE_NOT_SUPERVISABLE', { status: c.status });
    const day = today();
    const cal = await calendarFor(tx, day, input.replyInDays + 10);
    const due = cal.addWorkingDays(day, input.replyInDays);
    const id = uuidv7();
    await tx.query(
      `insert into case_supervision (id, case_id, issued_by, issued_by_name, opinion, reply_due) values ($1, $2, $3, $4, $5, $6)`,
      [id, c.id, staff.id, staff.name, opinion, due],
    );
    await emit(tx, SUPERVISION_DUE, { caseId: c.id, supervisionId: id }, {
      regionCode: c.region_code,
      dueAt: startOfDay(cal.addWorkingDays(due, 1)),
      dedupeKey: `case-supervision:${id}`,
    });
    await recordTransition(tx, pii, actor, c, { kind: 'supervised', opinion, details: { supervisionId: id, replyDue: due } });
    await notifySupervision(tx, c, 'supervised', id, { by: staff.name, opinion: opinion.slice(0, 200), replyDue: due });
    return { id, replyDue: due };
  });
}

/** The department's reply to a supervision order; once. */
export async function replySupervision(ctx: AppContext, actor: Actor, caseId: string, supervisionId: string, input: { reply: string }) {
  const pii = personalData(ctx.config.masterKey);
  const staff = requireStaff(actor);
  const reply = input.reply.trim();
  if (!reply) throw validationFailed('reply', 'REQUIRED');
  return ctx.db.transaction(async (tx) => {
    const c = await loadCase(tx, caseId, true);
    if (!c) throw notFound('case', caseId);
    checkStaffRead(staff, c);
    if (!canAct(staff, REPLY_ROLES, { regionCode: c.region_code, departmentId: c.department_id })) throw forbidden({ required: REPLY_ROLES });
    const s = await tx.one<{ reply: string | null }>(`select reply from case_supervision where id = $1 and case_id = $2 for update`, [supervisionId, caseId]);
    if (!s) throw notFound('supervision', supervisionId);
    if (s.reply !== null) throw conflict('SUPERVISION_REPLIED');
    await tx.query(`update case_supervision set reply = $2, replied_by = $3, replied_by_name = $4, replied_at = clock_now() where id = $1`, [
      supervisionId, reply, staff.id, staff.name,
    ]);
    await recordTransition(tx, pii, actor, c, { kind: 'supervision_replied', opinion: reply, details: { supervisionId } });
    return { id: supervisionId };
  });
}

export async function caseSupervisions(q: Queryable, caseId: string): Promise<Supervision[]> {
  return q.query<Supervision>(
    `select id, issued_by_name as "issuedByName", opinion, to_char(reply_due, 'YYYY-MM-DD') as "replyDue", reply,
            replied_by_name as "repliedByName", replied_at as "repliedAt", created_at as "createdAt"
       from case_supervision where case_id = $1 order by created_at, id`,
    [caseId],
  ).then((rows) => rows.map((r) => ({ ...r, repliedAt: r.repliedAt && new Date(r.repliedAt).toISOString(), createdAt: new Date(r.createdAt).toISOString() })));
}
