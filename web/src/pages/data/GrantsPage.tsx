import { ReloadOutlined } from '@ant-design/icons';
import { serverPaging } from '../../crud/serverPaging.ts';
import { Button, Card, Empty, Space, Table, Tooltip, Typography } from 'antd';
import { useCallback } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { dataGrants, type Grant } from './demandApi.ts';
import { DemandDrawer } from './DemandDrawer.tsx';
import { DemandFields } from './DemandFields.tsx';
import { GrantStateTag } from './demandTags.tsx';

const PARAMS = ['demand'];

/** 已获授权: the grants the user's departments hold (active first), each opening the demand it came from. */
export function GrantsPage() {
  const { t } = useT();
  const { state, update } = useListQuery(PARAMS);
  const fetchPage = useCallback((signal: AbortSignal) => dataGrants.list({ box: 'outgoing', page: state.page, pageSize: state.pageSize }, signal), [state.page, state.pageSize]);
  const { page: list, loading, reload } = useFetchedPage(fetchPage);

  const rows = list?.items ?? [];
  return (
    <div data-testid="data-grants-page">
      <PageTitle>{t('data.grant.listTitle')}</PageTitle>
      <Card variant="borderless">
        <div className="crud-toolbar">
          <Typography.Text type="secondary">{t('data.grant.intro')}</Typography.Text>
          <Tooltip title={t('data.reload')}>
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('data.reload')} />
          </Tooltip>
        </div>
        <Table<Grant>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          data-testid="grant-table"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('data.grant.empty')} /> }}
          onRow={(g) => ({ onClick: () => g.demandId && update({ demand: g.demandId }), style: { cursor: g.demandId ? 'pointer' : undefined } })}
          {...serverPaging(state, list?.total ?? 0, update, (total) => t('data.total', { total }))}
          columns={[
            {
              title: t('data.demand.resource'),
              key: 'resource',
              render: (_, g) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link>{g.resourceName}</Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {g.resourceCode}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: t('data.grant.grantee'), key: 'grantee', render: (_, g) => g.granteeName },
            { title: t('data.grant.fields'), key: 'fields', render: (_, g) => <DemandFields resourceId={g.resourceId} fields={g.fields} max={3} /> },
            {
              title: t('data.grant.rows'),
              key: 'rows',
              render: (_, g) => (g.rowRegion ? <RegionName code={g.rowRegion} /> : t('data.grant.allRows')),
            },
            {
              title: t('data.grant.period'),
              key: 'period',
              render: (_, g) => <span style={{ whiteSpace: 'nowrap' }}>{t('data.grant.periodOf', { from: g.validFrom, to: g.validTo })}</span>,
            },
            { title: t('data.grant.dailyQuota'), key: 'quota', align: 'right', render: (_, g) => g.dailyQuota.toLocaleString() },
            { title: t('data.grant.state'), key: 'state', render: (_, g) => <GrantStateTag grant={g} /> },
          ]}
        />
      </Card>
      <DemandDrawer id={state.filters.demand ?? null} box="outgoing" onClose={() => update({ demand: undefined })} onChanged={reload} />
    </div>
  );
}
