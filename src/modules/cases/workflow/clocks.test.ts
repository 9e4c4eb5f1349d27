import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packageExceptions, createCalendar } from '../../../kernel/calendar/index.ts';
import { deadlines, startOfDay } from './clocks.ts';

// 2026: Spring Festival off 2026-02-15 … 02-23; 调休 working Saturdays 2026-02-14 and 02-28 (chinese-days).
const cal = createCalendar([...(packageExceptions(2026) ?? []), ...(packageExceptions(2025) ?? [])]);

test('the calendar package knows the 2026 Spring Festival and its make-up Saturday', () => {
  assert.equal(cal.isWorkingDay('2026-02-16'), false);
  assert.equal(cal.isWorkingDay('2026-02-23'), false);
  assert.equal(cal.isWorkingDay('2026-02-24'), true);
  assert.equal(cal.isWorkingDay('2026-02-28'), true, '调休 Saturday');
});

test('a deadline across the Spring Festival skips the holiday and counts the 调休 Saturday', () => {
  // received Thursday 2026-02-12: working days after it are 13 (Fri), 14 (Sat, 调休), then 24, 25, 26, 27, 28 (Sat, 调休), Mar 2 …
  const d = deadlines(cal, '2026-02-12', 5, 20, 0);
  assert.equal(d.promisedDue, '2026-02-26');
  assert.equal(deadlines(cal, '2026-02-12', 2, 20, 0).promisedDue, '2026-02-14', 'the make-up Saturday before the holiday counts');
  assert.equal(deadlines(cal, '2026-02-12', 7, 20, 0).promisedDue, '2026-02-28', 'and the one after it');
  assert.equal(deadlines(cal, '2026-02-12', 8, 20, 0).promisedDue, '2026-03-02');
  assert.equal(d.yellowDay, '2026-02-25', '80 % of 5 days is the 4th working day');
});

test('a correction pause moves the deadlines by the paused working days; 即办 is due the same working day', () => {
  const base = deadlines(cal, '2026-03-02', 10, 20, 0);
  const paused = deadlines(cal, '2026-03-02', 10, 20, 3);
  assert.equal(base.promisedDue, '2026-03-16');
  assert.equal(paused.promisedDue, '2026-03-19');
  assert.equal(paused.statutoryDue, cal.addWorkingDays('2026-03-02', 23));
  const immediate = deadlines(cal, '2026-02-21', 0, 0, 0);
  assert.equal(immediate.promisedDue, '2026-02-24', 'received on a holiday: the next working day');
  assert.equal(immediate.yellowDay, null);
});

test('days start at midnight in Shanghai', () => {
  assert.equal(startOfDay('2026-02-24').toISOString(), '2026-02-23T16:00:00.000Z');
});
