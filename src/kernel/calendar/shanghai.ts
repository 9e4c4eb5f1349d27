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

// From 1992 on China Standard Time is a fixed UTC+8 (the last daylight saving ended in
// September 1991): the day is plain arithmetic, without Intl's slow formatToParts on every call.
const FIXED_OFFSET_FROM = Date.UTC(1992, 0, 1);
const OFFSET_MS = 8 * 3600_000;

/** The 'YYYY-MM-DD' calendar day in Asia/Shanghai at the given instant. */
export function shanghaiDate(instant: Date): string {
  const t = instant.getTime();
  if (t >= FIXED_OFFSET_FROM && t < Date.UTC(9999, 0, 1)) return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
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
