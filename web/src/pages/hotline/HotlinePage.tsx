import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Grid, type TableColumnsType, Input, Space, Table, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { hasAnyRole } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { CENTRE_ROLES, hotline, type Ticket, type TicketListQuery } from './api.ts';
import { WarningTags } from './HandlingSteps.tsx';
import { NewTicketDrawer } from './NewTicketDrawer.tsx';
import { DueDate, StatusTag } from './parts.tsx';
import { TicketDrawer } from './TicketDrawer.tsx';

const PAGE_SIZE = 20;
const FILTERS = ['tab', 'ticket'];
/**
 * The centre's tabs and the department's: one status each (the API filters by one), or one of the
 * work lists after 办结 (待回访, 待重办, open 督办) or the overdue (红牌); `all` none.
 */
const CENTRE_TABS = {
  pending: { status: 'new' },
  returned: { status: 'returned' },
  dispatched: { status: 'dispatched' },
  accepted: { status: 'accepted' },
  red: { warning: 'red' },
  done: { status: 'completed' },
  callback: { queue: 'callback' },
  toReopen: { queue: 'reopen' },
  supervised: { queue: 'supervised' },
  closed: { status: 'closed' },
  all: {},
} as const satisfies Record<string, Partial<TicketListQuery>>;
const DEPARTMENT_TABS = {
  toAccept: { status: 'dispatched' },
  accepted: { status: 'accepted' },
  red: { warning: 'red' },
  supervised: { queue: 'supervised' },
  done: { status: 'completed' },
  all: {},
} as const satisfies Record<string, Partial<TicketListQuery>>;
type TabKey = keyof typeof CENTRE_TABS | keyof typeof DEPARTMENT_TABS;

/**
 * /staff/hotline — 12345热线. The centre (话务员, administrators) registers calls, finds a caller's
 * earlier tickets, dispatches each ticket to the department the catalogue suggests (or another)
 * or answers it at once; a department's staff see what was sent to them, accept it, give it back
 * or finish it with a reply. The tab, search, page and the open ticket are in the URL.
 */
export default function HotlinePage() {
  const { t } = useT();
  const { user } = useSession();
  const centre = hasAnyRole(user, CENTRE_ROLES);
  const tabs: Record<string, Partial<TicketListQuery>> = centre ? CENTRE_TABS : DEPARTMENT_TABS;
  const { state, update } = useListQuery(FILTERS);
  const tab = (state.filters.tab && state.filters.tab in tabs ? state.filters.tab : Object.keys(tabs)[0]) as TabKey;
  const filter = tabs[tab];
  const fetchPage = useCallback(
    (signal: AbortSignal) => hotline.list({ ...filter, q: state.q || undefined, page: state.page, pageSize: PAGE_SIZE }, signal),
    [filter, state.q, state.page],
  );
  const { page: list, loading, reload } = useFetchedPage(fetchPage);
  const [creating, setCreating] = useState(false);
  const wide = Grid.useBreakpoint().md !== false;
  const open = (id: string | undefined) => update({ ticket: id });

  const columns: TableColumnsType<Ticket> = [
    {
      key: 'number',
      title: t('hotline.col.number'),
      dataIndex: 'number',
      width: 150,
      render: (n: string, r) => (
        <Typography.Link onClick={() => open(r.id)} data-testid="hotline-number">
          {n}
        </Typography.Link>
      ),
    },
    { key: 'title', title: t('hotline.col.title'), dataIndex: 'title', ellipsis: true },
    { key: 'kind', title: t('hotline.col.kind'), width: 80, render: (_, r) => t(`hotline.kind.${r.kind}`) },
    {
      key: 'category',
      title: t('hotline.col.category'),
      dataIndex: 'categoryName',
      width: 130,
      ellipsis: true,
      // a text to 12345 waits for the centre to classify it
      render: (name: string | null) => name ?? t('hotline.detail.unclassified'),
    },
    {
      key: 'status',
      title: t('hotline.col.status'),
      width: 150,
      render: (_, r) => (
        <Space size={0} wrap>
          <StatusTag status={r.status} />
          <WarningTags ticket={r} />
        </Space>
      ),
    },
    ...(centre
      ? [
          {
            key: 'department',
            title: t('hotline.col.department'),
            width: 170,
            ellipsis: true,
            render: (_: unknown, r: Ticket) => r.department?.name ?? '—',
          },
        ]
      : []),
    {
      key: 'due',
      title: t('hotline.col.due'),
      width: 190,
      render: (_, r) => <DueDate due={r.dueDate} status={r.status} />,
    },
    { key: 'created', title: t('hotline.col.created'), width: 150, render: (_, r) => dateTimeMinutes(r.createdAt) },
  ];
  // on a phone: the number with the title under it, and the status with the deadline
  const narrowColumns: TableColumnsType<Ticket> = [
    {
      key: 'ticket',
      title: t('hotline.col.title'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => open(r.id)} data-testid="hotline-number">
            {r.number}
          </Typography.Link>
          <Typography.Text ellipsis style={{ maxWidth: 200 }}>
            {r.title}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t(`hotline.kind.${r.kind}`)} · {r.categoryName ?? t('hotline.detail.unclassified')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('hotline.col.status'),
      render: (_, r) => (
        <Space orientation="vertical" size={4}>
          <Space size={0} wrap>
            <StatusTag status={r.status} />
            <WarningTags ticket={r} />
          </Space>
          <DueDate due={r.dueDate} status={r.status} />
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="hotline-workbench">
      <PageTitle
        extra={
          centre ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="hotline-new">
              {t('hotline.newTicket')}
            </Button>
          ) : undefined
        }
      >
        {centre ? t('hotline.workbench') : t('hotline.inbox')}
      </PageTitle>
      {centre ? null : <Typography.Paragraph type="secondary">{t('hotline.inboxIntro')}</Typography.Paragraph>}
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          defaultValue={state.q}
          placeholder={t('hotline.search')}
          onSearch={(q) => update({ q: q.trim(), page: undefined })}
          style={{ width: 260 }}
          data-testid="hotline-search"
        />
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(k) => update({ tab: k === Object.keys(tabs)[0] ? undefined : k, page: undefined })}
        items={Object.keys(tabs).map((k) => ({ key: k, label: t(`hotline.tab.${k as TabKey}`) }))}
        data-testid="hotline-tabs"
      />
      <Table<Ticket>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={list?.items ?? []}
        onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' }, 'data-testid': 'hotline-row' }) as never}
        locale={{
          emptyText: (
            <Empty description={centre ? t('hotline.empty') : t('hotline.inboxEmpty')} data-testid="hotline-empty">
              {centre ? <Typography.Text type="secondary">{t('hotline.emptyHint')}</Typography.Text> : null}
            </Empty>
          ),
        }}
        pagination={{
          current: state.page,
          pageSize: PAGE_SIZE,
          total: list?.total ?? 0,
          hideOnSinglePage: true,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => update({ page }),
        }}
        scroll={wide ? { x: 900 } : undefined}
        columns={wide ? columns : narrowColumns}
      />
      {centre ? (
        <NewTicketDrawer open={creating} onClose={() => setCreating(false)} onCreated={reload} onOpenTicket={open} />
      ) : null}
      <TicketDrawer id={state.filters.ticket} centre={centre} onClose={() => open(undefined)} onChanged={reload} />
    </div>
  );
}
