import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { calendarYear, removeCalendarDay, setCalendarDay } from './calendar.ts';
import { CalendarDay, CalendarDaySet, CalendarYear, DayParams, NodeConfig } from './schemas.ts';

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
}
