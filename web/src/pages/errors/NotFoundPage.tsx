import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../i18n/useT.ts';

/** 404 for an unknown path (inside an area's layout or on its own). */
export function NotFoundPage() {
  const { t } = useT();
  return (
    <Result
      status="404"
      title={t('errors.notFoundTitle')}
      subTitle={t('errors.notFoundText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
      data-testid="not-found"
    />
  );
}
