import { isCalendarDay } from '../../../kernel/calendar/index.ts';
import { unprocessable } from '../../../kernel/errors.ts';
import { startOfDay } from '../workflow/clocks.ts';

/** A reporting period: calendar days in Asia/Shanghai, both included. */
export interface Period {
  from: string;
  to: string;
}

/** Longest period one report covers: enough for a multi-year trend, bounded for the database. */
export const MAX_PERIOD_DAYS = 3660;

/**
 * The instants bounding a period, after checking it names real days in order: a bad period is
 * the client's mistake (422 REPORT_PERIOD_INVALID with the field), never a database error.
 */
export function periodBounds(p: Period): { start: Date; end: Date } {
  for (const field of ['from', 'to'] as const) {
    if (typeof p[field] !== 'string' || !isCalendarDay(p[field])) throw unprocessable('REPORT_PERIOD_INVALID', { field }, { field, value: p[field] ?? null });
  }
  const start = startOfDay(p.from);
  const end = new Date(startOfDay(p.to).getTime() + 86_400_000);
  if (end <= start) throw unprocessable('REPORT_PERIOD_INVALID', { field: 'to' }, { field: 'to', reason: 'BEFORE_FROM' });
  if ((end.getTime() - start.getTime()) / 86_400_000 > MAX_PERIOD_DAYS) throw unprocessable('REPORT_PERIOD_INVALID', { field: 'to' }, { field: 'to', reason: 'TOO_LONG' });
  return { start, end };
}
