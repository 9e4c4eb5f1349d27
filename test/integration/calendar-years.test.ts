import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createCalendar, listYear } from '../../src/kernel/calendar/index.ts';
import { setClock } from '../../src/kernel/clock.ts';
import { deadlines } from '../../src/modules/cases/index.ts';
import { reportMissingCalendarYear } from '../../src/modules/platform/index.ts';
import { acceptedRewardCase } from '../support/cases.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// #13.9: chinese-days has no 2027. Before 1 November nothing is said; from then on administrators
// are told (status for the banner, one staff message, /readyz), deadlines counted into 2027 are
// provisional, and loading the State Council's arrangement recomputes them.
const ICS_2027 = readFileSync(new URL('../fixtures/holidays-2027.ics', import.meta.url), 'utf8');

let server: TestServer;
let admin: string;
let countyAdmin: string;
let clerk: string;
before(async () => {
  server = await startTestServer();
});
after(() => server?.close());

/** Sets the kernel clock and signs in again (a session lasts hours, the test moves by weeks). */
async function at(instant: string) {
  setClock(instant);
  admin = await server.login('admin');
  countyAdmin = await server.login('countyadmin');
  clerk = await server.login('clerk');
}
const calendarMessages = async (cookie: string) =>
  ((await server.api('/api/staff/messages?page=1&pageSize=50', { cookie })).body.items as { kind: string; ref: string; text: string }[]).filter(
    (m) => m.kind === 'calendar_year_missing',
  );

test('31 October: nothing is reported about 2027', async () => {
  await at('2026-10-31T23:30:00+08:00');
  const ready = await server.api('/readyz');
  assert.equal(ready.status, 200);
  assert.equal('calendar' in ready.body, false, JSON.stringify(ready.body));
  const status = await server.api('/api/calendar/status', { cookie: admin });
  assert.equal(status.status, 200, JSON.stringify(status.body));
  assert.deepEqual([status.body.nextYear, status.body.confirmed, status.body.missing], [2027, false, false]);
  assert.deepEqual(await reportMissingCalendarYear(server.ctx), { nextYear: 2027, reported: false, recipients: 0 });
  assert.deepEqual(await calendarMessages(admin), []);
});

test('1 November: /readyz, the status behind the banner and one staff message to the node administrators', async () => {
  await at('2026-11-01T00:30:00+08:00');
  const ready = await server.api('/readyz');
  assert.equal(ready.status, 200, 'a missing year does not make the node unready');
  assert.deepEqual(ready.body.calendar, { nextYear: 2027, confirmed: false });
  const status = await server.api('/api/calendar/status', { cookie: clerk });
  assert.deepEqual([status.body.nextYear, status.body.confirmed, status.body.missing, status.body.reportFrom], [2027, false, true, '2026-11-01']);
  assert.deepEqual(
    status.body.years.map((y: { year: number; confirmed: boolean; source: string | null }) => [y.year, y.confirmed, y.source]),
    [[2025, true, 'package'], [2026, true, 'package'], [2027, false, null], [2028, false, null]],
  );
  assert.equal((await server.api('/api/calendar/status')).status, 401);

  const first = await reportMissingCalendarYear(server.ctx);
  assert.equal(first.reported, true);
  assert.ok(first.recipients >= 1);
  assert.deepEqual(await reportMissingCalendarYear(server.ctx), { nextYear: 2027, reported: false, recipients: 0 }, 'once a year');
  const messages = await calendarMessages(admin);
  assert.equal(messages.length, 1);
  assert.equal(messages[0]!.ref, 'calendar:2027');
  assert.match(messages[0]!.text, /2027 年的节假日安排尚未确认/);
  assert.deepEqual(await calendarMessages(countyAdmin), [], 'a county administrator does not run the node calendar');
  assert.deepEqual(await calendarMessages(clerk), []);
});

test('a deadline counted into 2027 is provisional, and is recomputed and audited when 2027 is loaded from an ICS file', async () => {
  await at('2026-12-21T10:00:00+08:00');
  const c = await acceptedRewardCase(server, 'CAL-2027-1');
  const before = (await server.api(`/api/cases/${c.id}`, { cookie: clerk })).body.case.clock;
  assert.equal(before.provisional, true, JSON.stringify(before));
  assert.ok(before.statutoryDue >= '2027-01-01', before.statutoryDue);
  const mine = (await server.api(`/api/cases/${c.id}`, { cookie: c.citizen })).body.case.clock;
  assert.equal(mine.provisional, true, 'the applicant sees it too');

  // only an administrator loads a year, a malformed file writes nothing
  assert.equal((await server.api('/api/calendar/years/2027/ics', { method: 'POST', cookie: clerk, body: { ics: ICS_2027 } })).status, 403);
  const county = await server.api('/api/calendar/years/2027/ics', { method: 'POST', cookie: countyAdmin, body: { ics: ICS_2027 } });
  assert.equal(county.status, 403, 'the calendar holds for the whole node: a county administrator may not load it');
  assert.equal(county.body.error.code, 'NODE_ADMIN_REQUIRED');
  const broken = await server.api('/api/calendar/years/2027/ics', {
    method: 'POST',
    cookie: admin,
    body: { ics: ICS_2027.replace('DTSTART;VALUE=DATE:20271001', 'DTSTART;VALUE=DATE:20271001T000000') },
  });
  assert.equal(broken.status, 400);
  assert.equal(broken.body.error.code, 'CALENDAR_ICS_INVALID');
  assert.equal(broken.body.error.details.reason, 'NOT_ALL_DAY');
  assert.deepEqual(await listYear(server.ctx.db, 2027), []);
  assert.equal((await server.api('/api/calendar/status', { cookie: admin })).body.years[2].confirmed, false);

  const loaded = await server.api('/api/calendar/years/2027/ics', { method: 'POST', cookie: admin, body: { ics: ICS_2027 } });
  assert.equal(loaded.status, 200, JSON.stringify(loaded.body));
  assert.deepEqual(loaded.body, { year: 2027, covered: true, holidays: 29, workdays: 6, keptAdmin: 0, removed: 0 });
  const days = (await server.api('/api/calendar?year=2027', { cookie: admin })).body.days as { day: string; kind: string; source: string }[];
  assert.deepEqual(days.find((d) => d.day === '2027-02-20'), { day: '2027-02-20', kind: 'workday', name: '春节调休上班', source: 'ics' });
  assert.deepEqual((await server.api('/readyz')).body.calendar, { nextYear: 2027, confirmed: true });

  await server.deliverEvents();
  const detail = (await server.api(`/api/cases/${c.id}`, { cookie: clerk })).body;
  const cal = createCalendar([...(await listYear(server.ctx.db, 2026)), ...(await listYear(server.ctx.db, 2027))]);
  const expected = deadlines(cal, before.start, before.promisedDays, before.statutoryDays, before.pausedDays);
  assert.deepEqual(
    [detail.case.clock.provisional, detail.case.clock.promisedDue, detail.case.clock.statutoryDue],
    [false, expected.promisedDue, expected.statutoryDue],
  );
  assert.notEqual(detail.case.clock.statutoryDue, before.statutoryDue, '元旦 2027 moved it');
  const recomputed = detail.timeline.filter((e: { kind: string }) => e.kind === 'deadline_recomputed');
  assert.equal(recomputed.length, 1);
  assert.deepEqual(recomputed[0].details, {
    year: 2027,
    source: 'ics',
    before: { promisedDue: before.promisedDue, statutoryDue: before.statutoryDue, provisional: true },
    after: { promisedDue: expected.promisedDue, statutoryDue: expected.statutoryDue, provisional: false },
  });
  const audit = await server.ctx.db.query<{ action: string }>(
    `select action from audit_log where (object_type = 'case' and object_id = $1 and action = 'case.deadline_recomputed') or (object_type = 'calendar_year' and object_id = '2027') order by seq`,
    [c.id],
  );
  assert.deepEqual(audit.map((a) => a.action), ['calendar.year_missing_reported', 'calendar.import_ics', 'case.deadline_recomputed']);

  // loading the same file again changes nothing on the case
  assert.equal((await server.api('/api/calendar/years/2027/ics', { method: 'POST', cookie: admin, body: { ics: ICS_2027 } })).status, 200);
  await server.deliverEvents();
  const again = (await server.api(`/api/cases/${c.id}`, { cookie: clerk })).body;
  assert.equal(again.timeline.filter((e: { kind: string }) => e.kind === 'deadline_recomputed').length, 1);
});

test('an administrator confirms a year entered by hand; an empty year cannot be confirmed', async () => {
  const empty = await server.api('/api/calendar/years/2028/confirm', { method: 'POST', cookie: admin });
  assert.equal(empty.status, 422);
  assert.equal(empty.body.error.code, 'CALENDAR_YEAR_EMPTY');
  assert.equal((await server.api('/api/calendar/years/2028/confirm', { method: 'POST', cookie: clerk })).status, 403);
  assert.equal((await server.api('/api/calendar/years/2028/confirm', { method: 'POST', cookie: countyAdmin })).status, 403);
  assert.equal((await server.api('/api/calendar/days/2028-01-03', { method: 'PUT', cookie: admin, body: { kind: 'holiday', name: '元旦' } })).status, 200);
  const confirmed = await server.api('/api/calendar/years/2028/confirm', { method: 'POST', cookie: admin });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  assert.deepEqual([confirmed.body.year, confirmed.body.confirmed, confirmed.body.source, confirmed.body.confirmedBy], [2028, true, 'admin', 'admin']);
});
