/**
 * Calendar days are China Standard Time (UTC+8, no daylight saving since 1991): a deadline
 * falls on the day a citizen in the city sees on the wall, whatever the server's timezone.
 */
const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The 'YYYY-MM-DD' calendar day in Asia/Shanghai at the given instant. */
export function shanghaiDate(instant: Date): string {
  const parts = Object.fromEntries(FORMAT.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when s is 'YYYY-MM-DD' and names a real Gregorian date. */
export function isCalendarDay(s: string): boolean {
  const m = DAY_PATTERN.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}
