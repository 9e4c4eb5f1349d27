import type { Actor } from '../../../kernel/actor.ts';
import { requireRole, scopeCondition } from '../../../kernel/auth.ts';
import { loadCalendar, type WorkingCalendar } from '../../../kernel/calendar/index.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { unprocessable } from '../../../kernel/errors.ts';
import { UUID_PATTERN } from '../../../kernel/ids.ts';
import { regionPrefix, REGION_CODE_PATTERN } from '../../../kernel/region-code.ts';
import { today } from '../workflow/clocks.ts';
import { periodBounds, type Period } from './period.ts';
import type { CaseFigures } from './schemas.ts';

export interface CaseIndicatorQuery extends Period {
  regionCode?: string;
  departmentId?: string;
  itemId?: string;
}

export type { CaseFigures };

export interface CaseIndicatorRow extends CaseFigures {
  regionCode: string;
  departmentId: string;
  itemId: string;
  itemCode: string;
  itemName: string;
  /** 'YYYY-MM' (Asia/Shanghai) of the event counted: submission, acceptance, completion */
  period: string;
}

export interface CaseIndicatorValue {
  key: 'on_time_rate' | 'immediate_rate';
  numerator: number;
  denominator: number;
  value: number | null;
  unit: '%';
}

export interface CaseIndicatorInputs {
  from: string;
  to: string;
  regionCode: string | null;
  departmentId: string | null;
  itemId: string | null;
  indicators: CaseIndicatorValue[];
  totals: CaseFigures;
  /** per region, department, item and month; only groups with something to count */
  rows: CaseIndicatorRow[];
}

/** The sums a group collects; rates and means are derived from them at the end. */
const SUMS = ['received', 'accepted', 'completed', 'refused', 'onTime', 'immediate', 'overdueCompleted', 'overdueOpen', 'sumWorkingDays', 'sumNaturalDays'] as const;
type Acc = Pick<CaseFigures, (typeof SUMS)[number]>;
const emptyAcc = (): Acc => Object.fromEntries(SUMS.map((k) => [k, 0])) as Acc;

const round2 = (n: number) => Math.round(n * 100) / 100;
const pct = (num: number, den: number) => (den ? round2((100 * num) / den) : null);

function figures(a: Acc): CaseFigures {
  return {
    ...a,
    onTimeRate: pct(a.onTime, a.completed),
    immediateRate: pct(a.immediate, a.completed),
    avgWorkingDays: a.completed ? round2(a.sumWorkingDays / a.completed) : null,
    avgNaturalDays: a.completed ? round2(a.sumNaturalDays / a.completed) : null,
  };
}

/** The figures of several groups together (e.g. an item over all months). */
export function rollUp(groups: readonly CaseFigures[]): CaseFigures {
  const a = emptyAcc();
  for (const g of groups) for (const k of SUMS) a[k] += g[k];
  return figures(a);
}

/** An extra SQL condition on `c` (the caller's scope); appends its parameters. */
export type ScopeSql = (params: unknown[]) => string;

function checkFilters(q: CaseIndicatorQuery): void {
  if (q.regionCode !== undefined && !new RegExp(REGION_CODE_PATTERN).test(q.regionCode)) throw unprocessable('REPORT_FILTER_INVALID', { field: 'regionCode' }, { field: 'regionCode' });
  for (const field of ['departmentId', 'itemId'] as const) {
    const v = q[field];
    if (v !== undefined && !new RegExp(UUID_PATTERN).test(v)) throw unprocessable('REPORT_FILTER_INVALID', { field }, { field });
  }
}

/** The WHERE fragment shared by every measure: filters and scope. Appends to params. */
function filterSql(q: CaseIndicatorQuery, params: unknown[], scope?: ScopeSql): string {
  const parts: string[] = [];
  if (q.regionCode) {
    params.push(`${regionPrefix(q.regionCode)}%`);
    parts.push(`c.region_code like $${params.length}`);
  }
  if (q.departmentId) {
    params.push(q.departmentId);
    parts.push(`c.department_id = $${params.length}`);
  }
  if (q.itemId) {
    params.push(q.itemId);
    parts.push(`c.item_id = $${params.length}`);
  }
  if (scope) parts.push(scope(params));
  return parts.length ? ` and ${parts.join(' and ')}` : '';
}

const month = (col: string) => `to_char(${col} at time zone 'Asia/Shanghai', 'YYYY-MM')`;
const GROUP_COLUMNS = `c.region_code, c.department_id, c.item_id, max(c.item_code) as item_code, max(c.item_name) as item_name`;

interface GroupRow {
  region_code: string;
  department_id: string;
  item_id: string;
  item_code: string;
  item_name: string;
  period: string;
  [k: string]: unknown;
}

/**
 * What cases contribute to the indicators (INDICATORS.md: on_time_rate 按时办结率, immediate_rate
 * 即办比例 weighted by cases, volumes, durations, overdue counts), per region, department, item
 * and month, plus the totals. No actor: the caller decides who sees the figures (the department
 * statistics route passes the caller's scope). Each volume counts its own event in the period:
 * received by submission, accepted by acceptance, completed and refused by their end.
 */
export async function caseIndicatorInputs(db: Queryable, query: CaseIndicatorQuery, scope?: ScopeSql): Promise<CaseIndicatorInputs> {
  checkFilters(query);
  const { start, end } = periodBounds(query);
  const groups = new Map<string, { key: Omit<CaseIndicatorRow, keyof CaseFigures>; acc: Acc }>();
  const accFor = (r: GroupRow) => {
    const k = `${r.region_code}|${r.department_id}|${r.item_id}|${r.period}`;
    let g = groups.get(k);
    if (!g) {
      g = { key: { regionCode: r.region_code, departmentId: r.department_id, itemId: r.item_id, itemCode: r.item_code, itemName: r.item_name, period: r.period }, acc: emptyAcc() };
      groups.set(k, g);
    }
    return g.acc;
  };

  // Volumes: one branch per measure, each on its own date column (and index).
  let params: unknown[] = [start, end];
  const f = filterSql(query, params, scope);
  const volumes = await db.query<GroupRow & { measure: 'received' | 'accepted' | 'refused'; n: number }>(
    `select ${GROUP_COLUMNS}, ${month('c.submitted_at')} as period, 'received' as measure, count(*)::int as n
       from case_record c where c.submitted_at >= $1 and c.submitted_at < $2${f} group by 1, 2, 3, 6
     union all
     select ${GROUP_COLUMNS}, ${month('c.accepted_at')}, 'accepted', count(*)::int
       from case_record c where c.accepted_at >= $1 and c.accepted_at < $2${f} group by 1, 2, 3, 6
     union all
     select ${GROUP_COLUMNS}, ${month('c.completed_at')}, 'refused', count(*)::int
       from case_record c where c.status = 'refused' and c.completed_at >= $1 and c.completed_at < $2${f} group by 1, 2, 3, 6`,
    params,
  );
  for (const r of volumes) accFor(r)[r.measure] += r.n;

  // Completions: grouped by start and end day so durations are counted on the working calendar.
  params = [start, end];
  const done = await db.query<GroupRow & { start_day: string; end_day: string; paused_days: number; n: number; on_time: number; immediate: number; overdue: number }>(
    `select ${GROUP_COLUMNS}, ${month('c.completed_at')} as period,
            to_char(coalesce(c.clock_start, (c.submitted_at at time zone 'Asia/Shanghai')::date), 'YYYY-MM-DD') as start_day,
            to_char((c.completed_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as end_day,
            c.paused_days, count(*)::int as n, count(*) filter (where not c.overdue)::int as on_time,
            count(*) filter (where c.case_type = 'immediate')::int as immediate, count(*) filter (where c.overdue)::int as overdue
       from case_record c
      where c.status = 'completed' and c.completed_at >= $1 and c.completed_at < $2${filterSql(query, params, scope)}
      group by 1, 2, 3, 6, 7, 8, 9`,
    params,
  );
  const cal = await calendarCovering(db, done);
  for (const r of done) {
    const a = accFor(r);
    a.completed += r.n;
    a.onTime += r.on_time;
    a.immediate += r.immediate;
    a.overdueCompleted += r.overdue;
    a.sumWorkingDays += r.n * Math.max(0, cal.workingDaysBetween(r.start_day, r.end_day) - r.paused_days);
    a.sumNaturalDays += r.n * naturalDays(r.start_day, r.end_day);
  }

  // Open and overdue at the end of the period (or today when the period runs on): counted in the last month.
  const asOf = [query.to, today()].sort()[0]!;
  params = [end, asOf, asOf.slice(0, 7)];
  const open = await db.query<GroupRow & { n: number }>(
    `select ${GROUP_COLUMNS}, $3::text as period, count(*)::int as n
       from case_record c
      where c.submitted_at < $1 and (c.completed_at is null or c.completed_at >= $1) and c.status not in ('draft', 'correction')
        and c.case_type = 'promised' and c.promised_due < $2::date${filterSql(query, params, scope)}
      group by 1, 2, 3`,
    params,
  );
  for (const r of open) accFor(r).overdueOpen += r.n;

  const rows = [...groups.values()]
    .sort((x, y) => x.key.period.localeCompare(y.key.period) || x.key.regionCode.localeCompare(y.key.regionCode) || x.key.itemCode.localeCompare(y.key.itemCode))
    .map(({ key, acc }) => ({ ...key, ...figures(acc) }));
  const totals = rollUp(rows);
  return {
    from: query.from,
    to: query.to,
    regionCode: query.regionCode ?? null,
    departmentId: query.departmentId ?? null,
    itemId: query.itemId ?? null,
    indicators: [
      { key: 'on_time_rate', numerator: totals.onTime, denominator: totals.completed, value: totals.onTimeRate, unit: '%' },
      { key: 'immediate_rate', numerator: totals.immediate, denominator: totals.completed, value: totals.immediateRate, unit: '%' },
    ],
    totals,
    rows,
  };
}

const naturalDays = (a: string, b: string) => Math.max(0, Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000));

/** The working calendar for every year a duration of these rows touches. */
async function calendarCovering(db: Queryable, rows: { start_day: string; end_day: string }[]): Promise<WorkingCalendar> {
  const years = rows.flatMap((r) => [Number(r.start_day.slice(0, 4)), Number(r.end_day.slice(0, 4))]);
  const now = Number(today().slice(0, 4));
  return loadCalendar(db, Math.min(now, ...years), Math.max(now, ...years));
}

/** Indicator inputs are city figures: the roles that read indicators, within their region. */
const INDICATOR_ROLES = ['administrator', 'data_officer', 'leader'] as const;

/** The indicator inputs of the cases the reader's grants cover. */
export function readCaseIndicators(ctx: AppContext, actor: Actor, query: CaseIndicatorQuery): Promise<CaseIndicatorInputs> {
  const staff = requireRole(actor, INDICATOR_ROLES);
  return caseIndicatorInputs(ctx.db, query, (params) => scopeCondition(staff, INDICATOR_ROLES, { region: 'c.region_code', department: 'c.department_id' }, params));
}
