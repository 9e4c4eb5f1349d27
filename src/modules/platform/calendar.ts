import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireNodeAdmin, requireStaff } from '../../kernel/auth.ts';
import type { DayKind } from '../../kernel/calendar/calendar.ts';
import { listYear, removeDay, setDay, type CalendarDay } from '../../kernel/calendar/store.ts';
import type { AppContext } from '../../kernel/context.ts';
import { nodeCityCode } from '../../kernel/settings.ts';

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
