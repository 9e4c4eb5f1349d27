import { systemActor, type Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireNodeAdmin, requireStaff } from '../../kernel/auth.ts';
import type { DayKind } from '../../kernel/calendar/calendar.ts';
import { importIcsIn, importYearIn, listYear, removeDay, setDay, type CalendarDay, type ImportResult } from '../../kernel/calendar/store.ts';
import { calendarOutlook, claimMissingYearReport, markYearConfirmed, yearStatuses, type CalendarYearStatus } from '../../kernel/calendar/years.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import { sm3Hex } from '../../kernel/crypto/sm3.ts';
import { unprocessable } from '../../kernel/errors.ts';
import { emit } from '../../kernel/events/index.ts';
import { nodeCityCode } from '../../kernel/settings.ts';
import { notifyStaff, staffAbleToAct } from '../org/index.ts';
import { CALENDAR_YEAR_CONFIRMED } from './events.ts';
import type { CalendarStatus } from './schemas.ts';

/**
 * The working-day calendar as administrators keep it: every member of staff may read it (their
 * deadlines follow it), only a node-level administrator changes a day (the calendar holds for
 * every deadline of the node, so a county administrator may not), and every change is audited.
 */
export async function calendarYear(ctx: AppContext, actor: Actor, year: number): Promise<{ year: number; days: CalendarDay[] }> {
  requireStaff(actor);
  return { year, days: await listYear(ctx.db, year) };
}

export async function setCalendarDay(ctx: AppContext, actor: Actor, day: string, input: { kind: DayKind; name: string }): Promise<CalendarDay> {
  requireNodeAdmin(actor, await nodeCityCode(ctx.db));
  await ctx.db.transaction(async (tx) => {
    await setDay(tx, { day, ...input }, actor.kind === 'staff' ? actor.username : actor.kind);
    await appendAudit(tx, actor, { action: 'calendar.set', objectType: 'calendar_day', objectId: day, details: input });
  });
  return { day, ...input, source: 'admin' };
}

export async function removeCalendarDay(ctx: AppContext, actor: Actor, day: string): Promise<void> {
  requireNodeAdmin(actor, await nodeCityCode(ctx.db));
  await ctx.db.transaction(async (tx) => {
    await removeDay(tx, day);
    await appendAudit(tx, actor, { action: 'calendar.remove', objectType: 'calendar_day', objectId: day });
  });
}

/** Who loads and confirms a year: a node-level administrator (or the operator), as for a single day. Returns who, for the rows. */
async function calendarAdmin(ctx: AppContext, actor: Actor): Promise<string> {
  requireNodeAdmin(actor, await nodeCityCode(ctx.db));
  return actor.kind === 'staff' ? actor.username : 'id' in actor ? actor.id : actor.kind;
}

/**
 * Which years are confirmed (last, this and the next two) and the outlook for the next one: from
 * 1 November an unconfirmed next year is `missing`, which the web app shows administrators as a
 * banner. Every member of staff may read it.
 */
export async function calendarStatus(ctx: AppContext, actor: Actor): Promise<CalendarStatus> {
  requireStaff(actor);
  const outlook = await calendarOutlook(ctx.db, clock.today());
  const year = outlook.nextYear - 1;
  return { ...outlook, years: await yearStatuses(ctx.db, year - 1, year + 2) };
}

/**
 * Loads the State Council's arrangement for `year` from an ICS file (the rule is in the kernel's
 * ics.ts): all or nothing, audited with the file's SM3, and the year confirmed, which makes cases
 * recompute the deadlines that were provisional.
 */
export async function importCalendarIcs(ctx: AppContext, actor: Actor, year: number, ics: string): Promise<ImportResult> {
  const by = await calendarAdmin(ctx, actor);
  return ctx.db.transaction(async (tx) => {
    const result = await importIcsIn(tx, year, ics, by);
    await appendAudit(tx, actor, {
      action: 'calendar.import_ics',
      objectType: 'calendar_year',
      objectId: String(year),
      details: { ...result, sm3: sm3Hex(ics) },
    });
    await emit(tx, CALENDAR_YEAR_CONFIRMED, { year, source: 'ics' });
    return result;
  });
}

/** The days an administrator entered for `year` are its arrangement: the year becomes confirmed. */
export async function confirmCalendarYear(ctx: AppContext, actor: Actor, year: number): Promise<CalendarYearStatus> {
  const by = await calendarAdmin(ctx, actor);
  return ctx.db.transaction(async (tx) => {
    const days = await listYear(tx, year);
    if (!days.some((d) => d.kind === 'holiday')) throw unprocessable('CALENDAR_YEAR_EMPTY', { year });
    await markYearConfirmed(tx, year, 'admin', by);
    await appendAudit(tx, actor, {
      action: 'calendar.confirm_year',
      objectType: 'calendar_year',
      objectId: String(year),
      details: { holidays: days.filter((d) => d.kind === 'holiday').length, workdays: days.filter((d) => d.kind === 'workday').length },
    });
    await emit(tx, CALENDAR_YEAR_CONFIRMED, { year, source: 'admin' });
    return (await yearStatuses(tx, year, year))[0]!;
  });
}

/** `yiwang calendar import <year>` (the operator, a system actor) or an administrator: the package's data for the year. */
export async function importCalendarPackageYear(ctx: AppContext, actor: Actor, year: number): Promise<ImportResult> {
  await calendarAdmin(ctx, actor);
  return ctx.db.transaction(async (tx) => {
    const result = await importYearIn(tx, year);
    if (!result.covered) return result;
    await appendAudit(tx, actor, { action: 'calendar.import_package', objectType: 'calendar_year', objectId: String(year), details: { ...result } });
    await emit(tx, CALENDAR_YEAR_CONFIRMED, { year, source: 'package' });
    return result;
  });
}

const REPORTER = systemActor('platform.calendar');

/**
 * From 1 November, tells the node's administrators (administrator grants covering the whole city)
 * once per year that next year's calendar is not confirmed: a staff message each, audited. Run at
 * start and hourly by the instances that run workers; safe to run anywhere, any number of times.
 */
export async function reportMissingCalendarYear(ctx: AppContext): Promise<{ nextYear: number; reported: boolean; recipients: number }> {
  const outlook = await calendarOutlook(ctx.db, clock.today());
  const nothing = { nextYear: outlook.nextYear, reported: false, recipients: 0 };
  if (!outlook.missing) return nothing;
  return ctx.db.transaction(async (tx) => {
    // node administrators (kernel's isNodeAdmin): an administrator grant covering the whole city, no department
    const city = await nodeCityCode(tx);
    const admins = city ? await staffAbleToAct(tx, ['administrator'], { regionCode: city }) : [];
    // nobody to tell yet (a node without its city): keep the report for when there is
    if (!admins.length || !(await claimMissingYearReport(tx, outlook.nextYear))) return nothing;
    const recipients = await notifyStaff(tx, admins.map((a) => a.id), {
      kind: 'calendar_year_missing',
      ref: `calendar:${outlook.nextYear}`,
      params: { year: outlook.nextYear, from: outlook.reportFrom },
    });
    await appendAudit(tx, REPORTER, {
      action: 'calendar.year_missing_reported',
      objectType: 'calendar_year',
      objectId: String(outlook.nextYear),
      details: { recipients },
    });
    return { nextYear: outlook.nextYear, reported: true, recipients };
  });
}
