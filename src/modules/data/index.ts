import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerDataRoutes } from './routes.ts';

export const dataModule: Module = {
  name: 'data',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerDataRoutes,
};

export { createResource, publishResource } from './resources.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
