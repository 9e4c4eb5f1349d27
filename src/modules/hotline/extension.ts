import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { conflict } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { calendarFrom, completeDue, scheduleDeadline } from './deadlines.ts';
import { stepOn } from './handling.ts';
import type { ExtendRequestInput, NoteInput, ReasonInput, Ticket } from './schemas.ts';
import { bump, type TicketRow } from './store.ts';
import { EXTENSIONS_PER_TICKET } from './vocab.ts';

/**
 * 延期: the department, having taken the ticket, asks for more working days with its reason —
 * one request open at a time, at most EXTENSIONS_PER_TICKET in the ticket's life (approved or
 * refused), each of 1 to EXTENSION_MAX_DAYS working days (the schema). The centre approves it
 * (the 办结 due date moves on by those working days on the kernel calendar, and its warnings
 * and timer with it) or refuses it with a reason.
 */
export function requestExtension(ctx: AppContext, actor: Actor, id: string, input: ExtendRequestInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'extend_request', input.version, async (tx, row) => {
    if (row.open_extension) throw conflict('HOTLINE_EXTENSION_OPEN');
    if (row.extensions_used >= EXTENSIONS_PER_TICKET) throw conflict('HOTLINE_EXTENSION_LIMIT', { max: EXTENSIONS_PER_TICKET });
    await tx.query(
      `insert into hotline_extension (id, ticket_id, department_id, days, reason, status, requested_by, due_before)
       values ($1, $2, $3, $4, $5, 'open', $6, $7)`,
      [uuidv7(), id, row.department_id, input.days, input.reason.trim(), 'id' in actor ? actor.id : '', row.due_date],
    );
    await bump(tx, id);
    return `${input.days}: ${input.reason.trim()}`;
  });
}

/** The centre approves the open request: the due date moves on by its working days. */
export function approveExtension(ctx: AppContext, actor: Actor, id: string, input: NoteInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'extend_approve', input.version, async (tx, row) => {
    const open = await openRequest(tx, row);
    const { dueDate, yellowOn } = completeDue(await calendarFrom(tx, row.due_date), row.due_date, open.days);
    await decide(tx, open.id, actor, 'approved', input.note?.trim() ?? null, dueDate);
    await tx.query(
      `update hotline_ticket set due_date = $2, due_yellow_on = $3, version = version + 1, updated_at = clock_now() where id = $1`,
      [id, dueDate, yellowOn],
    );
    await scheduleDeadline(tx, row, 'complete', dueDate);
    return `${row.due_date} → ${dueDate}${input.note ? `: ${input.note.trim()}` : ''}`;
  });
}

/** The centre refuses the open request, with its reason; the due date stays. */
export function refuseExtension(ctx: AppContext, actor: Actor, id: string, input: ReasonInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'extend_refuse', input.version, async (tx, row) => {
    const open = await openRequest(tx, row);
    await decide(tx, open.id, actor, 'refused', input.reason.trim(), null);
    await bump(tx, id);
    return input.reason.trim();
  });
}

async function openRequest(tx: Tx, row: TicketRow): Promise<{ id: string; days: number }> {
  const open = await tx.one<{ id: string; days: number }>(
    `select id, days from hotline_extension where ticket_id = $1 and status = 'open' for update`,
    [row.id],
  );
  if (!open) throw conflict('HOTLINE_EXTENSION_NONE_OPEN');
  return open;
}

const decide = (
  tx: Tx,
  requestId: string,
  actor: Actor,
  status: 'approved' | 'refused',
  note: string | null,
  dueAfter: string | null,
) =>
  tx.query(
    `update hotline_extension set status = $2, decided_by = $3, decided_at = clock_now(), decision_note = $4, due_after = $5 where id = $1`,
    [requestId, status, 'id' in actor ? actor.id : '', note, dueAfter],
  );
