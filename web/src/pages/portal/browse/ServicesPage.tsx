import { RightOutlined } from '@ant-design/icons';
import { Alert, Segmented, Spin } from 'antd';
import { useCallback } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useRemote } from '../../../components/useRemote.ts';
import { useT } from '../../../i18n/useT.ts';
import { ThemeGrid } from '../ThemeGrid.tsx';
import { themeLook } from '../themes.tsx';
import { catalogBrowse, type Browse } from './api.ts';

const TABS = ['person', 'entity', 'department', 'bundle'] as const;
type Tab = (typeof TABS)[number];

/** 办事 (/services?tab=): the catalogue by 个人 / 法人 theme, by department and by 一件事, with counts. */
export default function ServicesPage() {
  const { t } = useT();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'person';
  const browse = useRemote(useCallback(() => catalogBrowse.counts(), []));
  const label: Record<Tab, string> = {
    person: t('portalBrowse.personal'),
    entity: t('portalBrowse.enterprise'),
    department: t('portalBrowse.byDepartment'),
    bundle: t('portalBrowse.bundles'),
  };
  return (
    <div className="portal-container portal-page" data-testid="services-page">
      <h1 className="portal-page-title">{t('portalBrowse.servicesTitle')}</h1>
      <Segmented
        block
        value={tab}
        onChange={(v) => setParams({ tab: v as Tab }, { replace: true })}
        options={TABS.map((value) => ({ value, label: <span data-testid={`services-tab-${value}`}>{label[value]}</span> }))}
        className="services-tabs"
      />
      {browse.error ? <Alert type="error" showIcon title={(browse.error as Error).message} /> : null}
      {browse.data ? <TabBody tab={tab} data={browse.data} /> : browse.error ? null : <Spin style={{ display: 'block', margin: 32 }} />}
    </div>
  );
}

function TabBody({ tab, data }: { tab: Tab; data: Browse }) {
  const { t } = useT();
  if (tab === 'person' || tab === 'entity') {
    return (
      <section className="portal-section services-section">
        {/* the count is what the theme's list shows: its items and its 一件事 */}
        <ThemeGrid tiles={data.themes.filter((th) => th.audience === tab).map((th) => ({ audience: th.audience, code: th.code, count: th.items + th.bundles }))} />
      </section>
    );
  }
  const rows =
    tab === 'department'
      ? data.departments.map((d) => ({ key: d.id, to: `/services/department/${d.id}`, name: d.name, count: t('portalBrowse.itemCount', { count: d.items }), look: null }))
      : data.bundles.map((b) => ({
          key: b.id,
          to: `/bundle/${encodeURIComponent(b.code)}`,
          name: b.name,
          count: t('portalBrowse.bundleItems', { count: b.items }),
          look: b.theme ? themeLook(b.audience, b.theme) : null,
        }));
  return (
    <ul className="browse-rows" data-testid={`browse-${tab}`}>
      {rows.map((r) => (
        <li key={r.key}>
          <Link to={r.to} className="browse-row">
            {r.look ? (
              <span className="theme-icon theme-icon-small" style={{ background: r.look.color }}>
                {r.look.icon}
              </span>
            ) : null}
            <span className="browse-row-name">{r.name}</span>
            <span className="browse-row-count">{r.count}</span>
            <RightOutlined className="browse-row-arrow" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
