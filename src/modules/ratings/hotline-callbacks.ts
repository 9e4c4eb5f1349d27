import type { Queryable } from '../../kernel/db/index.ts';
import { on, type Subscription } from '../../kernel/events/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { CALLBACK_RECORDED } from '../hotline/index.ts';
import { departmentRefsById } from '../org/index.ts';
import type { Filter, Scope } from './figures.ts';
import type { GroupBy, HotlineFigures, HotlineGroup } from './schemas.ts';

/**
 * `hotline.callback_recorded`: a 12345 回访 result becomes a row of the ratings' 12345 channel,
 * once per ticket and round (a redelivered event inserts nothing).
 */
export function hotlineCallbackHandler(): Subscription {
  return on(CALLBACK_RECORDED, async (event, tx) => {
    const e = event.payload;
    const department = (await departmentRefsById(tx, [e.departmentId])).get(e.departmentId);
    await tx.query(
      `insert into rating_hotline_callback (ticket_id, round, ticket_number, department_id, department_name, region_code, result, channel, rated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
      [e.ticketId, e.round, e.number, e.departmentId, department?.name ?? '', e.regionCode, e.result, e.channel, e.at],
    );
  });
}

const AGGREGATES = `count(*)::int as total,
  count(*) filter (where r.result = 'satisfied')::int as satisfied,
  count(*) filter (where r.result = 'basic')::int as basic,
  count(*) filter (where r.result = 'unsatisfied')::int as unsatisfied`;

function figuresOf(row: Record<string, unknown> | undefined): HotlineFigures {
  const n = (k: string) => Number(row?.[k] ?? 0);
  const total = n('total');
  return {
    total,
    satisfied: n('satisfied'),
    basic: n('basic'),
    unsatisfied: n('unsatisfied'),
    // 12345 满意率: 满意 + 基本满意 ÷ results
    satisfactionRate: total ? Math.round(((n('satisfied') + n('basic')) / total) * 10000) / 10000 : null,
  };
}

/**
 * The 12345 channel's figures of a period next to the 好差评 ones: the summary and the groups by
 * department, or by county when the report groups by region. Items, halls and windows do not
 * apply to a 12345 ticket: filtered by one of them, there is nothing of the hotline to show.
 */
export async function hotlineFigures(
  q: Queryable,
  f: Filter,
  by: GroupBy,
  scope?: Scope,
): Promise<{ summary: HotlineFigures; groups: HotlineGroup[] }> {
  if (f.itemId || f.hallId) return { summary: figuresOf(undefined), groups: [] };
  const params: unknown[] = [`${f.regionCode ? regionPrefix(f.regionCode) : ''}%`, f.from, f.to, ...(scope?.params ?? [])];
  const where = ['r.region_code like $1', 'r.rated_at >= $2', 'r.rated_at < $3'];
  if (scope) where.push(scope.sql);
  if (f.departmentId) where.push(`r.department_id = $${params.push(f.departmentId)}`);
  const key = by === 'region' ? `rpad(substr(r.region_code, 1, 6), 12, '0')` : 'r.department_id::text';
  const name = by === 'region' ? key : 'r.department_name';
  const sql = where.join(' and ');
  const summary = await q.one<Record<string, unknown>>(
    `select ${AGGREGATES} from rating_hotline_callback r where ${sql}`,
    params,
  );
  const rows = await q.query<Record<string, unknown>>(
    `select ${key} as key, max(${name}) as name, ${AGGREGATES} from rating_hotline_callback r where ${sql} group by ${key} order by ${key}`,
    params,
  );
  return {
    summary: figuresOf(summary),
    groups: rows.map((r) => ({ key: r.key as string, name: r.name as string, ...figuresOf(r) })),
  };
}
