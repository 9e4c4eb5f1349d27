import { App } from 'antd';
import { useCallback } from 'react';
import { identity } from '../../api/identity.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';

/**
 * Switch for whom the web session acts (an enterprise, or null for oneself), then load the page
 * again: the session, and every list the page shows, now belong to the other subject.
 */
export function useActAs() {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  return useCallback(
    async (enterpriseId: string | null, name: string) => {
      try {
        await identity.actAs(enterpriseId);
      } catch (err) {
        showError(err);
        return;
      }
      await message.success(t('identity.actAs.switched', { name }), 0.6);
      window.location.reload();
    },
    [message, showError, t],
  );
}
