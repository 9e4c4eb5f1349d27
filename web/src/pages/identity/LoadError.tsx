import { Alert, Button } from 'antd';
import { useErrorText } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';

/** A failed load: the server's message and a retry button. */
export function LoadError({ error, retry }: { error: unknown; retry(): void }) {
  const { t } = useT();
  const text = useErrorText();
  return (
    <Alert
      type="error"
      showIcon
      title={t('identity.loadError')}
      description={text(error)}
      action={<Button size="small" onClick={retry}>{t('identity.retry')}</Button>}
      data-testid="load-error"
    />
  );
}
