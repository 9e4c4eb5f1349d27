import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { personalData } from '../../src/kernel/pii.ts';
import { CASE_TOPICS } from '../../src/modules/cases/index.ts';
import { fixedFee, publishItemVersion, STEP } from '../support/catalog.ts';
import { CITIZEN_PASSWORD as PASSWORD } from '../support/demo.ts';
import { sendFile } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';
import { CITY, decide, FOOD_REWARD, publishBundle, SAFETY_REWARD, WATER_TRANSFER } from './cases-bundles-fixture.ts';

/** 一件事一次办: the applicant of a bundle is told once per change of the bundle, not by each member case. */

const THREE = 'BDT-MSG-THREE';
const STEPPED = 'BDT-MSG-STEPPED';
const PAID = 'BDT-MSG-PAID';

let server: TestServer;
const cookies: Record<'admin' | 'dataofficer' | 'deptadmin' | 'citizen' | 'food' | 'safety' | 'water', string> = {} as never;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);

const form = {
  report_number: 'JB2026-0077',
  bank_account: '6222020000000000077',
  account_number: 'GS-00012345',
  property_location: '广东省云浮市云城区兴云中路1号',
  original_holder: '李原户',
};

/** Runs the outbox handlers until nothing is due (test servers start without workers). */
async function deliverAll() {
  for (let i = 0; i < 20 && (await server.deliverEvents()) > 0; i++);
}

/**
 * The cases SMS queued (the identity.sms_queued outbox topic, the dev inbox's source) that name any of
 * these numbers. The ratings module's 好差评 invitation per finished case (a link to /rate/) is its
 * own message and not counted here.
 */
async function smsNaming(numbers: string[]): Promise<string[]> {
  const pii = personalData(server.ctx.config.masterKey);
  const rows = await server.ctx.db.query<{ body: string }>(`select payload->>'body' as body from outbox_event where topic = 'identity.sms_queued' order by created_at, id`);
  return rows.map((r) => pii.decrypt(r.body)).filter((text) => numbers.some((n) => text.includes(n)) && !text.includes('/rate/'));
}

async function submittedBundle(bundle: string) {
  const draft = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle, formData: form } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const id = draft.body.bundleCase.id as string;
  for (const m of draft.body.materials.filter((x: { skipped: boolean }) => !x.skipped)) {
    const up = await sendFile(server, cookies.citizen, `/api/case-bundles/${id}/materials/${m.key}?name=${m.key}.pdf`);
    assert.equal(up.status, 201, JSON.stringify(up.body));
  }
  const version = (await api(`/api/case-bundles/${id}`, { cookie: cookies.citizen })).body.bundleCase.version;
  const res = await api(`/api/case-bundles/${id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

const memberCase = (detail: any, itemCode: string) => detail.members.find((m: { itemCode: string }) => m.itemCode === itemCode).case;
const detailOf = async (id: string) => (await api(`/api/cases/${id}`, { cookie: cookies.food })).body;

async function act(cookie: string, caseId: string, action: string, body: Record<string, unknown> = {}) {
  const current = await api(`/api/cases/${caseId}`, { cookie });
  const res = await api(`/api/cases/${caseId}/actions/${action}`, { method: 'POST', cookie, body: { version: current.body.case.version, ...body } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

before(async () => {
  server = await startTestServer();
  cookies.admin = await server.login('admin');
  cookies.dataofficer = await server.login('dataofficer');
  cookies.deptadmin = await server.login('deptadmin');
  cookies.citizen = await server.login('13800000001', PASSWORD);
  cookies.food = await server.login('approver');
  cookies.safety = await addStaff(server, cookies.admin, 'msgsafety', '云浮市应急管理局', { role: 'approver', regionCode: CITY, sameDepartment: true });
  cookies.water = await addStaff(server, cookies.admin, 'msgwater', '云浮市水务局', { role: 'approver', regionCode: CITY, sameDepartment: true });
  await publishBundle(server, cookies.dataofficer, THREE, [FOOD_REWARD, SAFETY_REWARD, WATER_TRANSFER]);
  await publishBundle(server, cookies.dataofficer, STEPPED, [FOOD_REWARD, SAFETY_REWARD], [1, 2]);
  await publishBundle(server, cookies.dataofficer, PAID, [FOOD_REWARD, SAFETY_REWARD]);
});
after(() => server.close());

describe('一件事, one message per change of the bundle', () => {
  test('three members: one SMS at submission, one when the last is accepted, one per 补正 naming the item, one at completion; replays send nothing', async () => {
    const b = await submittedBundle(THREE);
    const number = b.bundleCase.number as string;
    const food = memberCase(b, FOOD_REWARD);
    const safety = memberCase(b, SAFETY_REWARD);
    const water = memberCase(b, WATER_TRANSFER);
    const memberNumbers = [food.number, safety.number, water.number] as string[];
    const told = () => smsNaming([number, ...memberNumbers]);
    await deliverAll();
    let sms = await told();
    assert.equal(sms.length, 1, sms.join('\n'));
    assert.match(sms[0]!, /已提交/);
    assert.ok(sms[0]!.includes(number) && sms[0]!.includes(b.bundleCase.bundleName) && sms[0]!.includes(b.bundleCase.queryCode), sms[0]);

    await act(cookies.food, food.id, 'accept');
    await act(cookies.safety, safety.id, 'accept');
    await deliverAll();
    assert.equal((await told()).length, 1, 'two of three accepted: nothing yet');

    await act(cookies.water, water.id, 'request_correction', { items: [{ materialKey: 'm1', note: '身份证照片不清晰' }] });
    await deliverAll();
    sms = await told();
    assert.equal(sms.length, 2, sms.join('\n'));
    assert.match(sms[1]!, /“供水过户”需要补正/);
    assert.ok(!sms[1]!.includes('举报奖励'), 'only the member that asked is named');

    const d = (await api(`/api/case-bundles/${b.bundleCase.id}`, { cookie: cookies.citizen })).body;
    const key = d.correction[0].materialKey as string;
    assert.equal((await sendFile(server, cookies.citizen, `/api/case-bundles/${b.bundleCase.id}/materials/${key}?name=id.pdf`)).status, 201);
    const resubmitted = await api(`/api/case-bundles/${b.bundleCase.id}/resubmit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.bundleCase.version } });
    assert.equal(resubmitted.status, 200, JSON.stringify(resubmitted.body));
    await deliverAll();
    assert.equal((await told()).length, 2, 'the applicant answered the 补正 themselves: nothing to tell');

    await act(cookies.water, water.id, 'accept');
    await deliverAll();
    sms = await told();
    assert.equal(sms.length, 3, sms.join('\n'));
    assert.match(sms[2]!, /已全部受理/);

    await decide(server, cookies.food, food.id, 'approve');
    await decide(server, cookies.safety, safety.id, 'approve');
    await deliverAll();
    assert.equal((await told()).length, 3, 'two of three decided: nothing yet');
    await decide(server, cookies.water, water.id, 'disapprove');
    await deliverAll();
    sms = await told();
    assert.equal(sms.length, 4, sms.join('\n'));
    assert.match(sms[3]!, /已办结/);
    assert.match(sms[3]!, /供水过户不予批准/);
    assert.match(sms[3]!, /安全生产举报奖励[^；]*准予/);
    // the bundle speaks, never a member by its own number
    assert.ok(sms.every((text) => text.includes(number) && !memberNumbers.some((n) => text.includes(n))), sms.join('\n'));

    // every member event delivered again (at-least-once): nothing more is told
    await server.ctx.db.query(`update outbox_event set status = 'pending', due_at = clock_now() where topic = any($2) and payload->>'caseId' = any($1::text[])`, [
      [food.id, safety.id, water.id],
      Object.values(CASE_TOPICS).map((t) => t.name),
    ]);
    await deliverAll();
    assert.equal((await told()).length, 4);
    const entries = await server.ctx.db.query<{ kind: string }>(`select kind from case_bundle_event where bundle_case_id = $1 and kind like 'notice%' order by at, id`, [b.bundleCase.id]);
    assert.deepEqual(entries.map((e) => e.kind), ['notice_submitted', 'notice_correction', 'notice_accepted', 'notice_completed']);

    // 我的消息: the bundle's four messages, none of its members'
    const list = await api('/api/cases/messages?pageSize=100', { cookie: cookies.citizen });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const mine = list.body.items.filter((m: { caseId: string }) => m.caseId === b.bundleCase.id);
    assert.deepEqual(mine.map((m: { kind: string }) => m.kind), ['notice_completed', 'notice_accepted', 'notice_correction', 'notice_submitted']);
    assert.ok(mine.every((m: { bundle: boolean; itemName: string; text: string }) => m.bundle && m.itemName === b.bundleCase.bundleName && !m.text.startsWith('【')));
    assert.equal(mine[2].text, sms[1]!.replace(/^【[^】]*】/, ''));
    assert.ok(!list.body.items.some((m: { caseId: string }) => [food.id, safety.id, water.id].includes(m.caseId)), 'no member case message');
    const english = await api('/api/cases/messages?pageSize=100', { cookie: cookies.citizen, lang: 'en' });
    const en = english.body.items.find((m: { caseId: string; kind: string }) => m.caseId === b.bundleCase.id && m.kind === 'notice_completed');
    assert.match(en.text, /completed/);
    assert.match(en.text, /供水过户: not approved/);
    // the bundle's detail timeline keeps the member entries and leaves the notices to 我的消息
    const detail = (await api(`/api/case-bundles/${b.bundleCase.id}`, { cookie: cookies.citizen })).body;
    assert.ok(!detail.timeline.some((e: { kind: string }) => e.kind.startsWith('notice_')));
    assert.equal(detail.bundleCase.status, 'completed');
  });

  test('an earlier step not approved stops the bundle: one message with each member’s outcome, the stopped one too', async () => {
    const b = await submittedBundle(STEPPED);
    const number = b.bundleCase.number as string;
    const food = memberCase(b, FOOD_REWARD);
    await decide(server, cookies.food, food.id, 'disapprove');
    await deliverAll();
    const sms = await smsNaming([number, food.number]);
    // the first step's acceptance, then its refusal ends the bundle: the later member never started
    assert.equal(sms.length, 3, sms.join('\n'));
    assert.match(sms[0]!, /已提交/);
    assert.match(sms[1]!, /已全部受理/);
    assert.match(sms[2]!, /食品安全违法行为举报奖励[^；]*不予批准；安全生产举报奖励[^；]*未办理/);
  });

  test('an ordinary case still texts its applicant at each change', async () => {
    const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: FOOD_REWARD, formData: form } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    for (const k of ['m1', 'm2', 'm3']) assert.equal((await sendFile(server, cookies.citizen, `/api/cases/${draft.body.case.id}/materials/${k}?name=a.pdf`)).status, 201);
    const sub = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: draft.body.case.version } });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    await act(cookies.food, sub.body.case.id, 'accept');
    await deliverAll();
    const sms = await smsNaming([sub.body.case.number]);
    assert.equal(sms.length, 2, sms.join('\n'));
    assert.match(sms[0]!, /已提交/);
    assert.match(sms[1]!, /已受理/);
    const list = await api('/api/cases/messages?pageSize=100', { cookie: cookies.citizen });
    const mine = list.body.items.filter((m: { caseId: string }) => m.caseId === sub.body.case.id);
    assert.deepEqual(mine.map((m: { kind: string; bundle: boolean }) => [m.kind, m.bundle]), [['accepted', false], ['submitted', false]]);
    assert.equal((await detailOf(sub.body.case.id)).case.status, 'processing');
  });
  test('a 容缺 reminder of one member is told once, by the bundle', async () => {
    const b = await submittedBundle(PAID);
    const number = b.bundleCase.number as string;
    const food = memberCase(b, FOOD_REWARD);
    const safety = memberCase(b, SAFETY_REWARD);
    await act(cookies.food, food.id, 'accept');
    await act(cookies.safety, safety.id, 'accept', { deferred: { materialKeys: ['m2'], dueInDays: 3 } });
    await deliverAll();
    // the reminder timer comes due (a clock jump), and is delivered twice
    await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'cases.deferred_reminder_due' and payload->>'caseId' = $1`, [safety.id]);
    await deliverAll();
    await server.ctx.db.query(`update outbox_event set status = 'pending' where topic = 'cases.deferred_reminder_sent' and payload->>'caseId' = $1`, [safety.id]);
    await deliverAll();
    const sms = await smsNaming([number, food.number, safety.number]);
    assert.equal(sms.length, 3, sms.join('\n'));
    assert.match(sms[1]!, /已全部受理/);
    assert.match(sms[2]!, /“安全生产举报奖励”的容缺材料即将到期/);
    const list = await api('/api/cases/messages?pageSize=100', { cookie: cookies.citizen });
    const mine = list.body.items.filter((m: { caseId: string }) => m.caseId === b.bundleCase.id);
    assert.deepEqual(mine.map((m: { kind: string }) => m.kind), ['notice_deferred_reminder', 'notice_accepted', 'notice_submitted']);
  });

  test('a fee to pay in one member: one message naming that item', async () => {
    // from now on the food item charges after its decision (the last test of the file: the others keep the plain item)
    await publishItemVersion(api, { deptadmin: cookies.deptadmin, dataofficer: cookies.dataofficer }, FOOD_REWARD, {
      workflow: [STEP.accept, STEP.decide, STEP.pay],
      fees: fixedFee(5000),
    });
    const b = await submittedBundle(PAID);
    const number = b.bundleCase.number as string;
    const food = memberCase(b, FOOD_REWARD);
    const safety = memberCase(b, SAFETY_REWARD);
    await act(cookies.food, food.id, 'accept');
    await act(cookies.safety, safety.id, 'accept');
    await deliverAll();
    await act(cookies.food, food.id, 'approve', { opinion: '同意' });
    assert.equal((await detailOf(food.id)).case.currentStep.kind, 'payment');
    await deliverAll();
    const sms = await smsNaming([number, food.number, safety.number]);
    assert.equal(sms.length, 3, sms.join('\n'));
    assert.match(sms[1]!, /已全部受理/);
    assert.match(sms[2]!, /“食品安全违法行为举报奖励”待缴费/);
    assert.ok(!sms[2]!.includes('安全生产'));
  });
});
