import type { Actor } from '../../kernel/actor.ts';
import { grantsFor, requireRole } from '../../kernel/auth.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import { forbidden } from '../../kernel/errors.ts';
import { regionLevel, regionPrefix } from '../../kernel/region-code.ts';
import { readCaseIndicators, rollUp, type CaseIndicatorRow } from '../cases/index.ts';
import { licenceStats } from '../license/index.ts';
import { hotlineRates, type HotlineRates, type RatePart } from '../hotline/index.ts';
import { childRegions, departmentRefsById, getRegion } from '../org/index.ts';
import { unitTotals } from '../payment/index.ts';
import { ratingIndicatorInputs, ratingIndicatorsByCounty } from '../ratings/index.ts';
import type { AreaFigures, CockpitArea, CockpitFigures, CockpitQuery } from './schemas.ts';

/** Who reads the cockpit: the region-wide readers of indicators (cases' indicator roles too). */
const COCKPIT_ROLES = ['leader', 'administrator', 'data_officer'] as const;

/** The instant a day begins in the city (Asia/Shanghai, no daylight saving). */
const cityMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

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
  ...hotlineFigures(undefined),
});

const percent = (p: RatePart) => (p.denominator ? Math.round((p.numerator / p.denominator) * 10_000) / 100 : null);
/** The 12345 rates as the cockpit shows them (%), from the hotline's numerators and denominators. */
function hotlineFigures(r: HotlineRates | undefined) {
  const none = { numerator: 0, denominator: 0 };
  return {
    hotlineFinished: r?.firstTime.denominator ?? 0,
    hotlineOnTimeRate: percent(r?.onTime ?? none),
    hotlineSatisfactionRate: percent(r?.satisfied ?? none),
    hotlineCallbackRate: percent(r?.calledBack ?? none),
    hotlineFirstTimeRate: percent(r?.firstTime ?? none),
  };
}
/** The city's own (市本级) 12345 figures: the whole region's less its counties'. */
function less(whole: HotlineRates, parts: HotlineRates[]): HotlineRates {
  const minus = (key: keyof HotlineRates) => ({
    numerator: whole[key].numerator - parts.reduce((n, p) => n + p[key].numerator, 0),
    denominator: whole[key].denominator - parts.reduce((n, p) => n + p[key].denominator, 0),
  });
  return { onTime: minus('onTime'), satisfied: minus('satisfied'), calledBack: minus('calledBack'), firstTime: minus('firstTime') };
}

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
  // 12345 by the ticket's place: the region's subtree, each county's, and the rest is the city's own
  const instants = { from: cityMidnight(period.from), to: cityMidnight(nextDay(period.to)) };
  const hotlineWhole = await hotlineRates(ctx.db, { ...instants, regionCode: region.code });
  const hotlineCounties = new Map<string, HotlineRates>();
  for (const c of counties) hotlineCounties.set(countyOf(c.code), await hotlineRates(ctx.db, { ...instants, regionCode: c.code }));
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

  for (const [key, rates] of hotlineCounties) Object.assign(areas.get(key)!, hotlineFigures(rates));
  Object.assign(areas.get(own)!, hotlineFigures(counties.length ? less(hotlineWhole, [...hotlineCounties.values()]) : hotlineWhole));

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
      ...hotlineFigures(hotlineWhole),
    },
    areas: list,
  };
}
