import { Badge, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { CaseDrawer } from '../cases/CasesInbox.tsx';
import { staffMessages, type StaffMessage, type StaffMessageKind } from './staff-messages-api.ts';
import { dateTime } from '../../app/city-time.ts';

const PAGE_SIZE = 20;
const KIND_COLOUR: Record<StaffMessageKind, string> = {
  deadline_yellow: 'gold',
  deadline_red: 'red',
  assigned: 'blue',
  supervised: 'purple',
  supervision_overdue: 'magenta',
  rating_task: 'orange',
  rating_escalated: 'volcano',
  calendar_year_missing: 'cyan',
  result_problem: 'geekblue',
  data_demand: 'blue',
  data_demand_due: 'gold',
  data_demand_overdue: 'red',
  data_use_reported: 'orange',
  data_issue_reported: 'orange',
  hotline_hot_issue: 'red',
  hotline_accept_overdue: 'red',
  hotline_complete_overdue: 'red',
  hotline_supervised: 'purple',
};
const isDataKind = (kind: StaffMessageKind) => kind.startsWith('data_demand');
/** Where a data message's 查看 leads: the demand it names, the reported uses, the libraries' issues. */
const dataLink = (m: StaffMessage): string | undefined =>
  isDataKind(m.kind)
    ? m.ref
      ? `/staff/data?tab=demands&demand=${encodeURIComponent(m.ref)}`
      : '/staff/data?tab=demands'
    : m.kind === 'data_use_reported'
      ? '/staff/data?tab=reports'
      : m.kind === 'data_issue_reported'
        ? '/staff/data?tab=library'
        : m.kind === 'hotline_hot_issue'
          ? '/staff/hotline/reports'
          : undefined;
const isRatingKind = (kind: StaffMessageKind) => kind === 'rating_task' || kind === 'rating_escalated';

type View = 'all' | 'unread';

/** /staff/messages — 站内消息: what the bell counts, newest first; opening one marks it read. */
export default function StaffMessagesPage() {
  const { t } = useT();
  const showError = useApiError();
  const [view, setView] = useState<View>('all');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: StaffMessage[]; total: number; unread: number }>();
  const [openCase, setOpenCase] = useState<string>();

  const load = useCallback(
    () =>
      staffMessages.list({ page, pageSize: PAGE_SIZE, unread: view === 'unread' ? true : undefined }).then(setData, showError),
    [page, view, showError],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const markRead = (ids?: string[]) => staffMessages.markRead(ids).then(load, showError);
  const open = (m: StaffMessage) => {
    if (!m.readAt) void markRead([m.id]);
    if (m.caseId) setOpenCase(m.caseId);
  };

  return (
    <div data-testid="staff-messages" style={{ maxWidth: 960 }}>
      <PageTitle
        extra={
          <Button disabled={!data?.unread} onClick={() => void markRead()} data-testid="staff-messages-mark-all">
            {t('staffMessages.markAllRead')}
          </Button>
        }
      >
        {t('staffMessages.title')}
      </PageTitle>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Segmented<View>
          value={view}
          onChange={(v) => (setView(v), setPage(1))}
          options={[
            { value: 'all', label: t('staffMessages.all') },
            {
              value: 'unread',
              label: data?.unread ? `${t('staffMessages.unreadOnly')} (${data.unread})` : t('staffMessages.unreadOnly'),
            },
          ]}
        />
        <Typography.Text type="secondary">{t('staffMessages.intro')}</Typography.Text>
      </Space>
      <List
        loading={!data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t(view === 'unread' ? 'staffMessages.emptyUnread' : 'staffMessages.empty')} /> }}
        pagination={
          (data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: data?.total, onChange: setPage, size: 'small' }
            : false
        }
        renderItem={(m) => (
          <Card
            key={m.id}
            size="small"
            style={{ marginBottom: 8 }}
            data-testid="staff-message"
            data-unread={m.readAt ? undefined : 'true'}
          >
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={8}>
                {!m.readAt && <Badge status="processing" text={t('staffMessages.unread')} />}
                <Tag color={KIND_COLOUR[m.kind]}>{t(`staffMessages.kind.${m.kind}`)}</Tag>
                <Typography.Text type="secondary">{dateTime(m.createdAt)}</Typography.Text>
              </Space>
              <Typography.Text strong={!m.readAt}>{m.text}</Typography.Text>
              <Space wrap size={12}>
                {m.kind === 'calendar_year_missing' ? (
                  <Link to="/admin/calendar" onClick={() => !m.readAt && void markRead([m.id])}>
                    {t('staffMessages.openCalendar')}
                  </Link>
                ) : dataLink(m) ? (
                  <Link to={dataLink(m)!} onClick={() => !m.readAt && void markRead([m.id])}>
                    {t('staffMessages.openData')}
                  </Link>
                ) : isRatingKind(m.kind) ? (
                  <Link to="/staff/ratings" onClick={() => !m.readAt && void markRead([m.id])}>
                    {t('staffMessages.openTasks')}
                  </Link>
                ) : (
                  m.caseId && (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      onClick={() => open(m)}
                      data-testid="staff-message-case"
                    >
                      {t('staffMessages.openCase', { number: m.number ?? '' })}
                    </Button>
                  )
                )}
                {!m.readAt && (
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void markRead([m.id])}>
                    {t('staffMessages.markRead')}
                  </Button>
                )}
              </Space>
            </Space>
          </Card>
        )}
      />
      {openCase && <CaseDrawer id={openCase} onClose={() => setOpenCase(undefined)} />}
    </div>
  );
}
