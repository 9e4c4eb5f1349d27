import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { hasAnyRole } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { useT } from '../../i18n/useT.ts';
import { MANAGE_ROLES } from './api.ts';
import type { Demand } from './demandApi.ts';
import { DemandsPage } from './DemandsPage.tsx';
import { GrantsPage } from './GrantsPage.tsx';
import ResourcesPage from './ResourcesPage.tsx';

const TABS = ['resources', 'demands', 'grants'] as const;
type Tab = (typeof TABS)[number];

/**
 * /staff/data: the resource catalogue and, for its keepers, the sharing demands received and sent
 * and the grants obtained. The tab is in the URL (?tab=demands); each tab keeps its own list query.
 */
export default function DataPage() {
  const { t } = useT();
  // demands are the keepers' (MANAGE_ROLES of src/modules/data/store.ts); leaders read the catalogue
  const keeper = hasAnyRole(useSession().user, MANAGE_ROLES);
  const [params, setParams] = useSearchParams();
  const asked = TABS.find((k) => k === params.get('tab')) ?? 'resources';
  const tab: Tab = keeper ? asked : 'resources';
  // a tab starts with its own query: the catalogue's filters mean nothing to the demands
  const show = (next: Tab, extra: Record<string, string> = {}) =>
    setParams(new URLSearchParams(next === 'resources' ? extra : { tab: next, ...extra }), { replace: next === tab });
  const demanded = (d: Demand) => show('demands', { box: 'outgoing', demand: d.id });

  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => show(k as Tab)}
      destroyOnHidden
      className="data-tabs"
      data-testid="data-tabs"
      items={[
        { key: 'resources', label: t('data.tabs.resources'), children: <ResourcesPage onDemanded={keeper ? demanded : undefined} /> },
        ...(keeper
          ? [
              { key: 'demands', label: t('data.tabs.demands'), children: <DemandsPage /> },
              { key: 'grants', label: t('data.tabs.grants'), children: <GrantsPage /> },
            ]
          : []),
      ]}
    />
  );
}
