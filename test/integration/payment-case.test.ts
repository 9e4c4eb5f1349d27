import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { moduleHandlers } from '../../src/kernel/events/subscription.ts';
import { processDueEvents, type HandlerMap } from '../../src/kernel/events/worker.ts';
import { MODULES } from '../../src/modules/index.ts';
import { NOTICE_PAID } from '../../src/modules/payment/index.ts';
import { loadCalendar } from '../../src/kernel/calendar/index.ts';
import { anyDate } from '../support/dates.ts';
import { fixedFee, publishItemVersion, STEP } from '../support/catalog.ts';
import { caseAtPayment, FEE_FEN, FEE_ITEM, feeCaseFixture, payAtStep } from './payment-case-fixture.ts';
import { paymentBody, type PaymentFixture } from './payment-fixture.ts';
import * as clock from '../../src/kernel/clock.ts';

// #7 with the cases module: the fee notice of a case's payment step, and the case resuming
// exactly once when the money arrives, however the channel delivers its callbacks.
let f: PaymentFixture;
const api = (...a: Parameters<PaymentFixture['server']['api']>) => f.server.api(...a);
const db = () => f.server.ctx.db;
const count = async (sql: string, params: unknown[] = []) => Number((await db().one<{ n: number }>(sql, params))!.n);
const atPayment = () => caseAtPayment(f.server.url, api, f.cookies);
const detail = async (id: string) => (await api(`/api/cases/${id}`, { cookie: f.cookies.citizen })).body;
/** How often the case was moved on by a payment: the 已缴费 entry the payment step records. */
const resumes = async (id: string) => (await detail(id)).timeline.filter((e: { kind: string }) => e.kind === 'paid').length;

before(async () => {
  f = await feeCaseFixture();
});
after(() => f.close());

describe('a case with a payment step', () => {
  test('the payment step issues a notice for the item fee; the applicant pays in the simulator and the case completes once', async () => {
    const { caseId, noticeId } = await atPayment();
    const notice = await api(`/api/payment/notices/${noticeId}`, { cookie: f.cookies.citizen });
    assert.equal(notice.status, 200, JSON.stringify(notice.body));
    assert.equal(notice.body.caseId, caseId);
    assert.equal(notice.body.itemCode, FEE_ITEM);
    assert.equal(notice.body.amountFen, FEE_FEN);
    assert.equal(notice.body.payerPersonId, f.citizenId);
    assert.equal(notice.body.departmentId, f.scjgj);
    assert.equal(notice.body.status, 'unpaid');
    assert.deepEqual(notice.body.lines.map((l: { name: string }) => l.name), ['鉴定费']);
    // the applicant finds it among their own notices; another citizen cannot see it at all
    const mine = await api(`/api/payment/notices?caseId=${caseId}`, { cookie: f.cookies.citizen });
    assert.deepEqual(mine.body.items.map((n: { id: string }) => n.id), [noticeId]);
    assert.equal((await api(`/api/payment/notices/${noticeId}`, { cookie: f.cookies.citizen2 })).status, 404);
    assert.equal((await api(`/api/payment/notices?caseId=${caseId}`, { cookie: f.cookies.citizen2 })).body.total, 0);
    assert.equal((await api(`/api/payment/notices/${noticeId}/pay`, { method: 'POST', cookie: f.cookies.citizen2, body: { channel: 'sim-bank' } })).status, 404);

    await payAtStep(f, noticeId, f.cookies.citizen);
    const done = await detail(caseId);
    assert.equal(done.case.status, 'completed');
    assert.equal(done.case.outcome, 'approved');
    assert.equal(await resumes(caseId), 1);
    const paid = await api(`/api/payment/notices/${noticeId}`, { cookie: f.cookies.citizen });
    assert.equal(paid.body.status, 'paid');
    assert.match(paid.body.receipt.receiptNumber, /^\d{10}$/);
  });

  test('duplicate and reordered callbacks from two channels resume the case exactly once', anyDate, async () => {
    const { caseId, noticeId } = await atPayment();
    const notice = (await api(`/api/payment/notices/${noticeId}`, { cookie: f.cookies.citizen })).body;
    const early = paymentBody(notice, { occurredAt: new Date(clock.nowMs() - 60_000).toISOString() });
    const late = paymentBody(notice);
    // the later payment's notification arrives first, then the earlier one, then both again
    const outcomes = [];
    for (const [channel, body] of [['sim-bank', late], ['sim-wallet', early], ['sim-wallet', early], ['sim-bank', late]] as const) {
      const r = await f.callback(channel, body);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      outcomes.push(r.body.outcome);
      await f.drain();
    }
    assert.deepEqual(outcomes, ['credited', 'refund_due', 'duplicate', 'duplicate']);
    await f.fastForward();
    const done = await detail(caseId);
    assert.equal(done.case.status, 'completed');
    assert.equal(await resumes(caseId), 1);
    assert.equal(await count(`select count(*) as n from outbox_event where topic = $1 and payload->>'noticeId' = $2`, [NOTICE_PAID.name, noticeId]), 1);
    assert.equal(await count(`select count(*) as n from payment_receipt where notice_id = $1`, [noticeId]), 1);
    // the second channel's money goes back
    assert.equal(await count(`select count(*) as n from payment_refund where notice_id = $1 and origin = 'duplicate_payment'`, [noticeId]), 1);
  });

  test('a crash after the callback is received but before the case resumes: the retry resumes it exactly once', anyDate, async () => {
    const { caseId, noticeId } = await atPayment();
    const notice = (await api(`/api/payment/notices/${noticeId}`, { cookie: f.cookies.citizen })).body;
    // The callback commits the payment and the queued resume together…
    const cb = await f.callback('sim-bank', paymentBody(notice));
    assert.equal(cb.body.outcome, 'credited');
    assert.equal((await detail(caseId)).case.status, 'processing');

    // …then the process dies inside the resume, after the case row was already written.
    const real = moduleHandlers(MODULES, f.server.ctx);
    let crashes = 1;
    const crashing: HandlerMap = {
      ...real,
      async [NOTICE_PAID.name](event, tx) {
        await real[NOTICE_PAID.name]!(event, tx);
        if (crashes-- > 0) throw new Error('process killed before commit');
      },
    };
    await processDueEvents(db(), crashing, { backoff: () => 0 });
    const queued = await db().one<{ status: string; attempts: number; last_error: string }>(
      `select status, attempts, last_error from outbox_event where topic = $1 and payload->>'noticeId' = $2`,
      [NOTICE_PAID.name, noticeId],
    );
    assert.deepEqual({ ...queued }, { status: 'pending', attempts: 1, last_error: 'process killed before commit' });
    const waiting = await detail(caseId);
    assert.equal(waiting.case.status, 'processing', 'the half-done resume was rolled back');
    assert.equal(waiting.case.currentStep.kind, 'payment');
    assert.equal(await resumes(caseId), 0);

    // the restarted worker picks the event up again; later runs and a replayed callback change nothing
    await processDueEvents(db(), crashing, { backoff: () => 0 });
    await f.fastForward();
    assert.equal((await f.callback('sim-bank', paymentBody(notice))).body.outcome, 'refund_due');
    await f.fastForward();
    const done = await detail(caseId);
    assert.equal(done.case.status, 'completed');
    assert.equal(await resumes(caseId), 1);
    const finished = await db().one<{ status: string; attempts: number }>(
      `select status, attempts from outbox_event where topic = $1 and payload->>'noticeId' = $2`,
      [NOTICE_PAID.name, noticeId],
    );
    assert.deepEqual({ ...finished }, { status: 'done', attempts: 2 });
  });

  test('a cancelled notice does not resume the case, and money arriving for it later is refunded', anyDate, async () => {
    const { caseId, noticeId } = await atPayment();
    const notice = (await api(`/api/payment/notices/${noticeId}`, { cookie: f.cookies.citizen })).body;
    assert.equal((await api(`/api/payment/notices/${noticeId}/cancel`, { method: 'POST', cookie: f.cookies.citizen, body: { reason: '不想付' } })).status, 403);
    const cancelled = await api(`/api/payment/notices/${noticeId}/cancel`, { method: 'POST', cookie: f.cookies.clerk, body: { reason: '核定有误，重新开具' } });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
    const pay = await api(`/api/payment/notices/${noticeId}/pay`, { method: 'POST', cookie: f.cookies.citizen, body: { channel: 'sim-bank' } });
    assert.equal(pay.status, 409);
    const lateMoney = await f.callback('sim-bank', paymentBody(notice));
    assert.equal(lateMoney.body.outcome, 'refund_due');
    await f.fastForward();
    const still = await detail(caseId);
    assert.equal(still.case.status, 'processing');
    assert.equal(await resumes(caseId), 0);
    assert.equal(await count(`select count(*) as n from outbox_event where topic = $1 and payload->>'noticeId' = $2`, [NOTICE_PAID.name, noticeId]), 0);
    assert.equal(await count(`select count(*) as n from payment_refund where notice_id = $1`, [noticeId]), 1);
  });

  test('the notice is due in the working days the item gives for paying (缴费期限), 10 when it gives none', async () => {
    const day = clock.today();
    const cal = await loadCalendar(db(), Number(day.slice(0, 4)) - 1, Number(day.slice(0, 4)) + 1);
    const dueOf = async () => (await api(`/api/payment/notices/${(await atPayment()).noticeId}`, { cookie: f.cookies.citizen })).body.dueDate;
    assert.equal(await dueOf(), cal.addWorkingDays(day, 10));
    await publishItemVersion(api, { deptadmin: f.cookies.deptadmin, dataofficer: await f.server.login('dataofficer') }, FEE_ITEM, {
      workflow: [STEP.accept, STEP.decide, STEP.pay],
      fees: { ...fixedFee(FEE_FEN), payWithinDays: 3 },
    });
    assert.equal(await dueOf(), cal.addWorkingDays(day, 3));
    // a period outside 1–60 working days is refused when the draft is saved
    const itemId = (await api(`/api/catalog/published/${FEE_ITEM}`)).body.itemId as string;
    const draft = await api(`/api/catalog/items/${itemId}/versions`, { method: 'POST', cookie: f.cookies.deptadmin });
    const content = { ...draft.body.version.content, fees: { ...fixedFee(FEE_FEN), payWithinDays: 0 } };
    const bad = await api(`/api/catalog/items/${itemId}/draft`, { method: 'PUT', cookie: f.cookies.deptadmin, body: { content, lockVersion: draft.body.version.lockVersion } });
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
  });
});
