import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerCatalogRoutes } from './routes.ts';

export const catalogModule: Module = {
  name: 'catalog',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerCatalogRoutes,
};

// Service functions other modules may use (cases binds a case to the published version).
export { getPublishedVersion, getVersionById, type PublishedVersion } from './items.ts';
export { checkQuality, RULES, type Issue, type QualityReport } from './rules.ts';
export type { ItemContent } from './content.ts';
export { indicatorInputs, computeIndicators, consistencyReport, type IndicatorValue } from './reports.ts';
