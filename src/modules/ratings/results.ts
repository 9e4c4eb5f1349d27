import type { Actor, Role } from '../../kernel/actor.ts';
import { requireRole, scopeCondition } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors.ts';
import { getRegion, regionExists } from '../org/index.ts';
import { tagName } from './dictionary.ts';
import { hotlineFigures } from './hotline-callbacks.ts';
import { grouped, monthRange, mostBad, tagCounts, totals, type Filter, type GroupBy, type Scope } from './figures.ts';
import type { RatingReport } from './schemas.ts';

/** Who reads results: the data bureau, leaders, and department administrators for their department. */
export const RESULT_ROLES: readonly Role[] = ['administrator', 'leader', 'data_officer', 'department_admin'];

export interface ResultQuery {
  month: string;
  regionCode: string;
  by: GroupBy;
  departmentId?: string;
  itemId?: string;
  hallId?: string;
}

/** The scope of the actor's result roles, numbered after the three fixed filter parameters. */
function resultScope(actor: Actor): Scope {
  const params: unknown[] = [null, null, null];
  const sql = scopeCondition(actor, RESULT_ROLES, { region: 'r.region_code', department: 'r.department_id' }, params);
  return { sql, params: params.slice(3) };
}

async function withRegionNames<T extends { key: string | null; name: string | null }>(q: Queryable, by: GroupBy, groups: T[]): Promise<T[]> {
  if (by !== 'region') return groups;
  for (const g of groups) if (g.key) g.name = (await regionExists(q, g.key)) ? (await getRegion(q, g.key)).name : g.key;
  return groups;
}

async function report(q: Queryable, query: ResultQuery, scope: Scope | undefined, withStaff: boolean): Promise<RatingReport> {
  const f: Filter = { regionCode: query.regionCode, ...monthRange(query.month), departmentId: query.departmentId, itemId: query.itemId, hallId: query.hallId };
  const by: GroupBy = query.by === 'staff' && !withStaff ? 'department' : query.by;
  const [summary, groups, departments, items, tags, hotline] = await Promise.all([
    totals(q, f, scope),
    grouped(q, f, by, scope),
    grouped(q, f, 'department', scope),
    grouped(q, f, 'item', scope),
    tagCounts(q, f, scope),
    hotlineFigures(q, f, by, scope),
  ]);
  return {
    month: query.month,
    regionCode: query.regionCode,
    by,
    summary,
    groups: await withRegionNames(q, by, groups),
    rankings: { departments: mostBad(departments), items: mostBad(items) },
    tags: tags.map((t) => ({ ...t, name: tagName(t.code) })),
    hotline: { ...hotline, groups: await withRegionNames(q, by, hotline.groups) },
  };
}

/** Results for staff, limited to the regions and departments their result roles cover. */
export async function ratingResults(q: Queryable, actor: Actor, query: ResultQuery): Promise<RatingReport> {
  requireRole(actor, RESULT_ROLES);
  return report(q, query, resultScope(actor), true);
}

/**
 * The public monthly page: figures by department and item, rankings and tags. No rater, no
 * comment, no staff member: nothing personal leaves through it.
 */
export async function publicMonthly(q: Queryable, query: { month: string; regionCode: string }): Promise<RatingReport> {
  if (!(await regionExists(q, query.regionCode))) throw notFound('region', query.regionCode);
  return report(q, { ...query, by: 'department' }, undefined, false);
}
