import type { Queryable } from '../../../kernel/db/index.ts';
import { regionPrefix } from '../../../kernel/region-code.ts';
import type { Browse } from '../route-schemas.ts';
import { AUDIENCES, THEMES_OF, type Audience } from '../themes.ts';
import { facetCounts } from './facets.ts';
import { searchIndex } from './service.ts';

/**
 * 办事 by theme, department and 一件事: how many published items (and bundles) each holds, counted
 * over the same index the search and the lists use, so a tile's count is what its list shows.
 * Every theme of the dictionary is listed, an empty one with 0.
 */
export async function browseCatalog(q: Queryable, regionCode?: string): Promise<Browse> {
  const index = await searchIndex(q);
  const items = facetCounts(index.docs, { kind: 'item', regionCode });
  const bundles = facetCounts(index.docs, { kind: 'bundle', regionCode });
  const count = (facets: typeof items, audience: Audience, code: string) =>
    facets.themes.find((t) => t.audience === audience && t.code === code)?.count ?? 0;
  const rows = await q.query<{ id: string; code: string; name: string; audience: Audience; theme: string | null; items: number }>(
    `select b.id, b.code, b.name, b.audience, b.content->>'theme' as theme, count(m.position)::int as items
       from catalog_bundle b left join catalog_bundle_member m on m.bundle_id = b.id
      where b.status = 'published' and b.region_code like $1
      group by b.id order by b.code`,
    [`${regionCode ? regionPrefix(regionCode) : ''}%`],
  );
  return {
    themes: AUDIENCES.flatMap((audience) =>
      THEMES_OF[audience].map((code) => ({ audience, code, items: count(items, audience, code), bundles: count(bundles, audience, code) })),
    ),
    departments: items.departments.map((d) => ({ id: d.id, name: d.name, items: d.count })),
    bundles: rows.map((r) => ({ ...r, items: Number(r.items) })),
  };
}
