import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { AppError } from '../errors.ts';
import { createCalendar } from './calendar.ts';
import { parseHolidayIcs } from './ics.ts';
import { packageExceptions } from './store.ts';

const fixture = readFileSync(new URL('../../../test/fixtures/holidays-2027.ics', import.meta.url), 'utf8');
const refused = (reason: string, line?: number) => (e: unknown) =>
  e instanceof AppError && e.code === 'CALENDAR_ICS_INVALID' && e.status === 400 &&
  (e.details as { reason: string }).reason === reason && (line === undefined || (e.details as { line: number }).line === line);

test('a published 2027 file: days off, make-up weekend days, other years skipped', () => {
  const days = parseHolidayIcs(fixture, 2027);
  assert.equal(days.filter((d) => d.kind === 'holiday').length, 29);
  assert.deepEqual(days.filter((d) => d.kind === 'workday').map((d) => d.day), ['2027-01-31', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09']);
  assert.deepEqual(days.find((d) => d.day === '2027-02-06'), { day: '2027-02-06', kind: 'holiday', name: '春节' });
  assert.deepEqual(days.find((d) => d.day === '2027-10-09'), { day: '2027-10-09', kind: 'workday', name: '国庆节调休上班' });
  assert.equal(days.some((d) => d.day.startsWith('2028-')), false, 'the 2028 New Year event is not part of 2027');
  assert.equal(days[0]!.day, '2027-01-01', 'DTEND is exclusive: 01-01..01-03');
  assert.equal(days.some((d) => d.day === '2027-01-04'), false);
  const cal = createCalendar(days);
  assert.equal(cal.addWorkingDays('2027-09-30', 1), '2027-10-08');
  assert.equal(cal.addWorkingDays('2027-09-30', 2), '2027-10-09', 'the make-up Saturday counts');
  // the same file read for 2028 holds just its New Year
  assert.deepEqual(parseHolidayIcs(fixture, 2028).map((d) => d.day), ['2028-01-01', '2028-01-02', '2028-01-03']);
});

test('the package\'s own 2026 ICS gives the same days as its JSON', () => {
  const ics = readFileSync(createRequire(import.meta.url).resolve('chinese-days/dist/years/2026.ics'), 'utf8');
  const fromIcs = parseHolidayIcs(ics, 2026).map(({ day, kind }) => `${day} ${kind}`);
  const fromJson = packageExceptions(2026)!.map(({ day, kind }) => `${day} ${kind}`);
  assert.deepEqual(fromIcs, fromJson);
});

test('other spellings: 补班 / 上班 / 假期 counters, LF line ends, no DTEND, escaped text', () => {
  const ics = [
    'BEGIN:VCALENDAR',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270101',
    'DTEND;VALUE=DATE:20270102',
    'SUMMARY:元旦 假期 第1天/共1天',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART:20270131',
    'SUMMARY:春节 补班',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'DTSTART;VALUE=DATE:20270220',
    'SUMMARY:春节\\, 上班',
    'BEGIN:VALARM',
    'TRIGGER:-PT15M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\n');
  assert.deepEqual(parseHolidayIcs(ics, 2027), [
    { day: '2027-01-01', kind: 'holiday', name: '元旦' },
    { day: '2027-01-31', kind: 'workday', name: '春节调休上班' },
    { day: '2027-02-20', kind: 'workday', name: '春节,调休上班' },
  ]);
});

test('malformed files are refused with a stable code, a line and a reason', () => {
  const event = (...props: string[]) => ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', ...props, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
  const ok = ['DTSTART;VALUE=DATE:20270101', 'SUMMARY:元旦(休)'];
  assert.doesNotThrow(() => parseHolidayIcs(event(...ok), 2027));
  assert.throws(() => parseHolidayIcs('', 2027), refused('NOT_A_CALENDAR'));
  assert.throws(() => parseHolidayIcs('<html>not a calendar</html>', 2027), refused('BAD_LINE', 1));
  assert.throws(() => parseHolidayIcs(fixture.replace(/END:VCALENDAR\s*$/, ''), 2027), refused('NOT_A_CALENDAR'));
  assert.throws(() => parseHolidayIcs(event(...ok).replace('END:VEVENT', 'END:VTODO'), 2027), refused('UNBALANCED', 5));
  assert.throws(() => parseHolidayIcs(event('SUMMARY:元旦(休)'), 2027), refused('MISSING_DTSTART', 2));
  assert.throws(() => parseHolidayIcs(event('DTSTART;VALUE=DATE:20270101'), 2027), refused('MISSING_SUMMARY'));
  assert.throws(() => parseHolidayIcs(event('DTSTART:20270101T090000', 'SUMMARY:元旦(休)'), 2027), refused('NOT_ALL_DAY', 3));
  assert.throws(() => parseHolidayIcs(event('DTSTART;VALUE=DATE-TIME:20270101', 'SUMMARY:元旦(休)'), 2027), refused('NOT_ALL_DAY'));
  assert.throws(() => parseHolidayIcs(event('DTSTART;VALUE=DATE:20270230', 'SUMMARY:x(休)'), 2027), refused('BAD_DATE'));
  assert.throws(() => parseHolidayIcs(event(...ok, 'DTEND;VALUE=DATE:20270101'), 2027), refused('BAD_RANGE'));
  assert.throws(() => parseHolidayIcs(event(...ok, 'DTEND;VALUE=DATE:20270401'), 2027), refused('BAD_RANGE'), 'longer than 31 days');
  assert.throws(() => parseHolidayIcs(event(...ok, 'RRULE:FREQ=YEARLY'), 2027), refused('BAD_RANGE'));
  assert.throws(() => parseHolidayIcs(event(...ok, 'DTSTART;VALUE=DATE:20270102'), 2027), refused('DUPLICATE_PROPERTY'));
  assert.throws(() => parseHolidayIcs(event(...ok, 'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY'), 2027), refused('KIND_DISAGREES'));
  assert.throws(() => parseHolidayIcs(event('DTSTART;VALUE=DATE:20270104', 'SUMMARY:元旦(班)'), 2027), refused('WORKDAY_NOT_WEEKEND'), 'a Monday');
  const conflict = event('DTSTART;VALUE=DATE:20270102', 'DTEND;VALUE=DATE:20270104', 'SUMMARY:元旦(休)').replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270103\r\nSUMMARY:元旦(班)\r\nEND:VEVENT\r\nEND:VCALENDAR');
  assert.throws(() => parseHolidayIcs(conflict, 2027), refused('CONFLICT'));
  assert.throws(() => parseHolidayIcs(fixture, 2029), refused('NO_DAYS_IN_YEAR', 0));
  assert.throws(() => parseHolidayIcs(' folded first line', 2027), refused('BAD_LINE', 1));
  assert.throws(() => parseHolidayIcs(event(...ok) + '\r\nBEGIN:VEVENT', 2027), refused('NOT_A_CALENDAR'));
});
