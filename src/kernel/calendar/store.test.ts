import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { openPglite } from '../db/pglite.ts';
import type { Db } from '../db/types.ts';
import { AppError } from '../errors.ts';
import { importIcsIn, importYear, listYear, loadCalendar, removeDay, setDay } from './store.ts';
import { calendarOutlook, claimMissingYearReport, unconfirmedYears, yearStatuses } from './years.ts';

let db: Db;
before(async () => {
  db = await openPglite();
  for (const file of ['003_calendar.sql', '005_clock.sql', '007_calendar_year.sql']) await db.exec(readFileSync(new URL(`../migrations/${file}`, import.meta.url), 'utf8'));
});
after(() => db.close());

test('importing 2026 stores the package holidays and 调休 workdays', async () => {
  const result = await importYear(db, 2026);
  assert.deepEqual(result, { year: 2026, covered: true, holidays: 33, workdays: 6, keptAdmin: 0, removed: 0 });
  const days = await listYear(db, 2026);
  assert.equal(days.length, 39);
  assert.deepEqual(
    days.find((d) => d.day === '2026-10-01'),
    { day: '2026-10-01', kind: 'holiday', name: '国庆节', source: 'package' },
  );
  assert.deepEqual(
    days.find((d) => d.day === '2026-10-10'),
    { day: '2026-10-10', kind: 'workday', name: '国庆节调休上班', source: 'package' },
  );
  assert.deepEqual(await listYear(db, 2025), [], 'other years untouched');

  const cal = await loadCalendar(db, 2026, 2026);
  assert.equal(cal.isWorkingDay('2026-10-01'), false);
  assert.equal(cal.addWorkingDays('2026-09-30', 3), '2026-10-10');
});

test('re-import is idempotent', async () => {
  assert.deepEqual(await importYear(db, 2026), {
    year: 2026,
    covered: true,
    holidays: 33,
    workdays: 6,
    keptAdmin: 0,
    removed: 0,
  });
  assert.equal((await listYear(db, 2026)).length, 39);
});

test('a year the package does not cover imports nothing and says so', async () => {
  assert.deepEqual(await importYear(db, 2031), {
    year: 2031,
    covered: false,
    holidays: 0,
    workdays: 0,
    keptAdmin: 0,
    removed: 0,
  });
  assert.deepEqual(await listYear(db, 2031), []);
});

test('admin overrides survive a later package import', async () => {
  // The city makes the 调休 Saturday a rest day and adds a local holiday.
  const set = await setDay(db, { day: '2026-10-10', kind: 'holiday', name: '本市调整' }, 'admin1');
  assert.deepEqual(set, { day: '2026-10-10', kind: 'holiday', name: '本市调整', source: 'admin' });
  await setDay(db, { day: '2026-11-24', kind: 'holiday', name: '本市特别休假' }, 'admin1');

  const result = await importYear(db, 2026);
  assert.equal(result.keptAdmin, 1, 'the package day the admin owns is reported, not written');
  assert.equal(result.removed, 0, 'admin-only days are not removed');
  const days = new Map((await listYear(db, 2026)).map((d) => [d.day, d]));
  assert.deepEqual(days.get('2026-10-10'), { day: '2026-10-10', kind: 'holiday', name: '本市调整', source: 'admin' });
  assert.equal(days.get('2026-11-24')?.source, 'admin');
  const row = await db.one<{ updated_by: string }>(`select updated_by from calendar_day where day = '2026-10-10'`);
  assert.equal(row?.updated_by, 'admin1');

  const cal = await loadCalendar(db, 2026, 2026);
  assert.equal(cal.isWorkingDay('2026-10-10'), false);
  assert.equal(cal.addWorkingDays('2026-09-30', 3), '2026-10-12');
  assert.equal(cal.addWorkingDays('2026-11-23', 1), '2026-11-25');
});

test('removing a day reverts it to the ordinary week until the package restores it', async () => {
  await removeDay(db, '2026-11-24');
  await removeDay(db, '2026-10-10');
  let cal = await loadCalendar(db, 2026, 2026);
  assert.equal(cal.isWorkingDay('2026-11-24'), true);
  assert.equal(cal.isWorkingDay('2026-10-10'), false, 'a plain Saturday');
  await assert.rejects(removeDay(db, '2026-11-24'), (e) => e instanceof AppError && e.code === 'NOT_FOUND');

  await importYear(db, 2026);
  cal = await loadCalendar(db, 2026, 2026);
  assert.equal(cal.isWorkingDay('2026-10-10'), true, 'package make-up day is back');
  assert.equal(cal.isWorkingDay('2026-11-24'), true, 'admin-only day stays gone');
});

test('a package row the package no longer lists is removed on re-import', async () => {
  await db.query(
    `insert into calendar_day (day, kind, name, source, updated_by) values ('2026-03-02', 'holiday', 'stale', 'package', 'test')`,
  );
  const result = await importYear(db, 2026);
  assert.equal(result.removed, 1);
  assert.equal(
    (await listYear(db, 2026)).some((d) => d.day === '2026-03-02'),
    false,
  );
});

test('loadCalendar spans years and setDay rejects bad input', async () => {
  await importYear(db, 2025);
  const cal = await loadCalendar(db, 2025, 2026);
  // 2025-12-31 (Wed) + 1 skips 元旦 2026-01-01..03 and counts the make-up Sunday 01-04.
  assert.equal(cal.addWorkingDays('2025-12-31', 1), '2026-01-04');
  assert.equal(cal.isWorkingDay('2025-10-01'), false);
  await assert.rejects(setDay(db, { day: '2026-02-30', kind: 'holiday', name: 'x' }, 'a'), AppError);
  await assert.rejects(loadCalendar(db, 2026.5, 2027), AppError);
});

const fixture2027 = readFileSync(new URL('../../../test/fixtures/holidays-2027.ics', import.meta.url), 'utf8');

test('a year is confirmed by its package import, as data, not by its day rows', async () => {
  const statuses = await yearStatuses(db, 2025, 2027);
  assert.deepEqual(statuses.map((s) => [s.year, s.confirmed, s.source]), [[2025, true, 'package'], [2026, true, 'package'], [2027, false, null]]);
  assert.match(statuses[1]!.confirmedBy!, /^chinese-days@/);
  // a day entered by hand does not confirm its year
  await setDay(db, { day: '2027-06-01', kind: 'holiday', name: '本市特别休假' }, 'admin1');
  assert.deepEqual(await unconfirmedYears(db, [2026, 2027, 2026]), [2027]);
});

test('ICS import of 2027: all days in one go, admin days kept, year confirmed as ics', async () => {
  const result = await db.transaction((tx) => importIcsIn(tx, 2027, fixture2027, 'admin1'));
  assert.deepEqual(result, { year: 2027, covered: true, holidays: 29, workdays: 6, keptAdmin: 0, removed: 0 });
  const days = await listYear(db, 2027);
  assert.equal(days.length, 36, '29 + 6 from the file and the administrator\'s own day');
  assert.deepEqual(days.find((d) => d.day === '2027-02-20'), { day: '2027-02-20', kind: 'workday', name: '春节调休上班', source: 'ics' });
  assert.equal(days.find((d) => d.day === '2027-06-01')?.source, 'admin');
  const [y] = await yearStatuses(db, 2027, 2027);
  assert.deepEqual([y!.confirmed, y!.source, y!.confirmedBy], [true, 'ics', 'admin1']);
  const cal = await loadCalendar(db, 2026, 2027);
  assert.equal(cal.addWorkingDays('2026-12-31', 1), '2027-01-04', '元旦 2027-01-01..03');
});

test('a malformed file writes nothing: days and confirmation as they were', async () => {
  const before = await listYear(db, 2027);
  const [statusBefore] = await yearStatuses(db, 2027, 2027);
  const broken = fixture2027.replace('DTSTART;VALUE=DATE:20271001', 'DTSTART;VALUE=DATE:20271001T000000');
  await assert.rejects(
    db.transaction((tx) => importIcsIn(tx, 2027, broken, 'admin2')),
    (e) => e instanceof AppError && e.code === 'CALENDAR_ICS_INVALID',
  );
  assert.deepEqual(await listYear(db, 2027), before);
  assert.deepEqual(await yearStatuses(db, 2027, 2027), [statusBefore]);
});

test('the next year is reported from 1 November only, and the report is claimed once', async () => {
  // 2028 is not confirmed
  assert.deepEqual(await calendarOutlook(db, '2027-10-31'), { today: '2027-10-31', nextYear: 2028, confirmed: false, reportFrom: '2027-11-01', missing: false });
  assert.deepEqual(await calendarOutlook(db, '2027-11-01'), { today: '2027-11-01', nextYear: 2028, confirmed: false, reportFrom: '2027-11-01', missing: true });
  assert.equal((await calendarOutlook(db, '2026-11-01')).missing, false, '2027 is confirmed');
  assert.equal(await claimMissingYearReport(db, 2028), true);
  assert.equal(await claimMissingYearReport(db, 2028), false);
  assert.deepEqual(await unconfirmedYears(db, [2028]), [2028], 'a reported year is still not confirmed');
  assert.equal(await claimMissingYearReport(db, 2027), false, 'a confirmed year is never reported');
});
