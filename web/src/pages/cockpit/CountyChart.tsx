import { BarChart, LineChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import type { CockpitArea } from './api.ts';

echarts.use([BarChart, LineChart]);

/** A series per county: bars on the left axis, a line (a rate or score) on the right one. */
export interface CountySeries {
  label: MessageKey;
  color: string;
  kind: 'bar' | 'line';
  value: (a: CockpitArea) => number | null;
}

/** Counties along the axis (市本级 first), ECharts with only the parts used. */
export function CountyChart({ areas, series, title, testId }: { areas: CockpitArea[]; series: CountySeries[]; title: MessageKey; testId: string }) {
  const { t } = useT();
  const option = useMemo(
    () => ({
      backgroundColor: 'transparent',
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, textStyle: { color: '#c9d6ea' } },
      // a long legend wraps on a phone: room for three lines of it above the plot
      grid: { left: 8, right: 8, bottom: 8, top: series.length > 4 ? 88 : 56, containLabel: true },
      xAxis: {
        type: 'category',
        data: areas.map((a) => (a.own ? t('cockpitFigures.own') : a.regionName)),
        axisLabel: { color: '#c9d6ea', interval: 0, hideOverlap: true },
      },
      yAxis: [
        { type: 'value', axisLabel: { color: '#8fa3bf' }, splitLine: { lineStyle: { color: 'rgba(255,255,255,0.08)' } } },
        { type: 'value', axisLabel: { color: '#8fa3bf' }, splitLine: { show: false } },
      ],
      series: series.map((s) => ({
        name: t(s.label),
        type: s.kind,
        yAxisIndex: s.kind === 'line' ? 1 : 0,
        barMaxWidth: 22,
        connectNulls: false,
        itemStyle: { color: s.color, ...(s.kind === 'bar' ? { borderRadius: [3, 3, 0, 0] } : {}) },
        data: areas.map((a) => s.value(a)),
      })),
    }),
    [areas, series, t],
  );
  const box = useEChart(option, 'dark');
  return <div ref={box} className="county-chart" role="img" aria-label={t(title)} data-testid={testId} />;
}
