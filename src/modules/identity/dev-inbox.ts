import { isIP } from 'node:net';
import type { Actor } from '../../kernel/actor.ts';
import { isNodeAdmin } from '../../kernel/auth.ts';
import type { Config } from '../../kernel/config.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { nodeCityCode } from '../../kernel/settings.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import * as clock from '../../kernel/clock.ts';
import { inboxGateway, inboxMessages } from './sms.ts';
import { receiveInboundSms, signedInbound } from './sms-inbound.ts';

/**
 * The development SMS inbox (`/dev/sms`, `/api/dev/sms`, `/dev/sms/reply`) shows every message
 * the embedded gateway "sent", verification codes included: whoever reads it can sign in as, or
 * reset the password of, any citizen. So it is never readable anonymously from another machine.
 *
 * - On only when configured (`devInbox`: on by default on the embedded database, off with
 *   `DATABASE_URL` unless `YIWANG_DEV_INBOX=1`), and the server warns at start whenever it is.
 * - A visitor on the same machine reads it without signing in, so SMS sign-in and rating
 *   replies stay demonstrable on `npm start`: the connection's own remote address is loopback
 *   (never X-Forwarded-For, which any client can write), the node is not configured behind a
 *   proxy and the request carries no forwarding header (a proxy on the same machine would
 *   otherwise make every visitor look local).
 * - From anywhere else only an administrator of the whole city, signed in.
 */
export const DEV_INBOX_PATHS = ['/dev/sms', '/api/dev/sms', '/dev/sms/reply'] as const;

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** Whether a request comes straight from this machine, judged by the socket, never by headers a client writes. */
export function isLocalRequest(
  remoteAddress: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  config: Pick<Config, 'trustProxy'>,
): boolean {
  if (config.trustProxy || FORWARDING_HEADERS.some((h) => headers[h] !== undefined)) return false;
  if (!remoteAddress) return false;
  const address = remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
  if (isIP(address) === 4) return address.startsWith('127.');
  return address === '::1';
}

/**
 * Throws unless this caller may use the inbox: ROUTE_NOT_FOUND, which the kernel answers exactly
 * as it answers an unknown path (a JSON 404 under /api, the web app for a page), so that a
 * scanner cannot tell that this node runs a development tool (the same reason an object outside
 * one's scope answers 404, not 403).
 */
export async function requireDevInboxAccess(ctx: AppContext, actor: Actor, from: { local: boolean; path: string; method: string }): Promise<void> {
  if (!ctx.config.devInbox) throw hidden(from);
  if (from.local) return;
  // the node-level administrator of the node-wide settings (kernel/auth.ts), the same rule
  if (isNodeAdmin(actor, await nodeCityCode(ctx.db))) return;
  throw hidden(from);
}

const hidden = (from: { path: string; method: string }) =>
  new AppError('ROUTE_NOT_FOUND', 404, { path: from.path }, { method: from.method, path: from.path });

/** The inbox's newest messages, optionally for one phone, for a caller allowed to read it. */
export async function readDevInbox(ctx: AppContext, actor: Actor, from: { local: boolean; path: string; method: string }, phone?: string) {
  await requireDevInboxAccess(ctx, actor, from);
  return inboxMessages(ctx.db, personalData(ctx.config.masterKey), phone);
}

/** What the server logs at start while the inbox is on. */
export function warnDevInbox(ctx: AppContext): void {
  ctx.log.warn(
    { paths: DEV_INBOX_PATHS, env: 'YIWANG_DEV_INBOX' },
    'development SMS inbox is ON: sent SMS, verification codes included, are shown to visitors on this machine and to city administrators; set YIWANG_DEV_INBOX=0 where a carrier is connected',
  );
}

/**
 * Plays the embedded carrier: a reply from a phone, signed exactly as a carrier signs it, so a
 * visitor can answer a rating invitation from the browser.
 */
export async function sendDevReply(ctx: AppContext, actor: Actor, from: { local: boolean; path: string; method: string }, input: { phone: string; text: string }): Promise<void> {
  await requireDevInboxAccess(ctx, actor, from);
  const msg = { messageId: uuidv7(), from: input.phone, text: input.text, sentAt: clock.now().toISOString() };
  const signed = signedInbound(ctx.config.masterKey, inboxGateway.name, msg);
  await receiveInboundSms(ctx, inboxGateway.name, signed.headers, signed.body);
}
