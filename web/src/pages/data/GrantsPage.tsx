import { StopOutlined } from '@ant-design/icons';
import { serverPaging } from '../../crud/serverPaging.ts';
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { dataGrants, DEMAND_BOXES, type DemandBox, type Grant } from './demandApi.ts';
import { DemandDrawer } from './DemandDrawer.tsx';
import { DemandFields } from './DemandFields.tsx';
import { GrantStateTag } from './demandTags.tsx';
import { GrantRevokeModal } from './GrantRevokeModal.tsx';
import { emptyLocale, ListToolbar } from './ListToolbar.tsx';

const PARAMS = ['box', 'demand'];

/**
 * 已获授权: the grants the user's departments hold (发出的 demands' grants, active first), and
 * those given on the resources the user keeps, which the provider may revoke (撤销授权); each opens
 * the demand it came from.
 */
export function GrantsPage() {
  const { t } = useT();
  const { state, update } = useListQuery(PARAMS);
  const box: DemandBox = state.filters.box === 'incoming' ? 'incoming' : 'outgoing';
  const fetchPage = useCallback((signal: AbortSignal) => dataGrants.list({ box, page: state.page, pageSize: state.pageSize }, signal), [box, state.page, state.pageSize]);
  const { page: list, loading, reload } = useFetchedPage(fetchPage);
  const [revoking, setRevoking] = useState<Grant | null>(null);

  const rows = list?.items ?? [];
  return (
    <div data-testid="data-grants-page">
      <PageTitle>{t('data.grant.listTitle')}</PageTitle>
      <Card variant="borderless">
        <ListToolbar onReload={reload}>
          <div className="data-filters">
            <Segmented<DemandBox>
              value={box}
              onChange={(b) => update({ box: b === 'outgoing' ? undefined : b, page: 1 })}
              options={[...DEMAND_BOXES].reverse().map((b) => ({ value: b, label: t(`data.grant.boxes.${b}`) }))}
              data-testid="grant-box"
            />
            <Typography.Text type="secondary">{t(box === 'incoming' ? 'data.grant.introIncoming' : 'data.grant.intro')}</Typography.Text>
          </div>
        </ListToolbar>
        <Table<Grant>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          scroll={{ x: 'max-content' }}
          data-testid="grant-table"
          locale={emptyLocale(t('data.grant.empty'))}
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
            { title: t('data.grant.fields'), key: 'fields', render: (_, g) => <DemandFields resourceId={g.resourceId} fields={g.fields} clear={g.clearFields} max={3} /> },
            {
              title: t('data.grant.rows'),
              key: 'rows',
              render: (_, g) => (
                <Space orientation="vertical" size={2}>
                  {g.rowRegion ? <RegionName code={g.rowRegion} /> : t('data.grant.allRows')}
                  {g.bulk ? (
                    <Tag color="cyan" data-testid="grant-bulk">
                      {t('data.grant.bulk')}
                    </Tag>
                  ) : null}
                </Space>
              ),
            },
            {
              title: t('data.grant.period'),
              key: 'period',
              render: (_, g) => (
                <Space orientation="vertical" size={0} style={{ whiteSpace: 'nowrap' }}>
                  <span>{g.validFrom}</span>
                  <span>{t('data.grant.until', { to: g.validTo })}</span>
                </Space>
              ),
            },
            { title: t('data.grant.dailyQuota'), key: 'quota', align: 'right', render: (_, g) => g.dailyQuota.toLocaleString() },
            {
              title: t('data.grant.state'),
              key: 'state',
              render: (_, g) => (
                <Space size={4} wrap={false}>
                  <GrantStateTag grant={g} />
                  {box === 'incoming' && g.status === 'active' ? (
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<StopOutlined />}
                      onClick={(e) => {
                        e.stopPropagation();
                        setRevoking(g);
                      }}
                      data-testid="grant-revoke"
                    >
                      {t('data.grant.revokeShort')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <DemandDrawer id={state.filters.demand ?? null} box={box} onClose={() => update({ demand: undefined })} onChanged={reload} />
      <GrantRevokeModal
        grant={revoking}
        onClose={() => setRevoking(null)}
        onRevoked={() => {
          setRevoking(null);
          reload();
        }}
      />
    </div>
  );
}
