import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { completedImmediateCase } from '../support/cases.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { issuePersonLicence } from '../support/licence.ts';
import { paymentBody, paymentFixture, type PaymentFixture } from './payment-fixture.ts';

// The cockpit's figures (#14.8): case volume, completions, on-time rate, 好差评 score, licences
// issued and fees collected per county, from live data through each module's contract.
let f: PaymentFixture;
const api = (...a: Parameters<PaymentFixture['server']['api']>) => f.server.api(...a);
const CITY = '445300000000';
const YUNCHENG = '445302000000';

interface Area {
  regionCode: string;
  own: boolean;
  casesReceived: number;
  casesCompleted: number;
  onTimeRate: number | null;
  ratingScore: number | null;
  ratings: number;
  licencesIssued: number;
  feesCollectedFen: number;
  hotlineFinished: number;
  hotlineOnTimeRate: number | null;
  hotlineSatisfactionRate: number | null;
  hotlineCallbackRate: number | null;
  hotlineFirstTimeRate: number | null;
}
const figures = async (cookie = f.cookies.leader) => {
  const res = await api('/api/indicators/cockpit', { cookie });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { regionCode: string; totals: Omit<Area, 'regionCode' | 'own'>; areas: Area[] };
};
const areaOf = (body: { areas: Area[] }, code: string) => body.areas.find((a) => a.regionCode === code)!;

async function paid(departmentId: string) {
  const notice = await f.createNotice({ departmentId }, f.cookies.admin);
  assert.equal((await f.callback('sim-bank', paymentBody(notice))).body.outcome, 'credited');
  return notice as { amountFen: number };
}

before(async () => {
  f = await paymentFixture();
});
after(() => f.close());

describe('cockpit figures', () => {
  test('per county from live data: cases, completions, on-time rate, rating score, licences, fees move as they happen', async () => {
    const before = await figures();
    assert.equal(before.regionCode, CITY);
    assert.deepEqual(
      before.areas.map((a) => [a.regionCode, a.own]).slice(0, 2),
      [[CITY, true], [YUNCHENG, false]],
      'the city’s own departments first, then its counties',
    );
    assert.equal(before.areas.length, 6, '市本级 and the five counties of 云浮');

    const caseId = await completedImmediateCase(f.server, f.cookies.citizen, f.cookies.clerk);
    await f.drain();
    const rated = await api('/api/ratings', { method: 'POST', cookie: f.cookies.citizen, body: { caseId, channel: 'portal', level: 4 } });
    assert.equal(rated.status, 201, JSON.stringify(rated.body));
    await issuePersonLicence(f.server, '041');
    const cityFee = await paid(f.scjgj);
    const county = (await api(`/api/org/departments?q=${encodeURIComponent('云城区')}&pageSize=50`, { cookie: f.cookies.admin })).body.items.find(
      (d: { regionCode: string }) => d.regionCode === YUNCHENG,
    );
    const countyFee = await paid(county.id);

    const now = await figures();
    const [was, is] = [areaOf(before, CITY), areaOf(now, CITY)];
    assert.equal(is.casesReceived, was.casesReceived + 1);
    assert.equal(is.casesCompleted, was.casesCompleted + 1);
    assert.ok(is.onTimeRate !== null && is.onTimeRate > 0, 'an immediate case finishes on time');
    assert.equal(is.ratings, was.ratings + 1);
    assert.equal(is.licencesIssued, was.licencesIssued + 1);
    assert.equal(is.feesCollectedFen, was.feesCollectedFen + cityFee.amountFen);
    if (was.ratings === 0) assert.equal(is.ratingScore, 8, 'level 4 of 5 is 8 of 10');
    // the county's own payment lands on the county, not on the city
    assert.equal(areaOf(now, YUNCHENG).feesCollectedFen, areaOf(before, YUNCHENG).feesCollectedFen + countyFee.amountFen);
    assert.equal(areaOf(now, YUNCHENG).casesReceived, areaOf(before, YUNCHENG).casesReceived);
    // totals are the areas together
    for (const key of ['casesReceived', 'casesCompleted', 'ratings', 'licencesIssued', 'feesCollectedFen'] as const) {
      assert.equal(now.totals[key], now.areas.reduce((n, a) => n + a[key], 0), key);
    }
  });

  test('12345 per county by the ticket’s place, the city’s own the rest; an answer at intake is finished the first time', async () => {
    const before = await figures();
    assert.ok(before.totals.hotlineFinished > 0, 'the demo day’s finished calls');
    assert.equal(before.totals.hotlineFinished, before.areas.reduce((n, a) => n + a.hotlineFinished, 0), 'totals are the areas together');
    for (const key of ['hotlineOnTimeRate', 'hotlineSatisfactionRate', 'hotlineCallbackRate', 'hotlineFirstTimeRate'] as const)
      assert.ok(before.totals[key] === null || (before.totals[key] >= 0 && before.totals[key] <= 100), key);

    const agent = await f.server.login('hotline');
    const created = await api('/api/hotline/tickets', {
      method: 'POST',
      cookie: agent,
      body: { kind: 'consultation', categoryCode: 'ZW01', content: '咨询新生儿落户需要哪些材料', place: { regionCode: YUNCHENG } },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const { ticket } = created.body;
    const answered = await api(`/api/hotline/tickets/${ticket.id}/answer`, {
      method: 'POST',
      cookie: agent,
      body: { version: ticket.version, reply: '携带出生医学证明和户口簿到户籍窗口办理。' },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));

    const now = await figures();
    assert.equal(areaOf(now, YUNCHENG).hotlineFinished, areaOf(before, YUNCHENG).hotlineFinished + 1);
    assert.equal(areaOf(now, CITY).hotlineFinished, areaOf(before, CITY).hotlineFinished, 'a county’s call is not the city’s own');
    assert.equal(now.totals.hotlineFinished, before.totals.hotlineFinished + 1);
    assert.ok(areaOf(now, YUNCHENG).hotlineFirstTimeRate! > 0);
    const county = await figures(await f.server.login('countyadmin'));
    assert.equal(county.totals.hotlineFinished, areaOf(now, YUNCHENG).hotlineFinished, 'a county reader sees the same figure');
  });

  test('a county administrator reads their county only; a period outside the data shows zeros', async () => {
    const county = await figures(await f.server.login('countyadmin'));
    assert.equal(county.regionCode, YUNCHENG);
    assert.deepEqual(county.areas.map((a) => a.regionCode), [YUNCHENG]);
    const city = await figures();
    assert.equal(county.areas[0]!.feesCollectedFen, areaOf(city, YUNCHENG).feesCollectedFen);

    const old = await api('/api/indicators/cockpit?from=2001-01-01&to=2001-12-31', { cookie: f.cookies.leader });
    assert.equal(old.status, 200);
    assert.deepEqual([old.body.totals.casesReceived, old.body.totals.feesCollectedFen, old.body.totals.ratingScore], [0, 0, null]);
  });

  test('refused: anonymous, citizens, staff who are not region-wide indicator readers; bad periods', async () => {
    assert.deepEqual([(await api('/api/indicators/cockpit')).status], [401]);
    assert.equal((await api('/api/indicators/cockpit', { cookie: f.cookies.citizen })).status, 403);
    for (const who of [f.cookies.clerk, f.cookies.approver, f.cookies.deptadmin, await f.server.login('finance')]) {
      const res = await api('/api/indicators/cockpit', { cookie: who });
      assert.deepEqual([res.status, res.body.error.code], [403, 'FORBIDDEN']);
    }
    const citizen2 = await f.server.login('13800000002', CITIZEN_PASSWORD);
    assert.equal((await api('/api/indicators/cockpit', { cookie: citizen2 })).status, 403);

    const reversed = await api('/api/indicators/cockpit?from=2026-03-01&to=2026-02-01', { cookie: f.cookies.leader });
    assert.deepEqual([reversed.status, reversed.body.error.code], [422, 'REPORT_PERIOD_INVALID']);
    const impossible = await api('/api/indicators/cockpit?from=2026-02-30', { cookie: f.cookies.leader });
    assert.deepEqual([impossible.status, impossible.body.error.code], [422, 'REPORT_PERIOD_INVALID']);
    const junk = await api('/api/indicators/cockpit?from=yesterday', { cookie: f.cookies.leader });
    assert.equal(junk.status, 400);
    const extra = await api('/api/indicators/cockpit?regionCode=445381000000', { cookie: f.cookies.leader });
    assert.equal(extra.status, 400, 'the region comes from the reader’s grant, not from the query');
  });
});
