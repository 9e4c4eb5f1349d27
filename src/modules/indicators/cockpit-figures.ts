import type { Actor } from '../../kernel/actor.ts';
import { grantsFor, requireRole } from '../../kernel/auth.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import { forbidden } from '../../kernel/errors.ts';
import { regionLevel, regionPrefix } from '../../kernel/region-code.ts';
import { readCaseIndicators, rollUp, type CaseIndicatorRow } from '../cases/index.ts';
import { licenceStats } from '../license/index.ts';
import { childRegions, departmentRefsById, getRegion } from '../org/index.ts';
import { unitTotals } from '../payment/index.ts';
import { ratingIndicatorInputs, ratingIndicatorsByCounty } from '../ratings/index.ts';
import type { AreaFigures, CockpitArea, CockpitFigures, CockpitQuery } from './schemas.ts';

/** Who reads the cockpit: the region-wide readers of indicators (cases' indicator roles too). */
const COCKPIT_ROLES = ['leader', 'administrator', 'data_officer'] as const;

/** The county an object lies in: its code's first six digits; a city's own departments fall under the city. */
const countyOf = (regionCode: string) => regionCode.slice(0, 6).padEnd(12, '0');

const zero = (): AreaFigures => ({
  casesReceived: 0,
  casesCompleted: 0,
  onTimeRate: null,
  ratingScore: null,
  ratings: 0,
  licencesIssued: 0,
  feesCollectedFen: 0,
});

/**
 * The cockpit's figures per county, live: case volume, completions and on-time rate (cases),
 * 好差评 score (ratings), licences issued (license) and fees collected (payment), each asked of
 * the owning module's contract, never of its tables. Period: Beijing days, by default the year
 * so far. This is the small read model the indicator engine will replace (same route and shape).
 */
export async function cockpitFigures(ctx: AppContext, actor: Actor, query: CockpitQuery): Promise<CockpitFigures> {
  const staff = requireRole(actor, COCKPIT_ROLES);
  // The widest region-wide grant: a grant narrowed to one department reads that department's
  // statistics elsewhere, not a region's cockpit.
  const grant = grantsFor(staff, COCKPIT_ROLES)
    .filter((g) => g.departmentId === null)
    .sort((a, b) => regionLevel(a.regionCode) - regionLevel(b.regionCode))[0];
  if (!grant) throw forbidden({ required: COCKPIT_ROLES, scope: 'region' });
  const today = clock.today();
  const period = { from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
  const region = await getRegion(ctx.db, grant.regionCode);
  const scope = { ...period, regionCode: region.code };

  // Cases first: its contract checks the period (422 REPORT_PERIOD_INVALID) before anything runs.
  const cases = await readCaseIndicators(ctx, staff, scope);
  const [ratingsByCounty, ratingTotals, licences, fees, counties] = await Promise.all([
    ratingIndicatorsByCounty(ctx.db, scope),
    ratingIndicatorInputs(ctx.db, scope),
    licenceStats(ctx, staff, scope),
    unitTotals(ctx.db, staff, period),
    regionLevel(region.code) === 2 ? childRegions(ctx.db, region.code) : Promise.resolve([]),
  ]);
  const departments = await departmentRefsById(ctx.db, [...licences.issued.map((r) => r.departmentId), ...fees.map((r) => r.departmentId)]);
  const countyOfDepartment = (id: string) => {
    const d = departments.get(id);
    return d && d.regionCode.startsWith(regionPrefix(region.code)) ? countyOf(d.regionCode) : null;
  };

  const areas = new Map<string, CockpitArea>();
  const own = countyOf(region.code);
  areas.set(own, { regionCode: own, regionName: region.name, own: true, ...zero() });
  for (const c of counties) areas.set(countyOf(c.code), { regionCode: c.code, regionName: c.name, own: false, ...zero() });
  const area = (key: string | null) => (key ? areas.get(key) : undefined);

  const caseRows = new Map<string, CaseIndicatorRow[]>();
  for (const r of cases.rows) caseRows.set(countyOf(r.regionCode), [...(caseRows.get(countyOf(r.regionCode)) ?? []), r]);
  for (const [key, rows] of caseRows) {
    const a = area(key);
    if (!a) continue;
    const f = rollUp(rows);
    Object.assign(a, { casesReceived: f.received, casesCompleted: f.completed, onTimeRate: f.onTimeRate });
  }
  for (const r of ratingsByCounty) {
    const a = area(countyOf(r.regionCode));
    if (a) Object.assign(a, { ratingScore: r.score, ratings: r.ratings });
  }
  for (const r of licences.issued) {
    const a = area(countyOfDepartment(r.departmentId));
    if (a) a.licencesIssued += r.count;
  }
  for (const r of fees) {
    const a = area(countyOfDepartment(r.departmentId));
    if (a) a.feesCollectedFen += r.paidFen;
  }

  const list = [...areas.values()];
  const sum = (key: 'licencesIssued' | 'feesCollectedFen') => list.reduce((n, a) => n + a[key], 0);
  return {
    ...period,
    regionCode: region.code,
    regionName: region.name,
    totals: {
      casesReceived: cases.totals.received,
      casesCompleted: cases.totals.completed,
      onTimeRate: cases.totals.onTimeRate,
      ratingScore: ratingTotals.score,
      ratings: ratingTotals.ratings,
      licencesIssued: sum('licencesIssued'),
      feesCollectedFen: sum('feesCollectedFen'),
    },
    areas: list,
  };
}
