import type { OrgStats } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';

const TILES: Array<{ key: keyof OrgStats['totals']; label: MessageKey; unit: MessageKey; color: string }> = [
  { key: 'departments', label: 'cockpit.departments', unit: 'cockpit.unitCount', color: '#3b8cff' },
  { key: 'halls', label: 'cockpit.halls', unit: 'cockpit.unitCount', color: '#36cfc9' },
  { key: 'windows', label: 'cockpit.windows', unit: 'cockpit.unitCount', color: '#73d13d' },
  { key: 'kiosks', label: 'cockpit.kiosks', unit: 'cockpit.unitCount', color: '#ffc53d' },
  { key: 'staff', label: 'cockpit.staff', unit: 'cockpit.unitPeople', color: '#ff7a45' },
];

/** The five big numbers. */
export function StatTiles({ totals }: { totals: OrgStats['totals'] }) {
  const { t, lang } = useT();
  return (
    <section className="stat-tiles">
      {TILES.map((tile) => (
        <div
          key={tile.key}
          className="stat-tile"
          style={{ '--accent': tile.color } as React.CSSProperties}
          data-testid={`stat-${tile.key}`}
        >
          <div className="stat-label">{t(tile.label)}</div>
          <div className="stat-value">
            {totals[tile.key].toLocaleString(lang)}
            <small>{t(tile.unit)}</small>
          </div>
        </div>
      ))}
    </section>
  );
}
