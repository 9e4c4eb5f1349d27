import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useCity } from '../app/useCity.ts';
import { useT } from '../i18n/useT.ts';
import { BrandMark } from './BrandMark.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** A plain page with the brand and the language switch: login, 403 and 404 outside an area. */
export function BareLayout({ children }: { children: ReactNode }) {
  const { t } = useT();
  const city = useCity();
  return (
    <div className="bare-layout">
      <header className="bare-header">
        <Link to="/" className="brand">
          <BrandMark />
          <span className="brand-text">
            {t('app.name')}
            <small>{city.name}</small>
          </span>
        </Link>
        <LanguageSwitch />
      </header>
      <main className="bare-main">{children}</main>
    </div>
  );
}
