import { useEffect } from 'react';
import { useCity } from '../../app/useCity.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { PortalSearch } from './PortalSearch.tsx';
import { ThemeGrid } from './ThemeGrid.tsx';
import { THEMES, type Audience } from './themes.tsx';

const SECTIONS: Array<{ audience: Audience; title: MessageKey }> = [
  { audience: 'personal', title: 'portal.personal' },
  { audience: 'enterprise', title: 'portal.enterprise' },
];

/** Portal home: search and the service themes for individuals and businesses. */
export default function PortalHome() {
  const { t } = useT();
  const city = useCity();

  useEffect(() => {
    document.title = t('app.portalTitle', { city: city.name });
  }, [t, city.name]);

  return (
    <>
      <section className="portal-hero">
        <div className="portal-container">
          <h1>{t('app.portalTitle', { city: city.name })}</h1>
          <p>{t('app.portalSlogan')}</p>
          <PortalSearch />
        </div>
      </section>
      <div className="portal-container portal-sections">
        {SECTIONS.map((section) => (
          <section key={section.audience} className="portal-section" data-testid={`themes-${section.audience}`}>
            <h2>{t(section.title)}</h2>
            <ThemeGrid themes={THEMES.filter((theme) => theme.audience === section.audience)} />
          </section>
        ))}
      </div>
      <p className="portal-container portal-notice">{t('portal.notice')}</p>
    </>
  );
}
