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

/**
 * The city's 自然资源局, whose 不动产 items collect their fees at a payment step: the unit the demo
 * finance officer serves besides 市场监督管理局 (公安局's 工本费 are not collected on the platform:
 * its items have no payment step, so it is not served).
 */
async function served(): Promise<{ zrzyj: string }> {
  // by the exact name: the names of the county branches contain the city unit's
  const find = async (name: string) =>
    (await api(`/api/org/departments?q=${encodeURIComponent(name)}`, { cookie: f.cookies.admin })).body.items.find((d: { name: string }) => d.name === name).id as string;
  return { zrzyj: await find('云浮市自然资源局') };
}

describe('finance officer', () => {
  test('the demo account holds the finance role for 市场监督管理局 and the city units whose demo fees it handles', async () => {
    const me = (await api('/api/auth/me', { cookie: finance })).body.user;
    const units = await served();
    assert.deepEqual(
      me.roles.map((r: { role: string; departmentId: string | null }) => [r.role, r.departmentId]).sort(),
      [f.scjgj, units.zrzyj].map((d) => ['finance_officer', d]).sort(),
    );
    const roles = await api('/api/org/roles', { cookie: f.cookies.admin, headers: { 'accept-language': 'zh-CN' } });
    assert.equal(roles.status, 200);
    assert.deepEqual(roles.body.items.find((r: { code: string }) => r.code === 'finance_officer'), { code: 'finance_officer', name: '财务人员' });
  });

  test('lists and filters the payments of the units served, and is refused another unit’s', async () => {
    const units = await served();
    // 不动产登记费 of 自然资源局: a unit served besides the officer's own (#14.8: it showed 暂无数据)
    const land = await f.createNotice({ departmentId: units.zrzyj, itemCode: 'LAND-FEE' }, f.cookies.admin);
    const other = await f.createNotice({ departmentId: f.otherDept, itemCode: 'OTHER-FEE' }, f.cookies.admin);
    await paidWithoutStatement(land);
    await paidWithoutStatement(other);

    const all = await api('/api/payment/notices?pageSize=100', { cookie: finance });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    const ids = all.body.items.map((n: { id: string }) => n.id);
    assert.ok(ids.includes(land.id), 'a payment to a served unit is listed');
    assert.ok(!ids.includes(other.id), 'a payment to another unit is not');
    assert.ok(all.body.items.every((n: { departmentId: string }) => [f.scjgj, units.zrzyj].includes(n.departmentId)));

    const filtered = await api(`/api/payment/notices?departmentId=${units.zrzyj}`, { cookie: finance });
    assert.deepEqual([filtered.status, filtered.body.items.map((n: { id: string }) => n.id)], [200, [land.id]]);
    const refused = await api(`/api/payment/notices?departmentId=${f.otherDept}`, { cookie: finance, headers: { 'accept-language': 'zh-CN' } });
    assert.deepEqual([refused.status, refused.body.error.code], [403, 'PAYMENT_UNIT_NOT_SERVED']);
    assert.match(refused.body.error.message, /执收单位/);
    const unknown = await api(`/api/payment/notices?departmentId=${'0'.repeat(8)}-0000-7000-8000-${'0'.repeat(12)}`, { cookie: finance });
    assert.deepEqual([unknown.status, unknown.body.error.code], [403, 'PAYMENT_UNIT_NOT_SERVED']);
    assert.equal((await api(`/api/payment/notices/${other.id}`, { cookie: finance })).status, 404);

    const totals = await api(`/api/payment/totals?${range}`, { cookie: finance });
    const byUnit = new Map(totals.body.items.map((t: { departmentId: string; paidFen: number }) => [t.departmentId, t.paidFen]));
    assert.ok(Number(byUnit.get(units.zrzyj)) >= land.amountFen);
    assert.ok(!byUnit.has(f.otherDept));

    // the units endpoint offers exactly the served units to the list's filter
    const offered = await api('/api/payment/units', { cookie: finance });
    assert.deepEqual(offered.body.items.map((u: { id: string }) => u.id).sort(), [f.scjgj, units.zrzyj].sort());
    // a city-wide administrator serves every unit of the city; a citizen and the anonymous none
    const cityWide = await api('/api/payment/units', { cookie: f.cookies.admin });
    assert.ok(cityWide.body.items.some((u: { id: string }) => u.id === f.otherDept));
    assert.equal((await api(`/api/payment/notices?departmentId=${f.otherDept}`, { cookie: f.cookies.admin })).status, 200);
    assert.equal((await api('/api/payment/units', { cookie: f.cookies.citizen })).status, 403);
    assert.equal((await api('/api/payment/units')).status, 401);
  });

  test('sees totals and reconciliation tasks of the collecting units they serve only', async () => {
    const own = await f.createNotice();
    const other = await f.createNotice({ departmentId: f.otherDept }, f.cookies.admin);
    await paidWithoutStatement(own);
    await paidWithoutStatement(other);

    const totals = await api(`/api/payment/totals?${range}`, { cookie: finance });
    assert.equal(totals.status, 200, JSON.stringify(totals.body));
    const units = await served();
    const shown = totals.body.items.map((t: { departmentId: string }) => t.departmentId);
    assert.ok(shown.includes(f.scjgj) && !shown.includes(f.otherDept), JSON.stringify(shown));
    assert.ok(shown.every((d: string) => [f.scjgj, units.zrzyj].includes(d)), 'only units the grants name');
    assert.ok(totals.body.items.find((t: { departmentId: string }) => t.departmentId === f.scjgj).paidFen >= own.amountFen);
    const cityWide = await api(`/api/payment/totals?${range}`, { cookie: f.cookies.admin });
    assert.ok(cityWide.body.items.some((t: { departmentId: string }) => t.departmentId === f.otherDept));

    // the simulator's statement lacks both payments: two tasks, one per unit
    const run = await api('/api/payment/reconciliation/runs', { method: 'POST', cookie: finance, body: { channel: 'sim-bank', day: today() } });
    assert.equal(run.status, 201, JSON.stringify(run.body));
    const all = await api(`/api/payment/reconciliation/discrepancies?runId=${run.body.id}`, { cookie: f.cookies.admin });
    const codes = all.body.items.map((d: { paymentCode: string }) => d.paymentCode);
    assert.ok(codes.includes(own.code) && codes.includes(other.code), JSON.stringify(codes));
    const mine = await api(`/api/payment/reconciliation/discrepancies?runId=${run.body.id}`, { cookie: finance });
    const mineCodes = mine.body.items.map((d: { paymentCode: string }) => d.paymentCode);
    assert.ok(mineCodes.includes(own.code) && !mineCodes.includes(other.code), JSON.stringify(mineCodes));
    const ownTask = mine.body.items.find((d: { paymentCode: string }) => d.paymentCode === own.code);
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
