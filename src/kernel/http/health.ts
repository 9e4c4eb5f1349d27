import { Type } from 'typebox';
import type { Registry } from 'prom-client';
import { calendarOutlook } from '../calendar/years.ts';
import * as clock from '../clock.ts';
import type { AppContext } from '../context.ts';
import type { HttpApp } from '../module.ts';
import { errorBody } from './errors.ts';

const Status = Type.Object({ status: Type.String() });

export function registerHealthRoutes(app: HttpApp, ctx: AppContext, registry: Registry) {
  // Liveness: the process answers. Never touches the database, so a slow database does not
  // get healthy instances restarted.
  app.get('/healthz', { schema: { tags: ['ops'], response: { 200: Status } } }, async () => ({ status: 'ok' }));

  // Readiness: the database answers; load balancers stop sending traffic when it does not.
  // From 1 November it also tells the operator whether next year's working-day calendar is
  // confirmed (`calendar: { nextYear, confirmed }`); a missing year does not make it unready.
  app.get('/readyz', { schema: { tags: ['ops'] } }, async (req, reply) => {
    try {
      await ctx.db.ping();
      const outlook = await calendarOutlook(ctx.db, clock.today());
      const calendar = outlook.today >= outlook.reportFrom ? { calendar: { nextYear: outlook.nextYear, confirmed: outlook.confirmed } } : {};
      return { status: 'ready', database: ctx.db.backend, ...calendar };
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      return reply.status(503).send(errorBody(req.lang, 'NOT_READY'));
    }
  });

  app.get('/metrics', { schema: { tags: ['ops'], hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
