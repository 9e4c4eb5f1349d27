import { fileURLToPath } from 'node:url';
import type { Db } from '../../kernel/db/index.ts';
import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import type { LoadSummary } from './demo/load.ts';
import * as events from './events.ts';
import { registerCatalogRoutes } from './routes.ts';

export const catalogModule: Module = {
  name: 'catalog',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerCatalogRoutes,
  events: topicsIn(events),
};

// Events: publication facts (terminal until a module needs to follow them).
export { BUNDLE_PUBLISHED, BUNDLE_RETIRED, ITEM_PUBLISHED, ITEM_RETIRED, type BundleChanged, type ItemPublished, type ItemRetired } from './events.ts';

// Service functions other modules may use (cases binds a case to the published version).
export { getPublishedVersion, getVersionById, type PublishedVersion } from './items.ts';
export { checkQuality, RULES, type Issue, type QualityReport } from './rules.ts';
export type { ItemContent } from './content.ts';
export { SPECIAL_PROCEDURES, STEP_KINDS, STEP_ROLES } from './content.ts';
export { indicatorInputs, computeIndicators, consistencyReport, type IndicatorValue } from './reports.ts';
// Cases applies for a 一件事: the bundle's members and the merge of their forms and materials.
export { getBundle, type BundleDetail } from './bundles.ts';
export { mergeBundle, type MergedBundle, type MergeInput } from './bundle-merge.ts';
// The licence catalogue (证照目录) lists the items that produce each licence type.
export { itemsProducingLicence, type LicenceProducer } from './licence-producers.ts';
// The licence type codes the demo catalogue refers to (the seed issues demo licences of them).
export { LT as DEMO_LICENCE_TYPE_CODES } from './demo/content/reference.ts';

/**
 * Loads the demo city's catalogue; the seed calls it. The content is large, so it is read only
 * then, not by every importer of this contract.
 */
export async function seedDemoCatalog(db: Db, cityCode: string): Promise<LoadSummary | undefined> {
  return (await import('./demo/load.ts')).seedDemoCatalog(db, cityCode);
}
