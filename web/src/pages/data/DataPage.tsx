import { Spin, Tabs } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { hasAnyRole } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { useT } from '../../i18n/useT.ts';
import { MANAGE_ROLES } from './api.ts';
import type { Demand } from './demandApi.ts';
import { DemandsPage } from './DemandsPage.tsx';
import { EXCHANGE_ROLES } from './exchange-api.ts';
import { GrantsPage } from './GrantsPage.tsx';
import { LibraryPage } from './LibraryPage.tsx';
import ResourcesPage from './ResourcesPage.tsx';
import { SystemsPage } from './SystemsPage.tsx';
import { UseReportsPage } from './UseReportsPage.tsx';

// the statistics bring ECharts: loaded with their tab only
const CallsPage = lazy(() => import('./CallsPage.tsx'));

const TABS = ['resources', 'demands', 'grants', 'library', 'systems', 'calls', 'reports'] as const;
type Tab = (typeof TABS)[number];
/** The tabs only the keepers see; 接入系统 and 使用异议 are the data bureau's (data officers, administrators). */
const KEEPER_TABS: Tab[] = ['demands', 'grants', 'library', 'calls'];
const BUREAU_TABS: Tab[] = ['systems', 'reports'];

/**
 * /staff/data: the resource catalogue and, for its keepers, the sharing demands received and sent,
 * the grants, the base libraries and the gateway's calls; for the data bureau the department
 * systems and the citizens' reported uses. The tab is in the URL (?tab=demands); each tab keeps
 * its own list query.
 */
export default function DataPage() {
  const { t } = useT();
  const { user } = useSession();
  // demands are the keepers' (MANAGE_ROLES of src/modules/data/store.ts); leaders read the catalogue
  const keeper = hasAnyRole(user, MANAGE_ROLES);
  const bureau = hasAnyRole(user, EXCHANGE_ROLES);
  const shown = (tab: Tab) => (KEEPER_TABS.includes(tab) ? keeper : BUREAU_TABS.includes(tab) ? bureau : true);
  const [params, setParams] = useSearchParams();
  const asked = TABS.find((k) => k === params.get('tab')) ?? 'resources';
  const tab: Tab = shown(asked) ? asked : 'resources';
  // a tab starts with its own query: the catalogue's filters mean nothing to the demands
  const show = (next: Tab, extra: Record<string, string> = {}) =>
    setParams(new URLSearchParams(next === 'resources' ? extra : { tab: next, ...extra }), { replace: next === tab });
  const demanded = (d: Demand) => show('demands', { box: 'outgoing', demand: d.id });
  const pages: Record<Tab, ReactNode> = {
    resources: <ResourcesPage onDemanded={keeper ? demanded : undefined} />,
    demands: <DemandsPage />,
    grants: <GrantsPage />,
    library: <LibraryPage />,
    systems: <SystemsPage />,
    calls: (
      <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
        <CallsPage />
      </Suspense>
    ),
    reports: <UseReportsPage />,
  };

  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => show(k as Tab)}
      destroyOnHidden
      className="data-tabs"
      data-testid="data-tabs"
      items={TABS.filter(shown).map((key) => ({ key, label: t(`data.tabs.${key}`), children: pages[key] }))}
    />
  );
}
