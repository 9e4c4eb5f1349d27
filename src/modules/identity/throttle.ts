import type { Queryable } from '../../kernel/db/index.ts';

/**
 * Sign-in throttling. Per account: five failures within a minute lock the account, so the
 * sixth try is refused unchecked; the lock lasts a minute, doubling with each further lockout up to an hour. Per client address: 30 failures
 * a minute lock the address for 5 minutes (password spraying across many accounts).
 */
export interface ThrottlePolicy {
  maxFailures: number;
  windowSeconds: number;
  baseLockSeconds: number;
  maxLockSeconds: number;
  progressive: boolean;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowSeconds: 60, baseLockSeconds: 60, maxLockSeconds: 3600, progressive: true };
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 30, windowSeconds: 60, baseLockSeconds: 300, maxLockSeconds: 300, progressive: false };

/** Seconds until the key may try again, or 0. */
export async function lockedFor(db: Queryable, key: string): Promise<number> {
  const row = await db.one<{ seconds: number }>(
    `select ceil(extract(epoch from locked_until - clock_now()))::int as seconds from auth_throttle where key = $1 and locked_until > clock_now()`,
    [key],
  );
  return row?.seconds ?? 0;
}

/** Count a failure; returns the lock in seconds it caused (0 when still under the limit). */
export async function recordFailure(db: Queryable, key: string, policy: ThrottlePolicy): Promise<number> {
  const row = await db.one<{ failures: number; lockouts: number }>(
    `insert into auth_throttle (key, failures, window_start) values ($1, 1, clock_now())
     on conflict (key) do update set
       failures = case when auth_throttle.window_start < clock_now() - make_interval(secs => $2) then 1 else auth_throttle.failures + 1 end,
       window_start = case when auth_throttle.window_start < clock_now() - make_interval(secs => $2) then clock_now() else auth_throttle.window_start end
     returning failures, lockouts`,
    [key, policy.windowSeconds],
  );
  if (!row || row.failures < policy.maxFailures) return 0;
  const seconds = policy.progressive
    ? Math.min(policy.maxLockSeconds, policy.baseLockSeconds * 2 ** row.lockouts)
    : policy.baseLockSeconds;
  await db.query(
    `update auth_throttle set locked_until = clock_now() + make_interval(secs => $2), lockouts = lockouts + 1, failures = 0, window_start = clock_now()
      where key = $1`,
    [key, seconds],
  );
  return seconds;
}

/** A successful sign-in forgives the account's failures (not the address's). */
export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('delete from auth_throttle where key = $1', [key]);
}
