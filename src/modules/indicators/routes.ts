import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { cockpitFigures } from './cockpit-figures.ts';
import * as S from './schemas.ts';

export function registerIndicatorRoutes(app: HttpApp, ctx: AppContext) {
  app.get(
    '/api/indicators/cockpit',
    { schema: { tags: ['indicators'], querystring: S.CockpitQuery, response: { 200: S.CockpitFigures } } },
    (req) => cockpitFigures(ctx, req.actor, req.query),
  );
}
