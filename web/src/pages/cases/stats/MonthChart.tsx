import { BarChart, LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useEChart } from '../../../components/useEChart.ts';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useT } from '../../../i18n/useT.ts';
import type { DepartmentStats } from './api.ts';

echarts.use([BarChart, LineChart]);

type Month = DepartmentStats['byMonth'][number];
const BARS: Array<{ label: MessageKey; color: string; value: (m: Month) => number }> = [
  { label: 'casesStats.received', color: '#1677ff', value: (m) => m.received },
  { label: 'casesStats.completed', color: '#52c41a', value: (m) => m.completed },
  { label: 'casesStats.overdue', color: '#ff4d4f', value: (m) => m.overdueCompleted + m.overdueOpen },
];

/** Monthly volumes as bars, average working days as a line on its own axis (ECharts, only the parts used). */
export function MonthChart({ months }: { months: Month[] }) {
  const { t } = useT();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => m.period) },
      yAxis: [
        { type: 'value', name: t('casesStats.cases'), minInterval: 1 },
        { type: 'value', name: t('casesStats.days'), splitLine: { show: false } },
      ],
      series: [
        ...BARS.map((b) => ({
          name: t(b.label),
          type: 'bar',
          barMaxWidth: 22,
          itemStyle: { color: b.color },
          data: months.map(b.value),
        })),
        {
          name: t('casesStats.avgWorkingDays'),
          type: 'line',
          yAxisIndex: 1,
          itemStyle: { color: '#faad14' },
          data: months.map((m) => m.avgWorkingDays),
        },
      ],
    }),
    [months, t],
  );
  const box = useEChart(option);

  return <div ref={box} style={{ height: 320 }} role="img" aria-label={t('casesStats.byMonth')} data-testid="case-stats-chart" />;
}
