import type { Actor } from '../../kernel/actor.ts';
import { allowKinds, grantsFor, scopeCondition } from '../../kernel/auth.ts';
import * as clock from '../../kernel/clock.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { departmentRefsById } from '../org/index.ts';
import { listHotIssues, regionNames, WATCH_ROLES } from './hot-issues.ts';
import { cityHour, hourLabel, periodOf, type Period } from './period.ts';
import type { DepartmentFigures, HotlineReport, OverdueTicket, PeriodQuery } from './report-schemas.ts';
import { HANDLER_ROLES } from './store.ts';
import { CHANNELS, KINDS, type Channel, type Kind, type Status } from './vocab.ts';
import { topWords } from './words.ts';

/** Words are counted over the period's latest 2,000 tickets: jieba takes ~0.1 ms a ticket (5,000: 0.55–0.7 s measured on the 2-core dev machine, loaded), and blocks while it cuts. */
const WORDS_OVER = 2000;
const OPEN = `t.status in ('new', 'dispatched', 'accepted', 'returned')`;
const WITH_DEPARTMENT = `t.status in ('dispatched', 'accepted')`;
/** Finished on or before the due date, in the city's time: before the instant the day after the due date begins. */
const ON_TIME = `t.completed_at < ((t.due_date + 1)::text || ' 00:00:00+08')::timestamptz`;

/**
 * Which tickets a report covers: the centre and leaders every ticket of their regions, a
 * department's staff those dispatched to their own department (so only its own row). Anyone
 * else — a citizen, an app, staff of neither — is refused.
 */
function reportCondition(actor: Actor, params: unknown[]): string {
  const staff = allowKinds(actor, ['staff']);
  const parts: string[] = [];
  if (grantsFor(staff, WATCH_ROLES).length)
    parts.push(scopeCondition(staff, WATCH_ROLES, { region: 't.region_code', department: 't.department_id' }, params));
  if (staff.departmentId && grantsFor(staff, HANDLER_ROLES).length) {
    const handlers = scopeCondition(staff, HANDLER_ROLES, { region: 't.region_code' }, params);
    parts.push(`(${handlers} and t.department_id = $${params.push(staff.departmentId)})`);
  }
  if (!parts.length) throw new AppError('HOTLINE_REPORT_NOT_ALLOWED', 403);
  return `(${parts.join(' or ')})`;
}

const rate = (part: number, whole: number) => (whole ? part / whole : null);

/**
 * The daily or weekly report: volumes of the tickets received in the period (by channel, kind,
 * category and county, hour by hour or day by day), the top categories and words, each
 * department's received / completed / on-time / still open / overdue, the overdue list and the
 * hot issues. Satisfaction (满意率) is the share of the period's 回访 results (the agent's call-backs
 * and the callers' SMS replies) that were 满意 or 基本满意 — null when nobody was called back.
 */
export async function hotlineReport(q: Queryable, actor: Actor, query: PeriodQuery): Promise<HotlineReport> {
  const p = periodOf(query.period ?? 'day', query.date);
  // $1 and $2 the period's bounds, $3 today; the scope's parameters follow. Every query names all
  // three (a no-op `… is not null` where it needs no bound): PostgreSQL types each parameter it
  // is given from its use, and one given but never used is an error.
  const params: unknown[] = [p.start, p.end, clock.today()];
  const scope = reportCondition(actor, params);
  const inPeriod = `t.created_at >= $1 and t.created_at < $2 and ${scope}`;

  const groups = await q.query<{
    channel: Channel | null;
    kind: Kind | null;
    category_code: string | null;
    county: string | null;
    hour: Date | null;
    n: number;
    intake: number;
    dispatched: number;
  }>(
    `select t.channel, t.kind, t.category_code, substr(t.region_code, 1, 6) as county, date_trunc('hour', t.created_at, 'Asia/Shanghai') as hour,
            count(*)::int as n, count(*) filter (where t.answered_at_intake)::int as intake,
            count(*) filter (where t.dispatched_at is not null)::int as dispatched
       from hotline_ticket t where ${inPeriod} and $3::date is not null
      group by grouping sets ((t.channel), (t.kind), (t.category_code), (substr(t.region_code, 1, 6)), (date_trunc('hour', t.created_at, 'Asia/Shanghai')), ())`,
    params,
  );
  const all = groups.find((g) => !g.channel && !g.kind && !g.category_code && !g.county && !g.hour);
  const figures = await q.one<{ completed: number; on_time: number; open: number; overdue: number }>(
    `select count(*) filter (where t.status = 'completed' and t.completed_at >= $1 and t.completed_at < $2)::int as completed,
            count(*) filter (where t.status = 'completed' and t.completed_at >= $1 and t.completed_at < $2 and ${ON_TIME})::int as on_time,
            count(*) filter (where ${OPEN} and t.created_at < $2)::int as open,
            count(*) filter (where ${OPEN} and t.created_at < $2 and t.due_date < $3::date)::int as overdue
       from hotline_ticket t where ${scope}`,
    params,
  );
  const categories = await q.query<{ code: string; parent_code: string | null; name: string }>(
    'select code, parent_code, name from hotline_category',
  );
  const category = new Map(categories.map((c) => [c.code, c]));
  const byParent = new Map<string, number>();
  const second: { key: string; name: string; count: number }[] = [];
  for (const g of groups.filter((x) => x.category_code)) {
    const c = category.get(g.category_code!)!;
    second.push({ key: c.code, name: c.name, count: g.n });
    if (c.parent_code) byParent.set(c.parent_code, (byParent.get(c.parent_code) ?? 0) + g.n);
  }
  const counties = groups.filter((g) => g.county);
  const countyNames = await regionNames(
    q,
    counties.map((g) => g.county!.padEnd(12, '0')),
  );

  const satisfaction = await satisfactionOf(q, scope, params);
  const departments = await departmentFigures(q, scope, params, satisfaction);
  const words = await q.query<{ title: string; content: string; address: string | null }>(
    `select t.title, t.content, t.address from hotline_ticket t where ${inPeriod} and $3::date is not null order by t.created_at desc limit ${WORDS_OVER}`,
    params,
  );
  const c = figures!;
  return {
    period: p.period,
    from: p.from,
    to: p.to,
    totals: {
      received: all?.n ?? 0,
      answeredAtIntake: all?.intake ?? 0,
      dispatched: all?.dispatched ?? 0,
      completed: c.completed,
      onTime: c.on_time,
      onTimeRate: rate(c.on_time, c.completed),
      open: c.open,
      overdue: c.overdue,
      satisfaction: satisfaction.get(null) ?? null,
    },
    trend: trendOf(
      p,
      groups.filter((g) => g.hour).map((g) => ({ hour: g.hour!, n: g.n })),
    ),
    byChannel: CHANNELS.map((key) => ({ key, count: groups.find((g) => g.channel === key)?.n ?? 0 })),
    byKind: KINDS.map((key) => ({ key, count: groups.find((g) => g.kind === key)?.n ?? 0 })),
    byCategory: [...byParent]
      .map(([key, count]) => ({ key, name: category.get(key)?.name ?? key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
    byRegion: counties
      .map((g) => ({ key: g.county!.padEnd(12, '0'), name: countyNames.get(g.county!.padEnd(12, '0')) ?? g.county!, count: g.n }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    topCategories: second.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)).slice(0, 10),
    topWords: topWords(words, 20),
    wordsOver: words.length,
    departments,
    overdue: await overdueTickets(q, scope, params),
    hotIssues: grantsFor(actor, WATCH_ROLES).length ? await listHotIssues(q, actor, p.start, p.end) : [],
  };
}

/** Per hour of the day, or per day of the week, every slot present (an hour without calls is a 0, not a gap). */
function trendOf(p: Period, hours: { hour: Date; n: number }[]): HotlineReport['trend'] {
  const slots = new Map<string, number>(
    p.period === 'day' ? Array.from({ length: 24 }, (_, h) => [hourLabel(p.from, h), 0]) : p.days.map((d) => [d, 0]),
  );
  for (const { hour, n } of hours) {
    const at = cityHour(hour);
    const key = p.period === 'day' ? hourLabel(at.day, at.hour) : at.day;
    if (slots.has(key)) slots.set(key, slots.get(key)! + n);
  }
  return [...slots].map(([at, count]) => ({ at, count }));
}

/**
 * 满意率 of the 回访 recorded in the period, per department and (key null) over all: 满意 and
 * 基本满意 of all results; a department nobody was called back about has none.
 */
async function satisfactionOf(q: Queryable, scope: string, params: unknown[]): Promise<Map<string | null, number | null>> {
  const rows = await q.query<{ department_id: string | null; whole: number; total: number; satisfied: number }>(
    `select b.department_id, grouping(b.department_id)::int as whole, count(*)::int as total,
            count(*) filter (where b.result in ('satisfied', 'basic'))::int as satisfied
       from hotline_callback b join hotline_ticket t on t.id = b.ticket_id
      where b.recorded_at >= $1 and b.recorded_at < $2 and $3::date is not null and ${scope}
      group by grouping sets ((b.department_id), ())`,
    params,
  );
  return new Map(rows.map((r) => [r.whole ? null : r.department_id, rate(r.satisfied, r.total)]));
}

async function departmentFigures(
  q: Queryable,
  scope: string,
  params: unknown[],
  satisfaction: Map<string | null, number | null>,
): Promise<DepartmentFigures[]> {
  const rows = await q.query<{
    department_id: string;
    received: number;
    completed: number;
    on_time: number;
    open: number;
    overdue: number;
  }>(
    `select t.department_id,
            count(*) filter (where t.dispatched_at >= $1 and t.dispatched_at < $2)::int as received,
            count(*) filter (where t.status = 'completed' and t.completed_at >= $1 and t.completed_at < $2)::int as completed,
            count(*) filter (where t.status = 'completed' and t.completed_at >= $1 and t.completed_at < $2 and ${ON_TIME})::int as on_time,
            count(*) filter (where ${WITH_DEPARTMENT} and t.dispatched_at < $2)::int as open,
            count(*) filter (where ${WITH_DEPARTMENT} and t.dispatched_at < $2 and t.due_date < $3::date)::int as overdue
       from hotline_ticket t where t.department_id is not null and ${scope}
      group by t.department_id`,
    params,
  );
  const names = await departmentRefsById(
    q,
    rows.map((r) => r.department_id),
  );
  return rows
    .filter((r) => r.received || r.completed || r.open)
    .map((r) => ({
      departmentId: r.department_id,
      departmentName: names.get(r.department_id)?.name ?? '',
      received: r.received,
      completed: r.completed,
      onTime: r.on_time,
      onTimeRate: rate(r.on_time, r.completed),
      open: r.open,
      overdue: r.overdue,
      satisfaction: satisfaction.get(r.department_id) ?? null,
    }))
    .sort((a, b) => b.received - a.received || a.departmentName.localeCompare(b.departmentName, 'zh-CN'));
}

/** Tickets not finished whose due date has passed (as of today), received by the period's end; the most overdue first. */
async function overdueTickets(q: Queryable, scope: string, params: unknown[]): Promise<OverdueTicket[]> {
  const rows = await q.query<{
    id: string;
    number: string;
    title: string;
    category_name: string;
    status: Status;
    region_code: string;
    department_id: string | null;
    due_date: string;
    days: number;
  }>(
    `select t.id, t.number, t.title, c.name as category_name, t.status, t.region_code, t.department_id, t.due_date::text as due_date,
            ($3::date - t.due_date)::int as days
       from hotline_ticket t left join hotline_category c on c.code = t.category_code
      where ${OPEN} and t.created_at < $2 and t.due_date < $3::date and ${scope} and $1::timestamptz is not null
      order by t.due_date, t.number limit 200`,
    params,
  );
  const names = await departmentRefsById(
    q,
    rows.flatMap((r) => (r.department_id ? [r.department_id] : [])),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    categoryName: r.category_name,
    status: r.status,
    regionCode: r.region_code,
    department: r.department_id ? (names.get(r.department_id)?.name ?? null) : null,
    dueDate: r.due_date,
    daysOverdue: r.days,
  }));
}
