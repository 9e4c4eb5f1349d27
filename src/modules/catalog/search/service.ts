import type { Queryable } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { departmentRefsById } from '../../org/index.ts';
import type { ItemContent } from '../content.ts';
import { ONLINE_APPLY_LEVEL, type Audience } from '../themes.ts';
import { matchesFilters, SearchIndex, type ItemTags, type SearchDoc, type SearchFilters } from './engine.ts';
import { facetCounts } from './facets.ts';
import { checkFilterCodes } from './filter-codes.ts';

/**
 * One index per process, rebuilt when `catalog_search_state.generation` moves (publish, retire,
 * synonym or bundle changes in any instance). A search costs one tiny query to check it.
 */
interface Cache {
  current?: { generation: number; index: SearchIndex };
  building?: Promise<{ generation: number; index: SearchIndex }>;
}
// Keyed by database handle: one process may serve several databases (tests).
const caches = new WeakMap<object, Cache>();

export const MAX_QUERY_LENGTH = 100;

export async function loadSearchDocs(q: Queryable): Promise<SearchDoc[]> {
  const rows = await q.query<{ id: string; code: string; basic_code: string; region_code: string; department_id: string; popularity: number; view_count: number; content: ItemContent }>(
    `select i.id, i.code, i.basic_code, i.region_code, i.department_id, i.popularity, i.view_count, v.content
       from catalog_item i join catalog_item_version v on v.id = i.published_version_id`,
  );
  const bundles = await q.query<{ id: string; code: string; name: string; audience: Audience; region_code: string; lead_department_id: string | null; content: BundleSearchContent }>(
    `select id, code, name, audience, region_code, lead_department_id, content from catalog_bundle where status = 'published'`,
  );
  const depts = await departmentRefsById(q, [
    ...rows.map((r) => r.department_id),
    ...bundles.flatMap((b) => (b.lead_department_id ? [b.lead_department_id] : [])),
  ]);
  const docs: SearchDoc[] = rows.map((r) => {
    const c = r.content;
    return {
      id: r.id,
      kind: 'item',
      code: r.code,
      basicCode: r.basic_code,
      name: c.name,
      aliases: [...(c.aliases ?? []), ...(c.handleItems ?? []).map((h) => h.name)],
      keywords: c.keywords ?? [],
      conditions: c.conditions ?? [],
      faqs: c.faqs ?? [],
      materials: (c.materials ?? []).map((m) => m.name),
      departmentId: r.department_id,
      departmentName: depts.get(r.department_id)?.name ?? '',
      regionCode: r.region_code,
      typeCode: c.typeCode ?? null,
      themes: { person: c.themes?.person ?? [], entity: c.themes?.entity ?? [] },
      objects: c.serviceObjects ?? [],
      popularity: Math.min(100, Number(r.popularity) + Math.log10(1 + Number(r.view_count)) * 5),
      tags: itemTags(c),
    };
  });
  for (const b of bundles) {
    docs.push({
      id: b.id,
      kind: 'bundle',
      code: b.code,
      basicCode: b.code,
      name: b.name,
      aliases: b.content.aliases ?? [],
      keywords: b.content.keywords ?? [],
      conditions: [],
      faqs: [],
      materials: [],
      departmentId: b.lead_department_id,
      departmentName: b.lead_department_id ? (depts.get(b.lead_department_id)?.name ?? '') : '',
      regionCode: b.region_code,
      typeCode: null,
      themes: { person: [], entity: [], ...(b.content.theme ? { [b.audience]: [b.content.theme] } : {}) },
      objects: b.audience === 'entity' ? ['enterprise'] : ['natural_person'],
      popularity: b.content.popularity ?? 50,
    });
  }
  return docs;
}

function itemTags(c: ItemContent): ItemTags {
  const limit = c.promisedLimit ?? c.statutoryLimit;
  return {
    online: (c.onlineDepth?.level ?? 0) >= ONLINE_APPLY_LEVEL,
    visits: c.visits ?? null,
    promisedLimit: limit ? { immediate: limit.immediate, days: limit.days } : null,
  };
}

interface BundleSearchContent {
  aliases?: string[];
  keywords?: string[];
  theme?: string;
  popularity?: number;
}

export async function loadSynonymGroups(q: Queryable): Promise<string[][]> {
  return (await q.query<{ words: string[] }>('select words from catalog_synonym')).map((r) => r.words);
}

export async function searchIndex(q: Queryable): Promise<SearchIndex> {
  const state = await q.one<{ generation: number }>('select generation from catalog_search_state where id');
  const generation = Number(state?.generation ?? 0);
  let cache = caches.get(q);
  if (!cache) caches.set(q, (cache = {}));
  if (cache.current && cache.current.generation === generation) return cache.current.index;
  const c = cache;
  if (!c.building) {
    c.building = (async () => {
      const [docs, synonyms] = await Promise.all([loadSearchDocs(q), loadSynonymGroups(q)]);
      return { generation, index: new SearchIndex(docs, synonyms) };
    })().finally(() => {
      c.building = undefined;
    });
  }
  c.current = await c.building;
  return c.current.index;
}

export interface SearchRequest extends SearchFilters {
  q?: string;
  limit?: number;
  offset?: number;
}

export function checkQuery(q: string | undefined, filters: SearchFilters): string {
  const text = (q ?? '').trim();
  if (text.length > MAX_QUERY_LENGTH) throw new AppError('SEARCH_QUERY_TOO_LONG', 400, { max: MAX_QUERY_LENGTH }, { max: MAX_QUERY_LENGTH });
  const hasFilter = Object.values(filters).some((v) => v !== undefined && v !== '' && v !== false);
  if (!text && !hasFilter) throw new AppError('SEARCH_QUERY_EMPTY', 400);
  return text;
}

/**
 * The portal's search and theme/department lists: one page of hits ranked by the in-process
 * index, what each shows as tags, the facet counts beside the filters, and the time it took.
 */
export async function searchCatalog(q: Queryable, request: SearchRequest & { limit: number }) {
  const { q: query, limit, offset = 0, ...filters } = request;
  const text = checkQuery(query, filters);
  await checkFilterCodes(q, filters);
  const started = performance.now();
  const index = await searchIndex(q);
  const ranked = index.rank(text);
  const hits = ranked.filter((h) => matchesFilters(h.doc, filters));
  const facets = facetCounts(
    ranked.map((h) => h.doc),
    filters,
  );
  return {
    total: hits.length,
    offset,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
    items: hits.slice(offset, offset + limit).map((h) => ({
      id: h.doc.id,
      kind: h.doc.kind,
      code: h.doc.code,
      name: h.doc.name,
      departmentName: h.doc.departmentName,
      regionCode: h.doc.regionCode,
      typeCode: h.doc.typeCode,
      tags: h.doc.tags ?? null,
      score: Math.round(h.score * 1000) / 1000,
      matched: h.matched,
    })),
    facets,
  };
}

/** Completions of what is being typed into the search box. */
export async function suggestCatalog(q: Queryable, request: SearchFilters & { q: string; limit: number }) {
  const { q: text, limit, ...filters } = request;
  const index = await searchIndex(q);
  return index.suggest(text, filters, limit).map((s) => ({ text: s.text, id: s.doc.id, kind: s.doc.kind, code: s.doc.code }));
}
