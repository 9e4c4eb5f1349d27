import { useCallback } from 'react';
import type { Resource } from '../api/resource.ts';
import type { Versioned } from '../api/resource.ts';
import { useFetchedPage } from './useFetchedPage.ts';
import type { ListQueryState } from './useListQuery.ts';

/** Fetches one page of a resource whenever the query (or the UI language) changes. */
export function useServerList<T extends Versioned>(resource: Resource<T>, query: ListQueryState) {
  const { q, page, pageSize, filters } = query;
  const filterKey = JSON.stringify(filters);
  const fetchPage = useCallback(
    (signal: AbortSignal) =>
      resource.list({ q: q || undefined, page, pageSize, ...(JSON.parse(filterKey) as Record<string, string>) }, signal),
    [resource, q, page, pageSize, filterKey],
  );
  const { page: result, loading, reload } = useFetchedPage(fetchPage);
  return { items: result?.items ?? [], total: result?.total ?? 0, loading, reload };
}
