import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { getStats } from '../../api/org.ts';
import type { OrgStats } from '../../api/types.ts';
import { AntdProvider } from '../../app/AntdProvider.tsx';
import { useCity } from '../../app/useCity.ts';
import { BrandMark } from '../../components/BrandMark.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { UserMenu } from '../../components/UserMenu.tsx';
import { useT } from '../../i18n/useT.ts';
import { Clock } from './Clock.tsx';
import { CountyChart } from './CountyChart.tsx';
import { StatTiles } from './StatTiles.tsx';

const REFRESH_MS = 60_000;

/** 驾驶舱: the leader's screen, dark, with totals and the per-county distribution. */
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
  const [stats, setStats] = useState<OrgStats | null>(null);
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);

  const load = useCallback(() => {
    setLoading(true);
    getStats()
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
          <StatTiles totals={stats.totals} />
          <section className="cockpit-panel">
            <h2>{t('cockpit.byCounty')}</h2>
            {stats.byCounty.length ? <CountyChart rows={stats.byCounty} /> : <Empty description={t('cockpit.noCounty')} />}
          </section>
          {updatedAt ? (
            <p className="cockpit-updated">{t('cockpit.updatedAt', { time: updatedAt.toLocaleTimeString(lang) })}</p>
          ) : null}
        </main>
      )}
    </div>
  );
}
