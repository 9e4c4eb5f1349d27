import { Spin } from 'antd';
import { useT } from '../i18n/useT.ts';

/** Centered spinner for a page or an area that is still loading. */
export function PageLoading() {
  const { t } = useT();
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="page-loading-text">{t('app.loading')}</span>
    </div>
  );
}
