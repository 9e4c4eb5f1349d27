import { loadExcel } from '../../kernel/xlsx.ts';
import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { t, type Lang } from '../../kernel/i18n/index.ts';
import { CHANNELS, LEVELS } from './dictionary.ts';
import type { Figures } from './figures.ts';
import { ratingResults, type ResultQuery } from './results.ts';

const pct = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(2)}%`);

/**
 * The month as a workbook in the shape of the Guangdong monthly 好差评 report (STANDARDS.md
 * §1.2): ratings by channel, valid ratings by level with shares, 差评 and its rate, 差评工单,
 * top tags, 按时整改率 and the 10-point score; then departments and the item ranking.
 */
export async function resultsWorkbook(q: Queryable, actor: Actor, lang: Lang, query: Omit<ResultQuery, 'by'>): Promise<Buffer> {
  const r = await ratingResults(q, actor, { ...query, by: 'department' });
  const h = (key: string, params: Record<string, string | number> = {}) => t(lang, `ratings.xlsx.${key}`, params);
  const s = r.summary;
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  wb.creator = 'YiWang';

  const overview = wb.addWorksheet(h('overview'));
  overview.columns = [
    { header: h('indicator'), key: 'label', width: 28 },
    { header: h('value'), key: 'value', width: 16 },
    { header: h('share'), key: 'share', width: 12 },
  ];
  const add = (label: string, value: number | string, share = '') => overview.addRow({ label, value, share });
  add(h('month'), r.month);
  add(h('region'), r.regionCode);
  add(h('total'), s.total);
  for (const c of CHANNELS) add(`  ${t(lang, `ratings.channel.${c}`)}`, s.byChannel[c], pct(s.valid ? s.byChannel[c] / s.valid : null));
  add(h('valid'), s.valid);
  for (const l of LEVELS) add(`  ${t(lang, `ratings.level.${l.level}`)}`, s.byLevel[String(l.level) as keyof Figures['byLevel']], pct(s.valid ? s.byLevel[String(l.level) as keyof Figures['byLevel']] / s.valid : null));
  add(h('excluded'), s.excluded);
  add(h('defaulted'), s.defaulted);
  add(h('bad'), s.bad, pct(s.badRate));
  add(h('tasks'), s.tasks);
  add(h('replied'), s.replied);
  add(h('onTimeRate'), pct(s.onTimeRate));
  add(h('satisfactionRate'), pct(s.satisfactionRate));
  add(h('score'), s.score ?? '');

  const tags = wb.addWorksheet(h('tags'));
  tags.columns = [
    { header: h('tag'), key: 'name', width: 36 },
    { header: h('count'), key: 'count', width: 10 },
  ];
  for (const tag of r.tags) tags.addRow({ name: tag.name, count: tag.count });

  const depts = wb.addWorksheet(h('departments'));
  depts.columns = [
    { header: h('department'), key: 'name', width: 32 },
    { header: h('valid'), key: 'valid', width: 10 },
    ...LEVELS.map((l) => ({ header: t(lang, `ratings.level.${l.level}`), key: `l${l.level}`, width: 10 })),
    { header: h('satisfactionRate'), key: 'sat', width: 12 },
    { header: h('score'), key: 'score', width: 10 },
    { header: h('bad'), key: 'bad', width: 10 },
    { header: h('onTimeRate'), key: 'onTime', width: 12 },
  ];
  for (const g of r.groups) {
    depts.addRow({
      name: g.name ?? '',
      valid: g.valid,
      ...Object.fromEntries(LEVELS.map((l) => [`l${l.level}`, g.byLevel[String(l.level) as keyof Figures['byLevel']]])),
      sat: pct(g.satisfactionRate),
      score: g.score ?? '',
      bad: g.bad,
      onTime: pct(g.onTimeRate),
    });
  }

  const ranking = wb.addWorksheet(h('itemRanking'));
  ranking.columns = [
    { header: h('rank'), key: 'rank', width: 8 },
    { header: h('item'), key: 'name', width: 40 },
    { header: h('bad'), key: 'bad', width: 10 },
    { header: h('valid'), key: 'valid', width: 10 },
  ];
  r.rankings.items.forEach((i, n) => ranking.addRow({ rank: n + 1, name: i.name ?? '', bad: i.bad, valid: i.valid }));

  for (const sheet of [overview, tags, depts, ranking]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
