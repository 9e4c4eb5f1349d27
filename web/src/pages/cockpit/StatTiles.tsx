import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import type { CockpitFigures } from './api.ts';

type Totals = CockpitFigures['totals'];
const TILES: Array<{ key: string; label: MessageKey; unit: MessageKey; color: string; value: (t: Totals) => number | null }> = [
  { key: 'casesReceived', label: 'cockpitFigures.casesReceived', unit: 'cockpitFigures.unitCases', color: '#3b8cff', value: (t) => t.casesReceived },
  { key: 'casesCompleted', label: 'cockpitFigures.casesCompleted', unit: 'cockpitFigures.unitCases', color: '#36cfc9', value: (t) => t.casesCompleted },
  { key: 'onTimeRate', label: 'cockpitFigures.onTimeRate', unit: 'cockpitFigures.unitPercent', color: '#73d13d', value: (t) => t.onTimeRate },
  { key: 'ratingScore', label: 'cockpitFigures.ratingScore', unit: 'cockpitFigures.unitScore', color: '#ffc53d', value: (t) => t.ratingScore },
  { key: 'licencesIssued', label: 'cockpitFigures.licencesIssued', unit: 'cockpitFigures.unitLicences', color: '#b37feb', value: (t) => t.licencesIssued },
  { key: 'feesCollected', label: 'cockpitFigures.feesCollected', unit: 'cockpitFigures.unitYuan', color: '#ff7a45', value: (t) => t.feesCollectedFen / 100 },
];

/** The six big numbers of the period; a rate with nothing to count shows a dash, not 0. */
export function StatTiles({ totals }: { totals: Totals }) {
  const { t, lang } = useT();
  return (
    <section className="stat-tiles">
      {TILES.map((tile) => {
        const value = tile.value(totals);
        return (
          <div key={tile.key} className="stat-tile" style={{ '--accent': tile.color } as React.CSSProperties} data-testid={`stat-${tile.key}`}>
            <div className="stat-label">{t(tile.label)}</div>
            <div className="stat-value">
              {value === null ? t('cockpitFigures.none') : value.toLocaleString(lang, { maximumFractionDigits: 2 })}
              {value === null ? null : <small>{t(tile.unit)}</small>}
            </div>
          </div>
        );
      })}
    </section>
  );
}
