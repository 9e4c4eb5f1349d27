import type { Browse, SearchPage, SearchQuery } from '../../../../../src/modules/catalog/api.ts';
import { api } from '../../../api/client.ts';

export type { Browse, SearchPage, SearchQuery };
export type SearchHit = SearchPage['items'][number];
export type Facets = SearchPage['facets'];

export const catalogBrowse = {
  counts: () => api.get<Browse>('/api/catalog/browse'),
  search: (query: SearchQuery, signal?: AbortSignal) => api.get<SearchPage>('/api/catalog/search', { ...query }, signal),
  types: () => api.get<{ items: { code: string; name: string }[] }>('/api/catalog/types'),
};
