import { clockState } from '../clock.ts';

interface Session {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const synced = new WeakMap<object, number>();

/**
 * Copies the kernel clock's offset into a database session (`yiwang.clock_offset_ms`, read by
 * `clock_now()`), once per session and clock change. Returns at once in production, where the
 * clock has never moved.
 */
export async function syncClock(session: Session): Promise<void> {
  const { offsetMs, generation } = clockState();
  if ((synced.get(session) ?? 0) === generation) return;
  await session.query("select set_config('yiwang.clock_offset_ms', $1, false)", [String(offsetMs)]);
  synced.set(session, generation);
}

/** True when no session can be behind the clock (it has never moved in this process). */
export const clockNeverMoved = (): boolean => clockState().generation === 0;
