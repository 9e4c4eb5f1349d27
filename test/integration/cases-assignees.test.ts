import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';

/** 食品安全违法行为举报奖励 (市场监管, city): three required materials. */
const REWARD = '000H2453000000-445300000000-000-11445300530000243C-1-00';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const PASSWORD = 'Yiwang@2026citizen';

let server: TestServer;
type Who = 'admin' | 'clerk' | 'approver' | 'deptadmin' | 'leader' | 'citizen' | 'luoding' | 'hr';
const cookies = {} as Record<Who, string>;
const api = (...a: Parameters<TestServer['api']>) => server.api(...a);
const me = async (cookie: string) => (await api('/api/auth/me', { cookie })).body.user.id as string;

async function submittedCase(): Promise<string> {
  const d = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, formData: { report_number: 'JB2026-0101', bank_account: '6222020000000000101' } } });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  for (const key of ['m1', 'm2', 'm3']) {
    const res = await fetch(`${server.url}/api/cases/${d.body.case.id}/materials/${key}?name=a.pdf`, {
      method: 'PUT',
      headers: { cookie: cookies.citizen, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(PDF),
    });
    assert.equal(res.status, 201);
  }
  const s = await api(`/api/cases/${d.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.body.case.version } });
  assert.equal(s.status, 200, JSON.stringify(s.body));
  return d.body.case.id;
}

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'clerk', 'approver', 'deptadmin', 'leader'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', PASSWORD);
  cookies.luoding = await addStaff(server, cookies.admin, 'ldapprover3', '云浮市市场监督管理局', { role: 'approver', regionCode: '445381000000', sameDepartment: false });
  cookies.hr = await addStaff(server, cookies.admin, 'hrapprover3', '云浮市人力资源和社会保障局', { role: 'approver', regionCode: '445300000000', sameDepartment: true });
});
after(() => server.close());

describe('GET /api/cases/:id/assignees', () => {
  test('lists exactly the colleagues the assign action accepts for the current step', async () => {
    const id = await submittedCase();
    const clerkId = await me(cookies.clerk);
    const approverId = await me(cookies.approver);
    const luodingId = await me(cookies.luoding);
    const hrId = await me(cookies.hr);

    // 受理: window clerks and approvers of the city market regulator
    const atAccept = await api(`/api/cases/${id}/assignees`, { cookie: cookies.deptadmin });
    assert.equal(atAccept.status, 200, JSON.stringify(atAccept.body));
    const acceptIds = atAccept.body.items.map((s: { id: string }) => s.id);
    assert.ok(acceptIds.includes(clerkId));
    assert.ok(acceptIds.includes(approverId));

    const current = (await api(`/api/cases/${id}`, { cookie: cookies.clerk })).body.case;
    assert.equal((await api(`/api/cases/${id}/actions/accept`, { method: 'POST', cookie: cookies.clerk, body: { version: current.version } })).status, 200);

    // 审查: approvers only; a county approver does not cover a city case, nor another department's
    const atReview = await api(`/api/cases/${id}/assignees`, { cookie: cookies.deptadmin });
    assert.equal(atReview.status, 200);
    const reviewIds = atReview.body.items.map((s: { id: string }) => s.id);
    assert.ok(reviewIds.includes(approverId));
    assert.ok(!reviewIds.includes(clerkId));
    assert.ok(!reviewIds.includes(luodingId));
    assert.ok(!reviewIds.includes(hrId));
    const named = atReview.body.items.find((s: { id: string }) => s.id === approverId);
    assert.equal(typeof named.name, 'string');

    // every offered name is accepted by the action itself
    const version = (await api(`/api/cases/${id}`, { cookie: cookies.deptadmin })).body.case.version;
    const assigned = await api(`/api/cases/${id}/actions/assign`, { method: 'POST', cookie: cookies.deptadmin, body: { version, assigneeId: reviewIds[0] } });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    // the step's own approver may list colleagues to hand it on to
    assert.equal((await api(`/api/cases/${id}/assignees`, { cookie: cookies.approver })).status, 200);
  });

  test('citizens, other regions, other departments and bystanders are refused; a finished case has no step', async () => {
    const id = await submittedCase();
    const citizen = await api(`/api/cases/${id}/assignees`, { cookie: cookies.citizen });
    assert.equal(citizen.status, 403);
    assert.equal((await api(`/api/cases/${id}/assignees`)).status, 401);
    // a county approver: the city case does not exist for them
    const county = await api(`/api/cases/${id}/assignees`, { cookie: cookies.luoding });
    assert.equal(county.status, 404);
    // another department of the same city: not theirs
    assert.equal((await api(`/api/cases/${id}/assignees`, { cookie: cookies.hr })).status, 403);
    assert.equal((await api('/api/cases/00000000-0000-4000-8000-000000000000/assignees', { cookie: cookies.deptadmin })).status, 404);
    assert.equal((await api('/api/cases/not-a-uuid/assignees', { cookie: cookies.deptadmin })).status, 400);

    const current = (await api(`/api/cases/${id}`, { cookie: cookies.clerk })).body.case;
    const refused = await api(`/api/cases/${id}/actions/refuse`, { method: 'POST', cookie: cookies.clerk, body: { version: current.version, opinion: '不属于受理范围' } });
    assert.equal(refused.status, 200, JSON.stringify(refused.body));
    const done = await api(`/api/cases/${id}/assignees`, { cookie: cookies.deptadmin });
    assert.equal(done.status, 409);
    assert.equal(done.body.error.code, 'CASE_NOT_ACTIONABLE');
  });
});

describe('GET /api/cases/supervisable', () => {
  test('a leader and the department head see the cases in progress with open orders; the late filter narrows it', async () => {
    const id = await submittedCase();
    const list = await api('/api/cases/supervisable', { cookie: cookies.leader });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const row = list.body.items.find((r: { id: string }) => r.id === id);
    assert.ok(row);
    assert.equal(row.openOrders, 0);
    const order = await api(`/api/cases/${id}/supervisions`, { method: 'POST', cookie: cookies.leader, body: { opinion: '请加快办理', replyInDays: 2 } });
    assert.equal(order.status, 201, JSON.stringify(order.body));
    const again = (await api('/api/cases/supervisable', { cookie: cookies.leader })).body.items.find((r: { id: string }) => r.id === id);
    assert.equal(again.openOrders, 1);
    // the department's head finds it too (to assign it and answer the order); another department's approver does not
    const dept = await api('/api/cases/supervisable', { cookie: cookies.deptadmin });
    assert.equal(dept.status, 200);
    assert.ok(dept.body.items.some((r: { id: string }) => r.id === id));

    await server.ctx.db.query(`update case_record set promised_due = clock_today() - 1 where id = $1`, [id]);
    const late = await api('/api/cases/supervisable?late=true', { cookie: cookies.leader });
    assert.equal(late.status, 200);
    const lateRow = late.body.items.find((r: { id: string }) => r.id === id);
    assert.equal(lateRow.colour, 'red');
    assert.ok(late.body.items.every((r: { colour: string | null }) => r.colour !== 'green'));
  });

  test('only superiors may list; bad input is 400', async () => {
    assert.equal((await api('/api/cases/supervisable', { cookie: cookies.approver })).status, 403);
    assert.equal((await api('/api/cases/supervisable', { cookie: cookies.citizen })).status, 403);
    assert.equal((await api('/api/cases/supervisable')).status, 401);
    assert.equal((await api('/api/cases/supervisable?late=maybe', { cookie: cookies.leader })).status, 400);
  });
});
