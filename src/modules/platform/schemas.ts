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
  source: Type.Enum(['package', 'ics', 'admin']),
});
export type CalendarDay = Static<typeof CalendarDay>;

export const CalendarYear = Type.Object({ year: Type.Integer(), days: Type.Array(CalendarDay) });
export type CalendarYear = Static<typeof CalendarYear>;

export const CalendarDaySet = Type.Object({ kind: DayKind, name: Type.String({ minLength: 1, maxLength: 50 }) }, { additionalProperties: false });
export type CalendarDaySet = Static<typeof CalendarDaySet>;

export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

/** Whether a year's holiday arrangement is confirmed, from where and by whom. */
export const CalendarYearStatus = Type.Object({
  year: Type.Integer(),
  confirmed: Type.Boolean(),
  source: Type.Union([Type.Enum(['package', 'ics', 'admin']), Type.Null()]),
  confirmedBy: Type.Union([Type.String(), Type.Null()]),
  confirmedAt: Type.Union([Type.String(), Type.Null()]),
});
export type CalendarYearStatus = Static<typeof CalendarYearStatus>;

/** The next year's outlook (missing from 1 November while unconfirmed) and the years around today. */
export const CalendarStatus = Type.Object({
  today: Type.String(),
  nextYear: Type.Integer(),
  confirmed: Type.Boolean(),
  reportFrom: Type.String(),
  missing: Type.Boolean(),
  years: Type.Array(CalendarYearStatus),
});
export type CalendarStatus = Static<typeof CalendarStatus>;

/** An ICS file's text (the web page reads the chosen file and sends it as JSON). */
export const CalendarIcsImport = Type.Object({ ics: Type.String({ minLength: 1, maxLength: 500_000 }) }, { additionalProperties: false });
export type CalendarIcsImport = Static<typeof CalendarIcsImport>;

export const CalendarImportResult = Type.Object({
  year: Type.Integer(),
  covered: Type.Boolean(),
  holidays: Type.Integer(),
  workdays: Type.Integer(),
  keptAdmin: Type.Integer(),
  removed: Type.Integer(),
});
export type CalendarImportResult = Static<typeof CalendarImportResult>;
