import { shanghaiDate } from './calendar/shanghai.ts';

/**
 * The platform's one clock. Every read of "now" and "today" — in TypeScript and, through
 * `clock_now()` / `clock_today()` (kernel migration 005), in SQL — goes through it, so a test
 * can run the whole platform as of a chosen instant (a Sunday, the working day before a holiday,
 * 31 December) and no result depends on the real date, weekday or time zone.
 *
 * The clock is the real time plus an offset; it keeps running from the instant it was set to,
 * so timeouts and expiries behave as they would. In production the offset is 0. A process
 * started with `YIWANG_CLOCK_OFFSET_MS` (the test runner sets it; a training node may) starts
 * with that offset, so child processes (the CLI, a crashed worker) share their parent's clock.
 */

let offsetMs = Number(process.env.YIWANG_CLOCK_OFFSET_MS ?? 0) || 0;
// Bumped on every change, so database connections know when to pick up the new offset;
// 0 means "never moved" and costs the database wrappers nothing.
let generation = offsetMs === 0 ? 0 : 1;

/** The current instant. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** The current instant in epoch milliseconds. */
export function nowMs(): number {
  return Date.now() + offsetMs;
}

/** Today's calendar day ('YYYY-MM-DD') in Asia/Shanghai, whatever the server's time zone. */
export function today(): string {
  return shanghaiDate(now());
}

/** Set the clock so that it reads `at` now; it runs on from there. For tests and training nodes. */
export function setClock(at: Date | string): void {
  const target = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(target)) throw new Error(`not an instant: ${String(at)}`);
  moveTo(target - Date.now());
}

/** Move the clock forward (or back, with a negative value) by `ms`. */
export function advanceClock(ms: number): void {
  moveTo(offsetMs + ms);
}

/** Back to the real time. */
export function resetClock(): void {
  moveTo(0);
}

function moveTo(offset: number): void {
  offsetMs = Math.round(offset);
  generation++;
  process.env.YIWANG_CLOCK_OFFSET_MS = String(offsetMs);
}

/** What the database wrappers copy into each connection's `yiwang.clock_offset_ms` setting. */
export function clockState(): { offsetMs: number; generation: number } {
  return { offsetMs, generation };
}
