import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../errors.ts';
import { createCalendar } from './calendar.ts';
import { shanghaiDate } from './shanghai.ts';
import { packageExceptions } from './store.ts';

// 国办发明电〔2025〕 arrangement for 2026 as shipped in chinese-days: 国庆节 10-01..10-07 with
// make-up Sunday 09-20 and Saturday 10-10; 春节 02-15..02-23 with make-up Saturdays 02-14, 02-28.
const exceptions2026 = packageExceptions(2026);
assert.ok(exceptions2026, 'chinese-days must cover 2026');
const cal = createCalendar(exceptions2026);

test('the package lists the real 2026 National Day and Spring Festival arrangement', () => {
  const kinds = new Map(exceptions2026.map((e) => [e.day, e]));
  for (let d = 1; d <= 7; d++) assert.equal(kinds.get(`2026-10-0${d}`)?.kind, 'holiday');
  assert.equal(kinds.get('2026-10-01')?.name, '国庆节');
  for (const d of ['2026-09-20', '2026-10-10', '2026-02-14', '2026-02-28']) assert.equal(kinds.get(d)?.kind, 'workday', d);
  assert.equal(kinds.get('2026-02-14')?.name, '春节调休上班');
  for (let d = 15; d <= 23; d++) assert.equal(kinds.get(`2026-02-${d}`)?.kind, 'holiday');
});

test('isWorkingDay: ordinary week, holidays, and make-up weekend days', () => {
  assert.equal(cal.isWorkingDay('2026-10-01'), false, 'National Day (Thursday)');
  assert.equal(cal.isWorkingDay('2026-10-07'), false, 'last day of the National Day break (Wednesday)');
  assert.equal(cal.isWorkingDay('2026-10-08'), true);
  assert.equal(cal.isWorkingDay('2026-10-10'), true, '调休 Saturday');
  assert.equal(cal.isWorkingDay('2026-09-20'), true, '调休 Sunday');
  assert.equal(cal.isWorkingDay('2026-09-19'), false, 'ordinary Saturday');
  assert.equal(cal.isWorkingDay('2026-02-17'), false, '春节 (Tuesday)');
  assert.equal(cal.isWorkingDay('2026-02-24'), true);
  assert.equal(cal.isWorkingDay('2026-11-23'), true, 'ordinary Monday');
  // Without exceptions it is the plain week.
  const plain = createCalendar([]);
  assert.equal(plain.isWorkingDay('2026-10-01'), true);
  assert.equal(plain.isWorkingDay('2026-10-10'), false);
});

test('addWorkingDays: the start day does not count', () => {
  assert.equal(cal.addWorkingDays('2026-11-23', 1), '2026-11-24');
  assert.equal(cal.addWorkingDays('2026-11-27', 1), '2026-11-30', 'Friday + 1 = Monday');
  assert.equal(cal.addWorkingDays('2026-11-23', 5), '2026-11-30');
});

test('addWorkingDays across National Day and its 调休 Saturday', () => {
  assert.equal(cal.addWorkingDays('2026-09-30', 1), '2026-10-08');
  assert.equal(cal.addWorkingDays('2026-09-30', 2), '2026-10-09');
  assert.equal(cal.addWorkingDays('2026-09-30', 3), '2026-10-10', 'make-up Saturday counts');
  assert.equal(cal.addWorkingDays('2026-09-30', 4), '2026-10-12', 'ordinary Sunday 10-11 does not');
  assert.equal(cal.addWorkingDays('2026-09-18', 1), '2026-09-20', 'make-up Sunday');
  // 20 working days (行政许可法第四十二条) from an application on 2026-09-25 (中秋 holiday).
  assert.equal(cal.addWorkingDays('2026-09-25', 20), '2026-10-29');
});

test('addWorkingDays across Spring Festival', () => {
  assert.equal(cal.addWorkingDays('2026-02-13', 1), '2026-02-14', 'make-up Saturday before the break');
  assert.equal(cal.addWorkingDays('2026-02-13', 2), '2026-02-24', 'nine-day break skipped');
  assert.equal(cal.addWorkingDays('2026-02-16', 1), '2026-02-24', 'received during the break');
  assert.equal(cal.addWorkingDays('2026-02-24', 4), '2026-02-28', 'make-up Saturday after the break');
});

test('addWorkingDays with n = 0 and negative n', () => {
  assert.equal(cal.addWorkingDays('2026-10-09', 0), '2026-10-09');
  assert.equal(cal.addWorkingDays('2026-10-03', 0), '2026-10-08');
  assert.equal(cal.addWorkingDays('2026-10-10', 0), '2026-10-10');
  assert.equal(cal.addWorkingDays('2026-10-08', -1), '2026-09-30');
  assert.equal(cal.addWorkingDays('2026-10-12', -2), '2026-10-09');
  assert.throws(() => cal.addWorkingDays('2026-10-08', 1.5), AppError);
});

test('workingDaysBetween counts (a, b] and is antisymmetric', () => {
  assert.equal(cal.workingDaysBetween('2026-09-30', '2026-10-10'), 3);
  assert.equal(cal.workingDaysBetween('2026-10-10', '2026-09-30'), -3);
  assert.equal(cal.workingDaysBetween('2026-10-08', '2026-10-08'), 0);
  // October 2026: 22 weekdays − 5 weekday holidays (1, 2, 5, 6, 7) + 1 make-up Saturday.
  assert.equal(cal.workingDaysBetween('2026-09-30', '2026-10-31'), 18);

  const start = Date.UTC(2026, 0, 1);
  const day = (i: number) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < 365; i += 7) {
    for (let j = 0; j < 365; j += 11) {
      const [a, b] = [day(i), day(j)];
      const n = cal.workingDaysBetween(a, b);
      assert.equal(cal.workingDaysBetween(b, a) + n, 0, `${a} ${b}`);
      if (b > a && cal.isWorkingDay(b)) assert.equal(cal.addWorkingDays(a, n), b, `${a} + ${n}`);
    }
  }
});

test('bad dates are validation errors, not crashes', () => {
  for (const bad of ['2026-02-30', '2026-1-5', '20261005', '']) {
    assert.throws(
      () => cal.isWorkingDay(bad),
      (e) => e instanceof AppError && e.code === 'VALIDATION_FAILED',
      bad,
    );
  }
  assert.throws(() => cal.workingDaysBetween('2026-10-01', 'tomorrow'), AppError);
});

test('shanghaiDate gives the calendar day in China whatever the server timezone', () => {
  assert.equal(shanghaiDate(new Date('2026-09-30T15:59:59Z')), '2026-09-30');
  assert.equal(shanghaiDate(new Date('2026-09-30T16:00:00Z')), '2026-10-01');
  assert.equal(shanghaiDate(new Date('2026-12-31T16:00:00Z')), '2027-01-01');
});

test('shanghaiDate agrees with the time-zone database from 1985 to 2060, daylight-saving years included', () => {
  const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
  // every 7 h 13 min: each hour of the day is hit, and the 1986–1991 summer-time switches with it
  for (let t = Date.UTC(1985, 0, 1); t < Date.UTC(2060, 0, 1); t += (7 * 60 + 13) * 60_000) {
    const at = new Date(t);
    assert.equal(shanghaiDate(at), zone.format(at), at.toISOString());
  }
});
