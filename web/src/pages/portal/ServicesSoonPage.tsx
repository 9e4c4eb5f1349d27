import { LeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { useT } from '../../i18n/useT.ts';
import { findTheme } from './themes.tsx';

/** A theme's services: the catalogue is a later module, so this says so honestly. */
export default function ServicesSoonPage() {
  const { t, tx } = useT();
  const theme = findTheme(useParams().theme);
  if (!theme) return <NotFoundPage />;
  const name = tx(`portal.theme.${theme.id}`, theme.id);
  return (
    <div className="portal-container portal-page">
      <Link to="/" className="portal-back">
        <LeftOutlined /> {t('portal.home')}
      </Link>
      <div className="portal-page-head">
        <span className="theme-icon" style={{ background: theme.color }}>
          {theme.icon}
        </span>
        <h1>{name}</h1>
      </div>
      <ComingSoon
        title={t('portal.servicesSoon', { theme: name })}
        text={t('portal.servicesSoonText')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    </div>
  );
}
