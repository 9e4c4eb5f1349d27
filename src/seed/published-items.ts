import type { Queryable } from '../kernel/db/index.ts';
import { itemsByCode } from '../modules/catalog/index.ts';
import { demoItemFiles } from './catalog-data.ts';

/** The parts of a demo item row (import template as JSON) the demo city's set-up reads. */
interface DemoItemRow {
  code: string;
  result?: { result?: { licenseTypeCode?: string } };
  workflow?: { workflow?: { kind: string }[] };
}

/** A published demo item: who owns it, the licence it issues, whether it collects a fee at a payment step. */
export interface PublishedDemoItem {
  code: string;
  departmentId: string;
  licenseTypeCode: string | null;
  collectsAtPaymentStep: boolean;
}

/**
 * The demo catalogue's items that the catalogue published (an item left a draft by a quality rule
 * cannot be applied for, so it needs nobody), read from the seed's own item lists and the
 * catalogue's record of them. Every department these name must be able to handle its items:
 * staff grants, a seal, the licence types of their results.
 */
export async function publishedDemoItems(q: Queryable): Promise<PublishedDemoItem[]> {
  const rows = demoItemFiles().flatMap((f) => JSON.parse(f.data.toString('utf8')) as DemoItemRow[]);
  const stored = await itemsByCode(
    q,
    rows.map((r) => r.code),
  );
  return rows.flatMap((r) => {
    const item = stored.get(r.code);
    if (item?.status !== 'published') return [];
    return [
      {
        code: r.code,
        departmentId: item.departmentId,
        licenseTypeCode: r.result?.result?.licenseTypeCode ?? null,
        collectsAtPaymentStep: (r.workflow?.workflow ?? []).some((s) => s.kind === 'payment'),
      },
    ];
  });
}

/** The distinct departments of some items, in first-seen order. */
export const departmentsOf = (items: readonly PublishedDemoItem[]) => [...new Set(items.map((i) => i.departmentId))];
