import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { useSession } from '../../../auth/useSession.ts';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useRemote } from '../../../components/useRemote.ts';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { caseStats, type CaseFigures, type DepartmentStats } from './api.ts';
import { MonthChart } from './MonthChart.tsx';

const STATS_ROLES = ['department_admin', 'approver', 'leader', 'administrator'];
const days = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const rate = (n: number | null) => (n === null ? '—' : `${n}%`);

/**
 * 部门统计 /staff/case-stats: received, accepted, completed, overdue and average days of a
 * department for a period, per month (chart) and per item. Staff held to one department see
 * theirs; leaders and administrators choose one (or all in their region).
 */
export default function CaseStatsPage() {
  const { t } = useT();
  const { user } = useSession();
  const showError = useApiError();
  const mayChoose = (user?.roles ?? []).some((g) => STATS_ROLES.includes(g.role) && g.departmentId === null);
  const [range, setRange] = useState<[string, string]>([dayjs().startOf('year').format('YYYY-MM-DD'), dayjs().format('YYYY-MM-DD')]);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const load = useCallback(
    () =>
      caseStats.department({ from: range[0], to: range[1], ...(departmentId ? { departmentId } : {}) }).catch((err: unknown) => {
        showError(err);
        throw err;
      }),
    [range, departmentId, showError],
  );
  const { data, loading } = useRemote<DepartmentStats>(load);

  return (
    <div data-testid="case-stats">
      <PageTitle>{t('casesStats.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
        />
        {mayChoose && <DepartmentSelect allowClear style={{ width: 260 }} value={departmentId} onChange={(v) => setDepartmentId((v as string | undefined) ?? undefined)} />}
      </Space>
      <Totals figures={data?.totals} loading={loading} />
      <Card title={t('casesStats.byMonth')} style={{ marginTop: 16 }}>
        {data?.byMonth.length ? <MonthChart months={data.byMonth} /> : <Empty />}
      </Card>
      <Card title={t('casesStats.byItem')} style={{ marginTop: 16 }}>
        <Table
          rowKey="itemId"
          size="small"
          loading={loading}
          dataSource={data?.byItem ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('casesStats.item'), dataIndex: 'itemName' },
            { title: t('casesStats.received'), dataIndex: 'received', align: 'right' },
            { title: t('casesStats.accepted'), dataIndex: 'accepted', align: 'right' },
            { title: t('casesStats.completed'), dataIndex: 'completed', align: 'right' },
            { title: t('casesStats.refused'), dataIndex: 'refused', align: 'right' },
            { title: t('casesStats.overdue'), align: 'right', render: (_, r) => r.overdueCompleted + r.overdueOpen },
            { title: t('casesStats.onTimeRate'), align: 'right', render: (_, r) => rate(r.onTimeRate) },
            { title: t('casesStats.avgWorkingDays'), align: 'right', render: (_, r) => days(r.avgWorkingDays) },
            { title: t('casesStats.avgNaturalDays'), align: 'right', render: (_, r) => days(r.avgNaturalDays) },
          ]}
        />
      </Card>
    </div>
  );
}

function Totals({ figures, loading }: { figures?: CaseFigures; loading: boolean }) {
  const { t } = useT();
  const tiles: [string, string | number][] = figures
    ? [
        [t('casesStats.received'), figures.received],
        [t('casesStats.accepted'), figures.accepted],
        [t('casesStats.completed'), figures.completed],
        [t('casesStats.overdue'), figures.overdueCompleted + figures.overdueOpen],
        [t('casesStats.onTimeRate'), rate(figures.onTimeRate)],
        [t('casesStats.avgWorkingDays'), days(figures.avgWorkingDays)],
      ]
    : [];
  return (
    <Row gutter={[16, 16]}>
      {tiles.map(([title, value]) => (
        <Col key={title} xs={12} md={8} xl={4}>
          <Card loading={loading}>
            <Statistic title={title} value={value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
