import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadCalendar } from '../../src/kernel/calendar/index.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { anyDate } from '../support/dates.ts';
import { fixedFee, publishItemVersion, STEP } from '../support/catalog.ts';
import { paymentFixture, today, type PaymentFixture } from './payment-fixture.ts';
import { payAtStep } from './payment-case-fixture.ts';
import * as clock from '../../src/kernel/clock.ts';

/** 食品安全违法行为举报奖励 (市场监管, city): three required materials. */
const REWARD = '000H2453000000-445300000000-000-11445300530000243C-1-00';
/** 营业执照遗失补领、换发: 即办. */
const IMMEDIATE = '000A2401006000-445300000000-000-11445300530000243C-1-00';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n');
const rewardForm = { report_number: 'JB2026-0001', bank_account: '6222020000000000001' };
const immediateForm = {
  entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云',
  agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: '13800000001', reason: '遗失补领',
};

let f: PaymentFixture;
const api = (...a: Parameters<PaymentFixture['server']['api']>) => f.server.api(...a);
const db = () => f.server.ctx.db;

let dataOfficer = '';

const setContent = (code: string, patch: Record<string, unknown>) => publishItemVersion(api, { deptadmin: f.cookies.deptadmin, dataofficer: dataOfficer }, code, patch);

async function upload(cookie: string, caseId: string, key: string) {
  const res = await fetch(`${f.server.url}/api/cases/${caseId}/materials/${key}?name=a.pdf`, {
    method: 'PUT',
    headers: { cookie, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(PDF),
  });
  assert.equal(res.status, 201);
}

async function draft(item: string, formData: Record<string, unknown>, keys: string[], cookie = f.cookies.citizen) {
  const d = await api('/api/cases', { method: 'POST', cookie, body: { item, formData } });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  for (const k of keys) await upload(cookie, d.body.case.id, k);
  return d.body.case as { id: string; version: number };
}

async function submit(item: string, formData: Record<string, unknown>, keys: string[], extra: Record<string, unknown> = {}) {
  const d = await draft(item, formData, keys);
  return api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie: f.cookies.citizen, body: { version: d.version, ...extra } });
}

async function act(cookie: string, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await api(`/api/cases/${id}`, { cookie });
  return api(`/api/cases/${id}/actions/${action}`, { method: 'POST', cookie, body: { version: current.body.case?.version ?? 1, ...body } });
}

const detail = async (id: string, cookie = f.cookies.approver) => (await api(`/api/cases/${id}`, { cookie })).body;

before(async () => {
  f = await paymentFixture();
  dataOfficer = await f.server.login('dataofficer');
});
after(() => f.close());

describe('workflow as data', () => {
  test('an item workflow with a special procedure and a payment step runs to completion when the fee is paid', async () => {
    await setContent(REWARD, {
      workflow: [STEP.accept, STEP.review, STEP.experts, STEP.decide, STEP.pay],
      fees: fixedFee(12000),
    });
    const sub = await submit(REWARD, rewardForm, ['m1', 'm2', 'm3']);
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    const id = sub.body.case.id;
    assert.deepEqual(sub.body.case.steps.map((s: { kind: string }) => s.kind), ['accept', 'review', 'special', 'decide', 'payment']);

    assert.equal((await act(f.cookies.clerk, id, 'accept')).status, 200);
    const toExperts = await act(f.cookies.approver, id, 'approve', { opinion: '材料齐全' });
    assert.equal(toExperts.status, 200, JSON.stringify(toExperts.body));
    assert.equal(toExperts.body.currentStep.kind, 'special');
    assert.equal(toExperts.body.specialProcedure.procedure, 'expert_review');
    // 专家评审 is not counted in the limit (行政许可法 art. 45): the clock stands still from today
    assert.equal(toExperts.body.specialProcedure.pausesClock, true);
    assert.equal(toExperts.body.clock.pausedSince, today());
    assert.deepEqual((await detail(id)).actions, ['claim', 'assign', 'approve', 'return']);

    // three working days of review by experts pass: on a weekend or holiday the last of them is
    // the working day before today (paused days are the working days in (paused since, today])
    const cal = await loadCalendar(db(), Number(today().slice(0, 4)) - 1, Number(today().slice(0, 4)) + 1);
    const lastWorkingDay = cal.isWorkingDay(today()) ? today() : cal.addWorkingDays(today(), -1);
    const started = cal.addWorkingDays(lastWorkingDay, -3);
    await db().query(`update case_record set paused_since = $2 where id = $1`, [id, started]);
    const dueBefore = toExperts.body.clock.promisedDue;
    const ended = await act(f.cookies.approver, id, 'approve', { opinion: '专家意见：同意' });
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.equal(ended.body.specialProcedure, null);
    assert.equal(ended.body.clock.pausedDays, 3);
    assert.equal(ended.body.clock.promisedDue, cal.addWorkingDays(dueBefore, 3));
    const records = (await detail(id)).specialProcedures;
    assert.equal(records.length, 1);
    assert.equal(records[0].name, '专家评审');
    assert.equal(records[0].result, '专家意见：同意');
    assert.equal(records[0].pausedDays, 3);

    const decided = await act(f.cookies.approver, id, 'approve', { opinion: '准予' });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.status, 'processing');
    assert.equal(decided.body.currentStep.kind, 'payment');
    assert.ok(decided.body.feeNoticeId);
    // the time the applicant takes to pay does not count against the department
    assert.equal(decided.body.clock.pausedSince, today());
    // nobody can push a payment step on: it waits for the money
    assert.deepEqual((await detail(id)).actions, []);
    assert.equal((await act(f.cookies.approver, id, 'approve', { opinion: 'x' })).status, 409);

    const notice = await api(`/api/payment/notices/${decided.body.feeNoticeId}`, { cookie: f.cookies.citizen });
    assert.equal(notice.status, 200, JSON.stringify(notice.body));
    assert.equal(notice.body.amountFen, 12000);
    assert.equal(notice.body.caseId, id);
    const pay = await api(`/api/payment/notices/${notice.body.id}/pay`, { method: 'POST', cookie: f.cookies.citizen, body: { channel: 'sim-wallet' } });
    assert.equal(pay.status, 200, JSON.stringify(pay.body));
    // the gateway sends its callback twice: the case still completes once
    assert.equal(await f.payOnPage(pay.body.payUrl, { duplicates: '2' }), 303);
    await f.drain();
    await f.fastForward();
    const done = await detail(id, f.cookies.citizen);
    assert.equal(done.case.status, 'completed');
    assert.equal(done.case.clock.pausedSince, null);
    assert.equal(done.case.outcome, 'approved');
    const kinds = done.timeline.map((e: { kind: string }) => e.kind);
    assert.equal(kinds.filter((k: string) => k === 'approved').length, 1);
    assert.ok(kinds.includes('special_procedure_started'));
  });

  test('a late decision before a payment step names its reason; paying completes a commitment case with its check', async () => {
    await setContent(REWARD, {
      workflow: [STEP.accept, STEP.review, STEP.decide, STEP.pay],
      fees: fixedFee(5000),
      flags: { commitment: true },
      conditions: ['举报内容真实'],
    });
    const d = await draft(REWARD, rewardForm, ['m1', 'm2', 'm3']);
    const sub = await api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie: f.cookies.citizen, body: { version: d.version, commitment: true } });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    const id = d.id;
    await act(f.cookies.clerk, id, 'accept');
    await act(f.cookies.approver, id, 'approve', { opinion: '同意' });
    // the case was received two months ago: its limit has passed, whatever the clock recomputes
    await db().query(`update case_record set clock_start = clock_start - 60, promised_due = clock_today() - 1 where id = $1`, [id]);
    const noReason = await act(f.cookies.approver, id, 'approve', { opinion: '准予' });
    assert.equal(noReason.body.error?.code, 'OVERDUE_REASON_REQUIRED');
    const decided = await act(f.cookies.approver, id, 'approve', { opinion: '准予', overdueReason: '等待专家意见' });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.currentStep.kind, 'payment');
    assert.equal(decided.body.overdueReason, '等待专家意见');

    await payAtStep(f, decided.body.feeNoticeId, f.cookies.citizen, 'sim-wallet');
    const done = await detail(id);
    assert.equal(done.case.status, 'completed');
    assert.equal(done.case.clock.overdue, true);
    assert.equal(done.case.overdueReason, '等待专家意见');
    assert.ok(done.commitmentCheck?.due, 'the commitment check opens when the paid case completes');
    await setContent(REWARD, { workflow: null, flags: {} });
  });

  test('a handler starts a hearing during review; only ending it lets the case go on', async () => {
    await setContent(REWARD, { workflow: null });
    const sub = await submit(REWARD, rewardForm, ['m1', 'm2', 'm3']);
    const id = sub.body.case.id;
    await act(f.cookies.clerk, id, 'accept');
    const noProcedure = await act(f.cookies.approver, id, 'start_special', { opinion: '申请人要求听证' });
    assert.equal(noProcedure.status, 400);
    assert.equal(noProcedure.body.error.code, 'VALIDATION_FAILED');
    const unknown = await act(f.cookies.approver, id, 'start_special', { procedure: 'lottery', opinion: 'x' });
    assert.equal(unknown.status, 400);
    const started = await act(f.cookies.approver, id, 'start_special', { procedure: 'hearing', opinion: '申请人要求听证' });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.specialProcedure.name, '听证');
    assert.deepEqual((await detail(id)).actions, ['claim', 'assign', 'end_special']);
    assert.equal((await act(f.cookies.approver, id, 'approve', { opinion: '同意' })).body.error.code, 'CASE_ACTION_NOT_ALLOWED');
    const ended = await act(f.cookies.approver, id, 'end_special', { opinion: '听证结束，意见已采纳' });
    assert.equal(ended.status, 200, JSON.stringify(ended.body));
    assert.equal(ended.body.specialProcedure, null);
    assert.equal(ended.body.clock.pausedSince, null);
    assert.equal((await act(f.cookies.approver, id, 'approve', { opinion: '同意' })).status, 200);
  });
});

describe('assign and transfer', anyDate, () => {
  test('a department head assigns a step; the assignee may hand it on; someone without the role cannot take it', async () => {
    const sub = await submit(REWARD, rewardForm, ['m1', 'm2', 'm3']);
    const id = sub.body.case.id;
    await act(f.cookies.clerk, id, 'accept');
    const me = async (cookie: string) => (await api('/api/auth/me', { cookie })).body.user.id as string;
    const approverId = await me(f.cookies.approver);
    const clerkId = await me(f.cookies.clerk);

    // the department administrator does not review, but may give the step out
    assert.deepEqual((await detail(id, f.cookies.deptadmin)).actions, ['assign']);
    const notAble = await act(f.cookies.deptadmin, id, 'assign', { assigneeId: clerkId });
    assert.equal(notAble.status, 422);
    assert.equal(notAble.body.error.code, 'ASSIGNEE_CANNOT_ACT');
    const nobody = await act(f.cookies.deptadmin, id, 'assign', { assigneeId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(nobody.body.error.code, 'ASSIGNEE_CANNOT_ACT');
    const assigned = await act(f.cookies.deptadmin, id, 'assign', { assigneeId: approverId, opinion: '请尽快审查' });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    assert.equal(assigned.body.assigneeId, approverId);
    const timeline = (await detail(id)).timeline;
    assert.equal(timeline.at(-1).kind, 'assigned');

    // a clerk of the same department cannot assign (no head role, not the holder)
    assert.equal((await act(f.cookies.clerk, id, 'assign', { assigneeId: approverId })).status, 403);
    // the leader of another department: the case is not theirs
    assert.equal((await act(f.cookies.citizen, id, 'assign', { assigneeId: approverId })).status, 403);
  });
});

describe('秒批 (automatic approval)', () => {
  test('every rule holds: approved at submission with the reasons; one fails: the case goes to the window', async () => {
    await setContent(IMMEDIATE, {
      flags: { instantApproval: true },
      instantRules: [
        { fact: 'applicant.age', op: 'gte', value: 18, label: '申请人已成年' },
        { fact: 'form.reason', op: 'eq', value: '遗失补领', label: '申请原因为遗失补领' },
      ],
    });
    const ok = await submit(IMMEDIATE, immediateForm, ['m1', 'm2']);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.case.status, 'completed');
    assert.equal(ok.body.case.outcome, 'approved');
    assert.equal(ok.body.case.instantApproval.approved, true);
    assert.deepEqual(ok.body.case.instantApproval.rules.map((r: { passed: boolean }) => r.passed), [true, true]);
    const events = await db().query<{ n: number }>(`select count(*)::int as n from outbox_event where topic = 'cases.approved' and payload->>'caseId' = $1`, [ok.body.case.id]);
    assert.equal(events[0]!.n, 1);

    const declined = await submit(IMMEDIATE, { ...immediateForm, reason: '毁损换发' }, ['m1', 'm2']);
    assert.equal(declined.status, 200, JSON.stringify(declined.body));
    assert.equal(declined.body.case.status, 'submitted');
    assert.equal(declined.body.case.instantApproval.approved, false);
    const failed = declined.body.case.instantApproval.rules.filter((r: { passed: boolean }) => !r.passed);
    assert.deepEqual(failed.map((r: { label: string; actual: unknown }) => [r.label, r.actual]), [['申请原因为遗失补领', '毁损换发']]);
    await setContent(IMMEDIATE, { flags: {}, instantRules: null });
  });
});

describe('告知承诺制 (approval by commitment)', () => {
  test('the applicant must sign; approval opens a verification task the department records once', async () => {
    await setContent(REWARD, { flags: { commitment: true }, commitmentCheckDays: 10, conditions: ['举报内容真实'] });
    const d = await draft(REWARD, rewardForm, ['m1', 'm2', 'm3']);
    const text = (await api(`/api/cases/${d.id}`, { cookie: f.cookies.citizen })).body.item.commitment;
    assert.match(text, /举报内容真实/);
    const unsigned = await api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie: f.cookies.citizen, body: { version: d.version } });
    assert.equal(unsigned.status, 422);
    assert.equal(unsigned.body.error.code, 'COMMITMENT_REQUIRED');
    const signed = await api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie: f.cookies.citizen, body: { version: d.version, commitment: true } });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.match(signed.body.case.commitment.sm3, /^[0-9a-f]{64}$/);
    const id = d.id;
    await act(f.cookies.clerk, id, 'accept');
    await act(f.cookies.approver, id, 'approve', { opinion: '同意' });
    const approved = await act(f.cookies.approver, id, 'approve', { opinion: '准予' });
    assert.equal(approved.body.status, 'completed');

    const check = (await detail(id)).commitmentCheck;
    const cal = await loadCalendar(db(), Number(today().slice(0, 4)) - 1, Number(today().slice(0, 4)) + 1);
    assert.equal(check.due, cal.addWorkingDays(today(), 10));
    const list = await api('/api/cases/commitment-checks', { cookie: f.cookies.approver });
    assert.ok(list.body.items.some((i: { caseId: string }) => i.caseId === id));
    assert.equal((await api('/api/cases/commitment-checks', { cookie: f.cookies.citizen })).status, 403);

    const byCitizen = await api(`/api/cases/${id}/commitment-check`, { method: 'POST', cookie: f.cookies.citizen, body: { result: 'kept', opinion: '自查' } });
    assert.equal(byCitizen.status, 403);
    const bad = await api(`/api/cases/${id}/commitment-check`, { method: 'POST', cookie: f.cookies.approver, body: { result: 'maybe', opinion: 'x' } });
    assert.equal(bad.status, 400);
    const broken = await api(`/api/cases/${id}/commitment-check`, { method: 'POST', cookie: f.cookies.approver, body: { result: 'broken', opinion: '现场核查：举报内容不实' } });
    assert.equal(broken.status, 200, JSON.stringify(broken.body));
    const again = await api(`/api/cases/${id}/commitment-check`, { method: 'POST', cookie: f.cookies.approver, body: { result: 'kept', opinion: 'x' } });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'COMMITMENT_CHECK_DONE');
    const events = await db().query<{ n: number }>(`select count(*)::int as n from outbox_event where topic = 'cases.commitment_broken' and payload->>'caseId' = $1`, [id]);
    assert.equal(events[0]!.n, 1);
    await setContent(REWARD, { flags: {}, commitmentCheckDays: null });
  });
});

describe('督办 and overdue reasons', () => {
  test('a leader supervises, the department replies once; others may not', async () => {
    const sub = await submit(REWARD, rewardForm, ['m1', 'm2', 'm3']);
    const id = sub.body.case.id;
    const byApprover = await api(`/api/cases/${id}/supervisions`, { method: 'POST', cookie: f.cookies.approver, body: { opinion: '请加快', replyInDays: 2 } });
    assert.equal(byApprover.status, 403);
    const byCitizen = await api(`/api/cases/${id}/supervisions`, { method: 'POST', cookie: f.cookies.citizen, body: { opinion: '请加快', replyInDays: 2 } });
    assert.equal(byCitizen.status, 403);
    const order = await api(`/api/cases/${id}/supervisions`, { method: 'POST', cookie: f.cookies.leader, body: { opinion: '群众反映较急，请三日内办结', replyInDays: 2 } });
    assert.equal(order.status, 201, JSON.stringify(order.body));
    const timer = await db().query(`select 1 from outbox_event where topic = 'cases.supervision_due' and payload->>'supervisionId' = $1`, [order.body.id]);
    assert.equal(timer.length, 1);

    const path = `/api/cases/${id}/supervisions/${order.body.id}/reply`;
    assert.equal((await api(path, { method: 'POST', cookie: f.cookies.leader, body: { reply: '收到' } })).status, 403);
    const replied = await api(path, { method: 'POST', cookie: f.cookies.approver, body: { reply: '已安排专人，明日办结' } });
    assert.equal(replied.status, 200, JSON.stringify(replied.body));
    assert.equal((await api(path, { method: 'POST', cookie: f.cookies.approver, body: { reply: '再次' } })).body.error.code, 'SUPERVISION_REPLIED');
    const sup = (await detail(id)).supervisions;
    assert.equal(sup.length, 1);
    assert.equal(sup[0].reply, '已安排专人，明日办结');
    assert.equal((await detail(id, f.cookies.citizen)).supervisions.length, 0);
    // an overdue timer after the reply finds nothing to escalate
    await f.fastForward();
    assert.ok(!(await detail(id)).timeline.some((e: { kind: string }) => e.kind === 'supervision_overdue'));
  });

  test('deadline warnings reach the handler and the department head by SMS, once', async () => {
    const sub = await submit(REWARD, rewardForm, ['m1', 'm2', 'm3']);
    const id = sub.body.case.id;
    await act(f.cookies.clerk, id, 'accept');
    await act(f.cookies.approver, id, 'claim');
    await f.drain();
    const since = clock.now();
    // the yellow timer comes due (a clock jump), twice delivered
    await db().query(`update outbox_event set due_at = clock_now() where topic = 'cases.deadline_warning_due' and payload->>'caseId' = $1 and payload->>'level' = 'yellow'`, [id]);
    await f.drain();
    await f.drain();
    const pii = personalData(f.server.ctx.config.masterKey);
    const rows = await db().query<{ body_enc: string; phone_masked: string }>(`select body_enc, phone_masked from sms_message where created_at >= $1`, [since]);
    const number = sub.body.case.number as string;
    const warnings = rows.filter((r) => pii.decrypt(r.body_enc).includes(number) && pii.decrypt(r.body_enc).includes('预警'));
    // the approver who claimed it and the department administrator of 市场监督管理局
    assert.equal(warnings.length, 2, JSON.stringify(rows.map((r) => r.phone_masked)));
    assert.equal((await detail(id)).case.clock.warning, 'yellow');
  });

  test('a case past its promised limit cannot finish without the reason, which then stays on the case', async () => {
    const sub = await submit(REWARD, rewardForm, ['m1', 'm2', 'm3']);
    const id = sub.body.case.id;
    await act(f.cookies.clerk, id, 'accept');
    await act(f.cookies.approver, id, 'approve', { opinion: '同意' });
    await db().query(`update case_record set promised_due = clock_today() - 2 where id = $1`, [id]);
    assert.ok((await detail(id)).actions.includes('explain_overdue'));
    const noReason = await act(f.cookies.approver, id, 'approve', { opinion: '准予' });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.body.error.code, 'OVERDUE_REASON_REQUIRED');
    const done = await act(f.cookies.approver, id, 'approve', { opinion: '准予', overdueReason: '申请人补充说明耗时较长' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'completed');
    assert.equal(done.body.clock.overdue, true);
    assert.equal(done.body.overdueReason, '申请人补充说明耗时较长');
  });
});

describe('the applicant\'s in-app messages (站内消息)', anyDate, () => {
  test('each change the applicant was told of by SMS is a message; read marks them; others see none', async () => {
    await api('/api/cases/messages/read', { method: 'POST', cookie: f.cookies.citizen });
    const sub = await submit(REWARD, rewardForm, ['m1', 'm2', 'm3']);
    await act(f.cookies.clerk, sub.body.case.id, 'accept');
    const list = await api('/api/cases/messages', { cookie: f.cookies.citizen });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const mine = list.body.items.filter((m: { caseId: string }) => m.caseId === sub.body.case.id);
    assert.deepEqual(mine.map((m: { kind: string }) => m.kind), ['accepted', 'submitted']);
    assert.ok(mine.every((m: { unread: boolean }) => m.unread));
    assert.match(mine[1].text, new RegExp(sub.body.case.number));
    assert.ok(!mine[1].text.startsWith('【'));
    assert.equal(list.body.unread, 2);
    const english = await api('/api/cases/messages', { cookie: f.cookies.citizen, lang: 'en' });
    assert.match(english.body.items[0].text, /accepted/i);

    assert.equal((await api('/api/cases/messages/read', { method: 'POST', cookie: f.cookies.citizen })).status, 200);
    const after = await api('/api/cases/messages', { cookie: f.cookies.citizen });
    assert.equal(after.body.unread, 0);
    assert.ok(after.body.items.every((m: { unread: boolean }) => !m.unread));

    const other = await api('/api/cases/messages', { cookie: f.cookies.citizen2 });
    assert.ok(!other.body.items.some((m: { caseId: string }) => m.caseId === sub.body.case.id));
    assert.equal((await api('/api/cases/messages', { cookie: f.cookies.approver })).status, 403);
    assert.equal((await api('/api/cases/messages')).status, 401);
    assert.equal((await api('/api/cases/messages?pageSize=1000', { cookie: f.cookies.citizen })).status, 400);
  });
});
