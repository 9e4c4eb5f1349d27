import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useState } from 'react';
import { dateTimeMinutes } from '../../../app/city-time.ts';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useRemote } from '../../../components/useRemote.ts';
import { useT } from '../../../i18n/useT.ts';
import { hotlineReports, type HotIssue, type HotlineReport, type ReportPeriod } from '../api.ts';
import { StatusTag } from '../parts.tsx';
import { CountBars, TrendChart } from './ReportCharts.tsx';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * 12345 报表 /staff/hotline/reports, for the centre and leaders: a day's or a week's tickets — the
 * trend, categories, counties, top words, hot issues, each department's on-time completion and
 * the overdue list — and the same as a workbook. Without a date the server's today is reported
 * (the browser's clock is not the platform's). Satisfaction is shown as not yet measured.
 */
export default function HotlineReportsPage() {
  const { t } = useT();
  const showError = useApiError();
  const [period, setPeriod] = useState<ReportPeriod>({ period: 'day' });
  const load = useCallback(
    () =>
      hotlineReports.get(period).catch((err: unknown) => {
        showError(err);
        throw err;
      }),
    [period, showError],
  );
  const { data, loading } = useRemote<HotlineReport>(load);

  return (
    <div data-testid="hotline-reports">
      <PageTitle>{t('hotlineReports.title')}</PageTitle>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={period.period}
          options={[
            { value: 'day', label: t('hotlineReports.day') },
            { value: 'week', label: t('hotlineReports.week') },
          ]}
          onChange={(v) => setPeriod((p) => ({ ...p, period: v as ReportPeriod['period'] }))}
        />
        <DatePicker
          allowClear={false}
          picker={period.period === 'week' ? 'week' : 'date'}
          value={period.date ? dayjs(period.date) : data ? dayjs(data.from) : undefined}
          onChange={(v) => v && setPeriod((p) => ({ ...p, date: v.format('YYYY-MM-DD') }))}
        />
        <Button
          icon={<DownloadOutlined />}
          href={hotlineReports.xlsxUrl(data ? { ...period, date: data.from } : period)}
          data-testid="hotline-report-xlsx"
        >
          {t('hotlineReports.download')}
        </Button>
        {data && (
          <Typography.Text type="secondary">{t('hotlineReports.periodOf', { from: data.from, to: data.to })}</Typography.Text>
        )}
      </Space>
      <Totals report={data} loading={loading} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card
            title={`${t('hotlineReports.trend')} · ${t(period.period === 'day' ? 'hotlineReports.trendDay' : 'hotlineReports.trendWeek')}`}
            loading={loading}
          >
            {data && <TrendChart points={data.trend} label={t('hotlineReports.trend')} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('hotlineReports.byRegion')} loading={loading}>
            {data?.byRegion.length ? (
              <CountBars
                items={data.byRegion}
                label={t('hotlineReports.byRegion')}
                testId="hotline-report-regions"
                color="#13c2c2"
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('hotlineReports.byCategory')} loading={loading}>
            {data?.byCategory.length ? (
              <CountBars
                items={data.byCategory}
                label={t('hotlineReports.byCategory')}
                testId="hotline-report-categories"
                color="#1677ff"
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('hotlineReports.topCategories')} loading={loading}>
            {data?.topCategories.length ? (
              <CountBars
                items={data.topCategories}
                label={t('hotlineReports.topCategories')}
                testId="hotline-report-top"
                color="#fa8c16"
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={t('hotlineReports.topWords')}
            extra={
              data && <Typography.Text type="secondary">{t('hotlineReports.wordsOver', { n: data.wordsOver })}</Typography.Text>
            }
            loading={loading}
          >
            {data?.topWords.length ? (
              <Space size={[8, 8]} wrap data-testid="hotline-report-words">
                {data.topWords.map((w, i) => (
                  <Tag key={w.word} color={i < 3 ? 'volcano' : i < 8 ? 'orange' : undefined}>
                    {w.word} <b>{w.count}</b>
                  </Tag>
                ))}
              </Space>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
      <HotIssues items={data?.hotIssues ?? []} loading={loading} />
      <Departments report={data} loading={loading} />
      <Overdue report={data} loading={loading} />
    </div>
  );
}

function Totals({ report, loading }: { report?: HotlineReport; loading: boolean }) {
  const { t } = useT();
  const o = report?.totals;
  const tiles: [string, string | number, string?][] = o
    ? [
        [t('hotlineReports.totals.received'), o.received],
        [t('hotlineReports.totals.answeredAtIntake'), o.answeredAtIntake],
        [t('hotlineReports.totals.completed'), o.completed],
        [t('hotlineReports.totals.onTimeRate'), pct(o.onTimeRate)],
        [t('hotlineReports.totals.open'), o.open],
        [t('hotlineReports.totals.overdue'), o.overdue],
        [
          t('hotlineReports.totals.satisfaction'),
          o.satisfaction === null ? t('hotlineReports.notMeasured') : pct(o.satisfaction),
          t('hotlineReports.notMeasuredHint'),
        ],
      ]
    : [];
  return (
    <Row gutter={[12, 12]} data-testid="hotline-report-totals">
      {tiles.map(([title, value, hint]) => (
        <Col key={title} flex="1 0 150px">
          <Card loading={loading} size="small">
            <Tooltip title={hint}>
              <Statistic
                title={title}
                value={value}
                // nothing to rate (暂无回访) is said in grey, not shown as a figure
                valueStyle={value === t('hotlineReports.notMeasured') ? { fontSize: 16, color: '#8c8c8c' } : undefined}
              />
            </Tooltip>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function HotIssues({ items, loading }: { items: HotIssue[]; loading: boolean }) {
  const { t } = useT();
  return (
    <Card title={t('hotlineReports.hotIssues')} style={{ marginTop: 16 }} data-testid="hotline-report-hot">
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('hotlineReports.noHotIssues') }}
        columns={[
          { title: t('hotlineReports.hotIssue.hour'), render: (_, h) => dateTimeMinutes(h.hour) },
          { title: t('hotlineReports.hotIssue.region'), dataIndex: 'regionName' },
          {
            title: t('hotlineReports.hotIssue.category'),
            render: (_, h) => (
              <Space size={4}>
                {h.categoryName}
                <Tag>{t(h.level === 1 ? 'hotlineReports.hotIssue.level1' : 'hotlineReports.hotIssue.level2')}</Tag>
              </Space>
            ),
          },
          {
            title: t('hotlineReports.hotIssue.tickets'),
            align: 'right',
            render: (_, h) => (
              <Tooltip title={t('hotlineReports.hotIssue.threshold', { n: h.threshold })}>
                <Tag color="red">{h.tickets}</Tag>
              </Tooltip>
            ),
          },
          { title: t('hotlineReports.hotIssue.words'), render: (_, h) => h.words.join('、') },
        ]}
      />
    </Card>
  );
}

function Departments({ report, loading }: { report?: HotlineReport; loading: boolean }) {
  const { t } = useT();
  return (
    <Card title={t('hotlineReports.departments')} style={{ marginTop: 16 }}>
      <Table
        rowKey="departmentId"
        size="small"
        loading={loading}
        dataSource={report?.departments ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="hotline-report-departments"
        columns={[
          { title: t('hotlineReports.department.name'), dataIndex: 'departmentName' },
          { title: t('hotlineReports.department.received'), dataIndex: 'received', align: 'right' },
          { title: t('hotlineReports.department.completed'), dataIndex: 'completed', align: 'right' },
          { title: t('hotlineReports.department.onTime'), dataIndex: 'onTime', align: 'right' },
          { title: t('hotlineReports.department.onTimeRate'), align: 'right', render: (_, d) => pct(d.onTimeRate) },
          { title: t('hotlineReports.department.open'), dataIndex: 'open', align: 'right' },
          {
            title: t('hotlineReports.department.overdue'),
            align: 'right',
            render: (_, d) => (d.overdue ? <Typography.Text type="danger">{d.overdue}</Typography.Text> : 0),
          },
          {
            title: t('hotlineReports.department.satisfaction'),
            align: 'right',
            render: (_, d) =>
              d.satisfaction === null ? (
                <Typography.Text type="secondary">{t('hotlineReports.notMeasured')}</Typography.Text>
              ) : (
                pct(d.satisfaction)
              ),
          },
        ]}
      />
    </Card>
  );
}

function Overdue({ report, loading }: { report?: HotlineReport; loading: boolean }) {
  const { t } = useT();
  return (
    <Card title={t('hotlineReports.overdueList')} style={{ marginTop: 16 }}>
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={report?.overdue ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('hotlineReports.overdue.number'), dataIndex: 'number' },
          { title: t('hotlineReports.overdue.title'), dataIndex: 'title', ellipsis: true },
          { title: t('hotlineReports.overdue.category'), dataIndex: 'categoryName' },
          { title: t('hotlineReports.overdue.status'), render: (_, x) => <StatusTag status={x.status} /> },
          { title: t('hotlineReports.overdue.department'), render: (_, x) => x.department ?? t('hotlineReports.overdue.centre') },
          { title: t('hotlineReports.overdue.dueDate'), dataIndex: 'dueDate' },
          { title: t('hotlineReports.overdue.days'), dataIndex: 'daysOverdue', align: 'right' },
        ]}
      />
    </Card>
  );
}
