import { BarChart, LineChart } from 'echarts/charts';
import dayjs from 'dayjs';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useEChart } from '../../components/useEChart.ts';
import { useT } from '../../i18n/useT.ts';
import { daysBetween } from './demandTags.tsx';
import type { CallStatsRow } from './exchange-api.ts';

echarts.use([BarChart, LineChart]);

/** Every day from `from` to `to` (YYYY-MM-DD), the server's figures on the days that had calls and none on the others. */
function everyDay(from: string, to: string, items: CallStatsRow[]): { day: string; row: CallStatsRow | undefined }[] {
  const byDay = new Map(items.map((i) => [i.key, i]));
  return Array.from({ length: Math.max(0, daysBetween(from, to) + 1) }, (_, n) => {
    const day = dayjs(from).add(n, 'day').format('YYYY-MM-DD');
    return { day, row: byDay.get(day) };
  });
}

/** Calls a day, answered and refused stacked, with the day's 95th-percentile latency as a line on its own axis. */
export function CallChart({ from, to, items }: { from: string; to: string; items: CallStatsRow[] }) {
  const { t } = useT();
  const option = useMemo(() => {
    const days = everyDay(from, to, items);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
      yAxis: [
        { type: 'value', name: t('data.calls.calls'), minInterval: 1 },
        { type: 'value', name: t('data.calls.ms'), splitLine: { show: false } },
      ],
      series: [
        { name: t('data.calls.answered'), type: 'bar', stack: 'calls', barMaxWidth: 22, itemStyle: { color: '#52c41a' }, data: days.map((d) => d.row?.answered ?? 0) },
        { name: t('data.calls.refused'), type: 'bar', stack: 'calls', barMaxWidth: 22, itemStyle: { color: '#ff4d4f' }, data: days.map((d) => d.row?.refused ?? 0) },
        { name: t('data.calls.p95'), type: 'line', yAxisIndex: 1, connectNulls: true, itemStyle: { color: '#faad14' }, data: days.map((d) => d.row?.p95Ms ?? null) },
      ],
    };
  }, [from, to, items, t]);
  const box = useEChart(option);
  return <div ref={box} style={{ height: 300 }} role="img" aria-label={t('data.calls.byDay')} data-testid="call-chart" />;
}
