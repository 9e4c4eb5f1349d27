import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../../api/client.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';

interface Options {
  /** The message once done. */
  done: string;
  /** Codes that mean someone else acted first, besides VERSION_CONFLICT (DATA_ISSUE_CLOSED …). */
  stale?: string[];
  /** What to tell then (default: the item was changed meanwhile). */
  staleText?: string;
  /** Done, or someone else acted first: the caller reads the item again. */
  settled(): void;
}

/**
 * A change of one item (resolve, revoke, answer, suspend): done, it says so; when someone else
 * acted first it warns and the caller reads the item again; any other failure is shown. It rejects
 * unless done, so a dialog it runs from stays open.
 */
export function useChange() {
  const { t } = useT();
  const { message, notification } = App.useApp();
  const showError = useApiError();
  return useCallback(
    async (change: () => Promise<unknown>, { done, stale = [], staleText, settled }: Options) => {
      try {
        await change();
        message.success(done);
        settled();
      } catch (err) {
        if (err instanceof ApiError && ['VERSION_CONFLICT', ...stale].includes(err.code)) {
          notification.warning({ title: err.message || t('error.title'), description: staleText ?? t('error.versionConflict') });
          settled();
        } else showError(err);
        throw err;
      }
    },
    [t, message, notification, showError],
  );
}
