import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { calendarStatus, calendarYear, confirmCalendarYear, importCalendarIcs, removeCalendarDay, setCalendarDay } from './calendar.ts';
import {
  CalendarDay,
  CalendarDaySet,
  CalendarIcsImport,
  CalendarImportResult,
  CalendarStatus,
  CalendarYear,
  CalendarYearStatus,
  DayParams,
  NodeConfig,
  YearParams,
} from './schemas.ts';

/** Node administration: the working-day calendar and public node information. */
export function registerPlatformRoutes(app: HttpApp, ctx: AppContext, cityName: () => Promise<{ code: string; name: string } | null>) {
  app.get('/api/config', { schema: { tags: ['platform'], response: { 200: NodeConfig } } }, async () => ({
    city: await cityName(),
    languages: ['zh-CN', 'en-US'],
  }));

  app.get('/api/calendar', {
    schema: {
      tags: ['calendar'],
      querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
      response: { 200: CalendarYear },
    },
  }, (req) => calendarYear(ctx, req.actor, req.query.year));

  app.put('/api/calendar/days/:day', {
    schema: {
      tags: ['calendar'],
      params: DayParams,
      body: CalendarDaySet,
      response: { 200: CalendarDay },
    },
  }, (req) => setCalendarDay(ctx, req.actor, req.params.day, req.body));

  app.delete('/api/calendar/days/:day', { schema: { tags: ['calendar'], params: DayParams } }, async (req, reply) => {
    await removeCalendarDay(ctx, req.actor, req.params.day);
    return reply.status(204).send();
  });

  app.get('/api/calendar/status', { schema: { tags: ['calendar'], response: { 200: CalendarStatus } } }, (req) => calendarStatus(ctx, req.actor));

  app.post('/api/calendar/years/:year/ics', {
    schema: { tags: ['calendar'], params: YearParams, body: CalendarIcsImport, response: { 200: CalendarImportResult } },
  }, (req) => importCalendarIcs(ctx, req.actor, req.params.year, req.body.ics));

  app.post('/api/calendar/years/:year/confirm', {
    schema: { tags: ['calendar'], params: YearParams, response: { 200: CalendarYearStatus } },
  }, (req) => confirmCalendarYear(ctx, req.actor, req.params.year));
}
