import { api } from './client.ts';
import type { CalendarDay, CalendarDaySet, CalendarImportResult, CalendarStatus, CalendarYear, CalendarYearStatus } from './types.ts';

export const getCalendar = (year: number) => api.get<CalendarYear>('/api/calendar', { year });
export const putCalendarDay = (day: string, body: CalendarDaySet) =>
  api.put<CalendarDay>(`/api/calendar/days/${day}`, body);
export const deleteCalendarDay = (day: string) => api.delete(`/api/calendar/days/${day}`);
export const getCalendarStatus = () => api.get<CalendarStatus>('/api/calendar/status');
export const importCalendarIcs = (year: number, ics: string) => api.post<CalendarImportResult>(`/api/calendar/years/${year}/ics`, { ics });
export const confirmCalendarYear = (year: number) => api.post<CalendarYearStatus>(`/api/calendar/years/${year}/confirm`, {});
