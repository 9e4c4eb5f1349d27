import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { shanghaiDate } from '../../kernel/calendar/index.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { AppError, conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { isWithinRegion } from '../../kernel/region-code.ts';
import { departmentRefsById } from '../org/index.ts';
import { answerArticle } from './knowledge-uses.ts';
import { ticketCategory } from './categories.ts';
import { calendarFrom, completeDue, handlingDeadlines, scheduleDeadline } from './deadlines.ts';
import { sendSurvey } from './sms-survey.ts';
import type { AnswerInput, DispatchInput, MergeInput, ReasonInput, ReplyInput, Ticket, Versioned } from './schemas.ts';
import { readableTicket, recordStep, TICKET_SELECT, ticketViews, type Reader, type TicketRow } from './store.ts';
import { DUE_WORKING_DAYS, OPEN, type Status } from './vocab.ts';

/**
 * The steps of a ticket after intake: the centre dispatches (派单, to the department it picks —
 * the suggestion or another) or answers at once (直接答复: closed, 一次办结); the department
 * takes it (签收, due within a working day of dispatch), gives it back with a reason (退回: the
 * centre dispatches again) or finishes it with its reply (办结); on the way the department asks
 * for more days (延期, the centre decides), the centre supervises (督办, the department replies),
 * reopens a finished ticket (重办) and calls the caller back (回访). Each step checks who acts
 * and from which status, at the version the actor read, and is recorded in the ticket's history.
 */
export const STEPS = {
  dispatch: { by: 'centre', from: ['new', 'returned'] },
  answer: { by: 'centre', from: ['new', 'returned'] },
  merge: { by: 'centre', from: ['new', 'returned'] },
  accept: { by: 'department', from: ['dispatched'] },
  return: { by: 'department', from: ['dispatched', 'accepted'] },
  complete: { by: 'department', from: ['accepted'] },
  extend_request: { by: 'department', from: ['accepted'] },
  extend_approve: { by: 'centre', from: ['accepted'] },
  extend_refuse: { by: 'centre', from: ['accepted'] },
  supervise: { by: 'centre', from: ['dispatched', 'accepted', 'completed'] },
  supervise_reply: { by: 'department', from: ['dispatched', 'accepted', 'completed'] },
  reopen: { by: 'centre', from: ['completed'] },
  callback: { by: 'centre', from: ['completed'] },
  onsite: { by: 'centre', from: ['new', 'returned', 'dispatched', 'accepted'] },
} as const satisfies Record<string, { by: Reader; from: readonly Status[] }>;
export type Step = keyof typeof STEPS;

/**
 * One step in one transaction: the ticket locked and read as this actor may, the rule checked,
 * `apply` writes (bumping the version) and returns the note for the history.
 */
export async function stepOn(
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

/** An open 延期 request lapses when the ticket leaves the department's hands (退回, 办结). */
const lapseExtension = (tx: Tx, id: string) =>
  tx.query(`update hotline_extension set status = 'lapsed', decided_at = clock_now() where ticket_id = $1 and status = 'open'`, [
    id,
  ]);

/** 派单: to a department of the ticket's region tree or above it (a city department takes a county's matter). */
export function dispatchTicket(ctx: AppContext, actor: Actor, id: string, input: DispatchInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'dispatch', input.version, async (tx, row) => {
    const dueDate = await classify(tx, row, input);
    const department = (await departmentRefsById(tx, [input.departmentId])).get(input.departmentId);
    if (!department || !isWithinRegion(row.region_code, department.regionCode))
      throw unprocessable('HOTLINE_DEPARTMENT_OUT_OF_REGION', {}, { field: 'departmentId' });
    // the 办结 deadline runs from intake (the caller has waited since then); 签收 from now
    const { acceptDue } = await handlingDeadlines(tx, row.kind);
    await tx.query(
      `update hotline_ticket set status = 'dispatched', department_id = $2, accept_due = $3, dispatched_at = clock_now(), accepted_at = null,
              version = version + 1, updated_at = clock_now() where id = $1`,
      [id, department.id, acceptDue],
    );
    await scheduleDeadline(tx, row, 'accept', acceptDue);
    await scheduleDeadline(tx, row, 'complete', dueDate);
    return input.note?.trim() ?? null;
  });
}

/**
 * The centre classifies as it dispatches: a text to 12345 came without a category (and as 求助),
 * the agent names both; on any ticket it may correct them. The category must be a second-level
 * one. Returns the 办结 due date, which runs from intake by the kind the centre settled on.
 */
async function classify(tx: Tx, row: TicketRow, input: DispatchInput): Promise<string> {
  if (!input.categoryCode && !input.kind) {
    if (!row.category_code) throw unprocessable('HOTLINE_CATEGORY_REQUIRED', {}, { field: 'categoryCode' });
    return row.due_date;
  }
  const code = input.categoryCode ?? row.category_code;
  const category = code ? await ticketCategory(tx, code) : undefined;
  if (!category) throw unprocessable('HOTLINE_CATEGORY_UNKNOWN', { code: code ?? '' }, { field: 'categoryCode' });
  const kind = input.kind ?? row.kind;
  const start = shanghaiDate(new Date(row.created_at));
  const { dueDate, yellowOn } = completeDue(await calendarFrom(tx, start), start, DUE_WORKING_DAYS[kind]);
  await tx.query('update hotline_ticket set category_code = $2, kind = $3, due_date = $4, due_yellow_on = $5 where id = $1', [
    row.id,
    category.code,
    kind,
    dueDate,
    yellowOn,
  ]);
  return dueDate;
}

/**
 * 合并: a ticket about a matter already open is merged into that ticket (the main one). It is
 * closed as merged and points to the main ticket, whose progress its caller follows; the main
 * ticket's history names the merged ticket by its number only — a department handling the main
 * ticket never sees the other caller. Only the centre merges, a ticket not yet dispatched, into
 * an open ticket of its regions other than itself.
 */
export function mergeTicket(ctx: AppContext, actor: Actor, id: string, input: MergeInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'merge', input.version, async (tx, row) => {
    if (input.intoId === id) throw unprocessable('HOTLINE_MERGE_INTO_ITSELF', {}, { field: 'intoId' });
    const { row: main, reader } = await readableTicket(tx, actor, input.intoId, true);
    if (reader !== 'centre') throw notFound('hotline_ticket', input.intoId);
    if (!OPEN.includes(main.status))
      throw conflict('HOTLINE_MERGE_TARGET_CLOSED', { status: main.status }, { status: main.status });
    await tx.query(
      `update hotline_ticket set status = 'merged', merged_into_id = $2, completed_at = clock_now(), version = version + 1, updated_at = clock_now() where id = $1`,
      [id, main.id],
    );
    await recordStep(tx, main.id, actor, 'merged_in', main.department_id, row.number);
    return main.number;
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
export function acceptTicket(ctx: AppContext, actor: Actor, id: string, input: Versioned): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'accept', input.version, async (tx) => {
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
      `update hotline_ticket set status = 'returned', department_id = null, accept_due = null, return_count = return_count + 1,
              version = version + 1, updated_at = clock_now() where id = $1`,
      [id],
    );
    await lapseExtension(tx, id);
    return input.reason.trim();
  });
}

/** 办结 with the department's reply to the caller, who gets the SMS survey if they gave a phone. */
export function completeTicket(ctx: AppContext, actor: Actor, id: string, input: ReplyInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'complete', input.version, async (tx, row) => {
    await tx.query(
      `update hotline_ticket set status = 'completed', reply = $2, completed_at = clock_now(), version = version + 1, updated_at = clock_now() where id = $1`,
      [id, input.reply.trim()],
    );
    await lapseExtension(tx, id);
    await sendSurvey(tx, personalData(ctx.config.masterKey), row);
    return null;
  });
}
