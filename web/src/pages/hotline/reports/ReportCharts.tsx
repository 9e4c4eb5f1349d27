import { BarChart, LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useEChart } from '../../../components/useEChart.ts';
import { useT } from '../../../i18n/useT.ts';

echarts.use([BarChart, LineChart]);

/** Tickets received per hour or per day, as a line (ECharts, only the parts used). */
export function TrendChart({ points, label }: { points: { at: string; count: number }[]; label: string }) {
  const { t } = useT();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
      // a day's slots read "2026-11-18 09:00": the hour is enough on the axis
      xAxis: {
        type: 'category',
        boundaryGap: false,
        data: points.map((p) => (p.at.length > 10 ? p.at.slice(11) : p.at.slice(5))),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('hotlineReports.tickets'),
          type: 'line',
          smooth: true,
          areaStyle: { opacity: 0.15 },
          itemStyle: { color: '#1677ff' },
          data: points.map((p) => p.count),
        },
      ],
    }),
    [points, t],
  );
  const box = useEChart(option);
  return <div ref={box} style={{ height: 260 }} role="img" aria-label={label} data-testid="hotline-report-trend" />;
}

/** Counts by name as horizontal bars, the largest on top. */
export function CountBars({
  items,
  label,
  testId,
  color,
}: {
  items: { name: string; count: number }[];
  label: string;
  testId: string;
  color: string;
}) {
  const { t } = useT();
  const option = useMemo(() => {
    const rows = [...items].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [
        {
          name: t('hotlineReports.tickets'),
          type: 'bar',
          barMaxWidth: 16,
          itemStyle: { color, borderRadius: [0, 3, 3, 0] },
          data: rows.map((r) => r.count),
        },
      ],
    };
  }, [items, color, t]);
  const box = useEChart(option);
  return (
    <div ref={box} style={{ height: Math.max(160, items.length * 28 + 24) }} role="img" aria-label={label} data-testid={testId} />
  );
}
