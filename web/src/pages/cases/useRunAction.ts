import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useApiError } from '../../components/useApiError.ts';

/**
 * Runs one applicant action (save, submit, withdraw …): busy while it runs, a success message,
 * the server's error otherwise, and the page reloaded either way so it shows the current state.
 */
export function useRunAction(load: () => Promise<unknown>) {
  const { message } = App.useApp();
  const showError = useApiError();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (fn: () => Promise<unknown>, done: string) => {
      setBusy(true);
      try {
        await fn();
        message.success(done);
        await load();
      } catch (err) {
        if ((err as { errorFields?: unknown }).errorFields) return; // the form shows its own errors
        showError(err);
        await load();
      } finally {
        setBusy(false);
      }
    },
    [load, message, showError],
  );
  return { busy, run };
}
