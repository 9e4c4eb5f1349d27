import { useEffect } from 'react';
import { useCity } from '../../app/useCity.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { PortalSearch } from './PortalSearch.tsx';
import { QuickEntries } from './QuickEntries.tsx';
import { ThemeGrid } from './ThemeGrid.tsx';
import { FEATURED } from './themes.tsx';

const SECTIONS: Array<{ audience: 'person' | 'entity'; title: MessageKey }> = [
  { audience: 'person', title: 'portal.personal' },
  { audience: 'entity', title: 'portal.enterprise' },
];

/** Portal home: search, quick entries, and the most used themes for individuals and businesses. */
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
        <section className="portal-section portal-section-wide">
          <QuickEntries />
        </section>
        {SECTIONS.map((section) => (
          <section key={section.audience} className="portal-section" data-testid={`themes-${section.audience}`}>
            <h2>{t(section.title)}</h2>
            <ThemeGrid tiles={FEATURED[section.audience].map((code) => ({ audience: section.audience, code }))} more={`/services?tab=${section.audience}`} />
          </section>
        ))}
      </div>
      <p className="portal-container portal-notice">{t('portal.notice')}</p>
    </>
  );
}
