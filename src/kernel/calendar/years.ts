import type { Queryable } from '../db/types.ts';
import { validationFailed } from '../errors.ts';

/**
 * Which years of the working-day calendar are confirmed (table calendar_year, kernel migration
 * 007): a year is confirmed when its holiday arrangement was loaded from the chinese-days
 * package, from an ICS file, or entered and confirmed by an administrator. Deadlines computed
 * into a year that is not are provisional; from 1 November a missing next year is reported.
 */
export type YearSource = 'package' | 'ics' | 'admin';

export interface CalendarYearStatus {
  year: number;
  confirmed: boolean;
  source: YearSource | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

/** What administrators are told about the next year: from `reportFrom` on, while it is not confirmed. */
export interface CalendarOutlook {
  today: string;
  nextYear: number;
  confirmed: boolean;
  /** 1 November of the current year (Asia/Shanghai): the State Council publishes the next year's arrangement in November or December. */
  reportFrom: string;
  /** The next year is not confirmed and today is on or after reportFrom. */
  missing: boolean;
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1900 || year > 9999) throw validationFailed('year', 'INVALID_YEAR');
}

interface Row {
  year: number;
  source: YearSource | null;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  [k: string]: unknown;
}

/** The status of each year from..to (inclusive), confirmed or not. */
export async function yearStatuses(q: Queryable, from: number, to: number): Promise<CalendarYearStatus[]> {
  checkYear(from);
  checkYear(to);
  const rows = await q.query<Row>(`select year, source, confirmed_by, confirmed_at from calendar_year where year between $1 and $2`, [from, to]);
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const out: CalendarYearStatus[] = [];
  for (let year = from; year <= to; year++) {
    const r = byYear.get(year);
    out.push({
      year,
      confirmed: !!r?.confirmed_at,
      source: r?.confirmed_at ? r.source : null,
      confirmedBy: r?.confirmed_at ? r.confirmed_by : null,
      confirmedAt: r?.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
    });
  }
  return out;
}

/** The years among `years` that are not confirmed, sorted. */
export async function unconfirmedYears(q: Queryable, years: Iterable<number>): Promise<number[]> {
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  if (!wanted.length) return [];
  wanted.forEach(checkYear);
  const rows = await q.query<{ year: number }>(`select year from calendar_year where year = any($1::int[]) and confirmed_at is not null`, [wanted]);
  const confirmed = new Set(rows.map((r) => r.year));
  return wanted.filter((y) => !confirmed.has(y));
}

/** Marks a year confirmed (again: the newest source and confirmer win) in the caller's transaction. */
export async function markYearConfirmed(q: Queryable, year: number, source: YearSource, by: string): Promise<void> {
  checkYear(year);
  await q.query(
    `insert into calendar_year (year, source, confirmed_by, confirmed_at) values ($1, $2, $3, clock_now())
     on conflict (year) do update set source = excluded.source, confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at`,
    [year, source, by],
  );
}

/** The next year as administrators should know it, as of `today` ('YYYY-MM-DD' in Asia/Shanghai). */
export async function calendarOutlook(q: Queryable, today: string): Promise<CalendarOutlook> {
  const nextYear = Number(today.slice(0, 4)) + 1;
  const [status] = await yearStatuses(q, nextYear, nextYear);
  const reportFrom = `${nextYear - 1}-11-01`;
  return { today, nextYear, confirmed: status!.confirmed, reportFrom, missing: !status!.confirmed && today >= reportFrom };
}

/**
 * Claims the one report that `year` is missing: true for the first caller only (also across
 * instances: the row's lock serialises them), false once reported or when the year is confirmed.
 */
export async function claimMissingYearReport(q: Queryable, year: number): Promise<boolean> {
  checkYear(year);
  const rows = await q.query(
    `insert into calendar_year (year, missing_reported_at) values ($1, clock_now())
     on conflict (year) do update set missing_reported_at = clock_now()
       where calendar_year.missing_reported_at is null and calendar_year.confirmed_at is null
     returning year`,
    [year],
  );
  return rows.length === 1;
}
