import { createRequire } from 'node:module';
import type { Db, Queryable } from '../db/types.ts';
import { notFound, validationFailed } from '../errors.ts';
import { createCalendar, type DayKind, type WorkingCalendar } from './calendar.ts';
import { parseHolidayIcs } from './ics.ts';
import { isCalendarDay } from './shanghai.ts';
import { checkYear, markYearConfirmed } from './years.ts';

/** One row of calendar_day as the API shows it. */
export interface CalendarDay {
  day: string;
  kind: DayKind;
  name: string;
  source: 'package' | 'ics' | 'admin';
}

export interface ImportResult {
  year: number;
  /** False when the installed chinese-days has no data for the year (the State Council publishes each November). */
  covered: boolean;
  holidays: number;
  workdays: number;
  /** Days the package lists but an administrator has set; left as the administrator set them. */
  keptAdmin: number;
  /** Package rows from an earlier import that the current package no longer lists. */
  removed: number;
}

const requirePackage = createRequire(import.meta.url);

const COLUMNS = `to_char(day, 'YYYY-MM-DD') as day, kind, name, source`;


/** Exceptions for fromYear..toYear (inclusive) as a calendar to compute with. */
export async function loadCalendar(db: Queryable, fromYear: number, toYear: number): Promise<WorkingCalendar> {
  checkYear(fromYear);
  checkYear(toYear);
  const rows = await db.query<{ day: string; kind: DayKind }>(
    `select to_char(day, 'YYYY-MM-DD') as day, kind from calendar_day
      where day between make_date($1, 1, 1) and make_date($2, 12, 31)`,
    [fromYear, toYear],
  );
  return createCalendar(rows);
}

export async function listYear(db: Queryable, year: number): Promise<CalendarDay[]> {
  checkYear(year);
  return db.query<CalendarDay & Record<string, unknown>>(
    `select ${COLUMNS} from calendar_day where day between make_date($1, 1, 1) and make_date($1, 12, 31) order by day`,
    [year],
  );
}

/** An administrator's decision for one day; it survives every later package import. */
export async function setDay(
  db: Queryable,
  input: { day: string; kind: DayKind; name: string },
  actor: string,
): Promise<CalendarDay> {
  if (!isCalendarDay(input.day)) throw validationFailed('day', 'INVALID_DATE');
  if (input.kind !== 'holiday' && input.kind !== 'workday') throw validationFailed('kind', 'INVALID_KIND');
  const row = await db.one<CalendarDay & Record<string, unknown>>(
    `insert into calendar_day (day, kind, name, source, updated_at, updated_by)
     values ($1, $2, $3, 'admin', clock_now(), $4)
     on conflict (day) do update
       set kind = excluded.kind, name = excluded.name, source = 'admin', updated_at = clock_now(), updated_by = excluded.updated_by
     returning ${COLUMNS}`,
    [input.day, input.kind, input.name, actor],
  );
  return row!;
}

/**
 * Deletes the exception, so the day reverts to the ordinary week. A package day removed here
 * comes back on the next import of its year; to keep a package holiday off, set it instead.
 */
export async function removeDay(db: Queryable, day: string): Promise<void> {
  if (!isCalendarDay(day)) throw validationFailed('day', 'INVALID_DATE');
  const gone = await db.query(`delete from calendar_day where day = $1 returning day`, [day]);
  if (gone.length === 0) throw notFound('calendar_day', day);
}

interface PackageYear {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The package's documented per-year JSON (dist/years/<year>.json), or null when it has none. */
function packageYear(year: number): PackageYear | null {
  try {
    return requirePackage(`chinese-days/dist/years/${year}.json`) as PackageYear;
  } catch (err) {
    if ((err as { code?: string }).code === 'MODULE_NOT_FOUND') return null;
    throw err;
  }
}

// Names look like "National Day,国庆节,3": English, Chinese, holiday number.
const chineseName = (raw: string) => raw.split(',')[1]?.trim() || raw;

/** Exceptions chinese-days lists for one year, holiday days and 调休 make-up workdays. */
export function packageExceptions(year: number): Array<{ day: string; kind: DayKind; name: string }> | null {
  const data = packageYear(year);
  if (!data) return null;
  const inYear = (day: string) => day.startsWith(`${year}-`);
  return [
    ...Object.entries(data.holidays)
      .filter(([d]) => inYear(d))
      .map(([day, raw]) => ({ day, kind: 'holiday' as const, name: chineseName(raw) })),
    ...Object.entries(data.workdays)
      .filter(([d]) => inYear(d))
      .map(([day, raw]) => ({ day, kind: 'workday' as const, name: `${chineseName(raw)}调休上班` })),
  ].sort((x, y) => x.day.localeCompare(y.day));
}

const PACKAGE_ACTOR = `chinese-days@${(requirePackage('chinese-days/package.json') as { version: string }).version}`;

/**
 * Seeds one year from the chinese-days package. Re-running it brings package rows in line with
 * the installed package (a corrected arrangement replaces the old one) and never overwrites or
 * deletes an administrator's row. A covered year is confirmed (calendar_year, source 'package').
 */
export async function importYear(db: Db, year: number): Promise<ImportResult> {
  return db.transaction((tx) => importYearIn(tx, year));
}

/** importYear in the caller's transaction (the platform's audited import). */
export async function importYearIn(tx: Queryable, year: number): Promise<ImportResult> {
  checkYear(year);
  const days = packageExceptions(year);
  if (!days) return { year, covered: false, holidays: 0, workdays: 0, keptAdmin: 0, removed: 0 };
  return replaceYear(tx, year, days, 'package', PACKAGE_ACTOR);
}

/**
 * Loads the State Council's arrangement for `year` from an ICS file (rule in ics.ts) in the
 * caller's transaction: the file is parsed completely first, so a malformed one writes nothing.
 * Package and earlier ICS rows of the year are replaced; administrators' rows are kept.
 */
export async function importIcsIn(tx: Queryable, year: number, ics: string, actor: string): Promise<ImportResult> {
  checkYear(year);
  const days = parseHolidayIcs(ics, year);
  return replaceYear(tx, year, days, 'ics', actor);
}

async function replaceYear(
  tx: Queryable,
  year: number,
  days: Array<{ day: string; kind: DayKind; name: string }>,
  source: 'package' | 'ics',
  actor: string,
): Promise<ImportResult> {
  const written = await tx.query<{ kind: DayKind }>(
    `insert into calendar_day (day, kind, name, source, updated_at, updated_by)
     select d, k, n, $5, clock_now(), $4 from unnest($1::date[], $2::text[], $3::text[]) as t(d, k, n)
     on conflict (day) do update
       set kind = excluded.kind, name = excluded.name, source = excluded.source, updated_at = clock_now(), updated_by = excluded.updated_by
       where calendar_day.source <> 'admin'
     returning kind`,
    [days.map((d) => d.day), days.map((d) => d.kind), days.map((d) => d.name), actor, source],
  );
  const removed = await tx.query(
    `delete from calendar_day
      where source in ('package', 'ics') and day between make_date($1, 1, 1) and make_date($1, 12, 31)
        and day <> all($2::date[])
     returning day`,
    [year, days.map((d) => d.day)],
  );
  await markYearConfirmed(tx, year, source, actor);
  return {
    year,
    covered: true,
    holidays: written.filter((r) => r.kind === 'holiday').length,
    workdays: written.filter((r) => r.kind === 'workday').length,
    keptAdmin: days.length - written.length,
    removed: removed.length,
  };
}
