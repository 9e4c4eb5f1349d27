import type { DemoCatalog } from './load.ts';
import type { DemoBaseField, DemoBundle, DemoItem, DemoLicenseType, DemoQuery } from './types.ts';

/**
 * Finds the demo content (content/index.ts, written separately) by the shape of its exports,
 * so the loader does not depend on export names: arrays of items (handleItemCode), bundles
 * (items + guide), queries (expectedCodes), licence types, base fields, and a generator of
 * synthetic items (a function whose name contains "generat").
 */
export interface DemoContent {
  catalog: DemoCatalog;
  queries: DemoQuery[];
  generate?: (count: number) => DemoItem[];
}

let loaded: Promise<DemoContent | undefined> | undefined;

export function demoContent(): Promise<DemoContent | undefined> {
  loaded ??= (async () => {
    const mod = (await import(new URL('./content/index.ts', import.meta.url).href).catch(() => undefined)) as Record<string, unknown> | undefined;
    if (!mod) return undefined;
    const arrays = Object.values(mod).filter((v): v is Record<string, unknown>[] => Array.isArray(v) && v.length > 0 && typeof v[0] === 'object');
    const pick = (test: (x: Record<string, unknown>) => boolean) => arrays.filter((a) => test(a[0]!)).flat();
    const catalogObj = Object.values(mod).find((v) => v && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as DemoCatalog).items)) as
      | Partial<DemoCatalog & { queries: DemoQuery[] }>
      | undefined;
    const items = (catalogObj?.items ?? pick((x) => 'handleItemCode' in x && 'materials' in x)) as DemoItem[];
    const unique = [...new Map(items.map((i) => [i.key, i])).values()];
    const generate = Object.entries(mod).find(([k, v]) => typeof v === 'function' && /generat/i.test(k))?.[1] as DemoContent['generate'];
    return {
      catalog: {
        items: unique,
        bundles: (catalogObj?.bundles ?? pick((x) => 'guide' in x && 'items' in x)) as DemoBundle[],
        licenseTypes: (catalogObj?.licenseTypes ?? pick((x) => 'holder' in x && 'fields' in x)) as DemoLicenseType[],
        baseFields: (catalogObj?.baseFields ?? pick((x) => 'library' in x && 'provider' in x && 'key' in x)) as DemoBaseField[],
      },
      queries: (catalogObj?.queries ?? pick((x) => 'expectedCodes' in x)) as DemoQuery[],
      generate,
    };
  })();
  return loaded;
}
