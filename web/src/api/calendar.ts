import { api } from './client.ts';
import type { CalendarDay, CalendarDaySet, CalendarYear } from './types.ts';

export const getCalendar = (year: number) => api.get<CalendarYear>('/api/calendar', { year });
export const putCalendarDay = (day: string, body: CalendarDaySet) =>
  api.put<CalendarDay>(`/api/calendar/days/${day}`, body);
export const deleteCalendarDay = (day: string) => api.delete(`/api/calendar/days/${day}`);
