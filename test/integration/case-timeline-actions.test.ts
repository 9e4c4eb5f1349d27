import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uploadMaterial } from '../support/files.ts';
import { caseAtPayment, draftFeeCase, FEE_FEN, feeCaseFixture, payAtStep } from './payment-case-fixture.ts';
import type { PaymentFixture } from './payment-fixture.ts';

// Issue #14: the applicant's case shows who acted in Chinese-readable terms (系统自动, the
// department and role), 已缴费 with amount and time, and only the actions that apply now — which
// the server decides: 删除草稿 on a draft, 撤回申请 before the decision and never after it.
let f: PaymentFixture;
const api = (...a: Parameters<PaymentFixture['server']['api']>) => f.server.api(...a);
const detail = async (id: string, cookie = f.cookies.citizen) => (await api(`/api/cases/${id}`, { cookie })).body;
const draft = (cookie = f.cookies.citizen) => draftFeeCase(api, cookie);

before(async () => {
  f = await feeCaseFixture();
});
after(() => f.close());

describe('删除草稿', () => {
  test('a draft offers save, upload, submit and delete — not withdrawal, which the server refuses on a draft', async () => {
    const d = await draft();
    assert.deepEqual((await detail(d.id)).actions, ['save', 'upload', 'submit', 'delete_draft']);
    const res = await api(`/api/cases/${d.id}/withdraw`, { method: 'POST', cookie: f.cookies.citizen, body: { version: d.version } });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'CASE_NOT_WITHDRAWABLE');
  });

  test('the owner deletes their draft with its files and timeline; it is gone', async () => {
    const d = await draft();
    assert.equal((await uploadMaterial(f.server, f.cookies.citizen, d.id, 'm1')).status, 201);
    const res = await api(`/api/cases/${d.id}`, { method: 'DELETE', cookie: f.cookies.citizen });
    assert.equal(res.status, 204, JSON.stringify(res.body));
    assert.equal((await api(`/api/cases/${d.id}`, { cookie: f.cookies.citizen })).status, 404);
    const left = await f.server.ctx.db.one<{ n: number }>(
      `select (select count(*) from case_material where case_id = $1) + (select count(*) from case_event where case_id = $1) as n`,
      [d.id],
    );
    assert.equal(Number(left!.n), 0);
    const audit = await f.server.ctx.db.one<{ n: number }>(`select count(*) as n from audit_log where action = 'case.draft_deleted' and object_id = $1`, [d.id]);
    assert.equal(Number(audit!.n), 1);
    // deleting again: there is nothing
    assert.equal((await api(`/api/cases/${d.id}`, { method: 'DELETE', cookie: f.cookies.citizen })).status, 404);
  });

  test('refused for anyone but the owner, and for anything but a draft, with stable codes; nothing is deleted', async () => {
    const d = await draft();
    const stranger = await api(`/api/cases/${d.id}`, { method: 'DELETE', cookie: f.cookies.citizen2 });
    assert.equal(stranger.status, 404);
    assert.equal(stranger.body.error.code, 'NOT_FOUND');
    const staff = await api(`/api/cases/${d.id}`, { method: 'DELETE', cookie: f.cookies.clerk });
    assert.equal(staff.status, 403);
    const anonymous = await api(`/api/cases/${d.id}`, { method: 'DELETE' });
    assert.equal(anonymous.status, 401);
    const badId = await api('/api/cases/not-a-uuid', { method: 'DELETE', cookie: f.cookies.citizen });
    assert.equal(badId.status, 400);
    assert.equal((await detail(d.id)).case.status, 'draft');

    const { caseId } = await caseAtPayment(f.server.url, api, f.cookies);
    const submitted = await api(`/api/cases/${caseId}`, { method: 'DELETE', cookie: f.cookies.citizen });
    assert.equal(submitted.status, 409);
    assert.equal(submitted.body.error.code, 'CASE_DELETE_NOT_DRAFT');
    assert.match(submitted.body.error.message, /草稿/);
  });
});

describe('撤回申请 only before the decision', () => {
  test('offered while the case waits for acceptance; gone, and refused, once the decision is made and the fee is due', async () => {
    const d = await draft();
    for (const key of ['m1', 'm2', 'm3']) assert.equal((await uploadMaterial(f.server, f.cookies.citizen, d.id, key)).status, 201);
    const sub = await api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie: f.cookies.citizen, body: { version: (await detail(d.id)).case.version } });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    assert.deepEqual((await detail(d.id)).actions, ['withdraw']);

    const { caseId } = await caseAtPayment(f.server.url, api, f.cookies);
    const waiting = await detail(caseId);
    assert.equal(waiting.case.currentStep.kind, 'payment');
    assert.deepEqual(waiting.actions, []);
    const res = await api(`/api/cases/${caseId}/withdraw`, { method: 'POST', cookie: f.cookies.citizen, body: { version: waiting.case.version } });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'CASE_NOT_WITHDRAWABLE');
    assert.equal((await detail(caseId)).case.status, 'processing');
  });
});

describe('the timeline', () => {
  test('已缴费 with amount and time; actors as 系统自动, the department and role, the applicant — never an English word or an id', async () => {
    const { caseId, noticeId } = await caseAtPayment(f.server.url, api, f.cookies);
    await payAtStep(f, noticeId, f.cookies.citizen);
    const done = await detail(caseId);
    assert.equal(done.case.status, 'completed');
    assert.deepEqual(done.actions, []);
    const kinds = done.timeline.map((e: { kind: string }) => e.kind);
    assert.deepEqual(kinds.slice(-2), ['paid', 'approved']);
    const paid = done.timeline.find((e: { kind: string }) => e.kind === 'paid');
    assert.equal(paid.details.amountFen, FEE_FEN);
    assert.ok(!Number.isNaN(Date.parse(paid.details.paidAt)));
    assert.deepEqual(paid.actor, { kind: 'system', name: null, department: null, role: null });

    const byKind = (t: { kind: string; actor: Record<string, unknown> }[], kind: string) => t.find((e) => e.kind === kind)!.actor;
    assert.deepEqual(byKind(done.timeline, 'submitted'), { kind: 'applicant', name: '陈小云', department: null, role: null });
    // the applicant reads the department and the role, not the official's name (the clerk sits at the general window of the data bureau)
    assert.deepEqual(byKind(done.timeline, 'accepted'), { kind: 'staff', name: null, department: '云浮市政务服务和数据管理局', role: 'window_clerk' });
    assert.deepEqual(byKind(done.timeline, 'payment_requested'), { kind: 'staff', name: null, department: '云浮市市场监督管理局', role: 'approver' });
    for (const e of done.timeline) {
      assert.notEqual(e.actor.name, 'system');
      assert.doesNotMatch(JSON.stringify(e.actor), /[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
    // colleagues read the name too
    const staffView = await detail(caseId, f.cookies.approver);
    const accepted = byKind(staffView.timeline, 'payment_requested');
    assert.equal(accepted.department, '云浮市市场监督管理局');
    assert.equal(typeof accepted.name, 'string');
    assert.notEqual(accepted.name, '');
  });
});
