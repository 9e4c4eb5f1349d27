import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { conflict } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { departmentStaffWith, notifyStaff } from '../org/index.ts';
import { NOTIFIED_ROLES } from './deadlines.ts';
import { stepOn } from './handling.ts';
import { bump } from './store.ts';
import type { ReplyInput, SuperviseInput, Ticket } from './schemas.ts';

/**
 * 督办: the centre supervises a ticket that is overdue (a red warning on 签收 or 办结) or that
 * the caller complained about (回访 不满意); one open 督办 at a time, told to the department's
 * heads by staff message. Kept per department in `hotline_supervision`, so reports count them.
 */
export function superviseTicket(ctx: AppContext, actor: Actor, id: string, input: SuperviseInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'supervise', input.version, async (tx, row) => {
    if (row.open_supervision) throw conflict('HOTLINE_SUPERVISION_OPEN');
    const overdue = row.accept_warning === 'red' || row.complete_warning === 'red';
    if (!overdue && row.callback?.result !== 'unsatisfied') throw conflict('HOTLINE_SUPERVISION_NOT_DUE');
    const note = input.note.trim();
    await tx.query(
      `insert into hotline_supervision (id, ticket_id, department_id, region_code, note, supervised_by) values ($1, $2, $3, $4, $5, $6)`,
      [uuidv7(), id, row.department_id, row.region_code, note, 'id' in actor ? actor.id : ''],
    );
    await bump(tx, id);
    const heads = await departmentStaffWith(tx, row.department_id!, NOTIFIED_ROLES);
    await notifyStaff(
      tx,
      heads.map((h) => h.id),
      { kind: 'hotline_supervised', ref: id, params: { number: row.number, title: row.title, note } },
    );
    return note;
  });
}

/** The department's reply to the open 督办. */
export function replySupervision(ctx: AppContext, actor: Actor, id: string, input: ReplyInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'supervise_reply', input.version, async (tx, row) => {
    if (!row.open_supervision) throw conflict('HOTLINE_SUPERVISION_NONE_OPEN');
    const reply = input.reply.trim();
    await tx.query(
      `update hotline_supervision set reply = $2, replied_by = $3, replied_at = clock_now() where ticket_id = $1 and replied_at is null`,
      [id, reply, 'id' in actor ? actor.id : ''],
    );
    await bump(tx, id);
    return reply;
  });
}
