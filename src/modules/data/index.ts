import { fileURLToPath } from 'node:url';
import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import * as events from './events.ts';
import { dataHandlers } from './handlers.ts';
import { registerDataRoutes } from './routes.ts';

export const dataModule: Module = {
  name: 'data',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerDataRoutes,
  events: topicsIn(events),
  eventHandlers: dataHandlers,
};

export { createResource, publishResource } from './resources.ts';
export { dataIndicatorInputs, type DataIndicatorInputs } from './indicators.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
