import type { Actor } from '../../kernel/actor.ts';
import { requireRole, scopeCondition } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';

const STATS_ROLES = ['administrator', 'leader'] as const;
const COUNTED = [
  ['departments', 'department'],
  ['halls', 'hall'],
  ['windows', 'service_window'],
  ['kiosks', 'kiosk'],
  ['staff', 'staff'],
] as const;

/** Counts of the organisation per county, for the cockpit and the indicator engine. */
export async function orgStats(db: Queryable, actor: Actor) {
  requireRole(actor, STATS_ROLES);
  const params: unknown[] = [];
  const scope = scopeCondition(actor, STATS_ROLES, { region: 'region_code' }, params);
  const unions = COUNTED.map(
    ([name, table]) => `select '${name}' as kind, substr(region_code, 1, 6) as county, count(*) as n
                          from ${table} where ${scope} group by 2`,
  ).join(' union all ');
  const rows = await db.query<{ kind: string; county: string; n: number }>(unions, params);
  const countyCodes = [...new Set(rows.map((r) => `${r.county}000000`))];
  const names = countyCodes.length
    ? await db.query<{ code: string; name: string }>('select code, name from region where code = any($1)', [countyCodes])
    : [];
  const nameOf = new Map(names.map((r) => [r.code, r.name]));
  const totals = Object.fromEntries(COUNTED.map(([name]) => [name, 0])) as Record<(typeof COUNTED)[number][0], number>;
  const byCounty = new Map<string, Record<string, number | string>>();
  for (const r of rows) {
    const code = `${r.county}000000`;
    totals[r.kind as keyof typeof totals] += Number(r.n);
    const entry = byCounty.get(code) ?? { regionCode: code, regionName: nameOf.get(code) ?? code, departments: 0, halls: 0, windows: 0, kiosks: 0, staff: 0 };
    entry[r.kind] = Number(r.n);
    byCounty.set(code, entry);
  }
  return { totals, byCounty: [...byCounty.values()].sort((a, b) => String(a.regionCode).localeCompare(String(b.regionCode))) };
}
