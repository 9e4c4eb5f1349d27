import { PlusOutlined } from '@ant-design/icons';
import { serverPaging } from '../../crud/serverPaging.ts';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { hasAnyRole } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { dataResources, MANAGE_ROLES, RESOURCE_STATUSES, type ResourceQuery, type ResourceSummary } from './api.ts';
import { CatalogueTransfer } from './CatalogueTransfer.tsx';
import type { Demand } from './demandApi.ts';
import { ResourceDrawer } from './ResourceDrawer.tsx';
import { FILTERS, ResourceFilters, type Filters } from './ResourceFilters.tsx';
import { ResourceForm } from './ResourceForm.tsx';
import { ConflictTag, SharingTag, StatusTag, useClassName } from './tags.tsx';
import { emptyLocale, ListToolbar } from './ListToolbar.tsx';

const FILTER_NAMES = [...FILTERS];

/** 政务信息资源目录: the city's data resources, their sharing and 一数一源 conflicts; kept by the data bureau and the providers. */
export default function ResourcesPage({ onDemanded }: { /** A demand was made from a resource's drawer (keepers only). */ onDemanded?(demand: Demand): void }) {
  const { t } = useT();
  const className = useClassName();
  // Mirrors MANAGE_ROLES of src/modules/data/store.ts; the server checks the provider's scope on every change.
  const manager = hasAnyRole(useSession().user, MANAGE_ROLES);
  const { state, update } = useListQuery(FILTER_NAMES);
  const filters = state.filters as Filters;
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filterKey = JSON.stringify(filters);

  const fetchPage = useCallback(
    (signal: AbortSignal) =>
      dataResources.list({ q: state.q || undefined, page: state.page, pageSize: state.pageSize, ...(JSON.parse(filterKey) as Filters as ResourceQuery) }, signal),
    [state.q, state.page, state.pageSize, filterKey],
  );
  const { page: list, loading, reload } = useFetchedPage(fetchPage);

  return (
    <div data-testid="data-resources-page">
      <PageTitle
        extra={
          <Space wrap>
            <CatalogueTransfer filters={{ status: RESOURCE_STATUSES.find((st) => st === filters.status), providerDepartmentId: filters.providerDepartmentId }} manager={manager} onImported={reload} />
            {manager ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="resource-create">
                {t('data.create')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {t('data.title')}
      </PageTitle>
      <Card variant="borderless">
        <ListToolbar onReload={reload}>
          <ResourceFilters q={state.q} filters={filters} onSearch={(q) => update({ q, page: 1 })} onFilter={(name, value) => update({ [name]: value, page: 1 })} />
        </ListToolbar>
        <Table<ResourceSummary>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={list?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="resource-table"
          locale={emptyLocale(t('data.empty'))}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          {...serverPaging(state, list?.total ?? 0, update, (total) => t('data.total', { total }))}
          columns={[
            { title: t('data.code'), dataIndex: 'code', render: (c: string) => <Typography.Text code style={{ whiteSpace: 'nowrap' }}>{c}</Typography.Text> },
            {
              title: t('data.name'),
              dataIndex: 'name',
              render: (name: string, r) => (
                <Space size={4} wrap={false}>
                  <Typography.Link>{name}</Typography.Link>
                  {r.conflicted ? <ConflictTag /> : null}
                </Space>
              ),
            },
            { title: t('data.class'), dataIndex: 'classCode', render: (c: string, r) => className(c, r.className) },
            { title: t('data.provider'), dataIndex: 'providerName' },
            { title: t('data.sharingType'), dataIndex: 'sharingType', render: (s: ResourceSummary['sharingType']) => <SharingTag value={s} /> },
            { title: t('data.openType'), dataIndex: 'openType', render: (o: ResourceSummary['openType']) => t(`data.openTypes.${o}`) },
            { title: t('data.updateCycle'), dataIndex: 'updateCycle', render: (c: ResourceSummary['updateCycle']) => t(`data.updateCycles.${c}`) },
            { title: t('data.fieldCount'), dataIndex: 'fieldCount', align: 'right' },
            { title: t('data.status'), dataIndex: 'status', render: (s: ResourceSummary['status']) => <StatusTag value={s} /> },
          ]}
        />
      </Card>
      <ResourceDrawer id={openId} manager={manager} onClose={() => setOpenId(null)} onChanged={reload} onDemanded={onDemanded} />
      <ResourceForm
        open={creating}
        editing={null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          reload();
          if (saved) setOpenId(saved.id);
        }}
      />
    </div>
  );
}
