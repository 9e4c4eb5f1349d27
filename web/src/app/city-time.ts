/**
 * Times and dates as the city states them: in its own time zone (Asia/Shanghai, as the server's
 * kernel clock counts days), whatever zone the visitor's device is set to — a deadline, a receipt
 * or a timeline must read the same on a phone abroad as on the hall's screen and the documents.
 */
export const CITY_TIME_ZONE = 'Asia/Shanghai';

type When = string | number | Date;

const formats = new Map<string, Intl.DateTimeFormat>();
function parts(at: When, withDate: boolean, withTime: boolean): Record<string, string> {
  const key = `${withDate}/${withTime}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: CITY_TIME_ZONE,
      hourCycle: 'h23',
      ...(withDate ? { year: 'numeric', month: '2-digit', day: '2-digit' } : {}),
      ...(withTime ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : {}),
    });
    formats.set(key, format);
  }
  return Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
}

/** 2026-11-18 (a plain date such as a birth date is shown as it is). */
export function date(at: When): string {
  if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  const p = parts(at, true, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 10:00:26 */
export function time(at: When): string {
  const p = parts(at, false, true);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** 2026-11-18 10:00:26 */
export const dateTime = (at: When): string => `${date(at)} ${time(at)}`;

/** 2026-11-18 10:00, for tables where seconds are noise. */
export const dateTimeMinutes = (at: When): string => dateTime(at).slice(0, 16);
