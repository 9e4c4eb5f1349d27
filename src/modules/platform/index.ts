import type { Module } from '../../kernel/module.ts';
import { CITY_SETTING, getSetting, type CitySetting } from '../../kernel/settings.ts';
import { registerPlatformRoutes } from './routes.ts';

export const platformModule: Module = {
  name: 'platform',
  routes: (app, ctx) => registerPlatformRoutes(app, ctx, () => getSetting<CitySetting>(ctx.db, CITY_SETTING)),
};

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
