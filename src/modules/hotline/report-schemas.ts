import { Type, type Static } from 'typebox';
import { CHANNELS, KINDS, STATUSES } from './vocab.ts';

// The hotline's supervision API: hot issues (bursts per category, place and hour), their
// thresholds, and the daily and weekly reports (JSON, or a workbook with ?format=xlsx).

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' });

export const PeriodQuery = Type.Object(
  {
    period: Type.Optional(Type.Enum(['day', 'week'] as const, { default: 'day' })),
    /** any day of the period (the week is Monday to Sunday); today when left out */
    date: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type PeriodQuery = Static<typeof PeriodQuery>;
export const ReportQuery = Type.Object(
  { ...PeriodQuery.properties, format: Type.Optional(Type.Enum(['json', 'xlsx'] as const)) },
  { additionalProperties: false },
);
export type ReportQuery = Static<typeof ReportQuery>;

export const HotIssue = Type.Object({
  id: Type.String(),
  categoryCode: Type.String(),
  categoryName: Type.String(),
  /** 2: a second-level category; 1: a first-level one (all its children together) */
  level: Type.Union([Type.Literal(1), Type.Literal(2)]),
  regionCode: Type.String(),
  regionName: Type.String(),
  /** the clock hour the burst fell in (its start, UTC ISO) */
  hour: Type.String(),
  threshold: Type.Integer(),
  /** tickets in that hour so far (at least the threshold) */
  tickets: Type.Integer(),
  flaggedAt: Type.String(),
  words: Type.Array(Type.String()),
});
export type HotIssue = Static<typeof HotIssue>;
export const HotIssueList = Type.Object({ from: Type.String(), to: Type.String(), items: Type.Array(HotIssue) });
export type HotIssueList = Static<typeof HotIssueList>;

/** Tickets in one clock hour that make a burst: of one second-level category, and of one first-level category, in one region. */
export const HotThresholds = Type.Object(
  { category: Type.Integer({ minimum: 2, maximum: 100000 }), parentCategory: Type.Integer({ minimum: 2, maximum: 100000 }) },
  { additionalProperties: false },
);
export type HotThresholds = Static<typeof HotThresholds>;

const Count = Type.Object({ key: Type.String(), name: Type.String(), count: Type.Integer() });
/** A share in [0, 1], null when there is nothing to divide by. */
const Rate = Nullable(Type.Number());

export const DepartmentFigures = Type.Object({
  departmentId: Type.String(),
  departmentName: Type.String(),
  /** dispatched to the department in the period */
  received: Type.Integer(),
  /** finished (办结) by the department in the period */
  completed: Type.Integer(),
  /** of those, finished on or before their due date */
  onTime: Type.Integer(),
  onTimeRate: Rate,
  /** still with the department now (dispatched or accepted), received by the period's end */
  open: Type.Integer(),
  /** of those, past their due date today */
  overdue: Type.Integer(),
  /** 满意率 from the 回访 — not measured yet: always null until the call-backs feed it */
  satisfaction: Rate,
});
export type DepartmentFigures = Static<typeof DepartmentFigures>;

export const OverdueTicket = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  categoryName: Type.String(),
  status: Type.Enum(STATUSES),
  regionCode: Type.String(),
  department: Nullable(Type.String()),
  dueDate: Type.String(),
  daysOverdue: Type.Integer(),
});
export type OverdueTicket = Static<typeof OverdueTicket>;

export const HotlineReport = Type.Object({
  period: Type.Enum(['day', 'week'] as const),
  from: Type.String(),
  to: Type.String(),
  totals: Type.Object({
    received: Type.Integer(),
    /** answered at intake (直接答复, 一次办结) */
    answeredAtIntake: Type.Integer(),
    dispatched: Type.Integer(),
    completed: Type.Integer(),
    onTime: Type.Integer(),
    onTimeRate: Rate,
    open: Type.Integer(),
    overdue: Type.Integer(),
    satisfaction: Rate,
  }),
  /** tickets received per hour (a day) or per day (a week) */
  trend: Type.Array(Type.Object({ at: Type.String(), count: Type.Integer() })),
  byChannel: Type.Array(Type.Object({ key: Type.Enum(CHANNELS), count: Type.Integer() })),
  byKind: Type.Array(Type.Object({ key: Type.Enum(KINDS), count: Type.Integer() })),
  /** first-level categories */
  byCategory: Type.Array(Count),
  /** counties (the city's own matters under the city) */
  byRegion: Type.Array(Count),
  /** second-level categories, most frequent first */
  topCategories: Type.Array(Count),
  topWords: Type.Array(Type.Object({ word: Type.String(), count: Type.Integer() })),
  /** how many of the period's tickets the words were counted over (the latest ones) */
  wordsOver: Type.Integer(),
  departments: Type.Array(DepartmentFigures),
  overdue: Type.Array(OverdueTicket),
  hotIssues: Type.Array(HotIssue),
});
export type HotlineReport = Static<typeof HotlineReport>;

/** The report as an .xlsx file (`?format=xlsx`): bytes, sent as they are. */
export const Workbook = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });
