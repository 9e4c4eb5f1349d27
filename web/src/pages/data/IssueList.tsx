import { Button, Grid, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { dateTimeMinutes } from '../../app/city-time.ts';
import { DEFAULT_PAGE_SIZE } from '../../crud/useListQuery.ts';
import { serverPaging } from '../../crud/serverPaging.ts';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import { useT } from '../../i18n/useT.ts';
import { dataIssues, ISSUE_SOURCES, ISSUE_STATUSES, type DataIssue, type IssueSource, type IssueStatus } from './exchange-api.ts';
import { IssueResolveModal } from './IssueResolveModal.tsx';
import { emptyLocale, ListToolbar } from './ListToolbar.tsx';

const STATUS_COLOURS: Record<IssueStatus, string> = { open: 'orange', fixed: 'green', rejected: 'default' };

interface Props {
  /** One library's issues; all the user keeps when absent. */
  resourceId?: string;
  /** Bumped when an issue was reported elsewhere: read the list again. */
  changed?: number;
  /** An issue was resolved (the quality figures change). */
  onResolved?(): void;
}

/** 数据问题: the quality rules' findings and the reported wrong values (纠错), open first; 处理 closes one. */
export function IssueList({ resourceId, changed, onResolved }: Props) {
  const { t } = useT();
  const [status, setStatus] = useState<IssueStatus>();
  const [source, setSource] = useState<IssueSource>();
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [resolving, setResolving] = useState<DataIssue | null>(null);
  const fetchPage = useCallback(
    (signal: AbortSignal) => dataIssues.list({ resourceId, status, source, page: paging.page, pageSize: paging.pageSize }, signal),
    [resourceId, status, source, paging],
  );
  const { page: list, loading, reload } = useFetchedPage(fetchPage);
  useEffect(() => {
    if (changed) reload();
  }, [changed, reload]);
  const filter = (patch: { status?: IssueStatus; source?: IssueSource }) => {
    if ('status' in patch) setStatus(patch.status);
    if ('source' in patch) setSource(patch.source);
    setPaging((p) => ({ ...p, page: 1 }));
  };

  const wide = Grid.useBreakpoint().md !== false;
  const description = (i: DataIssue) => (
    <Space orientation="vertical" size={0}>
      <span>{i.description}</span>
      {i.answer ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('data.issue.answerOf', { answer: i.answer })}
        </Typography.Text>
      ) : null}
    </Space>
  );
  const sourceTag = (i: DataIssue) =>
    i.source === 'rule' ? (
      <Tag color="geekblue">{t(`data.issue.rules.${i.rule ?? 'completeness'}`)}</Tag>
    ) : (
      <Tooltip title={i.reporterName}>
        <Tag color="purple">{t('data.issue.sources.report')}</Tag>
      </Tooltip>
    );
  const statusCell = (i: DataIssue) => (
    <Space size={4} wrap={false}>
      <Tag color={STATUS_COLOURS[i.status]} data-testid="issue-status">
        {t(`data.issue.statuses.${i.status}`)}
      </Tag>
      {i.status === 'open' ? (
        <Button size="small" type="link" onClick={() => setResolving(i)} data-testid="issue-resolve">
          {t('data.issue.resolve')}
        </Button>
      ) : null}
    </Space>
  );
  const record = (i: DataIssue) => (
    <Space orientation="vertical" size={0}>
      <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
        {i.keyShown}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {i.fieldName}
      </Typography.Text>
    </Space>
  );
  const when = (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{dateTimeMinutes(at)}</span>;
  const columns: TableColumnsType<DataIssue> = wide
    ? [
        ...(resourceId ? [] : [{ title: t('data.demand.resource'), key: 'resource', render: (_: unknown, i: DataIssue) => i.resourceName }]),
        { title: t('data.issue.key'), key: 'record', render: (_, i) => record(i) },
        { title: t('data.issue.description'), key: 'description', render: (_, i) => description(i) },
        { title: t('data.issue.source'), key: 'source', render: (_, i) => sourceTag(i) },
        { title: t('data.issue.createdAt'), dataIndex: 'createdAt', render: when },
        { title: t('data.status'), key: 'status', render: (_, i) => statusCell(i) },
      ]
    : // on a phone one column: the record and field, what is wrong, where it stands
      [
        {
          title: t('data.issue.title'),
          key: 'issue',
          render: (_, i) => (
            <Space orientation="vertical" size={2}>
              {resourceId ? null : <Typography.Text strong>{i.resourceName}</Typography.Text>}
              {record(i)}
              {description(i)}
              <Space size={4} wrap>
                {sourceTag(i)}
                {statusCell(i)}
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {when(i.createdAt)}
              </Typography.Text>
            </Space>
          ),
        },
      ];

  return (
    <div data-testid="issue-list">
      <ListToolbar onReload={reload}>
        <div className="data-filters">
          <Select<IssueStatus>
            className="data-filter"
            allowClear
            value={status}
            onChange={(s) => filter({ status: s })}
            placeholder={t('data.issue.statusFilter')}
            aria-label={t('data.issue.statusFilter')}
            options={ISSUE_STATUSES.map((s) => ({ value: s, label: t(`data.issue.statuses.${s}`) }))}
          />
          <Select<IssueSource>
            className="data-filter"
            allowClear
            value={source}
            onChange={(s) => filter({ source: s })}
            placeholder={t('data.issue.sourceFilter')}
            aria-label={t('data.issue.sourceFilter')}
            options={ISSUE_SOURCES.map((s) => ({ value: s, label: t(`data.issue.sources.${s}`) }))}
          />
        </div>
      </ListToolbar>
      <Table<DataIssue>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={list?.items ?? []}
        scroll={wide ? { x: 'max-content' } : undefined}
        showHeader={wide}
        data-testid="issue-table"
        locale={emptyLocale(t('data.issue.empty'))}
        {...serverPaging(paging, list?.total ?? 0, (p) => setPaging((was) => ({ page: p.page ?? was.page, pageSize: p.pageSize ?? was.pageSize })), (total) => t('data.total', { total }))}
        columns={columns}
      />
      <IssueResolveModal
        issue={resolving}
        onClose={() => setResolving(null)}
        onResolved={() => {
          setResolving(null);
          reload();
          onResolved?.();
        }}
      />
    </div>
  );
}
