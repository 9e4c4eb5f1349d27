import type { Module } from '../../kernel/module.ts';
import { CITY_SETTING, getSetting, type CitySetting } from '../../kernel/settings.ts';
import { registerPlatformRoutes } from './routes.ts';

export const platformModule: Module = {
  name: 'platform',
  routes: (app, ctx) => registerPlatformRoutes(app, ctx, () => getSetting<CitySetting>(ctx.db, CITY_SETTING)),
};

// API schemas and types: the HTTP contract, TypeBox schemas and their Static types (web/README.md, "API types")
export { CalendarDay, CalendarDaySet, CalendarYear, NodeConfig } from './schemas.ts';
