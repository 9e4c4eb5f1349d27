import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../api/types.ts';
import { useApiError } from '../components/useApiError.ts';
import { useT } from '../i18n/useT.ts';

/**
 * One page from `fetchPage` (keep it stable with useCallback over what it asks for): fetched again
 * when it changes, when the UI language changes and on `reload`; a request overtaken by a newer
 * one is aborted and its answer dropped; an error is shown and leaves an empty page.
 */
export function useFetchedPage<T>(fetchPage: (signal: AbortSignal) => Promise<Page<T>>) {
  const { lang } = useT();
  const showError = useApiError();
  const [page, setPage] = useState<Page<T>>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    fetchPage(controller.signal)
      .then((result) => {
        setPage(result);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setPage(undefined);
        setLoading(false);
        showError(err);
      });
    return () => controller.abort();
  }, [fetchPage, lang, generation, showError]);

  return { page, loading, reload };
}
