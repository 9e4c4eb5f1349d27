import { BarChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import type { OrgStats } from '../../api/types.ts';
import { useEChart } from '../../components/useEChart.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';

echarts.use([BarChart]);

type Row = OrgStats['byCounty'][number];
const SERIES: Array<{ key: keyof Omit<Row, 'regionCode' | 'regionName'>; label: MessageKey; color: string }> = [
  { key: 'departments', label: 'cockpit.departments', color: '#3b8cff' },
  { key: 'halls', label: 'cockpit.halls', color: '#36cfc9' },
  { key: 'windows', label: 'cockpit.windows', color: '#73d13d' },
  { key: 'kiosks', label: 'cockpit.kiosks', color: '#ffc53d' },
];

/** Grouped bars per county (ECharts, only the parts used). */
export function CountyChart({ rows }: { rows: Row[] }) {
  const { t } = useT();
  const option = useMemo(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { color: '#c9d6ea' } },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.regionName),
        axisLabel: { color: '#c9d6ea', interval: 0, hideOverlap: true },
      },
      yAxis: { type: 'value', axisLabel: { color: '#8fa3bf' }, splitLine: { lineStyle: { color: 'rgba(255,255,255,0.08)' } } },
      series: SERIES.map((s) => ({
        name: t(s.label),
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: s.color, borderRadius: [3, 3, 0, 0] },
        data: rows.map((r) => r[s.key]),
      })),
    }),
    [rows, t],
  );
  const box = useEChart(option, 'dark');

  return <div ref={box} className="county-chart" role="img" aria-label={t('cockpit.byCounty')} data-testid="county-chart" />;
}
