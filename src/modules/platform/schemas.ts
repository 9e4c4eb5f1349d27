import { Type, type Static } from 'typebox';

const DayKind = Type.Union([Type.Literal('holiday'), Type.Literal('workday')]);

export const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' });
export const DayParams = Type.Object({ day: Day });

/** What any visitor may know about this installation: the city it serves and its languages. */
export const NodeConfig = Type.Object({
  city: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  languages: Type.Array(Type.String()),
});
export type NodeConfig = Static<typeof NodeConfig>;

/** One exception to the working week: from the holiday package, or set by an administrator. */
export const CalendarDay = Type.Object({
  day: Type.String(),
  kind: DayKind,
  name: Type.String(),
  source: Type.Enum(['package', 'admin']),
});
export type CalendarDay = Static<typeof CalendarDay>;

export const CalendarYear = Type.Object({ year: Type.Integer(), days: Type.Array(CalendarDay) });
export type CalendarYear = Static<typeof CalendarYear>;

export const CalendarDaySet = Type.Object({ kind: DayKind, name: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false });
export type CalendarDaySet = Static<typeof CalendarDaySet>;
