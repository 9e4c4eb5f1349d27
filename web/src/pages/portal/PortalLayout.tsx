import { Suspense } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { useCity } from '../../app/useCity.ts';
import { BrandMark } from '../../components/BrandMark.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/useT.ts';
import { MyEntry } from './MyEntry.tsx';
import { PortalTabBar } from './PortalTabBar.tsx';
import './portal-browse.css';

/** Mobile-first frame of the public portal: brand bar, content, footer, and on a phone the tab bar. */
export default function PortalLayout() {
  const { t } = useT();
  const city = useCity();
  return (
    <div className="portal">
      <header className="portal-bar">
        <div className="portal-container portal-bar-inner">
          <Link to="/" className="brand brand-light">
            <BrandMark />
            <span className="brand-text">
              {city.name} · {t('app.name')}
            </span>
          </Link>
          <div className="portal-bar-tools">
            <LanguageSwitch dark />
            <MyEntry />
          </div>
        </div>
      </header>
      <main className="portal-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        {t('portal.footer', { city: city.name })} ·{' '}
        <Link to="/ratings" data-testid="portal-ratings-link">
          {t('ratings.menu.public')}
        </Link>{' '}
        ·{' '}
        <Link to="/open-data" data-testid="portal-open-data-link">
          {t('openData.menu')}
        </Link>{' '}
        ·{' '}
        <Link to="/hotline" data-testid="portal-hotline-link">
          {t('hotline.portal.entry')}
        </Link>
      </footer>
      <PortalTabBar />
    </div>
  );
}
