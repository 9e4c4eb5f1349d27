import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { calendarYear, removeCalendarDay, setCalendarDay } from './calendar.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' });
const CalendarDay = Type.Object({
  day: Type.String(),
  kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]),
  name: Type.String(),
  source: Type.String(),
});

/** Node administration: the working-day calendar and public node information. */
export function registerPlatformRoutes(app: HttpApp, ctx: AppContext, cityName: () => Promise<{ code: string; name: string } | null>) {
  const NodeConfig = Type.Object({
    city: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
    languages: Type.Array(Type.String()),
  });
  app.get('/api/config', { schema: { tags: ['platform'], response: { 200: NodeConfig } } }, async () => ({
    city: await cityName(),
    languages: ['zh-CN', 'en-US'],
  }));

  app.get('/api/calendar', {
    schema: {
      tags: ['calendar'],
      querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
      response: { 200: Type.Object({ year: Type.Integer(), days: Type.Array(CalendarDay) }) },
    },
  }, (req) => calendarYear(ctx, req.actor, req.query.year));

  app.put('/api/calendar/days/:day', {
    schema: {
      tags: ['calendar'],
      params: Type.Object({ day: Day }),
      body: Type.Object(
        { kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]), name: Type.String({ minLength: 1, maxLength: 50 }) },
        { additionalProperties: false },
      ),
    },
  }, (req) => setCalendarDay(ctx, req.actor, req.params.day, req.body));

  app.delete('/api/calendar/days/:day', { schema: { tags: ['calendar'], params: Type.Object({ day: Day }) } }, async (req, reply) => {
    await removeCalendarDay(ctx, req.actor, req.params.day);
    return reply.status(204).send();
  });
}
