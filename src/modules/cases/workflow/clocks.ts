import { loadCalendar, shanghaiDate, unconfirmedYears, type WorkingCalendar } from '../../../kernel/calendar/index.ts';
import type { Queryable, Tx } from '../../../kernel/db/index.ts';
import { emit } from '../../../kernel/events/index.ts';
import * as clock from '../../../kernel/clock.ts';
import { DEADLINE_WARNING_DUE, DEFERRED_REMINDER_DUE } from '../events.ts';

export const today = (now = clock.now()) => shanghaiDate(now);
/** Midnight at the start of a calendar day in Asia/Shanghai. */
export const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The calendar for the years a limit of `days` working days from `from` can reach. */
export async function calendarFor(q: Queryable, from: string, days: number): Promise<WorkingCalendar> {
  const year = Number(from.slice(0, 4));
  return loadCalendar(q, year - 1, year + Math.ceil(days / 240) + 1);
}

export interface Deadlines {
  promisedDue: string;
  statutoryDue: string;
  /** The working day on which 80 % of the promised time is used up (null for 即办). */
  yellowDay: string | null;
}

/**
 * Deadlines counted from the day the application was received (the day itself does not
 * count, 民法典 art. 201), extended by the working days the clock stood still for a correction.
 * 0 days (即办) is due the same working day.
 */
export function deadlines(cal: WorkingCalendar, start: string, promisedDays: number, statutoryDays: number, pausedDays: number): Deadlines {
  const extend = (days: number) => (days === 0 ? cal.addWorkingDays(start, 0) : cal.addWorkingDays(start, days + pausedDays));
  const yellowAt = Math.ceil(promisedDays * 0.8);
  return {
    promisedDue: extend(promisedDays),
    statutoryDue: extend(statutoryDays),
    yellowDay: promisedDays > 0 && yellowAt > 0 ? cal.addWorkingDays(start, yellowAt + pausedDays) : null,
  };
}

/**
 * Yellow and red timers for the current deadline. Keys name the due date, so a deadline moved
 * by a pause gets new timers and the old ones find a different due date and do nothing.
 */
export async function scheduleWarnings(tx: Tx, c: { id: string; region_code: string }, d: Deadlines): Promise<void> {
  if (d.yellowDay) {
    await emit(tx, DEADLINE_WARNING_DUE, { caseId: c.id, level: 'yellow', promisedDue: d.promisedDue }, {
      regionCode: c.region_code,
      dueAt: startOfDay(d.yellowDay),
      dedupeKey: `case-clock:${c.id}:yellow:${d.promisedDue}`,
    });
  }
  const dayAfter = new Date(startOfDay(d.promisedDue).getTime() + 86_400_000);
  await emit(tx, DEADLINE_WARNING_DUE, { caseId: c.id, level: 'red', promisedDue: d.promisedDue }, {
    regionCode: c.region_code,
    dueAt: dayAfter,
    dedupeKey: `case-clock:${c.id}:red:${d.promisedDue}`,
  });
}

/** One reminder on the last working day before deferred materials are due. */
export async function scheduleDeferredReminder(tx: Tx, c: { id: string; region_code: string }, cal: WorkingCalendar, due: string): Promise<void> {
  await emit(tx, DEFERRED_REMINDER_DUE, { caseId: c.id, due }, {
    regionCode: c.region_code,
    dueAt: startOfDay(cal.addWorkingDays(due, -1)),
    dedupeKey: `case-deferred:${c.id}:${due}`,
  });
}

/**
 * A deadline is provisional when a year it is counted through — from the start of the clock to
 * the later of the two due dates — has no confirmed holiday arrangement (kernel calendar_year):
 * its holidays may still move it. It is recomputed when the year is confirmed (calendar-years.ts).
 */
export async function deadlineProvisional(q: Queryable, start: string, d: Deadlines): Promise<boolean> {
  const from = Number(start.slice(0, 4));
  const to = Number((d.statutoryDue > d.promisedDue ? d.statutoryDue : d.promisedDue).slice(0, 4));
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return (await unconfirmedYears(q, years)).length > 0;
}

/** Starts (or restarts after a pause) the clock and its warning timers. */
export async function runClock(
  tx: Tx,
  c: { id: string; region_code: string; case_type: string; promised_days: number; statutory_days: number },
  start: string,
  pausedDays: number,
): Promise<Deadlines & { provisional: boolean }> {
  const cal = await calendarFor(tx, start, c.statutory_days + pausedDays + 10);
  const d = deadlines(cal, start, c.promised_days, c.statutory_days, pausedDays);
  if (c.case_type === 'promised') await scheduleWarnings(tx, c, d);
  return { ...d, provisional: await deadlineProvisional(tx, start, d) };
}

/**
 * The clock runs again after a pause (补正, or a special procedure not counted in the limit):
 * the working days it stood still are added, deadlines and timers move with them.
 */
export async function resumeClock(
  tx: Tx,
  c: { id: string; region_code: string; case_type: string; promised_days: number; statutory_days: number; clock_start: string | null; paused_since: string | null; paused_days: number },
  day = today(),
) {
  const since = c.paused_since ?? day;
  const cal = await calendarFor(tx, since, 10);
  const added = Math.max(0, cal.workingDaysBetween(since, day));
  const paused = c.paused_days + added;
  const d = await runClock(tx, c, c.clock_start ?? day, paused);
  return {
    added,
    fields: { paused_since: null, paused_days: paused, promised_due: d.promisedDue, statutory_due: d.statutoryDue, deadline_provisional: d.provisional },
  };
}
