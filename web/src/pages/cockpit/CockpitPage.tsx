import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { AntdProvider } from '../../app/AntdProvider.tsx';
import { useCity } from '../../app/useCity.ts';
import { BrandMark } from '../../components/BrandMark.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { UserMenu } from '../../components/UserMenu.tsx';
import { useT } from '../../i18n/useT.ts';
import { cockpit, type CockpitFigures } from './api.ts';
import { Clock } from './Clock.tsx';
import { CountyChart, type CountySeries } from './CountyChart.tsx';
import { StatTiles } from './StatTiles.tsx';
import { time } from '../../app/city-time.ts';

const REFRESH_MS = 60_000;

// Module-level so the charts' options are not rebuilt on every render.
const CASES: CountySeries[] = [
  { label: 'cockpitFigures.casesReceived', color: '#3b8cff', kind: 'bar', value: (a) => a.casesReceived },
  { label: 'cockpitFigures.casesCompleted', color: '#36cfc9', kind: 'bar', value: (a) => a.casesCompleted },
  { label: 'cockpitFigures.licencesIssued', color: '#b37feb', kind: 'bar', value: (a) => a.licencesIssued },
  { label: 'cockpitFigures.onTimeRate', color: '#73d13d', kind: 'line', value: (a) => a.onTimeRate },
];
const HOTLINE: CountySeries[] = [
  { label: 'cockpitFigures.hotlineFinished', color: '#597ef7', kind: 'bar', value: (a) => a.hotlineFinished },
  { label: 'cockpitFigures.hotlineOnTimeRate', color: '#73d13d', kind: 'line', value: (a) => a.hotlineOnTimeRate },
  { label: 'cockpitFigures.hotlineSatisfactionRate', color: '#ffc53d', kind: 'line', value: (a) => a.hotlineSatisfactionRate },
  { label: 'cockpitFigures.hotlineCallbackRate', color: '#36cfc9', kind: 'line', value: (a) => a.hotlineCallbackRate },
  { label: 'cockpitFigures.hotlineFirstTimeRate', color: '#ff85c0', kind: 'line', value: (a) => a.hotlineFirstTimeRate },
];
const FEES: CountySeries[] = [
  { label: 'cockpitFigures.feesYuan', color: '#ff7a45', kind: 'bar', value: (a) => a.feesCollectedFen / 100 },
  { label: 'cockpitFigures.ratingScore', color: '#ffc53d', kind: 'line', value: (a) => a.ratingScore },
];

/** A rate for the 12345 line: nothing to count is a dash, not 0 %. */
const rate = (v: number | null) => (v === null ? '—' : `${v}%`);

/** 驾驶舱: the leader's screen, dark, with the period's figures and their spread over the counties. */
export default function CockpitPage() {
  return (
    <AntdProvider dark>
      <CockpitScreen />
    </AntdProvider>
  );
}

function CockpitScreen() {
  const { t, lang } = useT();
  const city = useCity();
  const showError = useApiError();
  const [stats, setStats] = useState<CockpitFigures | null>(null);
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    cockpit
      .figures()
      .then((s) => {
        setStats(s);
        setUpdatedAt(new Date());
      })
      .catch(showError)
      .finally(() => setLoading(false));
  }, [showError]);

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, lang]);

  useEffect(() => {
    document.title = `${t('app.cockpitTitle', { city: city.name })} · YiWang`;
  }, [t, city.name]);

  return (
    <div className="cockpit" data-testid="cockpit">
      <header className="cockpit-header">
        <div className="cockpit-brand">
          <BrandMark size={30} />
          <h1>{t('app.cockpitTitle', { city: city.name })}</h1>
        </div>
        <div className="cockpit-tools">
          <Clock />
          <Button
            type="text"
            className="header-button header-button-dark"
            icon={<ReloadOutlined />}
            onClick={load}
            aria-label={t('common.refresh')}
          />
          <LanguageSwitch dark />
          <UserMenu dark />
        </div>
      </header>
      {!stats ? (
        <div className="cockpit-loading">{loading ? <Spin size="large" /> : <Empty description={t('common.noData')} />}</div>
      ) : (
        <main className="cockpit-main">
          <p className="cockpit-updated" style={{ textAlign: 'left' }} data-testid="cockpit-period">
            {t('cockpitFigures.period', { from: stats.from, to: stats.to })}
          </p>
          <StatTiles totals={stats.totals} />
          <section className="cockpit-panel">
            <h2>{t('cockpitFigures.casesByCounty')}</h2>
            <CountyChart areas={stats.areas} series={CASES} title="cockpitFigures.casesByCounty" testId="county-cases-chart" />
          </section>
          <section className="cockpit-panel">
            <h2>{t('cockpitFigures.feesByCounty')}</h2>
            <CountyChart areas={stats.areas} series={FEES} title="cockpitFigures.feesByCounty" testId="county-fees-chart" />
            <p className="cockpit-updated" style={{ textAlign: 'left' }}>{t('cockpitFigures.noMap')}</p>
          </section>
          <section className="cockpit-panel">
            <h2>{t('cockpitFigures.hotlineByCounty')}</h2>
            <p className="cockpit-updated" style={{ textAlign: 'left' }} data-testid="cockpit-hotline-totals">
              {t('cockpitFigures.hotlineTotals', {
                finished: stats.totals.hotlineFinished,
                onTime: rate(stats.totals.hotlineOnTimeRate),
                satisfied: rate(stats.totals.hotlineSatisfactionRate),
                calledBack: rate(stats.totals.hotlineCallbackRate),
                firstTime: rate(stats.totals.hotlineFirstTimeRate),
              })}
            </p>
            <CountyChart areas={stats.areas} series={HOTLINE} title="cockpitFigures.hotlineByCounty" testId="county-hotline-chart" />
          </section>
          {updatedAt ? (
            <p className="cockpit-updated">{t('cockpit.updatedAt', { time: time(updatedAt) })}</p>
          ) : null}
        </main>
      )}
    </div>
  );
}
