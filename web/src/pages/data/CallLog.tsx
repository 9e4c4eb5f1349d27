import { Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback } from 'react';
import { dateTime } from '../../app/city-time.ts';
import { serverPaging } from '../../crud/serverPaging.ts';
import { useFetchedPage } from '../../crud/useFetchedPage.ts';
import type { ListQueryState } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { CALL_OUTCOMES, dataCalls, type CallOutcome, type DataCall } from './exchange-api.ts';
import { LibrarySelect } from './LibrarySelect.tsx';
import { emptyLocale, ListToolbar } from './ListToolbar.tsx';

/** 'ok' in green, a refusal in red by its reason (the gateway's error code). */
function OutcomeTag({ outcome }: { outcome: string }) {
  const { t, tx } = useT();
  return outcome === 'ok' ? (
    <Tag color="green">{t('data.calls.ok')}</Tag>
  ) : (
    <Tooltip title={outcome}>
      <Tag color="red">{tx(`data.calls.refusals.${outcome}`, outcome)}</Tag>
    </Tooltip>
  );
}

interface Props {
  /** The list's page and filters (`resource`, `outcome`), kept in the URL. */
  state: ListQueryState;
  update(patch: Record<string, string | number | undefined>): void;
  /** The period the statistics above show: the log lists its calls. */
  from: string;
  to: string;
}

/** A long text in one line of a log's cell, whole in its tooltip; a dash when there is none. */
const ellipsis = (text: string | null) =>
  text ? (
    <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: 150 }}>
      {text}
    </Typography.Text>
  ) : (
    '—'
  );

/** The gateway's call log, newest first: who called, for what, answered or refused and why, how fast. */
export function CallLog({ state, update, from, to }: Props) {
  const { t } = useT();
  const resourceId = state.filters.resource;
  const outcome = CALL_OUTCOMES.find((o) => o === state.filters.outcome);
  const fetchPage = useCallback(
    (signal: AbortSignal) => dataCalls.list({ from, to, resourceId, outcome, page: state.page, pageSize: state.pageSize }, signal),
    [from, to, resourceId, outcome, state.page, state.pageSize],
  );
  const { page: list, loading, reload } = useFetchedPage(fetchPage);

  return (
    <div data-testid="call-log">
      <ListToolbar onReload={reload}>
        <div className="data-filters">
          <div className="data-filter-wide">
            <LibrarySelect value={resourceId} onChange={(v) => update({ resource: v, page: 1 })} allowClear placeholder={t('data.calls.resourceFilter')} style={{ minWidth: 0, width: '100%' }} />
          </div>
          <Select<CallOutcome>
            className="data-filter"
            allowClear
            value={outcome}
            onChange={(o) => update({ outcome: o, page: 1 })}
            placeholder={t('data.calls.outcomeFilter')}
            aria-label={t('data.calls.outcomeFilter')}
            options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`data.calls.outcomes.${o}`) }))}
            data-testid="call-outcome-filter"
          />
        </div>
      </ListToolbar>
      <Table<DataCall>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={list?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="call-table"
        locale={emptyLocale(t('data.calls.none'))}
        {...serverPaging(state, list?.total ?? 0, update, (total) => t('data.total', { total }))}
        columns={[
          { title: t('data.calls.at'), dataIndex: 'at', render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{dateTime(at)}</span> },
          {
            title: t('data.calls.system'),
            dataIndex: 'systemName',
            render: (name: string, c: DataCall) => (
              <Tooltip title={c.clientId}>
                <span>{name}</span>
              </Tooltip>
            ),
          },
          { title: t('data.calls.department'), dataIndex: 'departmentName', render: (d: string | null) => ellipsis(d) },
          {
            title: t('data.demand.resource'),
            key: 'resource',
            render: (_, c) =>
              c.resourceName ? (
                <Space orientation="vertical" size={0}>
                  <span>{c.resourceName}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.resourceCode}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          { title: t('data.calls.kind'), dataIndex: 'kind', render: (k: DataCall['kind']) => t(`data.calls.kinds.${k}`) },
          { title: t('data.calls.purpose'), dataIndex: 'purpose', render: (p: string | null) => ellipsis(p) },
          { title: t('data.calls.outcome'), dataIndex: 'outcome', render: (o: string) => <OutcomeTag outcome={o} /> },
          { title: t('data.calls.rows'), dataIndex: 'rows', align: 'right' },
          { title: t('data.calls.persons'), dataIndex: 'persons', align: 'right' },
          { title: t('data.calls.latency'), dataIndex: 'latencyMs', align: 'right', render: (ms: number) => t('data.calls.msOf', { n: ms }) },
        ]}
      />
    </div>
  );
}
