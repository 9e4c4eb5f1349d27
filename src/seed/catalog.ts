import { systemActor } from '../kernel/actor.ts';
import type { Db } from '../kernel/db/index.ts';
import {
  createBundles,
  createSynonyms,
  importJsonItems,
  itemsByCode,
  saveBaseFields,
  saveLicenseTypes,
  transitionBundles,
  transitionItems,
  type ImportFile,
} from '../modules/catalog/index.ts';
import { departmentRefsByCode } from '../modules/org/index.ts';
import { DEMO_CATALOG_CITY, demoBaseFields, demoBundles, demoItemFiles, demoLicenseTypes, startingSynonyms, type DemoBundle } from './catalog-data.ts';

/** The seed acts as the platform: created_by, reviewers and the audit trail say `seed`. */
const SEED = systemActor('seed');

export interface CatalogLoad {
  items: number;
  published: number;
  /** Codes of the items left as drafts because a quality rule fails. */
  drafts: string[];
  bundles: number;
}

/**
 * Loads item lists as a city does: each file through the catalogue import (all or none), then
 * the items whose draft passes every quality rule are submitted, approved and published as the
 * data bureau would. The others stay drafts with their issues, so a demo also shows the
 * editor's work list.
 */
export async function importAndPublish(db: Db, files: ImportFile[]): Promise<CatalogLoad> {
  const passed: string[] = [];
  const drafts: string[] = [];
  for (const file of files) {
    const report = await importJsonItems(db, SEED, 'zh-CN', file);
    for (const item of report.items) (item.qualityOk ? passed : drafts).push(item.code);
  }
  const ids = [...(await itemsByCode(db, passed)).values()].map((i) => i.id);
  await transitionItems(db, SEED, ids, ['submit', 'approve', 'publish']);
  return { items: passed.length + drafts.length, published: ids.length, drafts, bundles: 0 };
}

/** Creates the bundles and publishes those whose items are all published (a bundle is applied for whole). */
async function loadBundles(db: Db, bundles: DemoBundle[], published: (code: string) => boolean): Promise<number> {
  const leads = await departmentRefsByCode(
    db,
    bundles.map((b) => b.leadDepartment),
  );
  await createBundles(
    db,
    SEED,
    bundles.map(({ leadDepartment, ...bundle }) => ({ ...bundle, leadDepartmentId: leads.get(leadDepartment)?.id })),
  );
  const ready = bundles.filter((b) => b.members.every((m) => m.itemCode !== undefined && published(m.itemCode)));
  await transitionBundles(
    db,
    SEED,
    ready.map((b) => b.code),
    'publish',
  );
  return ready.length;
}

/**
 * Called by the demo-city seed: the city the demo catalogue describes gets it (src/seed/catalog/)
 * through the catalogue's services; every city starts with the default synonyms.
 */
export async function seedCatalog(db: Db, cityCode: string): Promise<CatalogLoad | undefined> {
  let load: CatalogLoad | undefined;
  if (cityCode === DEMO_CATALOG_CITY) {
    await saveLicenseTypes(db, SEED, cityCode, demoLicenseTypes());
    await saveBaseFields(db, SEED, cityCode, demoBaseFields());
    load = await importAndPublish(db, demoItemFiles());
    const drafts = new Set(load.drafts);
    load.bundles = await loadBundles(db, demoBundles(), (code) => !drafts.has(code));
  }
  await createSynonyms(db, SEED, cityCode, startingSynonyms());
  return load;
}
