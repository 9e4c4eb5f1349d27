import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { loadCalendar } from '../../kernel/calendar/index.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { AppError, conflict, unprocessable } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { isWithinRegion } from '../../kernel/region-code.ts';
import { departmentRefsById } from '../org/index.ts';
import { answerArticle } from './knowledge-uses.ts';
import type { AnswerInput, DispatchInput, ReasonInput, ReplyInput, Ticket } from './schemas.ts';
import { readableTicket, recordStep, TICKET_SELECT, ticketViews, type Reader, type TicketRow } from './store.ts';
import { ACCEPT_WORKING_DAYS, type Status } from './vocab.ts';

/**
 * The steps of a ticket after intake: the centre dispatches (派单, to the department it picks —
 * the suggestion or another) or answers at once (直接答复: closed, 一次办结); the department
 * takes it (签收, due within a working day of dispatch), gives it back with a reason (退回: the
 * centre dispatches again) or finishes it with its reply (办结). Each step checks who acts and
 * from which status, at the version the actor read, and is recorded in the ticket's history.
 */
const STEPS = {
  dispatch: { by: 'centre', from: ['new', 'returned'] },
  answer: { by: 'centre', from: ['new', 'returned'] },
  accept: { by: 'department', from: ['dispatched'] },
  return: { by: 'department', from: ['dispatched', 'accepted'] },
  complete: { by: 'department', from: ['accepted'] },
} as const satisfies Record<string, { by: Reader; from: readonly Status[] }>;
type Step = keyof typeof STEPS;

async function stepOn(
  ctx: AppContext,
  actor: Actor,
  id: string,
  step: Step,
  version: number,
  apply: (tx: Tx, row: TicketRow) => Promise<string | null>,
): Promise<Ticket> {
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const { row, reader } = await readableTicket(tx, actor, id, true);
    const rule = STEPS[step];
    if (reader !== rule.by) throw new AppError('HOTLINE_STEP_NOT_ALLOWED', 403, { step }, { step });
    if (row.version !== version) throw conflict('VERSION_CONFLICT', { current: row.version }, { current: row.version });
    if (!(rule.from as readonly Status[]).includes(row.status))
      throw conflict('HOTLINE_STATUS_CONFLICT', { status: row.status, step }, { status: row.status, step });
    const note = await apply(tx, row);
    const updated = (await tx.one<TicketRow>(`${TICKET_SELECT} where t.id = $1`, [id]))!;
    // the department the step concerns: the one dispatched to, or the one giving it back
    await recordStep(tx, id, actor, step, updated.department_id ?? row.department_id, note);
    await appendAudit(tx, actor as Extract<Actor, { kind: 'staff' }>, {
      action: `hotline_ticket.${step}`,
      objectType: 'hotline_ticket',
      objectId: id,
      regionCode: row.region_code,
      details: { number: row.number },
    });
    return (await ticketViews(tx, pii, [updated], [reader]))[0]!;
  });
}

/** 派单: to a department of the ticket's region tree or above it (a city department takes a county's matter). */
export function dispatchTicket(ctx: AppContext, actor: Actor, id: string, input: DispatchInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'dispatch', input.version, async (tx, row) => {
    const department = (await departmentRefsById(tx, [input.departmentId])).get(input.departmentId);
    if (!department || !isWithinRegion(row.region_code, department.regionCode))
      throw unprocessable('HOTLINE_DEPARTMENT_OUT_OF_REGION', {}, { field: 'departmentId' });
    const today = clock.today();
    const year = Number(today.slice(0, 4));
    const acceptDue = (await loadCalendar(tx, year, year + 1)).addWorkingDays(today, ACCEPT_WORKING_DAYS);
    await tx.query(
      `update hotline_ticket set status = 'dispatched', department_id = $2, accept_due = $3, dispatched_at = clock_now(), accepted_at = null,
              version = version + 1, updated_at = clock_now() where id = $1`,
      [id, department.id, acceptDue],
    );
    return input.note?.trim() ?? null;
  });
}

/**
 * 直接答复: the centre answers from what it knows, the ticket is closed at intake (一次办结). With
 * the article it answered from, the ticket keeps which one at which version and the history names it.
 */
export function answerTicket(ctx: AppContext, actor: Actor, id: string, input: AnswerInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'answer', input.version, async (tx) => {
    const article = input.articleId ? await answerArticle(tx, actor, id, input.articleId) : null;
    await tx.query(
      `update hotline_ticket set status = 'closed', reply = $2, answered_at_intake = true, completed_at = clock_now(), kb_article_id = $3,
              kb_article_version = $4, version = version + 1, updated_at = clock_now() where id = $1`,
      [id, input.reply.trim(), article?.id ?? null, article?.version ?? null],
    );
    return article ? article.note : null;
  });
}

/** 签收. */
export function acceptTicket(ctx: AppContext, actor: Actor, id: string, version: number): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'accept', version, async (tx) => {
    await tx.query(
      `update hotline_ticket set status = 'accepted', accepted_at = clock_now(), version = version + 1, updated_at = clock_now() where id = $1`,
      [id],
    );
    return null;
  });
}

/** 退回 with the reason (not ours, wrong place …): back to the centre, which dispatches again. */
export function returnTicket(ctx: AppContext, actor: Actor, id: string, input: ReasonInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'return', input.version, async (tx) => {
    await tx.query(
      `update hotline_ticket set status = 'returned', department_id = null, accept_due = null, version = version + 1, updated_at = clock_now() where id = $1`,
      [id],
    );
    return input.reason.trim();
  });
}

/** 办结 with the department's reply to the caller. */
export function completeTicket(ctx: AppContext, actor: Actor, id: string, input: ReplyInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'complete', input.version, async (tx) => {
    await tx.query(
      `update hotline_ticket set status = 'completed', reply = $2, completed_at = clock_now(), version = version + 1, updated_at = clock_now() where id = $1`,
      [id, input.reply.trim()],
    );
    return null;
  });
}
