// 即办 and 秒批 made safe (issue #13, point 7): the applicant's age and 户籍地 come from the
// population base through identity, not from the ID number; a 即办 case whose 秒批 rules failed
// is not completed at acceptance unless the clerk overrides them with a reason, which the
// timeline and the audit log keep; without it the case goes on to review.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/kernel/actor.ts';
import * as clock from '../../src/kernel/clock.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { idNumberCheckChar } from '../../src/kernel/validate/index.ts';
import { createPerson } from '../../src/modules/identity/index.ts';
import { addPopulationRecords } from '../../src/modules/identity/population.ts';
import { CITIZEN_PASSWORD, IMMEDIATE, REWARD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';

/** 80周岁以上老年人高龄津贴申领 (云城区民政局): 即办, 秒批 on age ≥ 80 and a 云浮 (4453…) household. */
const ALLOWANCE = '440E0720000000-445302000000-000-11445302530200376G-1-00';
const YUNCHENG = '445302000000';
const SHENZHEN = '440300000000';
const PASSWORD = 'Yiwang@2026elder';

let server: TestServer;
let seq = 0;
const cookies: Record<'clerk' | 'approver' | 'admin' | 'citizen', string> = {} as never;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const db = () => server.ctx.db;

/** Born on 1 January so many years ago: that age on any day of this year. */
const bornYearsAgo = (years: number) => `${Number(clock.today().slice(0, 4)) - years}-01-01`;

interface Applicant {
  idNumber: string;
  cookie: string;
}

/**
 * A citizen with an account whose ID number was issued in `issuedIn` (its first six digits) and
 * whose population record says `population` (absent: the base does not know the person).
 */
async function applicant(name: string, issuedIn: string, birthDate: string, population?: { birthDate: string | null; household: string; name?: string }): Promise<Applicant> {
  seq += 1;
  const first17 = `${issuedIn.slice(0, 6)}${birthDate.replaceAll('-', '')}${String(700 + seq).padStart(3, '0')}`;
  const idNumber = first17 + idNumberCheckChar(first17);
  const phone = `1370000${String(seq).padStart(4, '0')}`;
  const pii = personalData(server.ctx.config.masterKey);
  if (population) {
    await addPopulationRecords(db(), pii, [
      { name: population.name ?? name, idNumber, regionCode: population.household, householdRegionCode: population.household, ...(population.birthDate ? { birthDate: population.birthDate } : {}) },
    ]);
  }
  await createPerson(db(), pii, systemActor('test'), { name, idNumber, phone, password: PASSWORD, regionCode: YUNCHENG, assuranceLevel: 2, phoneVerified: true });
  return { idNumber, cookie: await server.login(phone, PASSWORD) };
}

/** Applies for the 高龄津贴 online with the identity card (m1) and submits. */
async function applyForAllowance(who: Applicant) {
  const formData = { applicant_name: '申请人', applicant_id_number: who.idNumber, applicant_phone: '13700009999', household_address: '云浮市云城区某街1号', bank_account: '6217000000000000001' };
  const draft = await api('/api/cases', { method: 'POST', cookie: who.cookie, body: { item: ALLOWANCE, formData } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  assert.equal((await uploadMaterial(server, who.cookie, draft.body.case.id, 'm1')).status, 201);
  const sub = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: who.cookie, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  return sub.body.case as { id: string; version: number; status: string; outcome: string | null; instantApproval: { approved: boolean; rules: { label: string; actual: unknown; passed: boolean }[] } };
}

const failedRules = (c: Awaited<ReturnType<typeof applyForAllowance>>) => c.instantApproval.rules.filter((r) => !r.passed).map((r) => [r.label, r.actual]);

async function act(cookie: string, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await api(`/api/cases/${id}`, { cookie: cookies.clerk });
  return api(`/api/cases/${id}/actions/${action}`, { method: 'POST', cookie, body: { version: current.body.case.version, ...body } });
}

/** What a failed request must have left alone: the row's version and every trace of a transition. */
async function traces(id: string) {
  return (await db().one<{ version: number; events: number; audits: number; outbox: number }>(
    `select (select version from case_record where id = $1) as version,
            (select count(*)::int from case_event where case_id = $1) as events,
            (select count(*)::int from audit_log where object_type = 'case' and object_id = $2) as audits,
            (select count(*)::int from outbox_event where payload->>'caseId' = $2) as outbox`,
    [id, id],
  ))!;
}

const outboxTopics = async (id: string) =>
  (await db().query<{ topic: string }>(`select topic from outbox_event where payload->>'caseId' = $1 order by topic`, [id])).map((r) => r.topic);

before(async () => {
  server = await startTestServer();
  cookies.admin = await server.login('admin');
  cookies.clerk = await server.login('clerk');
  cookies.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  cookies.approver = await addStaff(server, cookies.admin, 'ycmzapprover', '云城区民政局', { role: 'approver', regionCode: YUNCHENG, sameDepartment: true });
});
after(() => server.close());

describe('秒批 facts come from the population base', () => {
  test('a person of 85 registered in 云浮 is approved at submission; one of 41 is declined on age', async () => {
    const elder = await applicant('梁老人', YUNCHENG, bornYearsAgo(85), { birthDate: bornYearsAgo(85), household: YUNCHENG });
    const granted = await applyForAllowance(elder);
    assert.equal(granted.status, 'completed');
    assert.equal(granted.outcome, 'approved');
    assert.deepEqual(granted.instantApproval.rules.map((r) => [r.label, r.actual, r.passed]), [
      ['年满80周岁', 85, true],
      ['具有云浮市户籍', YUNCHENG, true],
    ]);

    const younger = await applicant('李中年', YUNCHENG, bornYearsAgo(41), { birthDate: bornYearsAgo(41), household: YUNCHENG });
    const declined = await applyForAllowance(younger);
    assert.equal(declined.status, 'submitted');
    assert.deepEqual(failedRules(declined), [['年满80周岁', 41]]);
  });

  test('an ID number issued in 云浮 does not make a 云浮 household: registered in 深圳 fails the region rule', async () => {
    const movedAway = await applicant('张迁出', YUNCHENG, bornYearsAgo(85), { birthDate: bornYearsAgo(85), household: SHENZHEN });
    const c = await applyForAllowance(movedAway);
    assert.equal(c.status, 'submitted');
    assert.deepEqual(failedRules(c), [['具有云浮市户籍', SHENZHEN]]);
  });

  test('and vice versa: an ID number issued in 深圳 with the household now in 云浮 passes', async () => {
    const movedIn = await applicant('王迁入', '440306', bornYearsAgo(85), { birthDate: bornYearsAgo(85), household: YUNCHENG });
    const c = await applyForAllowance(movedIn);
    assert.equal(c.status, 'completed');
    assert.equal(c.outcome, 'approved');
  });

  test('nothing is read off the ID number: unknown to the base, another name there, or no birth date recorded — the rules fail', async () => {
    const unknown = await applyForAllowance(await applicant('赵无档', YUNCHENG, bornYearsAgo(85)));
    assert.deepEqual(failedRules(unknown), [['年满80周岁', null], ['具有云浮市户籍', null]]);
    const otherName = await applyForAllowance(await applicant('钱改名', YUNCHENG, bornYearsAgo(85), { birthDate: bornYearsAgo(85), household: YUNCHENG, name: '钱原名' }));
    assert.deepEqual(failedRules(otherName), [['年满80周岁', null], ['具有云浮市户籍', null]]);
    const noBirthDate = await applyForAllowance(await applicant('孙缺生日', YUNCHENG, bornYearsAgo(85), { birthDate: null, household: YUNCHENG }));
    assert.deepEqual(failedRules(noBirthDate), [['年满80周岁', null]]);
  });
});

describe('即办 after a failed 秒批', () => {
  test('accepting without an override sends the case to review, and only a reasoned decision grants it', async () => {
    const c = await applyForAllowance(await applicant('周四一', YUNCHENG, bornYearsAgo(41), { birthDate: bornYearsAgo(41), household: YUNCHENG }));
    // the clerk cannot approve on the acceptance step either
    const approveAtWindow = await act(cookies.clerk, c.id, 'approve', { opinion: '准予' });
    assert.equal(approveAtWindow.status, 409);
    assert.equal(approveAtWindow.body.error.code, 'CASE_ACTION_NOT_ALLOWED');

    const accepted = await act(cookies.clerk, c.id, 'accept', { opinion: '材料齐全' });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'processing');
    assert.equal(accepted.body.outcome, null);
    assert.equal(accepted.body.currentStep.kind, 'review');
    assert.equal(accepted.body.completedAt, null);
    const timeline = (await api(`/api/cases/${c.id}`, { cookie: cookies.clerk })).body.timeline as { kind: string; details: Record<string, unknown> }[];
    const entry = timeline.find((e) => e.kind === 'accepted');
    assert.deepEqual(entry?.details.instantFailed, ['年满80周岁']);
    assert.ok(!timeline.some((e) => e.kind === 'completed_at_acceptance' || e.kind === 'instant_overridden'));
    const topics = await outboxTopics(c.id);
    assert.ok(topics.includes('cases.accepted'));
    assert.ok(!topics.includes('cases.completed_at_acceptance') && !topics.includes('cases.approved'), topics.join());

    // the clerk holds no step of the review
    assert.equal((await act(cookies.clerk, c.id, 'approve', { opinion: '准予' })).status, 403);
    assert.equal((await act(cookies.approver, c.id, 'approve')).status, 200);
    const before = await traces(c.id);
    const bare = await act(cookies.approver, c.id, 'approve');
    assert.equal(bare.status, 400);
    assert.equal(bare.body.error.code, 'INSTANT_OPINION_REQUIRED');
    assert.deepEqual(bare.body.error.details.failedRules, ['年满80周岁']);
    assert.deepEqual(await traces(c.id), before);
    const granted = await act(cookies.approver, c.id, 'approve', { opinion: '经核实申请人户口簿出生日期登记有误，已更正' });
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.equal(granted.body.status, 'completed');
    assert.equal(granted.body.outcome, 'approved');
  });

  test('an override needs a reason: none, blank or too long is refused with nothing written', async () => {
    const c = await applyForAllowance(await applicant('吴四一', YUNCHENG, bornYearsAgo(41), { birthDate: bornYearsAgo(41), household: YUNCHENG }));
    const before = await traces(c.id);
    for (const instantOverride of [{}, { reason: '' }, { reason: '   ' }]) {
      const res = await act(cookies.clerk, c.id, 'accept', { instantOverride });
      assert.equal(res.status, 400, JSON.stringify(instantOverride));
      assert.equal(res.body.error.code, 'OVERRIDE_REASON_REQUIRED');
    }
    const long = await act(cookies.clerk, c.id, 'accept', { instantOverride: { reason: '理'.repeat(501) } });
    assert.equal(long.status, 400);
    assert.equal(long.body.error.code, 'VALIDATION_FAILED');
    assert.deepEqual(await traces(c.id), before);
    const still = (await api(`/api/cases/${c.id}`, { cookie: cookies.clerk })).body.case;
    assert.equal(still.status, 'submitted');
  });

  test('an override with a reason completes the case, on the timeline and in the audit log', async () => {
    const c = await applyForAllowance(await applicant('郑四一', YUNCHENG, bornYearsAgo(41), { birthDate: bornYearsAgo(41), household: YUNCHENG }));
    const reason = '人口库出生日期登记错误，已核验户口簿原件，申请人实际年满80周岁';
    const done = await act(cookies.clerk, c.id, 'accept', { instantOverride: { reason: `  ${reason} ` } });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'completed');
    assert.equal(done.body.outcome, 'approved');

    const timeline = (await api(`/api/cases/${c.id}`, { cookie: cookies.clerk })).body.timeline as { kind: string; opinion: string | null; actor: { kind: string; name: string | null; role: string | null }; details: Record<string, unknown> }[];
    const overridden = timeline.find((e) => e.kind === 'instant_overridden');
    assert.ok(overridden, timeline.map((e) => e.kind).join());
    assert.equal(overridden.opinion, reason);
    // the staff view names the clerk, with the role they acted in
    assert.deepEqual([overridden.actor.kind, overridden.actor.name, overridden.actor.role], ['staff', '综合窗口受理员', 'window_clerk']);
    assert.deepEqual(overridden.details, { reason, failedRules: [{ label: '年满80周岁', fact: 'applicant.age', actual: 41 }] });
    assert.ok(timeline.some((e) => e.kind === 'completed_at_acceptance'));

    const audit = await db().query<{ actor_kind: string; details: Record<string, unknown> }>(
      `select actor_kind, details from audit_log where object_type = 'case' and object_id = $1 and action = 'case.instant_overridden'`,
      [c.id],
    );
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_kind, 'staff');
    assert.equal(audit[0]!.details.reason, reason);
    assert.deepEqual(await outboxTopics(c.id), ['cases.completed_at_acceptance', 'cases.draft_created', 'cases.instant_declined', 'cases.instant_overridden', 'cases.submitted']);
  });

  test('an override of nothing is refused: an immediate case without 秒批, or a promised case', async () => {
    const form = { entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云', agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: '13800000001', reason: '遗失补领' };
    const immediate = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: IMMEDIATE, formData: form } });
    for (const k of ['m1', 'm2']) await uploadMaterial(server, cookies.citizen, immediate.body.case.id, k);
    const sub = await api(`/api/cases/${immediate.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: immediate.body.case.version } });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    assert.equal(sub.body.case.instantApproval, null);
    const before = await traces(immediate.body.case.id);
    const nothing = await act(cookies.clerk, immediate.body.case.id, 'accept', { instantOverride: { reason: '无' } });
    assert.equal(nothing.status, 409);
    assert.equal(nothing.body.error.code, 'INSTANT_OVERRIDE_NOT_APPLICABLE');
    assert.deepEqual(await traces(immediate.body.case.id), before);
    // without the override it completes at acceptance as any 即办 case does
    const done = await act(cookies.clerk, immediate.body.case.id, 'accept');
    assert.equal(done.body.status, 'completed');

    const promised = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, formData: { report_number: 'JB2026-0713', bank_account: '6222020000000000001' } } });
    for (const k of ['m1', 'm2', 'm3']) await uploadMaterial(server, cookies.citizen, promised.body.case.id, k);
    await api(`/api/cases/${promised.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: promised.body.case.version } });
    const notImmediate = await act(cookies.clerk, promised.body.case.id, 'accept', { instantOverride: { reason: '无' } });
    assert.equal(notImmediate.status, 409);
    assert.equal(notImmediate.body.error.code, 'INSTANT_OVERRIDE_NOT_APPLICABLE');
  });
});
