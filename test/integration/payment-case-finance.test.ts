import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { caseAtPayment, publishFeeItem } from './payment-case-fixture.ts';
import { paymentBody, paymentFixture, today, type PaymentFixture } from './payment-fixture.ts';

// The finance officer (财务人员) of a collecting unit: the unit's money, nothing of its cases.
let f: PaymentFixture;
let finance = '';
const api = (...a: Parameters<PaymentFixture['server']['api']>) => f.server.api(...a);
const range = `from=${today()}&to=${today()}`;

/** Paid through a bank callback that the simulator's own statement will not contain. */
async function paidWithoutStatement(notice: { code: string; amountFen: number }) {
  const res = await f.callback('sim-bank', paymentBody(notice));
  assert.equal(res.body.outcome, 'credited');
}

before(async () => {
  f = await paymentFixture();
  finance = await f.server.login('finance');
});
after(() => f.close());

describe('finance officer', () => {
  test('the demo account holds the finance role, narrowed to 市场监督管理局 and each department collecting at a payment step', async () => {
    const me = (await api('/api/auth/me', { cookie: finance })).body.user;
    // 自然资源局 collects the 工本费 of 不动产权证书补发 at its payment step
    const zrzyj = (await f.server.ctx.db.one<{ id: string }>("select id from department where code = '445300-ZRZYJ'"))!.id;
    assert.deepEqual(
      me.roles.map((r: { role: string; departmentId: string | null }) => [r.role, r.departmentId]).sort(),
      [['finance_officer', f.scjgj], ['finance_officer', zrzyj]].sort(),
    );
    const roles = await api('/api/org/roles', { cookie: f.cookies.admin, headers: { 'accept-language': 'zh-CN' } });
    assert.equal(roles.status, 200);
    assert.deepEqual(roles.body.items.find((r: { code: string }) => r.code === 'finance_officer'), { code: 'finance_officer', name: '财务人员' });
  });

  test('sees totals and reconciliation tasks of their own collecting unit only', async () => {
    const own = await f.createNotice();
    const other = await f.createNotice({ departmentId: f.otherDept }, f.cookies.admin);
    await paidWithoutStatement(own);
    await paidWithoutStatement(other);

    const totals = await api(`/api/payment/totals?${range}`, { cookie: finance });
    assert.equal(totals.status, 200, JSON.stringify(totals.body));
    assert.deepEqual(totals.body.items.map((t: { departmentId: string }) => t.departmentId), [f.scjgj]);
    assert.ok(totals.body.items[0].paidFen >= own.amountFen);
    const cityWide = await api(`/api/payment/totals?${range}`, { cookie: f.cookies.admin });
    assert.ok(cityWide.body.items.some((t: { departmentId: string }) => t.departmentId === f.otherDept));

    // the simulator's statement lacks both payments: two tasks, one per unit
    const run = await api('/api/payment/reconciliation/runs', { method: 'POST', cookie: finance, body: { channel: 'sim-bank', day: today() } });
    assert.equal(run.status, 201, JSON.stringify(run.body));
    const all = await api(`/api/payment/reconciliation/discrepancies?runId=${run.body.id}`, { cookie: f.cookies.admin });
    const codes = all.body.items.map((d: { paymentCode: string }) => d.paymentCode);
    assert.ok(codes.includes(own.code) && codes.includes(other.code), JSON.stringify(codes));
    const mine = await api(`/api/payment/reconciliation/discrepancies?runId=${run.body.id}`, { cookie: finance });
    assert.deepEqual(mine.body.items.map((d: { paymentCode: string }) => d.paymentCode), [own.code]);
    const ownTask = mine.body.items[0];
    assert.equal(ownTask.kind, 'missing_channel');
    const otherTask = all.body.items.find((d: { paymentCode: string }) => d.paymentCode === other.code);
    const foreign = await api(`/api/payment/reconciliation/discrepancies/${otherTask.id}/resolve`, { method: 'POST', cookie: finance, body: { action: 'report_to_channel', note: '已报渠道' } });
    assert.ok([403, 404].includes(foreign.status), String(foreign.status));
    const resolved = await api(`/api/payment/reconciliation/discrepancies/${ownTask.id}/resolve`, { method: 'POST', cookie: finance, body: { action: 'report_to_channel', note: '已报渠道核查' } });
    assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
    assert.equal(resolved.body.status, 'resolved');
    // a leader reads the figures but acts on no task
    const leader = await api(`/api/payment/reconciliation/discrepancies?runId=${run.body.id}`, { cookie: f.cookies.leader });
    assert.equal(leader.status, 200);
    const byLeader = await api(`/api/payment/reconciliation/discrepancies/${otherTask.id}/resolve`, { method: 'POST', cookie: f.cookies.leader, body: { action: 'write_off', note: 'x' } });
    assert.equal(byLeader.status, 403);
  });

  test('cannot approve their own refund request; a second person can', async () => {
    const notice = await f.createNotice();
    await paidWithoutStatement(notice);
    const request = await api('/api/payment/refunds', { method: 'POST', cookie: finance, body: { noticeId: notice.id, amountFen: 3000, reason: '多收费用' } });
    assert.equal(request.status, 201, JSON.stringify(request.body));
    const self = await api(`/api/payment/refunds/${request.body.id}/decision`, { method: 'POST', cookie: finance, body: { approve: true } });
    assert.equal(self.status, 403);
    assert.equal(self.body.error.code, 'REFUND_SAME_PERSON');
    const second = await api(`/api/payment/refunds/${request.body.id}/decision`, { method: 'POST', cookie: f.cookies.deptadmin, body: { approve: true, note: '核实无误' } });
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.equal(second.body.status, 'approved');
    // nor may they refund money of another unit
    const other = await f.createNotice({ departmentId: f.otherDept }, f.cookies.admin);
    await paidWithoutStatement(other);
    const foreign = await api('/api/payment/refunds', { method: 'POST', cookie: finance, body: { noticeId: other.id, amountFen: 100, reason: 'x' } });
    assert.equal(foreign.status, 404);
  });

  test('cannot act on cases, even on a case waiting for the unit’s money', async () => {
    await publishFeeItem(api, { deptadmin: f.cookies.deptadmin, dataofficer: await f.server.login('dataofficer') });
    const { caseId, noticeId } = await caseAtPayment(f.server.url, api, f.cookies);
    // the notice is the unit's: the finance officer sees it…
    assert.equal((await api(`/api/payment/notices/${noticeId}`, { cookie: finance })).status, 200);
    // …but not the case, its inbox or its actions
    const inbox = await api('/api/cases/inbox?view=all', { cookie: finance });
    assert.equal(inbox.status, 200);
    assert.equal(inbox.body.total, 0);
    assert.equal((await api(`/api/cases/${caseId}`, { cookie: f.cookies.approver })).status, 200);
    const shown = await api(`/api/cases/${caseId}`, { cookie: finance });
    assert.ok([403, 404].includes(shown.status), String(shown.status));
    const acted = await api(`/api/cases/${caseId}/actions/approve`, { method: 'POST', cookie: finance, body: { version: 1, opinion: 'x' } });
    assert.ok([403, 404].includes(acted.status), String(acted.status));
  });
});
