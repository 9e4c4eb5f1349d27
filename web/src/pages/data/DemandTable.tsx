import { Grid, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { Page } from '../../api/types.ts';
import { useT } from '../../i18n/useT.ts';
import type { Demand, DemandBox } from './demandApi.ts';
import { DemandFields } from './DemandFields.tsx';
import { DemandStatusTag, DueTag, SatisfactionTag } from './demandTags.tsx';
import { emptyLocale } from './ListToolbar.tsx';

interface Props {
  box: DemandBox;
  list: Page<Demand> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage(page: number, pageSize: number): void;
  onOpen(demand: Demand): void;
}

/** Demands received (the requester named) or sent (the provider named), pending first by due date. */
export function DemandTable({ box, list, loading, page, pageSize, onPage, onOpen }: Props) {
  const { t } = useT();
  const wide = Grid.useBreakpoint().md !== false;
  const counterpart = (d: Demand) => (box === 'incoming' ? d.requesterName : d.providerName);
  // on a phone one column: what, who, by when and where it stands, without scrolling sideways
  const narrow: TableColumnsType<Demand> = [
    {
      title: t('data.demand.resource'),
      key: 'demand',
      render: (_, d) => (
        <Space orientation="vertical" size={4}>
          <Typography.Link>{d.resourceName}</Typography.Link>
          <Typography.Text type="secondary">{box === 'incoming' ? counterpart(d) : `${counterpart(d)} → ${d.requesterName}`}</Typography.Text>
          <DemandFields resourceId={d.resourceId} fields={d.fields} max={3} />
          <Space size={4} wrap>
            <DemandStatusTag demand={d} />
            <SatisfactionTag satisfied={d.satisfied} />
            <DueTag demand={d} />
            {d.status === 'pending' ? <Typography.Text type="secondary">{t('data.demand.dueOn', { date: d.dueDate })}</Typography.Text> : null}
          </Space>
        </Space>
      ),
    },
  ];
  return (
    <Table<Demand>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={list?.items ?? []}
      scroll={wide ? { x: 'max-content' } : undefined}
      data-testid="demand-table"
      locale={emptyLocale(t(`data.demand.empty.${box}`))}
      onRow={(d) => ({ onClick: () => onOpen(d), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize,
        total: list?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('data.total', { total }),
      }}
      onChange={(p) => onPage(p.current ?? 1, p.pageSize ?? pageSize)}
      columns={
        wide
          ? [
        {
          title: t('data.demand.resource'),
          key: 'resource',
          render: (_, d) => (
            <Space orientation="vertical" size={0}>
              <Typography.Link>{d.resourceName}</Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.resourceCode}
              </Typography.Text>
            </Space>
          ),
        },
        box === 'incoming'
          ? { title: t('data.demand.requester'), dataIndex: 'requesterName' }
          : { title: t('data.provider'), dataIndex: 'providerName' },
        ...(box === 'outgoing' ? [{ title: t('data.demand.requester'), dataIndex: 'requesterName' }] : []),
        {
          title: t('data.demand.fields'),
          key: 'fields',
          render: (_, d) => <DemandFields resourceId={d.resourceId} fields={d.fields} max={3} />,
        },
        {
          title: t('data.demand.purpose'),
          dataIndex: 'purpose',
          render: (p: string) => (
            <Typography.Text ellipsis={{ tooltip: p }} style={{ maxWidth: 220 }}>
              {p}
            </Typography.Text>
          ),
        },
        {
          title: t('data.demand.dueDate'),
          key: 'dueDate',
          render: (_, d) => (
            <Space size={4} wrap={false}>
              <span style={{ whiteSpace: 'nowrap' }}>{d.dueDate}</span>
              <DueTag demand={d} />
            </Space>
          ),
        },
        {
          title: t('data.status'),
          key: 'status',
          render: (_, d) => (
            <Space size={4} wrap={false}>
              <DemandStatusTag demand={d} />
              <SatisfactionTag satisfied={d.satisfied} />
            </Space>
          ),
        },
      ]
          : narrow
      }
    />
  );
}
