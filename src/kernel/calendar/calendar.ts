import { validationFailed } from '../errors.ts';
import { isCalendarDay } from './shanghai.ts';

/**
 * Working-day arithmetic over the exceptions to the ordinary week. A day that is not listed is
 * a working day Monday–Friday and a rest day on Saturday and Sunday; listed days override that:
 * 'holiday' (法定节假日, including holiday days that fall on a weekend) or 'workday' (调休上班,
 * a Saturday or Sunday worked in exchange for a bridge day off).
 *
 * Days are 'YYYY-MM-DD' calendar days in Asia/Shanghai (see shanghaiDate for turning an
 * instant into one). Pure and synchronous: load the exceptions once (store.ts), then compute.
 */
export type DayKind = 'holiday' | 'workday';

export interface CalendarException {
  day: string;
  kind: DayKind;
}

export interface WorkingCalendar {
  isWorkingDay(day: string): boolean;
  addWorkingDays(start: string, n: number): string;
  workingDaysBetween(a: string, b: string): number;
}

const MS_PER_DAY = 86_400_000;

function toDayNumber(day: string, field: string): number {
  if (!isCalendarDay(day)) throw validationFailed(field, 'INVALID_DATE');
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / MS_PER_DAY;
}

function fromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function createCalendar(exceptions: Iterable<CalendarException>): WorkingCalendar {
  const overrides = new Map<number, boolean>();
  for (const e of exceptions) overrides.set(toDayNumber(e.day, 'day'), e.kind === 'workday');

  const working = (n: number): boolean => {
    const listed = overrides.get(n);
    if (listed !== undefined) return listed;
    const weekday = (n + 4) % 7; // day 0, 1970-01-01, was a Thursday; 0 = Sunday
    return weekday !== 0 && weekday !== 6;
  };

  /** Working days in the half-open interval (from, to]; 0 when from >= to. */
  const countAfter = (from: number, to: number): number => {
    let count = 0;
    for (let d = from + 1; d <= to; d++) if (working(d)) count++;
    return count;
  };

  return {
    isWorkingDay: (day) => working(toDayNumber(day, 'day')),

    /**
     * Statutory counting, as for 承诺时限 and every 工作日 deadline: the day of `start` does not
     * count, and the result is the n-th working day after it. This is 《民法典》第二百零一条
     * ("开始的当日不计入，自下一日开始计算") applied to working-day periods such as
     * 《行政许可法》第四十二条/第八十二条 (periods in working days exclude 法定节假日), and it
     * makes an application received on a holiday start to count from the next working day.
     *
     * n = 0 ("即办", same-day items) returns `start` when it is a working day, otherwise the
     * next working day: a deadline may not end on a rest day (民法典第二百零三条 moves a period
     * ending on a 法定休假日 to the day after it ends). Negative n counts back: the |n|-th
     * working day before `start`, for reminders ahead of a deadline.
     */
    addWorkingDays(start, n) {
      if (!Number.isInteger(n)) throw validationFailed('n', 'NOT_AN_INTEGER');
      let d = toDayNumber(start, 'start');
      if (n === 0) {
        while (!working(d)) d++;
        return fromDayNumber(d);
      }
      const step = n > 0 ? 1 : -1;
      for (let left = Math.abs(n); left > 0;) {
        d += step;
        if (working(d)) left--;
      }
      return fromDayNumber(d);
    },

    /**
     * Working days after `a` up to and including `b` (the inverse of addWorkingDays: for a
     * working day b after a, addWorkingDays(a, workingDaysBetween(a, b)) === b). Negative when
     * b is before a, so that workingDaysBetween(a, b) === -workingDaysBetween(b, a).
     */
    workingDaysBetween(a, b) {
      const from = toDayNumber(a, 'a');
      const to = toDayNumber(b, 'b');
      return countAfter(from, to) - countAfter(to, from); // one term is always 0; avoids -0
    },
  };
}
