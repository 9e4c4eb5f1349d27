import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { addStaff } from '../support/staff.ts';
import { paymentFixture, today, type PaymentFixture } from './payment-fixture.ts';
import * as clock from '../../src/kernel/clock.ts';

let f: PaymentFixture;
before(async () => {
  f = await paymentFixture();
});
after(() => f.close());

const count = async (sql: string, params: unknown[] = []) => Number((await f.server.ctx.db.one<{ n: number }>(sql, params))!.n);
const auditCount = (action: string, code: string) =>
  count(`select count(*) as n from audit_log where action = $1 and details->>'code' = $2`, [action, code]);

describe('fee notices: access and bad input', () => {
  test('a citizen sees only their own notices', async () => {
    const mine = await f.createNotice();
    const theirs = await f.createNotice({ payerPersonId: f.citizen2Id, payerName: '李小浮' });
    const list = await f.server.api('/api/payment/notices?pageSize=100', { cookie: f.cookies.citizen });
    assert.equal(list.status, 200);
    const ids = list.body.items.map((n: { id: string }) => n.id);
    assert.ok(ids.includes(mine.id));
    assert.ok(!ids.includes(theirs.id));
    assert.ok(list.body.items.every((n: { payerPersonId: string }) => n.payerPersonId === f.citizenId));
    const other = await f.server.api(`/api/payment/notices/${theirs.id}`, { cookie: f.cookies.citizen });
    assert.equal(other.status, 404);
    const pay = await f.server.api(`/api/payment/notices/${theirs.id}/pay`, { method: 'POST', cookie: f.cookies.citizen, body: { channel: 'sim-bank' } });
    assert.equal(pay.status, 404);
    const receipt = await f.server.api(`/api/payment/notices/${theirs.id}/receipt`, { cookie: f.cookies.citizen });
    assert.equal(receipt.status, 404);
    const anonymous = await f.server.api('/api/payment/notices');
    assert.equal(anonymous.status, 401);
  });

  test("an enterprise's notice is seen and paid by its agent acting for it, not by the agent personally", async () => {
    const enterprise = (await f.server.ctx.db.one<{ id: string }>('select id from enterprise order by created_at limit 1'))!;
    const notice = await f.createNotice({ payerPersonId: null, payerEnterpriseId: enterprise.id, payerName: '云浮市云石科技有限公司' });
    const { signIn } = await import('../support/browserless.ts');
    const asAgent = await signIn(f.server.url, '13800000001', 'Yiwang@2026citizen', { actAs: enterprise.id });
    const mine = await f.server.api('/api/payment/notices?pageSize=100', { cookie: f.cookies.citizen });
    assert.ok(!mine.body.items.some((n: { id: string }) => n.id === notice.id));
    assert.equal((await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen })).status, 404);
    const theirs = await f.server.api('/api/payment/notices?pageSize=100', { cookie: asAgent });
    assert.deepEqual(theirs.body.items.map((n: { id: string }) => n.id), [notice.id]);
    const pay = await f.server.api(`/api/payment/notices/${notice.id}/pay`, { method: 'POST', cookie: asAgent, body: { channel: 'sim-bank' } });
    assert.equal(pay.status, 200);
  });

  test('staff see and issue notices only within their department', async () => {
    // the demo approver works for every department: an approver narrowed to 市场监督管理局 shows the limit
    const narrow = await addStaff(f.server, f.cookies.admin, 'scjgjpay', '云浮市市场监督管理局', { role: 'approver', regionCode: '445300000000', sameDepartment: true });
    const elsewhere = await f.createNotice({ departmentId: f.otherDept });
    assert.equal((await f.server.api(`/api/payment/notices/${elsewhere.id}`, { cookie: narrow })).status, 404);
    assert.equal((await f.server.api(`/api/payment/notices/${elsewhere.id}`, { cookie: f.cookies.clerk })).status, 200);
    const list = await f.server.api('/api/payment/notices?pageSize=100', { cookie: narrow });
    assert.ok(list.body.items.every((n: { departmentId: string }) => n.departmentId === f.scjgj));
    const res = await f.server.api('/api/payment/notices', {
      method: 'POST',
      cookie: narrow,
      body: { payerName: '某企业', departmentId: f.otherDept, dueDate: today(), lines: [{ name: '费', unitFen: 100, quantity: 1 }] },
    });
    assert.equal(res.status, 403);
    const citizen = await f.server.api('/api/payment/notices', {
      method: 'POST',
      cookie: f.cookies.citizen,
      body: { payerName: '自己', departmentId: f.scjgj, dueDate: today(), lines: [{ name: '费', unitFen: 100, quantity: 1 }] },
    });
    assert.equal(citizen.status, 403);
  });

  test('negative, fractional and overflowing amounts are refused with their codes and audited; nothing is written', async () => {
    const before = await count('select count(*) as n from payment_notice');
    for (const [line, code] of [
      [{ unitFen: -100, quantity: 1 }, 'AMOUNT_NEGATIVE'],
      [{ unitFen: 10.5, quantity: 1 }, 'AMOUNT_NOT_WHOLE_FEN'],
      [{ unitFen: 1e15, quantity: 1 }, 'AMOUNT_TOO_LARGE'],
      [{ unitFen: 900_000_000_000, quantity: 1000 }, 'AMOUNT_TOO_LARGE'],
      [{ unitFen: 1e300, quantity: 1e300 }, 'AMOUNT_TOO_LARGE'],
      [{ unitFen: 100, quantity: 1.5 }, 'QUANTITY_INVALID'],
      [{ unitFen: 100, quantity: 1, reduction: { fen: 200, basis: '减免' } }, 'REDUCTION_EXCEEDS_AMOUNT'],
    ] as const) {
      const auditsBefore = await auditCount('payment.notice.refused', code);
      const res = await f.server.api('/api/payment/notices', {
        method: 'POST',
        cookie: f.cookies.clerk,
        body: { payerName: '某人', departmentId: f.scjgj, dueDate: today(), lines: [{ name: '费', ...line }] },
      });
      assert.equal(res.status, 400, `${code}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code);
      assert.ok(res.body.error.message.length > 0);
      assert.equal(await auditCount('payment.notice.refused', code), auditsBefore + 1, code);
    }
    const wrongType = await f.server.api('/api/payment/notices', {
      method: 'POST',
      cookie: f.cookies.clerk,
      body: { payerName: '某人', departmentId: f.scjgj, dueDate: today(), lines: [{ name: '费', unitFen: '100', quantity: 1 }] },
    });
    assert.equal(wrongType.status, 400);
    const pastDue = await f.server.api('/api/payment/notices', {
      method: 'POST',
      cookie: f.cookies.clerk,
      body: { payerName: '某人', departmentId: f.scjgj, dueDate: '2020-01-01', lines: [{ name: '费', unitFen: 100, quantity: 1 }] },
    });
    assert.equal(pastDue.body.error.code, 'DUE_DATE_INVALID');
    assert.equal(await count('select count(*) as n from payment_notice'), before);
  });

  test('createFeeNotice from a case: computed lines, one open notice per case', async () => {
    const { computeFeeLines, createFeeNotice } = await import('../../src/modules/payment/index.ts');
    const caseId = '01900000-0000-7000-8000-000000000001';
    const lines = computeFeeLines([
      { rule: { kind: 'fixed', name: '证书工本费', amountFen: 1000 } },
      { rule: { kind: 'per_unit', name: '登记费', unitFen: 300, unit: '件' }, quantity: 3, reduction: { kind: 'percent', basisPoints: 5000, basis: '小微企业减半' } },
    ]);
    const notice = await createFeeNotice(f.server.ctx, {
      caseId,
      itemCode: '11445300MB2C9123XJ',
      payer: { personId: f.citizenId, name: '陈小云' },
      collectingUnit: f.scjgj,
      lines,
      dueDate: today(),
    });
    assert.equal(notice.amountFen, 1000 + 450);
    assert.equal(notice.lines[1]!.reductionBasis, '小微企业减半');
    await assert.rejects(
      createFeeNotice(f.server.ctx, { caseId, payer: { name: '陈小云' }, collectingUnit: f.scjgj, lines, dueDate: today() }),
      (err: { code?: string }) => err.code === 'CASE_NOTICE_EXISTS',
    );
    assert.equal(await count(`select count(*) as n from outbox_event where topic = 'payment.notice_created' and payload->>'caseId' = $1`, [caseId]), 1);
  });
});

describe('refunds', () => {
  test('a refund needs a second person, then goes through the channel to done', async () => {
    const notice = await f.createNotice();
    await f.payThroughSimulator(notice);
    const request = await f.server.api('/api/payment/refunds', {
      method: 'POST',
      cookie: f.cookies.approver,
      body: { noticeId: notice.id, amountFen: notice.amountFen, reason: '重复缴费' },
    });
    assert.equal(request.status, 201, JSON.stringify(request.body));
    assert.equal(request.body.status, 'requested');
    // The citizen cannot request one; the requester cannot approve their own.
    assert.equal((await f.server.api('/api/payment/refunds', { method: 'POST', cookie: f.cookies.citizen, body: { noticeId: notice.id, amountFen: 1, reason: 'x' } })).status, 403);
    const self = await f.server.api(`/api/payment/refunds/${request.body.id}/decision`, { method: 'POST', cookie: f.cookies.approver, body: { approve: true } });
    assert.equal(self.status, 403);
    assert.equal(self.body.error.code, 'REFUND_SAME_PERSON');
    const tooMuch = await f.server.api('/api/payment/refunds', { method: 'POST', cookie: f.cookies.clerk, body: { noticeId: notice.id, amountFen: 1, reason: '再退' } });
    assert.equal(tooMuch.body.error.code, 'REFUND_EXCEEDS_PAYMENT');
    const approved = await f.server.api(`/api/payment/refunds/${request.body.id}/decision`, { method: 'POST', cookie: f.cookies.deptadmin, body: { approve: true, note: '核实无误' } });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    assert.equal(approved.body.status, 'approved');
    const again = await f.server.api(`/api/payment/refunds/${request.body.id}/decision`, { method: 'POST', cookie: f.cookies.admin, body: { approve: false } });
    assert.equal(again.status, 409);
    await f.drain();
    await f.fastForward();
    const done = await f.server.api(`/api/payment/refunds?noticeId=${notice.id}`, { cookie: f.cookies.clerk });
    assert.equal(done.body.items[0].status, 'done');
    const refunded = await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen });
    assert.equal(refunded.body.status, 'refunded');
    assert.equal(refunded.body.refundedFen, notice.amountFen);
  });

  test('a refund the bank fails is tracked to failed', async () => {
    const notice = await f.createNotice();
    await f.payThroughSimulator(notice, 'sim-wallet', { refundFails: '1' });
    const request = await f.server.api('/api/payment/refunds', { method: 'POST', cookie: f.cookies.approver, body: { noticeId: notice.id, amountFen: 3000, reason: '部分退费' } });
    assert.equal(request.status, 201);
    const decision = await f.server.api(`/api/payment/refunds/${request.body.id}/decision`, { method: 'POST', cookie: f.cookies.clerk, body: { approve: true } });
    assert.equal(decision.status, 403, 'a window clerk may not approve refunds');
    await f.server.api(`/api/payment/refunds/${request.body.id}/decision`, { method: 'POST', cookie: f.cookies.deptadmin, body: { approve: true } });
    await f.drain();
    await f.fastForward();
    const refunds = await f.server.api(`/api/payment/refunds?noticeId=${notice.id}`, { cookie: f.cookies.deptadmin });
    assert.equal(refunds.body.items[0].status, 'failed');
    assert.equal((await f.server.api(`/api/payment/notices/${notice.id}`, { cookie: f.cookies.citizen })).body.status, 'paid');
  });
});

describe('reconciliation', () => {
  test("the channel's own statement matches our records", async () => {
    const notice = await f.createNotice();
    await f.payThroughSimulator(notice, 'sim-wallet');
    const run = await f.server.api('/api/payment/reconciliation/runs', { method: 'POST', cookie: f.cookies.admin, body: { channel: 'sim-wallet', day: today() } });
    assert.equal(run.status, 201, JSON.stringify(run.body));
    assert.equal(run.body.status, 'done');
    assert.ok(run.body.matched >= 1);
    assert.equal(run.body.missingOurs + run.body.missingChannel + run.body.amountMismatch, 0, JSON.stringify(run.body));
  });

  test('the daily timer set by a payment fetches the statement and reconciles by itself', async () => {
    const notice = await f.createNotice();
    await f.payThroughSimulator(notice, 'sim-wallet');
    const timer = await f.server.ctx.db.one<{ due_at: Date }>(`select due_at from outbox_event where dedupe_key = $1`, [`payment.reconciliation_due:sim-wallet:${today()}`]);
    assert.ok(timer && new Date(timer.due_at) > clock.now(), 'a reconciliation timer for tomorrow morning');
    const statement = await fetch(`${f.server.url}/paysim/sim-wallet/statements/${today()}`, { headers: { cookie: f.cookies.admin } });
    assert.equal(statement.status, 200);
    assert.ok((await statement.text()).includes(notice.code));
    const before = await count(`select count(*) as n from payment_recon_run where channel = 'sim-wallet' and started_by_kind = 'system'`);
    await f.server.ctx.db.query(`update outbox_event set due_at = clock_now() where dedupe_key = $1`, [`payment.reconciliation_due:sim-wallet:${today()}`]);
    await f.drain();
    for (let i = 0; i < 100 && (await count(`select count(*) as n from payment_recon_run where channel = 'sim-wallet' and started_by_kind = 'system' and status = 'done'`)) === before; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const run = await f.server.ctx.db.one<Record<string, number>>(
      `select matched, missing_ours, missing_channel, amount_mismatch from payment_recon_run where channel = 'sim-wallet' and started_by_kind = 'system' order by started_at desc limit 1`,
    );
    assert.ok(run && Number(run.matched) >= 1, JSON.stringify(run));
    assert.equal(Number(run.missing_ours) + Number(run.missing_channel) + Number(run.amount_mismatch), 0);
  });

  test('a prepared statement yields each kind of discrepancy, tasks with actions, a report and an xlsx', async () => {
    const matched = await f.createNotice();
    const mismatched = await f.createNotice();
    const missingOnChannel = await f.createNotice();
    const unpaid = await f.createNotice();
    const txn = async (n: { id: string }) => (await f.server.ctx.db.one<{ channel_txn_id: string }>('select channel_txn_id from payment_transaction where notice_id = $1', [n.id]))!.channel_txn_id;
    for (const n of [matched, mismatched, missingOnChannel]) await f.payThroughSimulator(n, 'sim-bank');
    // Payments of earlier tests on this channel and day are part of the statement too.
    const earlier = await f.server.ctx.db.query<{ channel_txn_id: string; code: string; amount_fen: number }>(
      `select t.channel_txn_id, n.code, t.amount_fen from payment_transaction t join payment_notice n on n.id = t.notice_id
        where t.channel = 'sim-bank' and t.notice_id <> all($1::uuid[])`,
      [[matched.id, mismatched.id, missingOnChannel.id]],
    );
    const refundsDone = await f.server.ctx.db.query<{ id: string; code: string; amount_fen: number }>(
      `select f.id, n.code, f.amount_fen from payment_refund f join payment_notice n on n.id = f.notice_id where f.channel = 'sim-bank' and f.status = 'done'`,
    );
    const at = clock.now().toISOString();
    const lines = [
      ...earlier.map((e) => `PAY,${e.channel_txn_id},${e.code},${e.amount_fen},${at}`),
      ...refundsDone.map((r) => `REFUND,${r.id},${r.code},${r.amount_fen},${at}`),
      `PAY,${await txn(matched)},${matched.code},${matched.amountFen},${at}`,
      `PAY,${await txn(mismatched)},${mismatched.code},${mismatched.amountFen + 1},${at}`,
      `PAY,BLOST0001,${unpaid.code},${unpaid.amountFen},${at}`,
    ];
    const csv = [`#channel=sim-bank,day=${today()},count=${lines.length}`, 'kind,channel_txn_id,payment_code,amount_fen,occurred_at', ...lines].join('\n');
    const upload = await f.server.api(`/api/payment/reconciliation/statements/sim-bank/${today()}`, {
      method: 'POST',
      cookie: f.cookies.admin,
      rawBody: csv,
      headers: { 'content-type': 'text/csv' },
    });
    assert.equal(upload.status, 201, JSON.stringify(upload.body));
    assert.equal(upload.body.missingOurs, 1);
    assert.equal(upload.body.missingChannel, 1);
    assert.equal(upload.body.amountMismatch, 1);
    assert.equal(upload.body.matched, lines.length - 2);

    const tasks = await f.server.api(`/api/payment/reconciliation/discrepancies?runId=${upload.body.id}`, { cookie: f.cookies.admin });
    assert.equal(tasks.body.total, 3);
    const byKind = Object.fromEntries(tasks.body.items.map((d: { kind: string }) => [d.kind, d]));
    assert.equal(byKind.missing_channel.noticeId, missingOnChannel.id);
    assert.equal(byKind.amount_mismatch.channelFen, mismatched.amountFen + 1);
    assert.deepEqual(byKind.missing_ours.actions, ['record_payment', 'report_to_channel', 'write_off']);
    // The department administrator of 市场监管局 sees its unit's tasks; the citizen sees none.
    const dept = await f.server.api(`/api/payment/reconciliation/discrepancies?runId=${upload.body.id}`, { cookie: f.cookies.deptadmin });
    assert.equal(dept.body.total, 3);
    assert.equal((await f.server.api('/api/payment/reconciliation/discrepancies', { cookie: f.cookies.citizen })).status, 403);

    const noNote = await f.server.api(`/api/payment/reconciliation/discrepancies/${byKind.missing_ours.id}/resolve`, { method: 'POST', cookie: f.cookies.admin, body: { action: 'record_payment', note: ' ' } });
    assert.equal(noNote.body.error.code, 'RESOLUTION_NOTE_REQUIRED');
    const notAllowed = await f.server.api(`/api/payment/reconciliation/discrepancies/${byKind.missing_channel.id}/resolve`, { method: 'POST', cookie: f.cookies.admin, body: { action: 'record_payment', note: '补记' } });
    assert.equal(notAllowed.body.error.code, 'RESOLUTION_NOT_ALLOWED');
    const recorded = await f.server.api(`/api/payment/reconciliation/discrepancies/${byKind.missing_ours.id}/resolve`, { method: 'POST', cookie: f.cookies.admin, body: { action: 'record_payment', note: '渠道已扣款，补记' } });
    assert.equal(recorded.status, 200, JSON.stringify(recorded.body));
    assert.equal(recorded.body.status, 'resolved');
    assert.equal((await f.server.api(`/api/payment/notices/${unpaid.id}`, { cookie: f.cookies.citizen })).body.status, 'paid');
    const twice = await f.server.api(`/api/payment/reconciliation/discrepancies/${byKind.missing_ours.id}/resolve`, { method: 'POST', cookie: f.cookies.admin, body: { action: 'write_off', note: 'x' } });
    assert.equal(twice.status, 409);

    const report = await f.server.api(`/api/payment/reconciliation/report?from=${today()}&to=${today()}`, { cookie: f.cookies.admin });
    assert.equal(report.status, 200);
    const row = report.body.rows.find((r: { channel: string; departmentId: string }) => r.channel === 'sim-bank' && r.departmentId === f.scjgj);
    assert.ok(row && row.discrepancies === 3 && row.matched >= 1, JSON.stringify(report.body.rows));
    const xlsx = await fetch(`${f.server.url}/api/payment/reconciliation/report.xlsx?from=${today()}&to=${today()}`, { headers: { cookie: f.cookies.admin } });
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    assert.equal(wb.worksheets.length, 2);
    const kinds = wb.worksheets[1]!.getColumn(3).values.slice(2);
    assert.ok(kinds.includes('我方无记录') && kinds.includes('渠道无记录') && kinds.includes('金额不符'), JSON.stringify(kinds));

    const totals = await f.server.api(`/api/payment/totals?from=${today()}&to=${today()}`, { cookie: f.cookies.deptadmin });
    assert.equal(totals.status, 200);
    assert.deepEqual(totals.body.items.map((t: { departmentId: string }) => t.departmentId), [f.scjgj]);
    assert.ok(totals.body.items[0].paidFen > 0 && totals.body.items[0].paidOnline === totals.body.items[0].paid);

    const { paymentIndicators } = await import('../../src/modules/payment/index.ts');
    const indicators = await paymentIndicators(f.server.ctx.db, { regionCode: '445300000000', from: today(), to: today() });
    assert.equal(indicators.onlineShare, 1);
    assert.equal(indicators.collectedFen, totals.body.items[0].paidFen);
    assert.equal(indicators.discrepancies, 3);
    assert.equal(indicators.openDiscrepancies, 2);
  });

  test('malformed statement files are refused with the line and reason, audited, and leave no discrepancies', async () => {
    const head = `#channel=sim-bank,day=${today()}`;
    const cols = 'kind,channel_txn_id,payment_code,amount_fen,occurred_at';
    const at = clock.now().toISOString();
    const cases: [string, number, string][] = [
      ['garbage', 1, 'header'],
      [`${head},count=1\n${cols}\nPAY,T1,445300,-5,${at}`, 3, 'amount_fen'],
      [`${head},count=1\n${cols}\nPAY,T1,445300,1.5,${at}`, 3, 'amount_fen'],
      [`${head},count=1\n${cols}\nPAY,T1,445300,99999999999999999,${at}`, 3, 'amount_fen'],
      [`${head},count=2\n${cols}\nPAY,T1,445300,100,${at}`, 3, 'count 2 in header, 1 lines'],
      [`${head},count=2\n${cols}\nPAY,T1,445300,100,${at}\nPAY,T1,445300,100,${at}`, 3, 'duplicate transaction'],
      [`#channel=sim-wallet,day=${today()},count=0\n${cols}`, 1, 'statement of another channel or day'],
      [`${head},count=1\n${cols}\nPAY,T1,445300,100`, 3, 'field count'],
    ];
    const discrepanciesBefore = await count('select count(*) as n from payment_discrepancy');
    for (const [csv, line, reason] of cases) {
      const before = await auditCount('payment.reconciliation.failed', 'STATEMENT_MALFORMED');
      const res = await f.server.api(`/api/payment/reconciliation/statements/sim-bank/${today()}`, {
        method: 'POST',
        cookie: f.cookies.admin,
        rawBody: csv,
        headers: { 'content-type': 'text/csv' },
      });
      assert.equal(res.status, 400, csv);
      assert.equal(res.body.error.code, 'STATEMENT_MALFORMED');
      assert.deepEqual([res.body.error.details.line, res.body.error.details.reason], [line, reason]);
      assert.equal(await auditCount('payment.reconciliation.failed', 'STATEMENT_MALFORMED'), before + 1);
    }
    assert.equal(await count('select count(*) as n from payment_discrepancy'), discrepanciesBefore);
    assert.equal(await count('select count(*) as n from payment_statement_line'), 0);
    const clerk = await f.server.api(`/api/payment/reconciliation/statements/sim-bank/${today()}`, { method: 'POST', cookie: f.cookies.clerk, rawBody: 'x', headers: { 'content-type': 'text/csv' } });
    assert.equal(clerk.status, 403);
  });
});
