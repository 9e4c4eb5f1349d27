import { Link } from 'react-router-dom';
import { useT } from '../../i18n/useT.ts';
import type { Theme } from './themes.tsx';

/** Theme cards: an icon and a name, four across on a phone, more on a desktop. */
export function ThemeGrid({ themes }: { themes: Theme[] }) {
  const { tx } = useT();
  return (
    <ul className="theme-grid">
      {themes.map((theme) => (
        <li key={theme.id}>
          <Link to={`/services/${theme.id}`} className="theme-card" data-testid={`theme-${theme.id}`}>
            <span className="theme-icon" style={{ background: theme.color }}>
              {theme.icon}
            </span>
            <span className="theme-name">{tx(`portal.theme.${theme.id}`, theme.id)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
