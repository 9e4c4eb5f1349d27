import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { conflict } from '../../kernel/errors.ts';
import { handlingDeadlines, scheduleDeadline } from './deadlines.ts';
import { recordCallback } from './callback-record.ts';
import { stepOn } from './handling.ts';
import type { CallbackInput, ReasonInput, Ticket } from './schemas.ts';
import { bump } from './store.ts';

/**
 * 回访: after 办结 the centre calls the caller back (anonymous 举报 too: the centre keeps the
 * phone) and records 满意 / 基本满意 / 不满意 with a note — once per round of handling; a
 * reopened ticket is called back again after its next 办结. 不满意 puts it on the centre's
 * 待重办 list.
 */
export function callbackTicket(ctx: AppContext, actor: Actor, id: string, input: CallbackInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'callback', input.version, async (tx, row) => {
    if (row.callback) throw conflict('HOTLINE_CALLBACK_RECORDED', { result: row.callback.result });
    await recordCallback(tx, row, input.result, 'hotline', input.note?.trim() ?? null, 'id' in actor ? actor.id : null);
    await bump(tx, id);
    return input.note ? `${input.result}: ${input.note.trim()}` : input.result;
  });
}

/**
 * 重办: the centre reopens a finished ticket (the caller is not satisfied, said so on the phone
 * or in the 回访) — back to the department it was dispatched to, with new 签收 and 办结 due
 * dates from today by its kind, and the reopen counted.
 */
export function reopenTicket(ctx: AppContext, actor: Actor, id: string, input: ReasonInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'reopen', input.version, async (tx, row) => {
    const d = await handlingDeadlines(tx, row.kind);
    await tx.query(
      `update hotline_ticket set status = 'dispatched', accept_due = $2, due_date = $3, due_yellow_on = $4, reopen_count = reopen_count + 1,
              dispatched_at = clock_now(), accepted_at = null, completed_at = null, version = version + 1, updated_at = clock_now()
        where id = $1`,
      [id, d.acceptDue, d.dueDate, d.yellowOn],
    );
    await scheduleDeadline(tx, row, 'accept', d.acceptDue);
    await scheduleDeadline(tx, row, 'complete', d.dueDate);
    return input.reason.trim();
  });
}
