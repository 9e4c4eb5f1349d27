import * as clock from '../../kernel/clock.ts';

/**
 * A report's period in the city's time (Asia/Shanghai, UTC+8 all year): a day, or the week
 * (Monday to Sunday) holding the given date. Bounds are instants, so SQL compares timestamps
 * and never depends on the database session's time zone.
 */
export interface Period {
  period: 'day' | 'week';
  /** first and last calendar day, inclusive */
  from: string;
  to: string;
  days: string[];
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The instant a Shanghai calendar day begins. */
export const dayStart = (day: string) => `${day}T00:00:00+08:00`;

export function periodOf(period: 'day' | 'week', date = clock.today()): Period {
  const at = Date.parse(`${date}T00:00:00Z`);
  // getUTCDay: 0 = Sunday; the Chinese working week, like ISO's, starts on Monday
  const first = period === 'day' ? at : at - ((new Date(at).getUTCDay() + 6) % 7) * DAY_MS;
  const days = Array.from({ length: period === 'day' ? 1 : 7 }, (_, i) => dayOf(first + i * DAY_MS));
  const to = days[days.length - 1]!;
  return {
    period,
    from: days[0]!,
    to,
    days,
    start: dayStart(days[0]!),
    end: dayStart(dayOf(Date.parse(`${to}T00:00:00Z`) + DAY_MS)),
  };
}

/** The Shanghai calendar day and hour (0–23) of an instant. */
export function cityHour(at: Date | string): { day: string; hour: number } {
  const shifted = new Date(new Date(at).getTime() + 8 * 3_600_000);
  return { day: shifted.toISOString().slice(0, 10), hour: shifted.getUTCHours() };
}

/** A clock hour as people read it: 'YYYY-MM-DD HH:00' in the city's time. */
export const hourLabel = (day: string, hour: number) => `${day} ${String(hour).padStart(2, '0')}:00`;
/** The city's clock hour an instant falls in, as people read it. */
export function cityHourLabel(at: Date | string): string {
  const { day, hour } = cityHour(at);
  return hourLabel(day, hour);
}
