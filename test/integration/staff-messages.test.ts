import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { anyDate } from '../support/dates.ts';
import { CITIZEN_PASSWORD, CITY, IMMEDIATE, REWARD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
type Who = 'admin' | 'clerk' | 'approver' | 'deptadmin' | 'leader' | 'citizen' | 'nophonehead' | 'approver2';
const cookies = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const drain = async () => {
  while ((await server.deliverEvents()) > 0);
};

type Message = { id: string; kind: string; caseId: string | null; ref: string | null; number: string | null; text: string; readAt: string | null };
const inbox = async (who: Who, query = 'pageSize=100', lang?: string) => {
  const res = await api(`/api/staff/messages?${query}`, { cookie: cookies[who], lang });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { items: Message[]; total: number; unread: number };
};
const about = async (who: Who, caseId: string) => (await inbox(who)).items.filter((m) => m.caseId === caseId);

/** A staff member of 市场监督管理局 with one role narrowed to it, created without a phone when asked. */
async function addScjgjStaff(username: string, role: string, phone?: string) {
  const dept = (await api(`/api/org/departments?q=${encodeURIComponent('市场监督管理局')}`, { cookie: cookies.admin })).body.items[0];
  const created = await api('/api/org/staff', {
    method: 'POST',
    cookie: cookies.admin,
    body: { username, name: username, departmentId: dept.id, regionCode: CITY, password: `Yiwang@2026${username}`, ...(phone ? { phone } : {}) },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const roles = await api(`/api/org/staff/${created.body.id}/roles`, { method: 'PUT', cookie: cookies.admin, body: { roles: [{ role, regionCode: CITY, departmentId: dept.id }] } });
  assert.equal(roles.status, 200, JSON.stringify(roles.body));
  return { id: created.body.id as string, cookie: await server.login(username) };
}

async function submitted(item: string, formData: Record<string, unknown>, keys: string[]) {
  const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item, formData } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  for (const k of keys) assert.equal((await uploadMaterial(server, cookies.citizen, draft.body.case.id, k)).status, 201);
  const sub = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  return sub.body.case as { id: string; number: string };
}
const rewardCase = () => submitted(REWARD, { report_number: 'JB2026-0001', bank_account: '6222020000000000001' }, ['m1', 'm2', 'm3']);

async function act(who: Who, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await api(`/api/cases/${id}`, { cookie: cookies[who] });
  const res = await api(`/api/cases/${id}/actions/${action}`, { method: 'POST', cookie: cookies[who], body: { version: current.body.case.version, ...body } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'clerk', 'approver', 'deptadmin', 'leader'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  const head = await addScjgjStaff('nophonehead', 'department_admin');
  const second = await addScjgjStaff('approver2', 'approver', '13912345670');
  Object.assign(cookies, { nophonehead: head.cookie, approver2: second.cookie });
  Object.assign(ids, { nophonehead: head.id, approver2: second.id });
  for (const u of ['approver', 'deptadmin', 'leader'] as const) ids[u] = (await api('/api/auth/me', { cookie: cookies[u] })).body.user.id;
});
after(() => server.close());

describe('producers: each event reaches the right people in the workbench', () => {
  test('a yellow warning reaches the handler and the heads, a head without a phone too, once', async () => {
    const c = await rewardCase();
    await act('clerk', c.id, 'accept');
    await act('approver', c.id, 'claim');
    await drain();
    await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'cases.deadline_warning_due' and payload->>'caseId' = $1 and payload->>'level' = 'yellow'`, [c.id]);
    await drain();
    await drain();
    for (const who of ['approver', 'deptadmin', 'nophonehead'] as const) {
      const mine = (await about(who, c.id)).filter((m) => m.kind === 'deadline_yellow');
      assert.equal(mine.length, 1, `${who}: ${JSON.stringify(mine)}`);
      assert.equal(mine[0]!.number, c.number);
      assert.match(mine[0]!.text, new RegExp(`${c.number}.*80%`));
      assert.equal(mine[0]!.readAt, null);
    }
    // the leader of another department is no head of this one; the clerk no longer holds the case
    assert.equal((await about('leader', c.id)).length, 0);
    assert.equal((await about('clerk', c.id)).length, 0);
    const english = (await inbox('nophonehead', 'pageSize=100', 'en')).items.find((m) => m.caseId === c.id)!;
    assert.match(english.text, /has used 80% of its promised time/);
  });

  test('an assignment reaches the assignee, not the one who gave it', async () => {
    const c = await rewardCase();
    await act('clerk', c.id, 'accept');
    await act('deptadmin', c.id, 'assign', { assigneeId: ids.approver2 });
    await drain();
    const mine = await about('approver2', c.id);
    assert.deepEqual(mine.map((m) => m.kind), ['assigned']);
    assert.match(mine[0]!.text, /^市场监管局管理员 将办件 \d+（食品安全违法行为举报奖励）的“审查”环节交给您办理/);
    assert.equal((await about('deptadmin', c.id)).length, 0);
    // the holder passing it on is an assignment too (a transfer); taking it oneself is none
    await act('approver2', c.id, 'assign', { assigneeId: ids.approver });
    await act('approver', c.id, 'claim');
    await drain();
    assert.deepEqual((await about('approver', c.id)).map((m) => m.kind), ['assigned']);
  });

  test('a supervision order reaches the assignee, or the heads when nobody holds the case; so does its missed reply', async () => {
    const held = await rewardCase();
    await act('clerk', held.id, 'accept');
    await act('approver', held.id, 'claim');
    const order = await api(`/api/cases/${held.id}/supervisions`, { method: 'POST', cookie: cookies.leader, body: { opinion: '群众反映较急', replyInDays: 2 } });
    assert.equal(order.status, 201, JSON.stringify(order.body));
    const toHolder = (await about('approver', held.id)).filter((m) => m.kind === 'supervised');
    assert.equal(toHolder.length, 1);
    assert.equal(toHolder[0]!.ref, order.body.id);
    assert.match(toHolder[0]!.text, /市领导 .*督办：群众反映较急/);
    assert.equal((await about('deptadmin', held.id)).filter((m) => m.kind === 'supervised').length, 0);

    const open = await rewardCase();
    await act('clerk', open.id, 'accept');
    const second = await api(`/api/cases/${open.id}/supervisions`, { method: 'POST', cookie: cookies.leader, body: { opinion: '请加快', replyInDays: 1 } });
    assert.equal(second.status, 201);
    for (const who of ['deptadmin', 'nophonehead'] as const) assert.deepEqual((await about(who, open.id)).map((m) => m.kind), ['supervised']);
    assert.equal((await about('approver', open.id)).length, 0);

    // the reply days pass without an answer
    await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'cases.supervision_due' and payload->>'caseId' = any($1::text[])`, [[held.id, open.id]]);
    await drain();
    assert.equal((await about('approver', held.id)).filter((m) => m.kind === 'supervision_overdue').length, 1);
    for (const who of ['deptadmin', 'nophonehead'] as const) assert.equal((await about(who, open.id)).filter((m) => m.kind === 'supervision_overdue').length, 1);
  });

  test('a bad rating opens a task that reaches the department administrators; its escalation reaches the heads', async () => {
    const form = { entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云', agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: '13800000001', reason: '遗失补领' };
    const c = await submitted(IMMEDIATE, form, ['m1', 'm2']);
    await act('clerk', c.id, 'accept');
    await drain();
    const rated = await api('/api/ratings', { method: 'POST', cookie: cookies.citizen, body: { caseId: c.id, channel: 'portal', level: 1, tags: ['attitude'] } });
    assert.equal(rated.status, 201, JSON.stringify(rated.body));
    const task = await server.ctx.db.one<{ id: string }>('select k.id from rating_task k join rating r on r.id = k.rating_id where r.case_id = $1', [c.id]);
    for (const who of ['deptadmin', 'nophonehead'] as const) {
      const mine = (await about(who, c.id)).filter((m) => m.kind === 'rating_task');
      assert.equal(mine.length, 1, who);
      assert.equal(mine[0]!.ref, task!.id);
    }
    // approvers work on tasks but are told by their administrators
    assert.equal((await about('approver', c.id)).filter((m) => m.kind.startsWith('rating')).length, 0);

    await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'ratings.task_escalation_due' and payload->>'taskId' = $1`, [task!.id]);
    await drain();
    for (const who of ['deptadmin', 'nophonehead'] as const) assert.equal((await about(who, c.id)).filter((m) => m.kind === 'rating_escalated').length, 1, who);
  });
});

describe('reading one\'s own messages', anyDate, () => {
  test('counts, filter, marking a list and all read; another\'s messages stay invisible and unmarkable', async () => {
    const mine = await inbox('nophonehead');
    assert.ok(mine.total >= 4, JSON.stringify(mine));
    assert.equal(mine.unread, mine.items.filter((m) => !m.readAt).length);
    const count = await api('/api/staff/messages/unread-count', { cookie: cookies.nophonehead });
    assert.deepEqual(count.body, { unread: mine.unread });
    // newest first
    const times = mine.items.map((m) => (m as unknown as { createdAt: string }).createdAt);
    assert.deepEqual(times, [...times].sort().reverse());
    const page = await inbox('nophonehead', 'page=2&pageSize=2');
    assert.deepEqual(page.items.map((m) => m.id), mine.items.slice(2, 4).map((m) => m.id));

    // the approver's messages are not in the head's list and cannot be marked read by the head
    const theirs = await inbox('approver');
    assert.ok(theirs.unread > 0);
    assert.ok(!mine.items.some((m) => theirs.items.some((o) => o.id === m.id)));
    const foreign = await api('/api/staff/messages/read', { method: 'POST', cookie: cookies.nophonehead, body: { ids: [theirs.items[0]!.id] } });
    assert.equal(foreign.status, 200);
    assert.equal(foreign.body.marked, 0);
    assert.equal((await inbox('approver')).unread, theirs.unread);

    const two = mine.items.slice(0, 2).map((m) => m.id);
    const marked = await api('/api/staff/messages/read', { method: 'POST', cookie: cookies.nophonehead, body: { ids: two } });
    assert.deepEqual(marked.body, { marked: 2, unread: mine.unread - 2 });
    const unreadOnly = await inbox('nophonehead', 'unread=true&pageSize=100');
    assert.equal(unreadOnly.total, mine.unread - 2);
    assert.ok(!unreadOnly.items.some((m) => two.includes(m.id)));
    assert.deepEqual((await inbox('nophonehead', 'unread=false&pageSize=100')).items.map((m) => m.id).sort(), [...two].sort());

    // no ids: all of them (a POST with no body at all, as the web app sends it)
    const all = await api('/api/staff/messages/read', { method: 'POST', cookie: cookies.nophonehead });
    assert.equal(all.status, 200, JSON.stringify(all.body));
    assert.deepEqual(all.body, { marked: mine.unread - 2, unread: 0 });
    assert.equal((await api('/api/staff/messages/unread-count', { cookie: cookies.nophonehead })).body.unread, 0);
    assert.equal((await api('/api/staff/messages/read', { method: 'POST', cookie: cookies.nophonehead, body: {} })).body.marked, 0);
    // the approver's bell is untouched
    assert.equal((await inbox('approver')).unread, theirs.unread);
  });

  test('persons and visitors are refused; bad input is a 400 with a stable code', async () => {
    for (const path of ['/api/staff/messages', '/api/staff/messages/unread-count']) {
      const person = await api(path, { cookie: cookies.citizen });
      assert.equal(person.status, 403);
      assert.equal(person.body.error.code, 'FORBIDDEN');
      const nobody = await api(path);
      assert.equal(nobody.status, 401);
      assert.equal(nobody.body.error.code, 'UNAUTHENTICATED');
    }
    assert.equal((await api('/api/staff/messages/read', { method: 'POST', cookie: cookies.citizen, body: {} })).status, 403);
    assert.equal((await api('/api/staff/messages/read', { method: 'POST', body: {} })).status, 401);

    const bad = [
      { ids: ['not-a-uuid'] },
      { ids: [] },
      { ids: 'all' },
      { ids: [ids.approver], extra: true },
    ];
    for (const body of bad) {
      const res = await api('/api/staff/messages/read', { method: 'POST', cookie: cookies.approver, body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED', JSON.stringify(res.body));
    }
    for (const q of ['page=0', 'pageSize=1000', 'unread=maybe', 'page=x']) {
      const res = await api(`/api/staff/messages?${q}`, { cookie: cookies.approver });
      assert.equal(res.status, 400, q);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    }
    const unchanged = await inbox('approver');
    assert.ok(unchanged.unread > 0);
  });
});
