import type { Queryable } from '../../kernel/db/index.ts';
import { grouped, groupedBy, totals, type Figures } from './figures.ts';

export interface RatingIndicatorInputs {
  ratings: number;
  valid: number;
  /** 好评 (满意: levels 3–5) and 差评 (levels 1–2) among the valid ratings. */
  satisfied: number;
  bad: number;
  /** rating_score: mean rating on the 10-point scale; null without ratings. */
  score: number | null;
  /** 好评率 (满意率: levels 3–5 of valid ratings). */
  satisfactionRate: number | null;
  badRate: number | null;
  /** 差评整改率: bad-rating tasks answered ÷ bad-rating tasks. */
  rectificationRate: number | null;
  /** 按时整改率. */
  onTimeRate: number | null;
}

/**
 * Inputs of the indicator engine (INDICATORS.md rating_score, 好评率, 差评整改率) for a region,
 * optionally a department, over Beijing days `from`–`to` inclusive. No actor: the indicators
 * module decides who sees the figures; this only reads the ratings module's own tables.
 */
export async function ratingIndicatorInputs(db: Queryable, q: { regionCode: string; from: string; to: string; departmentId?: string }): Promise<RatingIndicatorInputs> {
  return inputsOf(await totals(db, { regionCode: q.regionCode, ...dayRange(q), departmentId: q.departmentId }));
}

/**
 * The same per county (行政区划 code of its first six digits, padded; a city's own departments
 * come under the city's code), for the cockpit's per-county figures.
 */
export async function ratingIndicatorsByCounty(
  db: Queryable,
  q: { regionCode: string; from: string; to: string },
): Promise<Array<RatingIndicatorInputs & { regionCode: string }>> {
  const groups = await grouped(db, { regionCode: q.regionCode, ...dayRange(q) }, 'region');
  return groups.map((g) => ({ regionCode: String(g.key), ...inputsOf(g) }));
}

/**
 * The same per county and department (the rated department, by id, with its name as rated),
 * over every region: the platform's monthly 好差评 results published as open data.
 */
export async function ratingIndicatorsByCountyAndDepartment(
  db: Queryable,
  q: { from: string; to: string },
): Promise<Array<RatingIndicatorInputs & { regionCode: string; departmentId: string; departmentName: string }>> {
  const groups = await groupedBy(db, dayRange(q), ['region', 'department']);
  return groups.map((g) => ({ regionCode: String(g.keys[0]), departmentId: String(g.keys[1]), departmentName: g.names[1] ?? '', ...inputsOf(g) }));
}

/** Beijing days `from`–`to`, both included, as instants. */
const dayRange = (q: { from: string; to: string }) => ({
  from: new Date(`${q.from}T00:00:00+08:00`),
  to: new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000),
});

function inputsOf(f: Figures): RatingIndicatorInputs {
  return {
    ratings: f.total,
    valid: f.valid,
    satisfied: f.valid - f.bad,
    bad: f.bad,
    score: f.score,
    satisfactionRate: f.satisfactionRate,
    badRate: f.badRate,
    rectificationRate: f.tasks ? Math.round((f.replied / f.tasks) * 10000) / 10000 : null,
    onTimeRate: f.onTimeRate,
  };
}
