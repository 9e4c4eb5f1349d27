import type { Actor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { sm3Hex } from '../../kernel/crypto/sm3.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { AppError, notFound, unauthenticated, unprocessable } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { Photo } from './schemas.ts';
import { isCentre, readableTicket } from './store.ts';

/** Largest photo accepted (the route refuses bigger bodies before reading them all). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Photos one ticket may carry. */
export const MAX_PHOTOS = 4;
/** Photos one poster may hold uploaded but not yet attached (a form being filled in). */
const MAX_PENDING = 12;

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** The type from the content's signature, never from the name or the client's Content-Type. */
export function photoType(content: Buffer): PhotoMime | undefined {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.subarray(0, 4).toString('latin1') === 'RIFF' && content.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'image/webp';
  return undefined;
}

/** Who may attach photos: a signed-in citizen writing in, or the centre for a caller (sent by WeChat, say). */
const uploaderOf = (actor: Actor): string => {
  if (actor.kind === 'person' || isCentre(actor)) return (actor as { id: string }).id;
  if (actor.kind === 'anonymous') throw unauthenticated();
  throw new AppError('HOTLINE_CHANNEL_NOT_ALLOWED', 403);
};

/**
 * A photo uploaded before the ticket is sent: checked (type by magic bytes, size) before anything
 * is stored, then kept for its uploader until a ticket names it. A file whose record did not
 * commit is an orphan the store's sweep may remove, never a dangling record.
 */
export async function uploadPhoto(ctx: AppContext, actor: Actor, content: Buffer): Promise<Photo> {
  const uploader = uploaderOf(actor);
  if (content.length === 0) throw new AppError('HOTLINE_PHOTO_EMPTY', 422);
  if (content.length > MAX_PHOTO_BYTES)
    throw new AppError('HOTLINE_PHOTO_TOO_LARGE', 413, { max: MAX_PHOTO_BYTES / 1024 / 1024 }, { max: MAX_PHOTO_BYTES });
  const mime = photoType(content);
  if (!mime) throw new AppError('HOTLINE_PHOTO_TYPE_REFUSED', 415, {}, { allowed: ['jpeg', 'png', 'webp'] });
  const pending = await ctx.db.one<{ n: number }>(
    'select count(*)::int as n from hotline_photo where uploaded_by = $1 and ticket_id is null',
    [uploader],
  );
  if (pending!.n >= MAX_PENDING) throw new AppError('HOTLINE_PHOTO_TOO_MANY_WAITING', 422, { max: MAX_PENDING });
  const stored = await ctx.files.put(content, { prefix: 'hotline' });
  const id = uuidv7();
  await ctx.db.query('insert into hotline_photo (id, file_key, mime, size, sm3, uploaded_by) values ($1, $2, $3, $4, $5, $6)', [
    id,
    stored.key,
    mime,
    stored.size,
    stored.sm3,
    uploader,
  ]);
  return { id, mime, size: stored.size };
}

/** Attaches the poster's uploaded photos to the new ticket, in the ticket's transaction. */
export async function attachPhotos(tx: Tx, poster: string | null, ticketId: string, photoIds: readonly string[]): Promise<void> {
  if (!photoIds.length) return;
  if (photoIds.length > MAX_PHOTOS) throw unprocessable('HOTLINE_PHOTO_TOO_MANY', { max: MAX_PHOTOS }, { field: 'photoIds' });
  const attached = await tx.query<{ id: string }>(
    'update hotline_photo set ticket_id = $1 where id = any($2) and uploaded_by = $3 and ticket_id is null returning id',
    [ticketId, photoIds, poster],
  );
  // someone else's photo, or one already sent with another ticket: refused, the whole ticket rolls back
  if (attached.length !== photoIds.length) throw unprocessable('HOTLINE_PHOTO_UNKNOWN', {}, { field: 'photoIds' });
}

/** A photo's bytes, for whoever may read its ticket (the centre, its department, its caller); tampering is detected. */
export async function readPhoto(
  ctx: AppContext,
  actor: Actor,
  ticketId: string,
  photoId: string,
): Promise<{ content: Buffer; mime: string }> {
  await readableTicket(ctx.db, actor, ticketId);
  const row = await ctx.db.one<{ file_key: string; mime: string; sm3: string }>(
    'select file_key, mime, sm3 from hotline_photo where id = $1 and ticket_id = $2',
    [photoId, ticketId],
  );
  if (!row) throw notFound('hotline_photo', photoId);
  const content = await ctx.files.get(row.file_key);
  if (sm3Hex(content) !== row.sm3.trim()) throw new AppError('HOTLINE_PHOTO_TAMPERED', 409);
  return { content, mime: row.mime };
}
