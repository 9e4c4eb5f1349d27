import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import { personalData } from '../../kernel/pii.ts';
import * as events from './events.ts';
import { openFiguresHandler } from './open-figures.ts';
import { registerIndicatorRoutes } from './routes.ts';

/**
 * indicators: today only the cockpit's read model, which asks each module's contract for its
 * figures. The indicator engine (INDICATORS.md: registry, baselines and targets, daily
 * snapshots, drill-down) is to grow here and replace `cockpitFigures`' live questions.
 */
export const indicatorsModule: Module = {
  name: 'indicators',
  routes: registerIndicatorRoutes,
  events: topicsIn(events),
  eventHandlers: (ctx) => [openFiguresHandler(personalData(ctx.config.masterKey))],
};

export { cockpitFigures } from './cockpit-figures.ts';
// 数据开放 of the platform's figures: publish a month now (the seed), and the monthly timer
export { publishOpenFigures, scheduleOpenFigures } from './open-figures.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
