import { timingSafeEqual } from 'node:crypto';
import type { StaffActor } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { hmacSm3, sm3Hex } from '../../../kernel/crypto/sm3.ts';
import { AppError } from '../../../kernel/errors.ts';
import { checkMaterial, cleanFileName, type MaterialMime } from '../application/uploads.ts';
import * as clock from '../../../kernel/clock.ts';

/**
 * Materials scanned at a window arrive before the case exists: each scan is checked like an
 * applicant's upload (type by content, size, active PDF content) and stored, and the clerk gets
 * a signed ticket naming the stored file. The application then cites the tickets, so the case
 * and its material records are written in one transaction and nothing lands half-recorded.
 * The ticket is bound to the clerk and expires; no table holds pending scans, so any instance
 * can accept the application.
 */
export interface Scan {
  fileKey: string;
  sm3: string;
  size: number;
  mime: MaterialMime;
  fileName: string;
}

interface Ticket extends Scan {
  staffId: string;
  expiresAt: number;
}

/** Long enough for a counter queue; a scan left longer is scanned again. */
const TICKET_HOURS = 8;

const ticketKey = (masterKey: string) => Buffer.from(sm3Hex(`yiwang.cases.window-scan:${masterKey}`), 'hex');
const sign = (masterKey: string, payload: string) => hmacSm3(ticketKey(masterKey), payload);

export async function storeScan(
  ctx: AppContext,
  clerk: StaffActor,
  fileName: string | undefined,
  content: Buffer,
): Promise<{ ticket: string; scan: Scan }> {
  const mime = checkMaterial(content);
  const stored = await ctx.files.put(content, { prefix: 'cases' });
  const scan: Scan = { fileKey: stored.key, sm3: stored.sm3, size: stored.size, mime, fileName: cleanFileName(fileName, mime) };
  const ticket: Ticket = { ...scan, staffId: clerk.id, expiresAt: clock.nowMs() + TICKET_HOURS * 3_600_000 };
  const payload = Buffer.from(JSON.stringify(ticket)).toString('base64url');
  return { ticket: `${payload}.${sign(ctx.config.masterKey, payload)}`, scan };
}

/** The scan a ticket names, if this clerk made it and it has not expired; 422 otherwise. */
export function openScan(masterKey: string, clerk: StaffActor, ticket: string): Scan {
  const [payload = '', mac = ''] = ticket.split('.');
  const expected = Buffer.from(sign(masterKey, payload), 'hex');
  const given = Buffer.from(mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new AppError('WINDOW_SCAN_INVALID', 422, {}, { reason: 'SIGNATURE' });
  const t = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Ticket;
  if (t.staffId !== clerk.id) throw new AppError('WINDOW_SCAN_INVALID', 422, {}, { reason: 'OTHER_CLERK' });
  if (t.expiresAt < clock.nowMs()) throw new AppError('WINDOW_SCAN_INVALID', 422, {}, { reason: 'EXPIRED' });
  return { fileKey: t.fileKey, sm3: t.sm3, size: t.size, mime: t.mime, fileName: t.fileName };
}
