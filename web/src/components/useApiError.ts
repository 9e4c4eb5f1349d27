import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, NETWORK_ERROR } from '../api/client.ts';
import { useT } from '../i18n/useT.ts';

/** The text to show for a failed request: the server's translated message when there is one. */
export function useErrorText(): (err: unknown) => string {
  const { t } = useT();
  return useCallback(
    (err: unknown) => {
      if (err instanceof ApiError) {
        if (err.message) return err.message;
        if (err.code === NETWORK_ERROR) return t('error.network');
        return t('error.unknown', { status: err.status });
      }
      return t('error.unknown', { status: '?' });
    },
    [t],
  );
}

/** Shows a failed request as a notification (title = generic, description = server message). */
export function useApiError(): (err: unknown) => void {
  const { t } = useT();
  const { notification } = App.useApp();
  const text = useErrorText();
  return useCallback(
    (err: unknown) => {
      if ((err as Error | null)?.name === 'AbortError') return;
      notification.error({
        title: t('error.title'),
        description: text(err),
        key: err instanceof ApiError ? err.code : undefined,
      });
    },
    [notification, t, text],
  );
}
