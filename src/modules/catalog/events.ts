import { Type } from 'typebox';
import { defineTopic, type PayloadOf } from '../../kernel/events/index.ts';

/**
 * The catalogue's outbox topics: what was published or retired. Cases read the published
 * version when an application is made, so nothing follows these yet; they stay as facts.
 */

const FACT = 'kept as a fact for audit and reporting; cases read the published version when they need it';

export const ITEM_PUBLISHED = defineTopic(
  'catalog.item_published',
  Type.Object({ itemId: Type.String(), versionId: Type.String(), versionNo: Type.Integer(), code: Type.String() }),
  { terminal: FACT },
);
export type ItemPublished = PayloadOf<typeof ITEM_PUBLISHED>;

export const ITEM_RETIRED = defineTopic('catalog.item_retired', Type.Object({ itemId: Type.String(), versionId: Type.String(), code: Type.String() }), { terminal: FACT });
export type ItemRetired = PayloadOf<typeof ITEM_RETIRED>;

const BundleChange = Type.Object({ bundleId: Type.String(), code: Type.String() });
export const BUNDLE_PUBLISHED = defineTopic('catalog.bundle_published', BundleChange, { terminal: FACT });
export const BUNDLE_RETIRED = defineTopic('catalog.bundle_retired', BundleChange, { terminal: FACT });
export type BundleChanged = PayloadOf<typeof BUNDLE_PUBLISHED>;
