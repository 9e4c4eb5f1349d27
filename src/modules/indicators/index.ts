import type { Module } from '../../kernel/module.ts';
import { registerIndicatorRoutes } from './routes.ts';

/**
 * indicators: today only the cockpit's read model, which asks each module's contract for its
 * figures. The indicator engine (INDICATORS.md: registry, baselines and targets, daily
 * snapshots, drill-down) is to grow here and replace `cockpitFigures`' live questions.
 */
export const indicatorsModule: Module = {
  name: 'indicators',
  routes: registerIndicatorRoutes,
};

export { cockpitFigures } from './cockpit-figures.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
