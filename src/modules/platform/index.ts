import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import { CITY_SETTING, getSetting, type CitySetting } from '../../kernel/settings.ts';
import * as events from './events.ts';
import { registerPlatformRoutes } from './routes.ts';

export const platformModule: Module = {
  name: 'platform',
  events: topicsIn(events),
  routes: (app, ctx) => registerPlatformRoutes(app, ctx, () => getSetting<CitySetting>(ctx.db, CITY_SETTING)),
};

export { CALENDAR_YEAR_CONFIRMED } from './events.ts';
export { importCalendarPackageYear, reportMissingCalendarYear } from './calendar.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
