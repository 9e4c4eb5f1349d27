export { createCalendar } from './calendar.ts';
export type { CalendarException, DayKind, WorkingCalendar } from './calendar.ts';
export { parseHolidayIcs, type IcsDay } from './ics.ts';
export { isCalendarDay, shanghaiDate } from './shanghai.ts';
export { importIcsIn, importYear, importYearIn, listYear, loadCalendar, packageExceptions, removeDay, setDay } from './store.ts';
export type { CalendarDay, ImportResult } from './store.ts';
export { calendarOutlook, claimMissingYearReport, markYearConfirmed, unconfirmedYears, yearStatuses } from './years.ts';
export type { CalendarOutlook, CalendarYearStatus, YearSource } from './years.ts';
