import { useCallback, useEffect, useState } from 'react';
import type { Resource } from '../api/resource.ts';
import type { Versioned } from '../api/resource.ts';
import { useApiError } from '../components/useApiError.ts';
import { useT } from '../i18n/useT.ts';
import type { ListQueryState } from './useListQuery.ts';

/** Fetches one page of a resource whenever the query (or the UI language) changes. */
export function useServerList<T extends Versioned>(resource: Resource<T>, query: ListQueryState) {
  const { lang } = useT();
  const showError = useApiError();
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const { q, page, pageSize, filters } = query;
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    resource
      .list({ q: q || undefined, page, pageSize, ...(JSON.parse(filterKey) as Record<string, string>) }, controller.signal)
      .then((result) => {
        setItems(result.items);
        setTotal(result.total);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setItems([]);
        setTotal(0);
        setLoading(false);
        showError(err);
      });
    return () => controller.abort();
  }, [resource, q, page, pageSize, filterKey, lang, generation, showError]);

  return { items, total, loading, reload };
}
