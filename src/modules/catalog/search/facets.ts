import { AUDIENCES, type Audience } from '../themes.ts';
import { matchesFilters, type SearchDoc, type SearchFilters } from './engine.ts';

/**
 * Counts beside the portal's filters. Each dimension is counted over the documents that pass every
 * other filter, so choosing a department still shows how many hits the other departments have
 * (the usual faceted-search behaviour), and the counts always add up to what choosing would list.
 */
export interface Facets {
  departments: { id: string; name: string; count: number }[];
  themes: { audience: Audience; code: string; count: number }[];
  types: { code: string; count: number }[];
  /** How many are 可网办. */
  online: number;
}

export function facetCounts(docs: readonly SearchDoc[], filters: SearchFilters): Facets {
  const passing = (without: Partial<SearchFilters>) => {
    const f = { ...filters, ...without };
    return docs.filter((d) => matchesFilters(d, f));
  };
  const departments = new Map<string, { id: string; name: string; count: number }>();
  for (const d of passing({ departmentId: undefined })) {
    if (!d.departmentId) continue;
    const entry = departments.get(d.departmentId) ?? { id: d.departmentId, name: d.departmentName, count: 0 };
    entry.count++;
    departments.set(d.departmentId, entry);
  }
  const themes = new Map<string, { audience: Audience; code: string; count: number }>();
  const audiences = filters.audience ? [filters.audience] : AUDIENCES;
  for (const d of passing({ theme: undefined })) {
    for (const audience of audiences) {
      for (const code of d.themes[audience]) {
        const key = `${audience}:${code}`;
        const entry = themes.get(key) ?? { audience, code, count: 0 };
        entry.count++;
        themes.set(key, entry);
      }
    }
  }
  const types = new Map<string, number>();
  for (const d of passing({ typeCode: undefined })) if (d.typeCode) types.set(d.typeCode, (types.get(d.typeCode) ?? 0) + 1);
  return {
    departments: [...departments.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN')),
    themes: [...themes.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    types: [...types].map(([code, count]) => ({ code, count })).sort((a, b) => a.code.localeCompare(b.code)),
    online: passing({ online: undefined }).filter((d) => d.tags?.online).length,
  };
}
