/**
 * The demo catalogue of 云浮市 (445300): hand-written items of the city's departments, county
 * implementations of some of them, 一件事 bundles, a query set for search evaluation, the licence
 * types and base-library fields the items point to, and a generator for benchmark catalogues.
 */
import type { DemoBaseField, DemoBundle, DemoItem, DemoLicenseType, DemoQuery } from '../types.ts';
import { DEMO_BUNDLES } from './bundles.ts';
import { DEMO_COUNTY_COPIES, DEMO_ITEMS } from './items.ts';
import { DEMO_QUERIES } from './queries.ts';
import { BASE_FIELDS, CITY, LICENSE_TYPES } from './reference.ts';

export { DEMO_BUNDLES } from './bundles.ts';
export { generateItems } from './generator.ts';
export { DEMO_COUNTY_COPIES, DEMO_ITEMS, itemByKey } from './items.ts';
export { DEMO_QUERIES } from './queries.ts';
export { BASE_FIELDS, CITY, COUNTIES, LICENSE_TYPES, LT, departmentUscc } from './reference.ts';

export interface DemoCatalogContent {
  cityCode: string;
  items: DemoItem[];
  bundles: DemoBundle[];
  queries: DemoQuery[];
  licenseTypes: DemoLicenseType[];
  baseFields: DemoBaseField[];
}

/** Everything the loader needs: city items plus the county copies (十统一 demo). */
export const DEMO_CATALOG: DemoCatalogContent = {
  cityCode: CITY.code,
  items: [...DEMO_ITEMS, ...DEMO_COUNTY_COPIES],
  bundles: DEMO_BUNDLES,
  queries: DEMO_QUERIES,
  licenseTypes: LICENSE_TYPES,
  baseFields: BASE_FIELDS,
};
