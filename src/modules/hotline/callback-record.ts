import type { Tx } from '../../kernel/db/index.ts';
import { emit } from '../../kernel/events/index.ts';
import { CALLBACK_RECORDED } from './events.ts';
import type { TicketRow } from './store.ts';
import type { CallbackChannel, CallbackResult } from './vocab.ts';

/**
 * The one place a 回访 result is written, whoever brings it (the agent, the caller's SMS reply):
 * the row of the round, and the fact for the ratings module's 12345 channel. False when the
 * round already has its result (the caller answered the SMS after the agent called, or twice).
 */
export async function recordCallback(
  tx: Tx,
  row: Pick<TicketRow, 'id' | 'number' | 'reopen_count' | 'department_id' | 'region_code'>,
  result: CallbackResult,
  channel: CallbackChannel,
  note: string | null,
  by: string | null,
): Promise<boolean> {
  const inserted = await tx.one<{ recorded_at: string }>(
    `insert into hotline_callback (ticket_id, round, department_id, region_code, result, channel, note, recorded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing returning recorded_at`,
    [row.id, row.reopen_count, row.department_id, row.region_code, result, channel, note, by],
  );
  if (!inserted) return false;
  await emit(
    tx,
    CALLBACK_RECORDED,
    {
      ticketId: row.id,
      number: row.number,
      round: row.reopen_count,
      departmentId: row.department_id!,
      regionCode: row.region_code,
      result,
      channel,
      at: new Date(inserted.recorded_at).toISOString(),
    },
    { regionCode: row.region_code },
  );
  return true;
}
