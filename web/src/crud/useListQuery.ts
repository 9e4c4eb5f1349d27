import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const DEFAULT_PAGE_SIZE = 20;

export interface ListQueryState {
  q: string;
  page: number;
  pageSize: number;
  filters: Record<string, string | undefined>;
}

/** Search text, page and filters of a list, kept in the URL so reloads and links keep them. */
export function useListQuery(filterNames: string[]) {
  const [params, setParams] = useSearchParams();
  const key = filterNames.join(',');

  const state = useMemo<ListQueryState>(() => {
    const page = Math.max(1, Number(params.get('page')) || 1);
    const pageSize = Math.min(100, Math.max(1, Number(params.get('pageSize')) || DEFAULT_PAGE_SIZE));
    const filters: Record<string, string | undefined> = {};
    for (const name of key ? key.split(',') : []) filters[name] = params.get(name) || undefined;
    return { q: params.get('q') ?? '', page, pageSize, filters };
  }, [params, key]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(name);
            else next.set(name, String(value));
          }
          if (next.get('page') === '1') next.delete('page');
          if (next.get('pageSize') === String(DEFAULT_PAGE_SIZE)) next.delete('pageSize');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { state, update };
}
