import type { Actor } from '../../kernel/actor.ts';
import { requireRole, scopeCondition } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import type { OrgStats } from './schemas.ts';

const STATS_ROLES = ['administrator', 'leader'] as const;
const COUNTED = [
  ['departments', 'department'],
  ['halls', 'hall'],
  ['windows', 'service_window'],
  ['kiosks', 'kiosk'],
  ['staff', 'staff'],
] as const;

type Kind = (typeof COUNTED)[number][0];
type CountyCounts = OrgStats['byCounty'][number];

/** Counts of the organisation per county, for the cockpit and the indicator engine. */
export async function orgStats(db: Queryable, actor: Actor): Promise<OrgStats> {
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
  const zero = () => Object.fromEntries(COUNTED.map(([name]) => [name, 0])) as Record<Kind, number>;
  const totals = zero();
  const byCounty = new Map<string, CountyCounts>();
  for (const r of rows) {
    const code = `${r.county}000000`;
    const kind = r.kind as Kind;
    totals[kind] += Number(r.n);
    const entry = byCounty.get(code) ?? { regionCode: code, regionName: nameOf.get(code) ?? code, ...zero() };
    entry[kind] = Number(r.n);
    byCounty.set(code, entry);
  }
  return { totals, byCounty: [...byCounty.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)) };
}
