import { fileURLToPath } from 'node:url';
import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import * as events from './events.ts';
import { registerCatalogRoutes } from './routes.ts';

export const catalogModule: Module = {
  name: 'catalog',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerCatalogRoutes,
  events: topicsIn(events),
};

// Events: publication facts (terminal until a module needs to follow them).
export {
  BUNDLE_PUBLISHED,
  BUNDLE_RETIRED,
  ITEM_PUBLISHED,
  ITEM_RETIRED,
  type BundleChanged,
  type ItemPublished,
  type ItemRetired,
} from './events.ts';

// Service functions other modules may use (cases binds a case to the published version).
export { getPublishedVersion, getVersionById, type PublishedVersion } from './items.ts';
export { checkQuality, RULES, type Issue, type QualityReport } from './rules.ts';
export type { ItemContent, RegisteredSubject } from './content.ts';
export { SPECIAL_PROCEDURES, STEP_KINDS, STEP_ROLES } from './content.ts';
export { indicatorInputs, computeIndicators, consistencyReport, type IndicatorValue } from './reports.ts';
// Cases applies for a 一件事: the bundle's members and the merge of their forms and materials.
export { getBundle } from './bundles.ts';
export { mergeBundle, type MergedBundle, type MergeInput } from './bundle-merge.ts';
// The licence catalogue (证照目录) lists the items that produce each licence type.
export { itemsProducingLicence, type LicenceProducer } from './licence-producers.ts';
// The seed loads a city's starting catalogue through the services a city uses: the import of the
// item lists, the review workflow, bundles, synonyms and the reference lists.
export { itemsByCode } from './items.ts';
export { importJsonItems, type ImportReport } from './transfer/import.ts';
export type { ImportFile } from './transfer/report.ts';
export { transitionItems } from './workflow.ts';
export { createBundles, transitionBundles } from './bundles.ts';
export { createSynonyms } from './synonyms.ts';
export { saveBaseFields, saveLicenseTypes, type BaseFieldEntry, type LicenseTypeEntry } from './reference-lists.ts';

// Text analysis the catalogue's search uses (jieba words without stopwords, CJK character pairs):
// one tokeniser and one dictionary of the government vocabulary for the hotline too (its dispatch
// classifier, duplicate detection and the top words of its reports).
export { bigrams as textBigrams, searchTokens, words as textWords } from './search/text.ts';
// The hotline's knowledge base offers guides as answers.
export { searchGuides, publishedItemNames, type GuideCandidate } from './search/guides.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
// Cases run the workflow the guide shows: one definition of the steps of an item's case.
export { itemWorkflow, DEFAULT_WORKFLOW } from './workflow-steps.ts';
