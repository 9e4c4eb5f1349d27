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
export { SPECIAL_PROCEDURES, STEP_KINDS, STEP_ROLES } from './content.ts';
export { indicatorInputs, computeIndicators, consistencyReport, type IndicatorValue } from './reports.ts';
// Cases applies for a 一件事: the bundle's members and the merge of their forms and materials.
export { getBundle } from './bundles.ts';
export { mergeBundle, type MergedBundle, type MergeInput } from './bundle-merge.ts';
// The licence catalogue (证照目录) lists the items that produce each licence type.
export { itemsProducingLicence, type LicenceProducer } from './licence-producers.ts';

// API schemas and types: the HTTP contract, TypeBox schemas and their Static types (web/README.md, "API types")
export { BundleContent, BundleDetailSchema, BundleInput, BundleMemberInput, BundlePageSchema, BundleRowSchema } from './bundle-schemas.ts';
export type { BundleDetail, BundleListRow, BundleRow, BundleStatus, MergedField, MergedMaterial } from './bundle-schemas.ts';
export { ConsistencySchema, DiffSchema, GuideSchema, ItemDetailSchema, ItemPageSchema, QualitySchema, SearchResultSchema, SynonymSchema, VersionSchema } from './route-schemas.ts';
export type { Change, ConsistencyGroup, Guide, ItemDetailView, ItemListRow, ItemStatus, QualityView, SearchResult, SynonymGroup, Transition, VersionStatus, VersionView } from './route-schemas.ts';
export { ImportReportSchema, type ImportReport } from './transfer/schemas.ts';
