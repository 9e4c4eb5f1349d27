import { AppstoreOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Audience } from '../../../../src/modules/catalog/api.ts';
import { useT } from '../../i18n/useT.ts';
import { themeLook, themeName, themePath } from './themes.tsx';

export interface ThemeTile {
  audience: Audience;
  code: string;
  /** Published items under the theme (the 办事 page shows it; the home page does not). */
  count?: number;
}

/** Theme cards: an icon and a name, four across on a phone, more on a desktop; each opens its list. */
export function ThemeGrid({ tiles, more }: { tiles: ThemeTile[]; more?: string }) {
  const { t, tx } = useT();
  return (
    <ul className="theme-grid">
      {tiles.map(({ audience, code, count }) => {
        const look = themeLook(audience, code);
        return (
          <li key={`${audience}:${code}`}>
            <Link to={themePath(audience, code)} className="theme-card" data-testid={`theme-${audience}-${code}`}>
              <span className="theme-icon" style={{ background: look.color }}>
                {look.icon}
              </span>
              <span className="theme-name">{themeName(tx, audience, code)}</span>
              {count === undefined ? null : <span className="theme-count">{t('portalBrowse.itemCount', { count })}</span>}
            </Link>
          </li>
        );
      })}
      {more ? (
        <li>
          <Link to={more} className="theme-card" data-testid="themes-more">
            <span className="theme-icon theme-icon-more">
              <AppstoreOutlined />
            </span>
            <span className="theme-name">{t('portalBrowse.more')}</span>
          </Link>
        </li>
      ) : null}
    </ul>
  );
}
