import { ANONYMOUS } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from '../../kernel/crypto/password.ts';
import type { AppContext } from '../../kernel/context.ts';
import { replaceStaffPasswordHash, staffCredentials } from '../org/index.ts';
import { consumeSmsCode, verifySmsCode } from './sms.ts';
import { ACCOUNT_POLICY, ADDRESS_POLICY, clearFailures, lockedFor, recordFailure } from './throttle.ts';

interface Candidate {
  kind: 'staff' | 'person';
  id: string;
  passwordHash: string;
  regionCode: string | null;
  [key: string]: unknown;
}

/** The active account a user name names: a staff user name (org's staff) first, else a person's phone or ID number. */
async function candidateFor(db: Db, username: string, index: string): Promise<Candidate | undefined> {
  const staff = await staffCredentials(db, username);
  if (staff) return { kind: 'staff', ...staff };
  return db.one<Candidate>(
    `select 'person' as kind, id, password_hash as "passwordHash", region_code as "regionCode" from person
      where (phone_index = $1 or id_number_index = $1) and status = 'active' limit 1`,
    [index],
  );
}

/** Store the password hashed the current way (parameters were raised since it was hashed). */
async function rehash(db: Db, candidate: Candidate, password: string): Promise<void> {
  const hash = await hashPassword(password);
  if (candidate.kind === 'staff') await replaceStaffPasswordHash(db, candidate.id, hash);
  else await db.query('update person set password_hash = $2 where id = $1', [candidate.id, hash]);
}

type Method = 'password' | 'sms';

/**
 * Refuse, unchecked and audited, while the account or the client address is locked out: the
 * sixth try in a minute is not even compared, whatever the method.
 */
async function refuseWhileLocked(db: Db, accountKey: string, ip: string | undefined, method: Method): Promise<void> {
  const wait = Math.max(await lockedFor(db, accountKey), ip ? await lockedFor(db, `ip:${ip}`) : 0);
  if (wait === 0) return;
  await db.transaction((tx) =>
    appendAudit(tx, ANONYMOUS, {
      action: 'auth.login_refused',
      objectType: 'account',
      details: { reason: 'LOCKED', retryAfter: wait, ip: ip ?? null, method },
    }),
  );
  throw new AppError('LOGIN_LOCKED', 429, { seconds: wait }, { retryAfter: wait });
}

/** Count a failed try against the account and the address, and audit it. */
async function recordFailedTry(
  db: Db,
  accountKey: string,
  ip: string | undefined,
  method: Method,
  subject: { kind: 'staff' | 'person'; id: string } | undefined,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const lockedSeconds = await recordFailure(db, accountKey, ACCOUNT_POLICY);
  if (ip) await recordFailure(db, `ip:${ip}`, ADDRESS_POLICY);
  await db.transaction((tx) =>
    appendAudit(tx, ANONYMOUS, {
      action: 'auth.login_failed',
      objectType: subject?.kind ?? 'account',
      objectId: subject?.id ?? null,
      details: { ip: ip ?? null, method, lockedSeconds, ...extra },
    }),
  );
}

/**
 * Staff sign in with their username; citizens with their mobile number or ID number (found
 * through the blind index). The answer is the same for an unknown account and a wrong
 * password, and takes the same time. Every attempt is audited.
 */
export async function authenticate(
  db: Db,
  pii: PersonalData,
  input: { username: string; password: string },
  meta: { ip?: string } = {},
): Promise<{ kind: 'staff' | 'person'; id: string; regionCode: string | null }> {
  const index = pii.index(input.username);
  const accountKey = `account:${index}`;
  await refuseWhileLocked(db, accountKey, meta.ip, 'password');
  const candidate = await candidateFor(db, input.username, index);
  const ok = await verifyPassword(input.password, candidate?.passwordHash ?? (await dummyHash()));
  if (!candidate || !ok) {
    // an unknown name may be someone's mistyped password: record only its length
    await recordFailedTry(
      db,
      accountKey,
      meta.ip,
      'password',
      candidate,
      candidate ? {} : { usernameLength: input.username.length },
    );
    throw new AppError('LOGIN_FAILED', 401);
  }
  await clearFailures(db, accountKey);
  // parameters have been raised since this hash was made: store it the current way
  if (needsRehash(candidate.passwordHash)) await rehash(db, candidate, input.password);
  return { kind: candidate.kind, id: candidate.id, regionCode: candidate.regionCode };
}

/**
 * Citizens may sign in with a code sent to their phone (the phone proves 实名等级 1). Wrong codes
 * count toward the same per-account and per-address lockout as wrong passwords.
 */
export async function smsSignIn(ctx: AppContext, pii: PersonalData, phone: string, code: string, ip?: string): Promise<string> {
  const accountKey = `account:${pii.index(phone)}`;
  await refuseWhileLocked(ctx.db, accountKey, ip, 'sms');
  const person = await ctx.db.one<{ id: string }>("select id from person where phone_index = $1 and status = 'active'", [
    pii.index(phone),
  ]);
  try {
    if (!person) throw new AppError('SMS_CODE_INVALID', 422);
    const codeId = await verifySmsCode(ctx.db, ctx.config.masterKey, pii, phone, 'login', code);
    await ctx.db.transaction((tx) => consumeSmsCode(tx, codeId));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await recordFailedTry(ctx.db, accountKey, ip, 'sms', person && { kind: 'person', id: person.id });
    throw err;
  }
  await clearFailures(ctx.db, accountKey);
  return person.id;
}
