import { Type } from 'typebox';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireRole, requireStaff } from '../../kernel/auth.ts';
import { listYear, removeDay, setDay } from '../../kernel/calendar/store.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { CalendarDay, CalendarDaySet, CalendarYear, DayParams, NodeConfig } from './schemas.ts';

/** Node administration: the working-day calendar and public node information. */
export function registerPlatformRoutes(app: HttpApp, ctx: AppContext, cityName: () => Promise<{ code: string; name: string } | null>) {
  const { db } = ctx;

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
  }, async (req) => {
    requireStaff(req.actor);
    return { year: req.query.year, days: await listYear(db, req.query.year) };
  });

  app.put('/api/calendar/days/:day', {
    schema: {
      tags: ['calendar'],
      params: DayParams,
      body: CalendarDaySet,
      response: { 200: CalendarDay },
    },
  }, async (req) => {
    const actor = requireRole(req.actor, ['administrator']);
    await db.transaction(async (tx) => {
      await setDay(tx, { day: req.params.day, kind: req.body.kind, name: req.body.name }, actor.username);
      await appendAudit(tx, actor, { action: 'calendar.set', objectType: 'calendar_day', objectId: req.params.day, details: req.body });
    });
    return { day: req.params.day, ...req.body, source: 'admin' as const };
  });

  app.delete('/api/calendar/days/:day', { schema: { tags: ['calendar'], params: DayParams } }, async (req, reply) => {
    const actor = requireRole(req.actor, ['administrator']);
    await db.transaction(async (tx) => {
      await removeDay(tx, req.params.day);
      await appendAudit(tx, actor, { action: 'calendar.remove', objectType: 'calendar_day', objectId: req.params.day });
    });
    return reply.status(204).send();
  });
}
