import { systemActor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { AppContext } from '../../kernel/context.ts';
import { hmacSm3 } from '../../kernel/crypto/sm3.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { emit } from '../../kernel/events/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { personalData, type PersonalData } from '../../kernel/pii.ts';
import { maskPhone } from '../../kernel/validate/idcard.ts';
import { hmacSm3Signer, signedHeaders, verifySignedBody } from '../../kernel/crypto/index.ts';
import { SMS_RECEIVED, type SmsReceived } from './events.ts';
import { inboxGateway, isMobile } from './sms.ts';

/** Carriers allowed to call us; the embedded default is the development inbox. */
export const INBOUND_GATEWAYS: readonly string[] = [inboxGateway.name];

const MAX_TEXT = 500;
/** A carrier's callback is one short message; anything larger is not one. */
export const MAX_INBOUND_BYTES = 4096;

/** What a carrier posts (JSON, signed over the exact bytes). */
export interface InboundSms {
  messageId: string;
  from: string;
  text: string;
  /** When the carrier received the message: replies can reach us out of order. */
  sentAt: string;
  /** The service number it was sent to (12345 …); absent for the platform's own number. */
  to?: string;
}

/**
 * Per-gateway secret derived from the node's master key, like the payment simulator's channels,
 * so the development carrier and this node agree without configuration.
 */
export const inboundSigner = (masterKey: string, gateway: string) => hmacSm3Signer(hmacSm3(masterKey, `yiwang.smsgw.${gateway}.hmac`));

/** The person registered with a phone number, found through its blind index. */
export async function personIdByPhone(q: Queryable, pii: PersonalData, phone: string): Promise<string | undefined> {
  return (await q.one<{ id: string }>('select id from person where phone_index = $1', [pii.index(phone)]))?.id;
}

/** Carriers send +86 / 86 prefixes; the rest of the platform stores the 11 digits. */
const mainland = (phone: string) => phone.replace(/^\+?86(?=1\d{10}$)/, '');

function parse(rawBody: string): InboundSms {
  let v: unknown;
  try {
    v = JSON.parse(rawBody);
  } catch {
    throw new AppError('SMS_INBOUND_INVALID', 400, { field: 'body' });
  }
  const o = (v ?? {}) as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const messageId = str('messageId');
  const from = str('from') !== undefined ? mainland(str('from')!) : undefined;
  const text = str('text');
  const sentAt = str('sentAt');
  if (!messageId || !/^[\w.:-]{1,100}$/.test(messageId)) throw new AppError('SMS_INBOUND_INVALID', 400, { field: 'messageId' });
  if (!from || !isMobile(from)) throw new AppError('SMS_INBOUND_INVALID', 400, { field: 'from' });
  if (text === undefined || text.length > MAX_TEXT) throw new AppError('SMS_INBOUND_INVALID', 400, { field: 'text' });
  if (!sentAt || Number.isNaN(Date.parse(sentAt))) throw new AppError('SMS_INBOUND_INVALID', 400, { field: 'sentAt' });
  const to = str('to');
  if (o.to !== undefined && (!to || !/^\d{3,20}$/.test(to))) throw new AppError('SMS_INBOUND_INVALID', 400, { field: 'to' });
  return { messageId, from, text, sentAt: new Date(sentAt).toISOString(), ...(to ? { to } : {}) };
}

/**
 * A carrier's callback: signature checked over the exact bytes (401 and an audit entry when it
 * fails), the message stored once per carrier message id, and handed on through the outbox in
 * the same transaction, so a retry of an accepted message changes nothing.
 */
export async function receiveInboundSms(
  ctx: AppContext,
  gateway: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
): Promise<{ duplicate: boolean }> {
  if (!INBOUND_GATEWAYS.includes(gateway)) throw new AppError('SMS_GATEWAY_UNKNOWN', 404, { gateway });
  if (!verifySignedBody(inboundSigner(ctx.config.masterKey, gateway), headers, rawBody)) {
    await ctx.db.transaction((tx) =>
      appendAudit(tx, systemActor(`sms.gateway.${gateway}`), {
        action: 'sms.inbound.refused',
        objectType: 'sms_inbound',
        details: { gateway, reason: 'signature', bytes: Buffer.byteLength(rawBody) },
      }),
    );
    throw new AppError('SMS_SIGNATURE_INVALID', 401);
  }
  const msg = parse(rawBody);
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const stored = await tx.one<{ id: string }>(
      `insert into sms_inbound (id, gateway, message_id, phone_masked, phone_index, body_enc, sent_at) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (gateway, message_id) do nothing returning id`,
      [uuidv7(), gateway, msg.messageId, maskPhone(msg.from), pii.index(msg.from), pii.encrypt(msg.text), msg.sentAt],
    );
    if (!stored) return { duplicate: true };
    const payload: SmsReceived = {
      inboundId: stored.id,
      ...(msg.to ? { to: msg.to } : {}),
      personId: (await personIdByPhone(tx, pii, msg.from)) ?? null,
      phone: pii.encrypt(msg.from),
      text: pii.encrypt(msg.text),
      sentAt: msg.sentAt,
    };
    await emit(tx, SMS_RECEIVED, payload, { dedupeKey: `sms-inbound:${stored.id}` });
    return { duplicate: false };
  });
}

/** A carrier's request for a reply, signed as the development carrier would sign it (tests, the dev page). */
export function signedInbound(masterKey: string, gateway: string, msg: InboundSms): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(msg);
  return { body, headers: { 'content-type': 'application/json', ...signedHeaders(inboundSigner(masterKey, gateway), body) } };
}
