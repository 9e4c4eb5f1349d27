import { t, type Lang } from '../../kernel/i18n/index.ts';
import { loadExcel } from '../../kernel/xlsx.ts';
import type { HotlineReport } from './report-schemas.ts';
import { cityHourLabel } from './period.ts';

const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);

/**
 * The report as a workbook, one sheet per part: overview, trend, volumes by channel, kind,
 * category and county, top categories and words, departments, the overdue list, hot issues.
 * Satisfaction is the share of the period's 回访 that were satisfied, "暂无回访" when nobody was called back.
 */
export async function reportWorkbook(r: HotlineReport, lang: Lang): Promise<Buffer> {
  const h = (key: string) => t(lang, `hotline.xlsx.${key}`);
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  wb.creator = 'YiWang';
  const sheet = (name: string, columns: [key: string, header: string, width: number][]) => {
    const s = wb.addWorksheet(h(name));
    s.columns = columns.map(([key, header, width]) => ({ key, header: h(header), width }));
    s.getRow(1).font = { bold: true };
    return s;
  };
  const notMeasured = (v: number | null) => (v === null ? h('notMeasured') : pct(v));

  const overview = sheet('overview', [
    ['label', 'indicator', 28],
    ['value', 'value', 24],
  ]);
  const o = r.totals;
  for (const [label, value] of [
    ['period', r.from === r.to ? r.from : `${r.from} — ${r.to}`],
    ['received', o.received],
    ['answeredAtIntake', o.answeredAtIntake],
    ['dispatched', o.dispatched],
    ['completed', o.completed],
    ['onTime', o.onTime],
    ['onTimeRate', pct(o.onTimeRate)],
    ['open', o.open],
    ['overdue', o.overdue],
    ['satisfaction', notMeasured(o.satisfaction)],
  ] as const)
    overview.addRow({ label: h(label), value });

  const trend = sheet('trend', [
    ['at', 'time', 20],
    ['count', 'count', 10],
  ]);
  for (const x of r.trend) trend.addRow(x);

  const volumes = sheet('volumes', [
    ['dimension', 'dimension', 14],
    ['item', 'item', 28],
    ['count', 'count', 10],
  ]);
  for (const c of r.byChannel)
    volumes.addRow({ dimension: h('channel'), item: t(lang, `hotline.channel.${c.key}`), count: c.count });
  for (const k of r.byKind) volumes.addRow({ dimension: h('kind'), item: t(lang, `hotline.kind.${k.key}`), count: k.count });
  for (const c of r.byCategory) volumes.addRow({ dimension: h('category'), item: c.name, count: c.count });
  for (const c of r.byRegion) volumes.addRow({ dimension: h('region'), item: c.name, count: c.count });

  const top = sheet('topCategories', [
    ['rank', 'rank', 8],
    ['name', 'subcategory', 28],
    ['count', 'count', 10],
  ]);
  r.topCategories.forEach((c, i) => top.addRow({ rank: i + 1, name: c.name, count: c.count }));
  const words = sheet('words', [
    ['rank', 'rank', 8],
    ['word', 'word', 20],
    ['count', 'tickets', 10],
  ]);
  r.topWords.forEach((w, i) => words.addRow({ rank: i + 1, ...w }));

  const depts = sheet('departments', [
    ['name', 'department', 30],
    ['received', 'dispatched', 10],
    ['completed', 'completed', 10],
    ['onTime', 'onTime', 10],
    ['onTimeRate', 'onTimeRate', 12],
    ['open', 'open', 10],
    ['overdue', 'overdue', 10],
    ['satisfaction', 'satisfaction', 12],
  ]);
  for (const d of r.departments)
    depts.addRow({ ...d, name: d.departmentName, onTimeRate: pct(d.onTimeRate), satisfaction: notMeasured(d.satisfaction) });

  const overdue = sheet('overdueList', [
    ['number', 'number', 18],
    ['title', 'title', 36],
    ['categoryName', 'subcategory', 18],
    ['status', 'status', 10],
    ['department', 'department', 26],
    ['regionCode', 'regionCode', 14],
    ['dueDate', 'dueDate', 12],
    ['daysOverdue', 'daysOverdue', 10],
  ]);
  for (const x of r.overdue)
    overdue.addRow({ ...x, status: t(lang, `hotline.status.${x.status}`), department: x.department ?? '' });

  const hot = sheet('hotIssues', [
    ['hour', 'hour', 18],
    ['region', 'region', 24],
    ['level', 'level', 12],
    ['category', 'subcategory', 20],
    ['tickets', 'count', 10],
    ['threshold', 'threshold', 10],
    ['words', 'words', 36],
  ]);
  for (const x of r.hotIssues) {
    hot.addRow({
      hour: cityHourLabel(x.hour),
      region: x.regionName,
      level: t(lang, `hotline.level.${x.level}`),
      category: x.categoryName,
      tickets: x.tickets,
      threshold: x.threshold,
      words: x.words.join('、'),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
