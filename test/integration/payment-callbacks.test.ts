import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { paymentBody, paymentFixture, type PaymentFixture } from './payment-fixture.ts';
import * as clock from '../../src/kernel/clock.ts';
import { anyDate } from '../support/dates.ts';

let f: PaymentFixture;
before(async () => {
  f = await paymentFixture();
});
after(() => f.close());

const count = async (sql: string, params: unknown[] = []) => Number((await f.server.ctx.db.one<{ n: number }>(sql, params))!.n);

describe('paying through the simulator', () => {
  test('a citizen pays on the pay page; the signed callback pays the notice once and issues a receipt', async () => {
    const notice = await f.createNotice();
    assert.equal(notice.amountFen, 10000);
    assert.match(notice.code, /^\d{20}$/);
    const pay = await f.server.api(`/api/payment/notices/${notice.id}/pay`, { method: 'POST', cookie: f.cookies.citizen, body: { channel: 'sim-wallet' } });
    assert.equal(pay.status, 200, JSON.stringify(pay.body));
    const page = await fetch(f.server.url + pay.body.payUrl);
    assert.match(await page.text(), /100\.00/);
    assert.equal(await f.payOnPage(pay.body.payUrl, { duplicates: '2' }), 303);
    await f.drain();
    // The copies come a second apart, as a gateway's retries would.
    await f.fastForward();
    const paid = await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen });
    assert.equal(paid.body.status, 'paid');
    assert.equal(paid.body.paidChannel, 'sim-wallet');
    assert.match(paid.body.receipt.receiptCode, /^44030126|^4403\d{4}$/);
    assert.match(paid.body.receipt.receiptNumber, /^\d{10}$/);
    assert.equal(await count(`select count(*) as n from outbox_event where topic = 'payment.notice_paid' and payload->>'noticeId' = $1`, [notice.id]), 1);
    assert.equal(await count(`select count(*) as n from payment_transaction where notice_id = $1`, [notice.id]), 1);
    // Three deliveries of the same notification: one credited, two duplicates that changed nothing.
    assert.deepEqual(
      (await f.server.ctx.db.query<{ outcome: string }>(`select outcome from payment_callback where channel = 'sim-wallet' order by received_at`)).map((r) => r.outcome).sort(),
      ['credited', 'duplicate', 'duplicate'],
    );
    const receipt = await f.server.api(`/api/payment/notices/${notice.id}/receipt`, { cookie: f.cookies.citizen });
    assert.equal(receipt.status, 200);
    assert.equal(receipt.body.content.amountFen, 10000);
    const verified = await f.server.api('/api/payment/receipts/verify', {
      method: 'POST',
      body: { receiptCode: receipt.body.receiptCode, receiptNumber: receipt.body.receiptNumber, checkCode: receipt.body.checkCode },
    });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.valid, true);
    assert.equal(verified.body.payerName, '陈**');
    const wrong = await f.server.api('/api/payment/receipts/verify', {
      method: 'POST',
      body: { receiptCode: receipt.body.receiptCode, receiptNumber: receipt.body.receiptNumber, checkCode: '00000000' },
    });
    assert.equal(wrong.status, 404);
    const pdf = await fetch(`${f.server.url}/api/payment/notices/${notice.id}/receipt.pdf`, { headers: { cookie: f.cookies.citizen } });
    assert.equal(pdf.status, 200);
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
  });
});

const auditCount = async (action: string, code?: string) =>
  count(`select count(*) as n from audit_log where action = $1 and ($2::text is null or details->>'code' = $2)`, [action, code ?? null]);


describe('callback handling', () => {
  test('two channels report the same notice, in reverse order: paid once, the other money refunded', anyDate, async () => {
    const notice = await f.createNotice();
    const wallet = paymentBody(notice, { occurredAt: new Date(clock.nowMs() - 60_000).toISOString() });
    const bank = paymentBody(notice);
    // The later payment's callback arrives first, then the earlier one, then both again.
    const results = [await f.callback('sim-bank', bank), await f.callback('sim-wallet', wallet), await f.callback('sim-bank', bank), await f.callback('sim-wallet', wallet)];
    assert.deepEqual(results.map((r) => [r.status, r.body.outcome]), [[200, 'credited'], [200, 'refund_due'], [200, 'duplicate'], [200, 'duplicate']]);
    assert.equal(await count(`select count(*) as n from payment_transaction where notice_id = $1 and disposition = 'credited'`, [notice.id]), 1);
    assert.equal(await count(`select count(*) as n from outbox_event where dedupe_key = $1`, [`payment.notice_paid:${notice.id}`]), 1);
    const refunds = await f.server.ctx.db.query<{ origin: string; status: string; channel: string }>('select origin, status, channel from payment_refund where notice_id = $1', [notice.id]);
    assert.deepEqual(refunds, [{ origin: 'duplicate_payment', status: 'approved', channel: 'sim-wallet' }]);
  });

  test('concurrent callbacks from two channels still credit the notice once', anyDate, async () => {
    const notice = await f.createNotice();
    const results = await Promise.all([f.callback('sim-bank', paymentBody(notice)), f.callback('sim-wallet', paymentBody(notice))]);
    assert.deepEqual(results.map((r) => r.body.outcome).sort(), ['credited', 'refund_due']);
    assert.equal(await count(`select count(*) as n from payment_receipt where notice_id = $1`, [notice.id]), 1);
  });

  test('a forged signature is refused with 401 and audited; nothing changes', anyDate, async () => {
    const notice = await f.createNotice();
    const before = await auditCount('payment.callback.refused', 'CALLBACK_SIGNATURE_INVALID');
    const body = paymentBody(notice);
    const raw = JSON.stringify(body);
    const forged = await f.callback('sim-bank', body, { headers: { 'x-callback-timestamp': '1', 'x-callback-nonce': 'n', 'x-callback-signature': 'ab'.repeat(32) } });
    assert.equal(forged.status, 401);
    assert.equal(forged.body.error.code, 'CALLBACK_SIGNATURE_INVALID');
    // A valid signature of the other channel's key does not pass either.
    const otherKey = await f.callback('sim-wallet', body, { raw, headers: undefined });
    assert.equal(otherKey.status, 200);
    const n2 = await f.createNotice();
    const crossed = await f.server.api('/api/payment/callbacks/sim-bank', {
      method: 'POST',
      rawBody: JSON.stringify(paymentBody(n2)),
      headers: { 'content-type': 'application/json', 'x-callback-timestamp': '1', 'x-callback-nonce': 'n' },
    });
    assert.equal(crossed.status, 401);
    assert.equal(await auditCount('payment.callback.refused', 'CALLBACK_SIGNATURE_INVALID'), before + 2);
    assert.equal((await f.server.api(`/api/payment/notices/${n2.id}`, { cookie: f.cookies.citizen })).body.status, 'unpaid');
  });

  test('a callback for an unknown payment code is refused and audited', anyDate, async () => {
    const res = await f.callback('sim-bank', paymentBody({ code: '44530000000000000000', amountFen: 100 }));
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'PAYMENT_CODE_UNKNOWN');
    assert.ok((await auditCount('payment.callback.refused', 'PAYMENT_CODE_UNKNOWN')) >= 1);
  });

  test('a partial amount is refused and audited; the notice stays unpaid', anyDate, async () => {
    const notice = await f.createNotice();
    const res = await f.callback('sim-wallet', paymentBody(notice, { amountFen: notice.amountFen - 1 }));
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'CALLBACK_AMOUNT_MISMATCH');
    assert.ok((await auditCount('payment.callback.refused', 'CALLBACK_AMOUNT_MISMATCH')) >= 1);
    assert.equal((await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen })).body.status, 'unpaid');
  });

  test('a replayed callback with a changed amount is refused and audited', anyDate, async () => {
    const notice = await f.createNotice();
    const body = paymentBody(notice);
    assert.equal((await f.callback('sim-bank', body)).body.outcome, 'credited');
    const replay = await f.callback('sim-bank', { ...body, amountFen: body.amountFen + 100 });
    assert.equal(replay.status, 409);
    assert.equal(replay.body.error.code, 'CALLBACK_REPLAY_CHANGED');
    assert.ok((await auditCount('payment.callback.refused', 'CALLBACK_REPLAY_CHANGED')) >= 1);
    const amount = await f.server.ctx.db.one<{ amount_fen: number }>('select amount_fen from payment_transaction where channel_txn_id = $1', [body.channelTxnId]);
    assert.equal(Number(amount!.amount_fen), notice.amountFen);
  });

  test('a 10 MB callback body is refused with 413 and audited', anyDate, async () => {
    const before = await auditCount('payment.callback.refused', 'CALLBACK_TOO_LARGE');
    const res = await f.server.api('/api/payment/callbacks/sim-bank', {
      method: 'POST',
      rawBody: `{"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'CALLBACK_TOO_LARGE');
    assert.equal(await auditCount('payment.callback.refused', 'CALLBACK_TOO_LARGE'), before + 1);
    const malformed = await f.callback('sim-bank', {}, { raw: '{"notifyId": 1' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'CALLBACK_MALFORMED');
  });

  test('after the due date: paying is refused, and a late callback becomes a refund', async () => {
    const notice = await f.createNotice();
    await f.server.ctx.db.query(`update payment_notice set due_date = clock_today() - 2 where id = $1`, [notice.id]);
    const pay = await f.server.api(`/api/payment/notices/${notice.id}/pay`, { method: 'POST', cookie: f.cookies.citizen, body: { channel: 'sim-bank' } });
    assert.equal(pay.status, 409);
    assert.equal(pay.body.error.code, 'NOTICE_EXPIRED');
    const shown = await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen });
    assert.equal(shown.body.overdue, true);
    const late = await f.callback('sim-bank', paymentBody(notice));
    assert.equal(late.body.outcome, 'refund_due');
    const refund = await f.server.ctx.db.one<{ origin: string }>('select origin from payment_refund where notice_id = $1', [notice.id]);
    assert.equal(refund!.origin, 'late_payment');
    assert.equal((await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen })).body.status, 'unpaid');
  });

  test('a late callback for a cancelled notice is refunded through the channel', async () => {
    const notice = await f.createNotice();
    const pay = await f.server.api(`/api/payment/notices/${notice.id}/pay`, { method: 'POST', cookie: f.cookies.citizen, body: { channel: 'sim-bank' } });
    assert.equal(await f.payOnPage(pay.body.payUrl, { delaySeconds: '600' }), 303);
    const cancelled = await f.server.api(`/api/payment/notices/${notice.id}/cancel`, { method: 'POST', cookie: f.cookies.clerk, body: { reason: '申请人撤回' } });
    assert.equal(cancelled.status, 200);
    assert.equal(cancelled.body.status, 'cancelled');
    await f.fastForward();
    await f.fastForward();
    const refund = await f.server.ctx.db.one<{ origin: string; status: string }>('select origin, status from payment_refund where notice_id = $1', [notice.id]);
    assert.deepEqual(refund, { origin: 'cancelled_notice', status: 'done' });
    const sim = await f.server.ctx.db.one<{ status: string }>(`select status from paysim_refund where payment_code = $1`, [notice.code]);
    assert.equal(sim!.status, 'succeeded');
  });

  test('a gateway that times out: the query API finds the payment', anyDate, async () => {
    const notice = await f.createNotice();
    const pay = await f.server.api(`/api/payment/notices/${notice.id}/pay`, { method: 'POST', cookie: f.cookies.citizen, body: { channel: 'sim-wallet' } });
    await f.payOnPage(pay.body.payUrl, { timeout: '1' });
    await f.drain();
    assert.equal((await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen })).body.status, 'unpaid');
    await f.fastForward();
    assert.equal((await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen })).body.status, 'paid');
  });

  test('a crash after the callback arrived: the gateway retries, the case resumes exactly once', async () => {
    const db = f.server.ctx.db;
    // The first attempt dies half-way (after the transaction and receipt number were taken).
    await db.exec(`create table if not exists test_crash (armed boolean not null);
      insert into test_crash values (true);
      create or replace function test_crash_once() returns trigger language plpgsql as $$
      begin
        if (select armed from test_crash limit 1) then
          update test_crash set armed = false;
          raise exception 'simulated crash';
        end if;
        return new;
      end $$;
      create trigger test_crash_receipt before insert on payment_receipt for each row execute function test_crash_once();`);
    try {
      const notice = await f.createNotice();
      const pay = await f.server.api(`/api/payment/notices/${notice.id}/pay`, { method: 'POST', cookie: f.cookies.citizen, body: { channel: 'sim-bank' } });
      await f.payOnPage(pay.body.payUrl);
      await f.drain();
      // The crash rolled back the whole callback, the armed flag included: arm it off for good.
      await db.query('update test_crash set armed = false');
      assert.equal((await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen })).body.status, 'unpaid');
      const delivery = await db.one<{ attempts: number; status: string; last_status: number }>(`select attempts, status, last_status from paysim_notification order by created_at desc limit 1`);
      assert.equal(delivery!.status, 'pending');
      assert.equal(delivery!.last_status, 500);
      await f.fastForward();
      assert.equal((await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen })).body.status, 'paid');

      // The case's consumer crashes once too; the outbox runs it again and it resumes once. The
      // platform's own consumer (cases) already took the event while draining: hand it again to
      // this test's consumer as a fresh delivery.
      await db.query(`update outbox_event set status = 'pending', attempts = 0, due_at = clock_now() where topic = 'payment.notice_paid' and payload->>'noticeId' = $1`, [notice.id]);
      await db.exec('create table if not exists test_resumed (notice_id uuid not null)');
      let crashes = 0;
      const handlers = {
        'payment.notice_paid': async (event: { payload: Record<string, unknown> }, tx: { query: (s: string, p: unknown[]) => Promise<unknown> }) => {
          if (event.payload.noticeId !== notice.id) return;
          await tx.query('insert into test_resumed (notice_id) values ($1)', [notice.id]);
          if (crashes++ === 0) throw new Error('case worker crashed');
        },
      };
      const { processDueEvents } = await import('../../src/kernel/events/worker.ts');
      for (let i = 0; i < 3; i++) {
        await processDueEvents(db, handlers as never, { backoff: () => 0 });
        await Promise.all([processDueEvents(db, handlers as never, { backoff: () => 0 }), processDueEvents(db, handlers as never, { backoff: () => 0 })]);
      }
      assert.equal(crashes, 2);
      assert.equal(await count('select count(*) as n from test_resumed where notice_id = $1', [notice.id]), 1);
    } finally {
      await db.exec('drop trigger if exists test_crash_receipt on payment_receipt');
    }
  });

  test('receipt numbers have no gaps under concurrent payments', async () => {
    const notices = [];
    for (let i = 0; i < 12; i++) notices.push(await f.createNotice());
    const results = await Promise.all(notices.map((n, i) => f.callback(i % 2 ? 'sim-bank' : 'sim-wallet', paymentBody(n))));
    assert.ok(results.every((r) => r.status === 200 && r.body.outcome === 'credited'), JSON.stringify(results.map((r) => r.body)));
    const rows = await f.server.ctx.db.query<{ receipt_code: string; receipt_number: string }>('select receipt_code, receipt_number from payment_receipt order by receipt_code, receipt_number');
    const byCode = new Map<string, number[]>();
    for (const r of rows) byCode.set(r.receipt_code, [...(byCode.get(r.receipt_code) ?? []), Number(r.receipt_number)]);
    for (const [code, numbers] of byCode) {
      assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `gaps in ${code}`);
    }
    assert.ok(rows.length >= 12);
  });
});
