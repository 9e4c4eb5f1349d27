import { Type, type Static } from 'typebox';
import { Open, Str } from '../schema-parts.ts';

/** What staff read about cases in bulk: the figures of 部门统计 and of the indicator inputs. */
const Rate = Type.Union([Type.Number(), Type.Null()]);

/** The figures of one group (or of everything selected). Rates are % (0–100), null without a denominator. */
export const CaseFigures = Type.Object(
  {
    /** submitted (申报) in the period */
    received: Type.Integer(),
    /** accepted (受理, including 即办 completed at acceptance) in the period */
    accepted: Type.Integer(),
    /** completed (办结, approved or not) in the period */
    completed: Type.Integer(),
    /** not accepted (不予受理) in the period */
    refused: Type.Integer(),
    /** of the completed: within the promised limit */
    onTime: Type.Integer(),
    /** of the completed: 即办 cases */
    immediate: Type.Integer(),
    /** of the completed: past the promised limit */
    overdueCompleted: Type.Integer(),
    /** still open at the end of the period (or today, if earlier) and past the promised limit */
    overdueOpen: Type.Integer(),
    onTimeRate: Rate,
    immediateRate: Rate,
    /** mean working days from submission to completion, correction pauses left out */
    avgWorkingDays: Rate,
    /** mean calendar days from submission to completion */
    avgNaturalDays: Rate,
    /** the sums behind the means, so groups can be rolled up (rollUp) without rounding drift */
    sumWorkingDays: Type.Number(),
    sumNaturalDays: Type.Number(),
  },
  Open,
);
export type CaseFigures = Static<typeof CaseFigures>;

/** 部门统计: the figures of the period, per item and per month. */
export const DepartmentStats = Type.Object(
  {
    from: Str,
    to: Str,
    departmentId: Type.Union([Str, Type.Null()]),
    totals: CaseFigures,
    byItem: Type.Array(Type.Object({ ...CaseFigures.properties, itemId: Str, itemCode: Str, itemName: Str }, Open)),
    byMonth: Type.Array(Type.Object({ ...CaseFigures.properties, period: Str }, Open)),
  },
  Open,
);
export type DepartmentStats = Static<typeof DepartmentStats>;
