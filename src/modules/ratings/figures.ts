import type { Queryable } from '../../kernel/db/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { CHANNELS, type Channel } from './dictionary.ts';
import type { Figures, GroupBy, GroupFigures } from './schemas.ts';

export type { Figures, GroupBy, GroupFigures };

const GROUPS: Record<GroupBy, { key: string; name: string }> = {
  department: { key: 'r.department_id::text', name: 'r.department_name' },
  item: { key: 'r.item_id::text', name: 'r.item_name' },
  hall: { key: 'r.hall_id::text', name: 'r.hall_name' },
  window: { key: 'r.window_id::text', name: 'r.window_name' },
  // county level: the first six digits of the code
  region: { key: `rpad(substr(r.region_code, 1, 6), 12, '0')`, name: `rpad(substr(r.region_code, 1, 6), 12, '0')` },
  staff: { key: 'r.staff_id::text', name: 'r.staff_name' },
};

export interface Filter {
  /** A region's subtree; absent, every region (the platform's open figures). */
  regionCode?: string;
  from: Date;
  to: Date;
  departmentId?: string;
  itemId?: string;
  hallId?: string;
}

/** The Asia/Shanghai calendar month 'YYYY-MM' as [start, end). */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) };
}

/** Extra SQL conditions (already scoped by the caller) are appended with their parameters. */
export interface Scope {
  sql: string;
  params: unknown[];
}

function whereOf(f: Filter, scope?: Scope): { sql: string; params: unknown[] } {
  const params: unknown[] = [`${f.regionCode ? regionPrefix(f.regionCode) : ''}%`, f.from, f.to, ...(scope?.params ?? [])];
  const where = ['r.region_code like $1', 'r.rated_at >= $2', 'r.rated_at < $3'];
  if (scope) where.push(scope.sql);
  if (f.departmentId) where.push(`r.department_id = $${params.push(f.departmentId)}`);
  if (f.itemId) where.push(`r.item_id = $${params.push(f.itemId)}`);
  if (f.hallId) where.push(`r.hall_id = $${params.push(f.hallId)}`);
  return { sql: where.join(' and '), params };
}

const channelColumns = CHANNELS.map((c) => `count(*) filter (where not r.excluded and r.channel = '${c}') as "c_${c}"`).join(',\n  ');
const AGGREGATES = `count(*) as total,
  count(*) filter (where r.excluded) as excluded,
  count(*) filter (where not r.excluded and r.defaulted) as defaulted,
  ${[1, 2, 3, 4, 5].map((l) => `count(*) filter (where not r.excluded and r.level = ${l}) as l${l}`).join(', ')},
  coalesce(sum(r.level) filter (where not r.excluded), 0) as level_sum,
  ${channelColumns},
  count(k.id) filter (where not r.excluded) as tasks,
  count(k.id) filter (where k.status = 'replied') as replied,
  count(k.id) filter (where k.status = 'replied' and not k.overdue) as on_time,
  count(k.id) filter (where k.status = 'replied' or (k.overdue and k.status <> 'excluded')) as due_or_done`;

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : null);

export function figuresOf(row: Record<string, unknown>): Figures {
  const n = (k: string) => Number(row[k] ?? 0);
  const total = n('total');
  const excluded = n('excluded');
  const valid = total - excluded;
  const byLevel = { '1': n('l1'), '2': n('l2'), '3': n('l3'), '4': n('l4'), '5': n('l5') };
  const bad = byLevel['1'] + byLevel['2'];
  return {
    total,
    valid,
    excluded,
    defaulted: n('defaulted'),
    byLevel,
    byChannel: Object.fromEntries(CHANNELS.map((c) => [c, n(`c_${c}`)])) as Record<Channel, number>,
    satisfactionRate: ratio(valid - bad, valid),
    score: valid ? Math.round((n('level_sum') / valid) * 2 * 100) / 100 : null,
    bad,
    badRate: ratio(bad, valid),
    tasks: n('tasks'),
    replied: n('replied'),
    repliedOnTime: n('on_time'),
    onTimeRate: ratio(n('on_time'), n('due_or_done')),
  };
}

export async function totals(q: Queryable, f: Filter, scope?: Scope): Promise<Figures> {
  const w = whereOf(f, scope);
  const row = await q.one<Record<string, unknown>>(`select ${AGGREGATES} from rating r left join rating_task k on k.rating_id = r.id where ${w.sql}`, w.params);
  return figuresOf(row ?? {});
}

export async function grouped(q: Queryable, f: Filter, by: GroupBy, scope?: Scope): Promise<GroupFigures[]> {
  const groups = await groupedBy(q, f, [by], scope);
  return groups.map(({ keys, names, ...figures }) => ({ key: keys[0]!, name: names[0]!, ...figures }));
}

/** Figures per combination of groups (each county's departments …): keys and names in the order of `by`. */
export async function groupedBy(q: Queryable, f: Filter, by: readonly GroupBy[], scope?: Scope): Promise<Array<Figures & { keys: (string | null)[]; names: (string | null)[] }>> {
  const w = whereOf(f, scope);
  const groups = by.map((b) => GROUPS[b]);
  const rows = await q.query<Record<string, unknown>>(
    `select ${groups.map((g, i) => `${g.key} as k${i}, max(${g.name}) as n${i}`).join(', ')}, ${AGGREGATES}
       from rating r left join rating_task k on k.rating_id = r.id
      where ${w.sql} group by ${groups.map((g) => g.key).join(', ')} order by ${groups.map((_, i) => `k${i}`).join(', ')}`,
    w.params,
  );
  const text = (v: unknown) => (v as string | null) ?? null;
  return rows.map((r) => ({ keys: by.map((_, i) => text(r[`k${i}`])), names: by.map((_, i) => text(r[`n${i}`])), ...figuresOf(r) }));
}

/** The bad-rating tags of the period, most frequent first. */
export async function tagCounts(q: Queryable, f: Filter, scope?: Scope): Promise<{ code: string; count: number }[]> {
  const w = whereOf(f, scope);
  const rows = await q.query<{ code: string; count: number }>(
    `select t.code, count(*) as count from rating r cross join unnest(r.tags) as t(code)
      where ${w.sql} and not r.excluded group by t.code order by count(*) desc, t.code`,
    w.params,
  );
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }));
}

/** Groups with the most bad ratings, for the rankings of items and departments. */
export const mostBad = (groups: GroupFigures[], top = 10) =>
  groups.filter((g) => g.bad > 0).sort((a, b) => b.bad - a.bad || (a.name ?? '').localeCompare(b.name ?? '')).slice(0, top)
    .map((g) => ({ key: g.key, name: g.name, bad: g.bad, valid: g.valid, badRate: g.badRate }));
