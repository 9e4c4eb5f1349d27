import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../../api/types.ts';
import { hasAnyRole } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { dataResources, MANAGE_ROLES, type ResourceQuery, type ResourceSummary } from './api.ts';
import { ResourceDrawer } from './ResourceDrawer.tsx';
import { FILTERS, ResourceFilters, type Filters } from './ResourceFilters.tsx';
import { ResourceForm } from './ResourceForm.tsx';
import { ConflictTag, SharingTag, StatusTag, useClassName } from './tags.tsx';

const FILTER_NAMES = [...FILTERS];

/** 政务信息资源目录: the city's data resources, their sharing and 一数一源 conflicts; kept by the data bureau and the providers. */
export default function ResourcesPage() {
  const { t, lang } = useT();
  const showError = useApiError();
  const className = useClassName();
  // Mirrors MANAGE_ROLES of src/modules/data/store.ts; the server checks the provider's scope on every change.
  const manager = hasAnyRole(useSession().user, MANAGE_ROLES);
  const { state, update } = useListQuery(FILTER_NAMES);
  const filters = state.filters as Filters;
  const [list, setList] = useState<Page<ResourceSummary>>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    const controller = new AbortController();
    const query: ResourceQuery = { q: state.q || undefined, page: state.page, pageSize: state.pageSize, ...(JSON.parse(filterKey) as Filters as ResourceQuery) };
    setLoading(true);
    dataResources
      .list(query, controller.signal)
      .then((page) => {
        setList(page);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setList(undefined);
        setLoading(false);
        showError(err);
      });
    return () => controller.abort();
  }, [state.q, state.page, state.pageSize, filterKey, lang, generation, showError]);

  return (
    <div data-testid="data-resources-page">
      <PageTitle
        extra={
          manager ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="resource-create">
              {t('data.create')}
            </Button>
          ) : null
        }
      >
        {t('data.title')}
      </PageTitle>
      <Card variant="borderless">
        <div className="crud-toolbar">
          <ResourceFilters q={state.q} filters={filters} onSearch={(q) => update({ q, page: 1 })} onFilter={(name, value) => update({ [name]: value, page: 1 })} />
          <Tooltip title={t('data.reload')}>
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('data.reload')} />
          </Tooltip>
        </div>
        <Table<ResourceSummary>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={list?.items ?? []}
          scroll={{ x: 'max-content' }}
          data-testid="resource-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('data.empty')} /> }}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: list?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('data.total', { total }),
          }}
          onChange={(p) => update({ page: p.current, pageSize: p.pageSize })}
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
      <ResourceDrawer id={openId} manager={manager} onClose={() => setOpenId(null)} onChanged={reload} />
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
