export { createCalendar } from './calendar.ts';
export type { CalendarException, DayKind, WorkingCalendar } from './calendar.ts';
export { isCalendarDay, shanghaiDate } from './shanghai.ts';
export { importYear, listYear, loadCalendar, packageExceptions, removeDay, setDay } from './store.ts';
export type { CalendarDay, ImportResult } from './store.ts';
