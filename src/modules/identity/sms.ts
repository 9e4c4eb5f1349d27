import { randomInt } from 'node:crypto';
import type { AppContext } from '../../kernel/context.ts';
import { hmacSm3 } from '../../kernel/crypto/sm3.ts';
import type { Db, Tx } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { emit, on, type Subscription } from '../../kernel/events/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { maskPhone } from '../../kernel/validate/idcard.ts';
import { SMS_QUEUED } from './events.ts';

export type SmsPurpose = 'register' | 'login' | 'reset';

const CODE_TTL_SECONDS = 300;
const RESEND_AFTER_SECONDS = 60;
const MAX_PER_PHONE_PER_HOUR = 5;
const MAX_ATTEMPTS = 5;

/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
export const isMobile = (phone: string) => /^1[3-9]\d{9}$/.test(phone);

const codeHash = (masterKey: string, id: string, code: string) => hmacSm3(masterKey, `sms:${id}:${code}`);

/**
 * Issue a 6-digit code and queue its SMS in the same transaction: the message leaves only if
 * the code was stored. A phone gets one code a minute and five an hour, whatever the purpose,
 * so the endpoint cannot be used to flood someone's phone.
 */
export async function sendSmsCode(ctx: AppContext, pii: PersonalData, phone: string, purpose: SmsPurpose, lang: 'zh-CN' | 'en-US'): Promise<{ resendAfter: number }> {
  if (!isMobile(phone)) throw new AppError('PHONE_INVALID', 422, {}, { field: 'phone' });
  const phoneIndex = pii.index(phone);
  return ctx.db.transaction(async (tx) => {
    // serialise concurrent requests for one phone so the limits hold
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [`sms:${phoneIndex}`]);
    const recent = await tx.one<{ last: number | null; hour: number }>(
      `select extract(epoch from clock_now() - max(created_at))::int as last,
              count(*) filter (where created_at > clock_now() - interval '1 hour')::int as hour
         from sms_code where phone_index = $1`,
      [phoneIndex],
    );
    if (recent?.last !== null && recent?.last !== undefined && recent.last < RESEND_AFTER_SECONDS) {
      const wait = RESEND_AFTER_SECONDS - recent.last;
      throw new AppError('SMS_TOO_SOON', 429, { seconds: wait }, { retryAfter: wait });
    }
    if ((recent?.hour ?? 0) >= MAX_PER_PHONE_PER_HOUR) throw new AppError('SMS_LIMIT', 429);
    const id = uuidv7();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await tx.query(
      `insert into sms_code (id, phone_index, purpose, code_hash, expires_at) values ($1, $2, $3, $4, clock_now() + make_interval(secs => $5))`,
      [id, phoneIndex, purpose, codeHash(ctx.config.masterKey, id, code), CODE_TTL_SECONDS],
    );
    const text =
      lang === 'en-US'
        ? `[YiWang] Your verification code is ${code}, valid for 5 minutes. Do not share it with anyone.`
        : `【一网通办】您的验证码为${code}，5分钟内有效。请勿泄露给他人。`;
    await emit(tx, SMS_QUEUED, { phone: pii.encrypt(phone), body: pii.encrypt(text) });
    return { resendAfter: RESEND_AFTER_SECONDS };
  });
}

/**
 * Check a code in its own transaction, so a wrong try is counted even when the caller's work
 * fails; five wrong tries burn the code. Returns the code's id for `consumeSmsCode`, which the
 * caller runs inside the transaction of what the code authorises (registration, reset).
 */
export async function verifySmsCode(db: Db, masterKey: string, pii: PersonalData, phone: string, purpose: SmsPurpose, code: string): Promise<string> {
  const id = await db.transaction(async (tx) => {
    const row = await tx.one<{ id: string; code_hash: string; attempts: number }>(
      `select id, code_hash, attempts from sms_code
        where phone_index = $1 and purpose = $2 and consumed_at is null and expires_at > clock_now()
        order by created_at desc limit 1 for update`,
      [pii.index(phone), purpose],
    );
    if (!row || row.attempts >= MAX_ATTEMPTS) return null;
    if (/^\d{6}$/.test(code) && codeHash(masterKey, row.id, code) === row.code_hash) return row.id;
    await tx.query('update sms_code set attempts = attempts + 1 where id = $1', [row.id]);
    return null;
  });
  if (!id) throw new AppError('SMS_CODE_INVALID', 422, {}, { field: 'code' });
  return id;
}

/** Use a verified code once: a second submission of the same code finds it consumed. */
export async function consumeSmsCode(tx: Tx, codeId: string): Promise<void> {
  const rows = await tx.query("update sms_code set consumed_at = clock_now() where id = $1 and consumed_at is null and expires_at > clock_now() returning id", [codeId]);
  if (rows.length === 0) throw new AppError('SMS_CODE_INVALID', 422, {}, { field: 'code' });
}

/**
 * Queue a text message (a notification, not a code) in the caller's transaction: it leaves
 * only if the caller's work commits, and the outbox retries the carrier until it answers.
 */
export async function queueSms(tx: Tx, pii: PersonalData, phone: string, text: string): Promise<void> {
  if (!isMobile(phone)) throw new AppError('PHONE_INVALID', 422, {}, { field: 'phone' });
  await emit(tx, SMS_QUEUED, { phone: pii.encrypt(phone), body: pii.encrypt(text) });
}

/** The carrier side. Production plugs in a carrier's API; the default records to the inbox. */
export interface SmsGateway {
  name: string;
  send(phone: string, text: string): Promise<void>;
}

/** Development gateway: nothing leaves the machine; messages appear at /dev/sms. */
export const inboxGateway: SmsGateway = { name: 'dev-inbox', send: async () => undefined };

export function smsHandler(pii: PersonalData, gateway: SmsGateway = inboxGateway): Subscription {
  return on(SMS_QUEUED, async (event, tx) => {
    const phone = pii.decrypt(event.payload.phone);
    const text = pii.decrypt(event.payload.body);
    // a carrier failure throws: the outbox retries with backoff and ends in 'dead'
    await gateway.send(phone, text);
    await tx.query(
      `insert into sms_message (id, phone_masked, phone_index, body_enc, status, gateway) values ($1, $2, $3, $4, 'sent', $5)`,
      [uuidv7(), maskPhone(phone), pii.index(phone), pii.encrypt(text), gateway.name],
    );
  });
}

/** The development inbox: newest messages first, optionally for one phone. */
export async function inboxMessages(db: Db, pii: PersonalData, phone?: string) {
  const rows = await db.query<{ id: string; phone_masked: string; body_enc: string; created_at: Date }>(
    `select id, phone_masked, body_enc, created_at from sms_message
      where ($1::text is null or phone_index = $1) order by created_at desc limit 50`,
    [phone ? pii.index(phone) : null],
  );
  return rows.map((r) => ({ id: r.id, phone: r.phone_masked, text: pii.decrypt(r.body_enc), sentAt: new Date(r.created_at).toISOString() }));
}
