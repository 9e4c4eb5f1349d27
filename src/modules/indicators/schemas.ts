import { Type, type Static } from 'typebox';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const CockpitQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false });
export type CockpitQuery = Static<typeof CockpitQuery>;

/** One area's figures: each from the contract of the module that owns them. */
export const AreaFigures = Type.Object({
  /** 办件量: cases submitted in the period (cases). */
  casesReceived: Type.Integer(),
  /** 办结量: cases completed in the period (cases). */
  casesCompleted: Type.Integer(),
  /** 按时办结率 %: completed within the promised limit ÷ completed; null without completions (cases). */
  onTimeRate: Type.Union([Type.Number(), Type.Null()]),
  /** 好差评 score out of 10; null without ratings (ratings). */
  ratingScore: Type.Union([Type.Number(), Type.Null()]),
  ratings: Type.Integer(),
  /** 发证量: licences issued in the period (license). */
  licencesIssued: Type.Integer(),
  /** 非税收入: fees paid in the period, fen (payment). */
  feesCollectedFen: Type.Integer(),
  /** 12345 (hotline, `hotlineRates`), each % with null when there is nothing to count: */
  /** tickets finished in the period (办结, or answered at intake) */
  hotlineFinished: Type.Integer(),
  /** 按时办结率: completed by the (extended) due date ÷ completed */
  hotlineOnTimeRate: Type.Union([Type.Number(), Type.Null()]),
  /** 满意率: 回访 results 满意 or 基本满意 ÷ 回访 results of the period */
  hotlineSatisfactionRate: Type.Union([Type.Number(), Type.Null()]),
  /** 回访率: completed and called back (or answered the SMS survey) ÷ completed */
  hotlineCallbackRate: Type.Union([Type.Number(), Type.Null()]),
  /** 一次办结率: finished never returned nor reopened ÷ finished */
  hotlineFirstTimeRate: Type.Union([Type.Number(), Type.Null()]),
});
export type AreaFigures = Static<typeof AreaFigures>;

export const CockpitArea = Type.Intersect([
  Type.Object({
    regionCode: Type.String(),
    regionName: Type.String(),
    /** The region's own departments (市本级), as opposed to a county under it. */
    own: Type.Boolean(),
  }),
  AreaFigures,
]);
export type CockpitArea = Static<typeof CockpitArea>;

export const CockpitFigures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  regionCode: Type.String(),
  regionName: Type.String(),
  totals: AreaFigures,
  areas: Type.Array(CockpitArea),
});
export type CockpitFigures = Static<typeof CockpitFigures>;
