import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { loadCalendar } from '../../src/kernel/calendar/index.ts';
import { ratingIndicatorInputs } from '../../src/modules/ratings/index.ts';
import { anyDate } from '../support/dates.ts';
import { CITIZEN_PASSWORD as PASSWORD, CITY, IMMEDIATE, REWARD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';
import * as clock from '../../src/kernel/clock.ts';

// IMMEDIATE is completed when the window accepts it; REWARD stays unfinished after submission.
const PHONE = '13800000001';

let server: TestServer;
type Who = 'citizen' | 'citizen2' | 'clerk' | 'deptadmin' | 'otherDept' | 'hotline' | 'admin' | 'countyadmin';
const cookies = {} as Record<Who, string>;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const month = () => clock.today().slice(0, 7);

async function upload(cookie: string, caseId: string, key: string) {
  assert.equal((await uploadMaterial(server, cookie, caseId, key)).status, 201);
}

async function drain() {
  while ((await server.deliverEvents()) > 0);
}

/** A case of the citizen, submitted (and for `finish`, accepted at the window, which completes it). */
async function newCase(cookie = cookies.citizen, finish = true): Promise<{ id: string; number: string }> {
  const form = { entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云', agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: PHONE, reason: '遗失补领' };
  const draft = await api('/api/cases', { method: 'POST', cookie, body: { item: IMMEDIATE, formData: form } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  for (const k of ['m1', 'm2']) await upload(cookie, draft.body.case.id, k);
  const sub = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  if (finish) {
    const done = await api(`/api/cases/${draft.body.case.id}/actions/accept`, { method: 'POST', cookie: cookies.clerk, body: { version: sub.body.case.version } });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'completed');
  }
  return { id: draft.body.case.id, number: sub.body.case.number };
}

const rate = (caseId: string, body: Record<string, unknown>, cookie = cookies.citizen) =>
  api('/api/ratings', { method: 'POST', cookie, body: { caseId, channel: 'portal', ...body } });

const ratingCount = async (caseId: string) => (await server.ctx.db.one<{ n: number }>('select count(*)::int as n from rating where case_id = $1', [caseId]))!.n;

async function taskOf(caseId: string, cookie = cookies.deptadmin) {
  const list = await api('/api/ratings/tasks?pageSize=100', { cookie });
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const row = await server.ctx.db.one<{ id: string }>('select k.id from rating_task k join rating r on r.id = k.rating_id where r.case_id = $1', [caseId]);
  return { list: list.body, id: row?.id };
}

async function taskAction(id: string, action: string, note: string, cookie = cookies.deptadmin) {
  const current = await api(`/api/ratings/tasks/${id}`, { cookie });
  return api(`/api/ratings/tasks/${id}/actions/${action}`, { method: 'POST', cookie, body: { version: current.body.task?.version ?? 1, note } });
}

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'countyadmin', 'clerk', 'deptadmin', 'hotline'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login(PHONE, PASSWORD);
  cookies.citizen2 = await server.login('13800000002', PASSWORD);
  cookies.otherDept = await addStaff(server, cookies.admin, 'hradmin', '云浮市人力资源和社会保障局', { role: 'department_admin', regionCode: CITY, sameDepartment: true });
});
after(() => server.close());

describe('rating a case', anyDate, () => {
  test('the finished case invites its applicant (in-app and SMS link); one rating per case and stage', async () => {
    const c = await newCase();
    await drain();
    const mine = await api('/api/ratings/mine', { cookie: cookies.citizen });
    const invitation = mine.body.invitations.find((i: { caseId: string }) => i.caseId === c.id);
    assert.ok(invitation, JSON.stringify(mine.body));
    assert.equal(invitation.stage, 'completed');
    assert.equal(invitation.dimensionSet, 'online');
    const sms = await api(`/api/dev/sms?phone=${PHONE}`);
    assert.ok(sms.body.items.some((m: { text: string }) => m.text.includes(c.number) && /\/rate\/[A-Za-z0-9_-]{20,}/.test(m.text)), JSON.stringify(sms.body.items[0]));

    const first = await rate(c.id, { level: 5, dimensions: { efficiency: 5, usability: 4 }, comment: '很快' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.level, 5);
    assert.equal(first.body.channel, 'portal');
    assert.equal(first.body.itemName, '营业执照遗失补领、换发');
    assert.equal(first.body.staffName, '综合窗口受理员');
    const second = await rate(c.id, { level: 1, tags: ['attitude'] });
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'RATING_EXISTS');
    const again = await api('/api/ratings/mine', { cookie: cookies.citizen });
    assert.equal(again.body.invitations.some((i: { caseId: string }) => i.caseId === c.id), false);
    assert.equal(again.body.ratings.filter((r: { caseId: string }) => r.caseId === c.id).length, 1);
    assert.equal(await ratingCount(c.id), 1);
  });

  test('two ratings of the same case at once: one is stored, the other is 409', async () => {
    const c = await newCase();
    const [a, b] = await Promise.all([rate(c.id, { level: 5 }), rate(c.id, { level: 4, channel: 'mobile' })]);
    assert.deepEqual([a.status, b.status].sort(), [201, 409]);
    assert.equal(await ratingCount(c.id), 1);
  });

  test('the SMS link rates without signing in, as the applicant, channel sms', async () => {
    const c = await newCase();
    await drain();
    const sms = await api(`/api/dev/sms?phone=${PHONE}`);
    const text = sms.body.items.find((m: { text: string }) => m.text.includes(c.number)).text as string;
    const token = /\/rate\/([A-Za-z0-9_-]+)/.exec(text)![1]!;
    const shown = await api(`/api/public/ratings/invitations/${token}`);
    assert.equal(shown.status, 200);
    assert.equal(shown.body.caseNumber, c.number);
    assert.equal(JSON.stringify(shown.body).includes('陈小云'), false);
    const rated = await api(`/api/public/ratings/invitations/${token}`, { method: 'POST', body: { level: 4 } });
    assert.equal(rated.status, 201, JSON.stringify(rated.body));
    assert.equal(rated.body.channel, 'sms');
    const mine = await api('/api/ratings/mine', { cookie: cookies.citizen });
    assert.ok(mine.body.ratings.some((r: { caseId: string; channel: string }) => r.caseId === c.id && r.channel === 'sms'));
    const bogus = await api(`/api/public/ratings/invitations/${'x'.repeat(32)}`, { method: 'POST', body: { level: 4 } });
    assert.equal(bogus.status, 404);
    assert.equal(bogus.body.error.code, 'RATING_LINK_INVALID');
  });

  test('一事多评: with submission and acceptance enabled, each stage is rated once', async () => {
    const put = await api('/api/ratings/settings', { method: 'PUT', cookie: cookies.admin, body: { defaultAfterDays: 7, rectifyWorkingDays: 5, stages: ['submitted', 'accepted', 'completed'] } });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    try {
      const c = await newCase();
      await drain();
      const stages = (await api('/api/ratings/mine', { cookie: cookies.citizen })).body.invitations.filter((i: { caseId: string }) => i.caseId === c.id).map((i: { stage: string }) => i.stage).sort();
      assert.deepEqual(stages, ['accepted', 'completed', 'submitted']);
      assert.equal((await rate(c.id, { level: 5, stage: 'submitted' })).status, 201);
      assert.equal((await rate(c.id, { level: 4, stage: 'accepted' })).status, 201);
      assert.equal((await rate(c.id, { level: 5 })).status, 201);
      assert.equal((await rate(c.id, { level: 5, stage: 'submitted' })).body.error.code, 'RATING_EXISTS');
    } finally {
      await api('/api/ratings/settings', { method: 'PUT', cookie: cookies.admin, body: { defaultAfterDays: 7, rectifyWorkingDays: 5, stages: ['completed'] } });
    }
    const c2 = await newCase();
    const disabled = await rate(c2.id, { level: 5, stage: 'submitted' });
    assert.equal(disabled.status, 409);
    assert.equal(disabled.body.error.code, 'RATING_STAGE_DISABLED');
  });

  test('a hall pad rates the clerk at the window; a hotline agent rates on the applicant\'s behalf', async () => {
    const windows = await api('/api/org/windows?pageSize=5', { cookie: cookies.admin });
    const w = windows.body.items[0];
    assert.ok(w, 'the demo city has windows');
    const c = await newCase();
    const found = await api(`/api/ratings/pad/case?number=${c.number}`, { cookie: cookies.clerk });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.deepEqual({ finished: found.body.finished, rated: found.body.rated }, { finished: true, rated: false });
    const noWindow = await api('/api/ratings/assisted', { method: 'POST', cookie: cookies.clerk, body: { caseId: c.id, channel: 'hall_pad', level: 5 } });
    assert.equal(noWindow.body.error.code, 'RATING_WINDOW_UNKNOWN');
    const pad = await api('/api/ratings/assisted', { method: 'POST', cookie: cookies.clerk, body: { caseId: c.id, channel: 'hall_pad', windowId: w.id, level: 5, dimensions: { service_attitude: 5 } } });
    assert.equal(pad.status, 201, JSON.stringify(pad.body));
    assert.equal(pad.body.channel, 'hall_pad');
    assert.equal(pad.body.staffName, '综合窗口受理员');
    assert.ok(pad.body.hallName && pad.body.windowName);
    const row = await server.ctx.db.one<{ rater_person_id: string; recorded_by_staff_id: string }>('select rater_person_id, recorded_by_staff_id from rating where case_id = $1', [c.id]);
    const me = await api('/api/auth/me', { cookie: cookies.citizen });
    assert.equal(row!.rater_person_id, me.body.user.id);
    assert.ok(row!.recorded_by_staff_id);

    const c2 = await newCase();
    const lookup = await api(`/api/ratings/pad/case?number=${c2.number}`, { cookie: cookies.hotline });
    assert.deepEqual({ status: lookup.status, set: lookup.body.dimensionSet }, { status: 200, set: 'online' });
    assert.equal((await api(`/api/ratings/pad/case?number=${c2.number}`, { cookie: cookies.citizen })).status, 403);
    const notAgent = await api('/api/ratings/assisted', { method: 'POST', cookie: cookies.deptadmin, body: { caseId: c2.id, channel: 'hotline', level: 3 } });
    assert.equal(notAgent.status, 403);
    const phone = await api('/api/ratings/assisted', { method: 'POST', cookie: cookies.hotline, body: { caseId: c2.id, channel: 'hotline', level: 3 } });
    assert.equal(phone.status, 201, JSON.stringify(phone.body));
    assert.equal(phone.body.channel, 'hotline');
  });
});

describe('access and bad input', anyDate, () => {
  test('someone else\'s case is 404, an unfinished case 409, an unknown case 404, staff and anonymous refused', async () => {
    const c = await newCase();
    const other = await rate(c.id, { level: 1, tags: ['attitude'] }, cookies.citizen2);
    assert.equal(other.status, 404);
    const open = await newCase(cookies.citizen, false);
    const unfinished = await rate(open.id, { level: 5 });
    assert.equal(unfinished.status, 409);
    assert.equal(unfinished.body.error.code, 'RATING_STAGE_NOT_REACHED');
    const unknown = await rate('01900000-0000-7000-8000-000000000000', { level: 5 });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'NOT_FOUND');
    assert.equal((await rate(c.id, { level: 5 }, cookies.clerk)).status, 403);
    assert.equal((await rate(c.id, { level: 5 }, '')).status, 401);
    assert.equal(await ratingCount(c.id), 0);
    assert.equal(await ratingCount(open.id), 0);
  });

  test('levels out of range, unknown tags and dimensions, 5,000-character comments: clear codes, nothing stored', async () => {
    const c = await newCase();
    for (const level of [0, 6, 2.5, '5']) {
      const res = await rate(c.id, { level });
      assert.equal(res.status, 400, `${level}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
      assert.equal(res.body.error.details.field, 'level');
    }
    const tag = await rate(c.id, { level: 1, tags: ['attitude', 'bribery'] });
    assert.equal(tag.status, 422);
    assert.equal(tag.body.error.code, 'RATING_TAG_UNKNOWN');
    assert.deepEqual(tag.body.error.details.tags, ['bribery']);
    assert.equal((await rate(c.id, { level: 2 })).body.error.code, 'RATING_TAG_REQUIRED');
    assert.equal((await rate(c.id, { level: 5, tags: ['attitude'] })).body.error.code, 'RATING_TAGS_ONLY_FOR_BAD');
    const dim = await rate(c.id, { level: 5, dimensions: { service_attitude: 5 } });
    assert.equal(dim.body.error.code, 'RATING_DIMENSION_UNKNOWN');
    const long = await rate(c.id, { level: 5, comment: '长'.repeat(5000) });
    assert.equal(long.status, 400);
    assert.equal(long.body.error.details.field, 'comment');
    const extra = await rate(c.id, { level: 5, score: 10 });
    assert.equal(extra.status, 400);
    assert.equal(await ratingCount(c.id), 0);
  });

  test('HTML and script in a comment are stored and returned as the text typed; a NUL is refused', async () => {
    const c = await newCase();
    // the kernel refuses NUL and other control characters on every route (issue #13.5)
    const nul = await rate(c.id, { level: 1, tags: ['attitude'], comment: '好\u0000' });
    assert.equal(nul.status, 400, JSON.stringify(nul.body));
    assert.equal(nul.body.error.code, 'INVALID_CHARACTER');
    assert.equal(nul.body.error.details.field, 'comment');
    const comment = '<script>alert("x")</script><img src=x onerror=alert(1)> & 好';
    const res = await rate(c.id, { level: 1, tags: ['attitude'], comment });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.comment, comment);
    const stored = await server.ctx.db.one<{ comment: string }>('select comment from rating where case_id = $1', [c.id]);
    assert.equal(stored!.comment, comment);
  });
});

describe('settings', anyDate, () => {
  test('only an administrator of the whole city changes the local rules; bad values are refused', async () => {
    const body = { defaultAfterDays: 7, rectifyWorkingDays: 5, stages: ['completed'] };
    assert.equal((await api('/api/ratings/settings', { method: 'PUT', cookie: cookies.countyadmin, body })).status, 403);
    assert.equal((await api('/api/ratings/settings', { method: 'PUT', cookie: cookies.deptadmin, body })).status, 403);
    assert.equal((await api('/api/ratings/settings', { cookie: cookies.citizen })).status, 403);
    for (const bad of [{ ...body, rectifyWorkingDays: 7 }, { ...body, defaultAfterDays: 0 }, { ...body, stages: ['paid'] }, { ...body, extra: 1 }]) {
      const res = await api('/api/ratings/settings', { method: 'PUT', cookie: cookies.admin, body: bad });
      assert.equal(res.status, 400, JSON.stringify(bad));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    }
    const got = await api('/api/ratings/settings', { cookie: cookies.admin });
    assert.deepEqual(got.body, body);
  });
});

describe('defaulted ratings', () => {
  test('no rating within the period counts as 基本满意, marked defaulted; a late rating is 409', async () => {
    const c = await newCase();
    await drain();
    const timer = await server.ctx.db.one<{ due_at: Date; created_at: Date }>(
      `select e.due_at, i.created_at from outbox_event e join rating_invitation i on i.id = (e.payload->>'invitationId')::uuid
        where e.topic = 'ratings.default_due' and i.case_id = $1`,
      [c.id],
    );
    // Guangdong: 7 natural days after the invitation
    const days = (new Date(timer!.due_at).getTime() - new Date(timer!.created_at).getTime()) / 86_400_000;
    assert.ok(Math.abs(days - 7) < 0.01, String(days));
    await drain();
    assert.equal(await ratingCount(c.id), 0, 'nothing happens before the due time');
    await server.ctx.db.query(
      `update outbox_event set due_at = clock_now() where topic = 'ratings.default_due' and (payload->>'invitationId')::uuid in (select id from rating_invitation where case_id = $1)`,
      [c.id],
    );
    await drain();
    const mine = await api('/api/ratings/mine', { cookie: cookies.citizen });
    const r = mine.body.ratings.find((x: { caseId: string }) => x.caseId === c.id);
    assert.deepEqual({ level: r.level, defaulted: r.defaulted, channel: r.channel, levelName: r.levelName }, { level: 3, defaulted: true, channel: 'default', levelName: '基本满意' });
    const late = await rate(c.id, { level: 5 });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'RATING_EXISTS');
  });

  test('a rating given in time leaves the timer nothing to do', async () => {
    const c = await newCase();
    await drain();
    assert.equal((await rate(c.id, { level: 4 })).status, 201);
    await server.ctx.db.query(
      `update outbox_event set due_at = clock_now() where topic = 'ratings.default_due' and (payload->>'invitationId')::uuid in (select id from rating_invitation where case_id = $1)`,
      [c.id],
    );
    await drain();
    const rows = await server.ctx.db.query<{ level: number; defaulted: boolean }>('select level, defaulted from rating where case_id = $1', [c.id]);
    assert.deepEqual(rows.map((r) => ({ ...r })), [{ level: 4, defaulted: false }]);
  });
});

describe('bad-rating rectification (差评整改)', () => {
  test('不满意 opens a task due in working days; the department calls back, verifies, rectifies and replies; the rater sees the reply', async () => {
    const c = await newCase();
    const res = await rate(c.id, { level: 2, tags: ['extra_materials'], comment: '要求提供指南以外的材料' });
    assert.equal(res.status, 201);
    const { list, id } = await taskOf(c.id);
    assert.ok(id);
    const row = list.items.find((t: { id: string }) => t.id === id);
    assert.ok(row, 'the responsible department sees the task');
    const today = clock.today();
    const year = Number(today.slice(0, 4));
    const cal = await loadCalendar(server.ctx.db, year - 1, year + 1);
    assert.equal(row.dueDate, cal.addWorkingDays(today, 5));
    assert.equal(row.deadlineDays, 5);

    // another department's staff: the task does not exist for them
    const other = await taskOf(c.id, cookies.otherDept);
    assert.equal(other.list.items.some((t: { id: string }) => t.id === id), false);
    assert.equal((await api(`/api/ratings/tasks/${id}`, { cookie: cookies.otherDept })).status, 404);
    assert.equal((await taskAction(id!, 'callback', '回访', cookies.otherDept)).status, 404);
    assert.equal((await api(`/api/ratings/tasks/${id}`, { cookie: cookies.citizen })).status, 403);

    const early = await taskAction(id!, 'reply', '已整改');
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'RATING_TASK_ORDER');
    const contact = await api(`/api/ratings/tasks/${id}/contact`, { cookie: cookies.deptadmin });
    assert.equal(contact.body.phone, PHONE);
    for (const [action, note] of [['callback', '已电话回访申请人'], ['verify', '核实：窗口多收了一份材料'], ['rectify', '已对窗口人员进行培训'], ['reply', '<b>感谢反馈</b>，已整改。']] as const) {
      const step = await taskAction(id!, action, note);
      assert.equal(step.status, 200, `${action}: ${JSON.stringify(step.body)}`);
    }
    const closed = await taskAction(id!, 'reply', '再次答复');
    assert.equal(closed.body.error.code, 'RATING_TASK_CLOSED');
    const mine = await api('/api/ratings/mine', { cookie: cookies.citizen });
    const r = mine.body.ratings.find((x: { caseId: string }) => x.caseId === c.id);
    assert.deepEqual({ status: r.rectification.status, reply: r.rectification.reply }, { status: 'replied', reply: '<b>感谢反馈</b>，已整改。' });
    await drain();
    const sms = await api(`/api/dev/sms?phone=${PHONE}`);
    assert.ok(sms.body.items.some((m: { text: string }) => m.text.includes(c.number) && m.text.includes('整改答复')));
  });

  test('the deadline is configurable (15 working days) and an overdue task is escalated by its timer', async () => {
    await api('/api/ratings/settings', { method: 'PUT', cookie: cookies.admin, body: { defaultAfterDays: 7, rectifyWorkingDays: 15, stages: ['completed'] } });
    const c = await newCase();
    try {
      assert.equal((await rate(c.id, { level: 1, tags: ['overdue_statutory'] })).status, 201);
    } finally {
      await api('/api/ratings/settings', { method: 'PUT', cookie: cookies.admin, body: { defaultAfterDays: 7, rectifyWorkingDays: 5, stages: ['completed'] } });
    }
    const { id } = await taskOf(c.id);
    const detail = await api(`/api/ratings/tasks/${id}`, { cookie: cookies.deptadmin });
    const today = clock.today();
    const cal = await loadCalendar(server.ctx.db, Number(today.slice(0, 4)) - 1, Number(today.slice(0, 4)) + 1);
    assert.equal(detail.body.task.dueDate, cal.addWorkingDays(today, 15));
    const timer = await server.ctx.db.one<{ due_at: Date }>(`select due_at from outbox_event where topic = 'ratings.task_escalation_due' and payload->>'taskId' = $1`, [id]);
    // escalation is due at the start of the day after the due date
    assert.equal(new Date(timer!.due_at).getTime() - new Date(`${detail.body.task.dueDate}T00:00:00+08:00`).getTime(), 86_400_000);
    await drain();
    assert.equal((await api(`/api/ratings/tasks/${id}`, { cookie: cookies.deptadmin })).body.task.overdue, false);
    await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'ratings.task_escalation_due' and payload->>'taskId' = $1`, [id]);
    await drain();
    const after = await api(`/api/ratings/tasks/${id}`, { cookie: cookies.deptadmin });
    assert.equal(after.body.task.overdue, true);
    assert.ok(after.body.task.escalatedAt);
    const active = await api('/api/ratings/tasks?active=true&pageSize=100', { cookie: cookies.deptadmin });
    assert.ok(active.body.items.some((t: { id: string }) => t.id === id));
    assert.ok(active.body.items.every((t: { status: string }) => t.status !== 'replied' && t.status !== 'excluded'));
    const escalated = await api('/api/ratings/tasks?overdue=true&pageSize=100', { cookie: cookies.admin });
    assert.ok(escalated.body.items.some((t: { id: string }) => t.id === id));
    const event = await server.ctx.db.one<{ n: number }>(`select count(*)::int as n from outbox_event where topic = 'ratings.task_escalated' and payload->>'taskId' = $1`, [id]);
    assert.equal(event!.n, 1);
  });

  test('申诉复核: the department appeals, only the data bureau decides; an excluded rating stays visible as excluded', async () => {
    const c = await newCase();
    assert.equal((await rate(c.id, { level: 1, tags: ['other'], comment: '恶意差评' })).status, 201);
    const { id } = await taskOf(c.id);
    let task = (await api(`/api/ratings/tasks/${id}`, { cookie: cookies.deptadmin })).body.task;
    const appeal = await api(`/api/ratings/tasks/${id}/appeal`, { method: 'POST', cookie: cookies.deptadmin, body: { version: task.version, reason: '申请人承认误评' } });
    assert.equal(appeal.status, 200, JSON.stringify(appeal.body));
    assert.equal(appeal.body.appeal.status, 'pending');
    const twice = await api(`/api/ratings/tasks/${id}/appeal`, { method: 'POST', cookie: cookies.deptadmin, body: { version: appeal.body.version, reason: '再次申诉' } });
    assert.equal(twice.body.error.code, 'RATING_APPEAL_EXISTS');
    const byDept = await api(`/api/ratings/tasks/${id}/appeal-decision`, { method: 'POST', cookie: cookies.deptadmin, body: { version: appeal.body.version, decision: 'upheld', note: '自己批准' } });
    assert.equal(byDept.status, 403);
    const pending = await api('/api/ratings/tasks?appeal=pending&pageSize=100', { cookie: cookies.admin });
    assert.ok(pending.body.items.some((t: { id: string }) => t.id === id));
    const before = (await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}`, { cookie: cookies.admin })).body.summary;
    const decided = await api(`/api/ratings/tasks/${id}/appeal-decision`, { method: 'POST', cookie: cookies.admin, body: { version: appeal.body.version, decision: 'upheld', note: '经核实为误评' } });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.status, 'excluded');
    task = decided.body;
    assert.equal((await api(`/api/ratings/tasks/${id}/appeal-decision`, { method: 'POST', cookie: cookies.admin, body: { version: task.version, decision: 'rejected', note: 'x' } })).body.error.code, 'RATING_APPEAL_NOT_PENDING');
    const mine = await api('/api/ratings/mine', { cookie: cookies.citizen });
    const r = mine.body.ratings.find((x: { caseId: string }) => x.caseId === c.id);
    assert.deepEqual({ excluded: r.excluded, reason: r.excludedReason, level: r.level }, { excluded: true, reason: '经核实为误评', level: 1 });
    const afterward = (await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}`, { cookie: cookies.admin })).body.summary;
    assert.equal(afterward.excluded, before.excluded + 1);
    assert.equal(afterward.valid, before.valid - 1);
    assert.equal(afterward.byLevel['1'], before.byLevel['1'] - 1);
  });
});

describe('results', () => {
  test('figures per month by level and channel, score, rates, rankings; public page without personal data; xlsx; indicator inputs', async () => {
    const res = await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}&by=item`, { cookie: cookies.admin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const s = res.body.summary;
    const rows = await server.ctx.db.query<{ level: number; channel: string }>('select level, channel from rating where not excluded');
    assert.equal(s.valid, rows.length);
    const mean = rows.reduce((a, r) => a + r.level, 0) / rows.length;
    assert.equal(s.score, Math.round(mean * 2 * 100) / 100);
    const bad = rows.filter((r) => r.level <= 2).length;
    assert.equal(s.bad, bad);
    assert.equal(s.badRate, Math.round((bad / rows.length) * 10000) / 10000);
    assert.equal(s.satisfactionRate, Math.round(((rows.length - bad) / rows.length) * 10000) / 10000);
    assert.equal(s.byChannel.hall_pad, rows.filter((r) => r.channel === 'hall_pad').length);
    assert.equal(s.byChannel.default, rows.filter((r) => r.channel === 'default').length);
    assert.ok(s.tasks >= 2 && s.replied >= 1);
    // one task replied on time, one escalated: 50 %
    assert.equal(s.repliedOnTime, 1);
    assert.equal(s.onTimeRate, 0.5);
    assert.equal(res.body.groups[0].name, '营业执照遗失补领、换发');
    assert.equal(res.body.rankings.items[0].bad, bad);
    assert.ok(res.body.tags.some((t: { code: string; name: string }) => t.code === 'extra_materials' && t.name === '需提供办事指南之外的申报材料'));
    for (const by of ['department', 'hall', 'region', 'staff']) {
      const g = await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}&by=${by}`, { cookie: cookies.admin });
      assert.equal(g.status, 200, `${by}: ${JSON.stringify(g.body)}`);
      assert.equal(g.body.groups.reduce((a: number, x: { valid: number }) => a + x.valid, 0), s.valid, by);
    }
    const region = await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}&by=region`, { cookie: cookies.admin });
    assert.equal(region.body.groups[0].name, '云浮市');

    // a department administrator sees their department only; another department sees nothing of it
    const dept = await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}`, { cookie: cookies.otherDept });
    assert.equal(dept.status, 200);
    assert.equal(dept.body.summary.total, 0);
    assert.equal((await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}`, { cookie: cookies.citizen })).status, 403);
    assert.equal((await api(`/api/ratings/results?month=2026-13&regionCode=${CITY}`, { cookie: cookies.admin })).status, 400);

    const pub = await api(`/api/public/ratings/monthly?month=${month()}&regionCode=${CITY}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.body.summary.valid, s.valid);
    const text = JSON.stringify(pub.body);
    for (const personal of ['陈小云', '综合窗口受理员', '要求提供指南以外的材料', '13800000001']) assert.equal(text.includes(personal), false, personal);
    assert.equal((await api(`/api/public/ratings/monthly?month=${month()}&regionCode=999900000000`)).status, 404);

    const xlsx = await fetch(`${server.url}/api/ratings/results.xlsx?month=${month()}&regionCode=${CITY}`, { headers: { cookie: cookies.admin } });
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['总体情况', '差评标签', '部门情况', '差评事项排名']);
    const overview = wb.getWorksheet('总体情况')!;
    const values = new Map<string, unknown>();
    overview.eachRow((row) => values.set(String(row.getCell(1).value).trim(), row.getCell(2).value));
    assert.equal(values.get('有效评价数'), s.valid);
    assert.equal(values.get('差评数（差评率）'), s.bad);
    assert.equal(values.get('整体平均分（10分制）'), s.score);
    assert.equal(values.get('短信'), s.byChannel.sms);
    assert.equal(wb.getWorksheet('差评事项排名')!.getRow(2).getCell(2).value, '营业执照遗失补领、换发');
    assert.equal((await fetch(`${server.url}/api/ratings/results.xlsx?month=${month()}&regionCode=${CITY}`, { headers: { cookie: cookies.citizen } })).status, 403);

    const today = clock.today();
    const inputs = await ratingIndicatorInputs(server.ctx.db, { regionCode: CITY, from: `${month()}-01`, to: today });
    assert.equal(inputs.score, s.score);
    assert.equal(inputs.valid, s.valid);
    assert.deepEqual([inputs.satisfied, inputs.bad], [s.valid - s.bad, s.bad]);
    assert.equal(inputs.rectificationRate, Math.round((s.replied / s.tasks) * 10000) / 10000);
    const none = await ratingIndicatorInputs(server.ctx.db, { regionCode: CITY, from: '2020-01-01', to: '2020-01-31' });
    assert.deepEqual({ ratings: none.ratings, score: none.score }, { ratings: 0, score: null });
  });
});

describe('the REWARD item stays unfinished', anyDate, () => {
  test('a submitted case is not yet rated at completion', async () => {
    const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, formData: { report_number: 'JB2026-0009', bank_account: '6222020000000000001' } } });
    for (const k of ['m1', 'm2', 'm3']) await upload(cookies.citizen, draft.body.case.id, k);
    await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: draft.body.case.version } });
    await drain();
    const mine = await api('/api/ratings/mine', { cookie: cookies.citizen });
    assert.equal(mine.body.invitations.some((i: { caseId: string }) => i.caseId === draft.body.case.id), false);
  });
});
