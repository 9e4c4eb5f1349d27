import { Card, Col, DatePicker, Empty, Result, Row, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useErrorText } from '../../components/useApiError.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useListQuery } from '../../crud/useListQuery.ts';
import { useT } from '../../i18n/useT.ts';
import { CallChart } from './CallChart.tsx';
import { CallLog } from './CallLog.tsx';
import { CallStatsTable } from './CallStatsTable.tsx';
import { cityToday } from './demandTags.tsx';
import { dataCalls, type CallGrouping, type CallStats } from './exchange-api.ts';

const PARAMS = ['from', 'to', 'resource', 'outcome'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const GROUPINGS: CallGrouping[] = ['day', 'resource', 'department'];

/** The last 30 days in the city, today included. */
function lastMonth(): [string, string] {
  const today = cityToday();
  return [dayjs(today).subtract(29, 'day').format('YYYY-MM-DD'), today];
}

/**
 * 调用统计: the gateway's calls over a period (the last 30 days unless chosen) — totals, a chart by
 * day, tables by resource and by calling department — and below, the call log.
 */
export default function CallsPage() {
  const { t } = useT();
  const errorText = useErrorText();
  const { state, update } = useListQuery(PARAMS);
  const fallback = useMemo(lastMonth, []);
  const from = state.filters.from && DAY.test(state.filters.from) ? state.filters.from : fallback[0];
  const to = state.filters.to && DAY.test(state.filters.to) ? state.filters.to : fallback[1];
  const load = useCallback(
    () => Promise.all(GROUPINGS.map((by) => dataCalls.stats({ from, to, by }))).then(([day, resource, department]) => ({ day: day!, resource: resource!, department: department! })),
    [from, to],
  );
  const { data, error, loading } = useRemote<Record<CallGrouping, CallStats>>(load);
  const total = data?.day.total;
  const sum = (key: 'rows' | 'persons') => data?.day.items.reduce((n, i) => n + i[key], 0) ?? 0;

  return (
    <div data-testid="data-calls-page">
      <PageTitle
        extra={
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(from), dayjs(to)]}
            onChange={(v) => v?.[0] && v[1] && update({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD'), page: 1 })}
            data-testid="call-range"
          />
        }
      >
        {t('data.calls.title')}
      </PageTitle>
      {error && !data ? <Result status="warning" subTitle={errorText(error)} /> : null}
      <Row gutter={[12, 12]} data-testid="call-totals">
        {(
          [
            ['calls', total?.calls],
            ['answered', total?.answered],
            ['refused', total?.refused],
            ['rows', sum('rows')],
            ['persons', sum('persons')],
          ] as const
        ).map(([key, value]) => (
          <Col key={key} flex="1 1 150px">
            <Card size="small" loading={loading && !data}>
              <Statistic title={t(`data.calls.${key}`)} value={value ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card variant="borderless" title={t('data.calls.byDay')} style={{ marginTop: 16 }}>
        {data && data.day.total.calls ? <CallChart from={from} to={to} items={data.day.items} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={loading ? t('data.calls.loading') : t('data.calls.none')} />}
      </Card>
      <Card variant="borderless" title={t('data.calls.byResource')} style={{ marginTop: 16 }}>
        <CallStatsTable items={data?.resource.items ?? []} loading={loading} nameTitle={t('data.demand.resource')} testId="call-stats-resource" />
      </Card>
      <Card variant="borderless" title={t('data.calls.byDepartment')} style={{ marginTop: 16 }}>
        <CallStatsTable items={data?.department.items ?? []} loading={loading} nameTitle={t('data.calls.department')} testId="call-stats-department" />
      </Card>
      <Card variant="borderless" title={t('data.calls.log')} style={{ marginTop: 16 }}>
        <CallLog state={state} update={update} from={from} to={to} />
      </Card>
    </div>
  );
}
