import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { conflict, unprocessable } from '../../kernel/errors.ts';
import { emit } from '../../kernel/events/index.ts';
import { ONSITE_REQUESTED } from './events.ts';
import { stepOn } from './handling.ts';
import type { NoteInput, Ticket } from './schemas.ts';

/**
 * 转现场处置 (issue #16 point 10): the centre hands a ticket that needs on-site work to city
 * governance through the documented event `hotline.onsite_requested` — once per ticket, only a
 * classified one with a place (an address or coordinates) for a grid worker to go to. The ticket
 * goes on as it was (its department still answers the caller); the incident is governance's.
 */
export function requestOnsite(ctx: AppContext, actor: Actor, id: string, input: NoteInput): Promise<Ticket> {
  return stepOn(ctx, actor, id, 'onsite', input.version, async (tx, row) => {
    if (row.onsite_requested_at) throw conflict('HOTLINE_ONSITE_REQUESTED');
    if (!row.category_code) throw unprocessable('HOTLINE_CATEGORY_REQUIRED', {}, { field: 'categoryCode' });
    if (!row.address && row.lat === null) throw unprocessable('HOTLINE_ONSITE_PLACE_MISSING');
    const note = input.note?.trim() || null;
    const at = (await tx.one<{ at: string }>(
      `update hotline_ticket set onsite_requested_at = clock_now(), onsite_note = $2, version = version + 1, updated_at = clock_now()
        where id = $1 returning onsite_requested_at as at`,
      [id, note],
    ))!.at;
    await emit(
      tx,
      ONSITE_REQUESTED,
      {
        ticketId: row.id,
        number: row.number,
        categoryCode: row.category_code,
        regionCode: row.region_code,
        address: row.address,
        lat: row.lat,
        lng: row.lng,
        title: row.title,
        content: row.content,
        note,
        departmentId: row.department_id,
        at: new Date(at).toISOString(),
      },
      { regionCode: row.region_code, dedupeKey: `hotline.onsite_requested:${row.id}` },
    );
    return note;
  });
}
