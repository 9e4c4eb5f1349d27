import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEV_MASTER_KEY } from '../../src/kernel/config.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { personView } from '../../src/modules/identity/index.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// 用证 with consent: grants per licence type, requests with a purpose, the holder's answer,
// lawful use without consent, and the holder's use log.
let server: TestServer;
type Who = 'admin' | 'approver' | 'clerk' | 'leader' | 'citizen' | 'citizen2';
const cookies = {} as Record<Who, string>;
let typeId: string;
let licenceId: string;
let clerkDept: { id: string; name: string };
let leaderDept: { id: string; name: string };
/** The demo citizen's own ID number: a licence in a person's wallet must name that person. */
let ID_NUMBER: string;

const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'approver', 'clerk', 'leader'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  cookies.citizen2 = await server.login('13800000002', 'Yiwang@2026citizen');
  const me = async (c: string) => (await api('/api/auth/me', { cookie: c })).body.user;
  const citizen = await me(cookies.citizen);
  ID_NUMBER = (await personView(server.ctx.db, personalData(DEV_MASTER_KEY), citizen.id, true))!.idNumber;
  const approver = await me(cookies.approver);
  const clerk = await me(cookies.clerk);
  const leader = await me(cookies.leader);
  clerkDept = { id: clerk.departmentId, name: clerk.departmentName };
  leaderDept = { id: leader.departmentId, name: leader.departmentName };
  const deptId = approver.departmentId;
  assert.equal(
    (await api('/api/seals', { method: 'POST', cookie: cookies.admin, body: { departmentId: deptId, kind: 'licence' } })).status,
    201,
  );
  const type = await api('/api/licence-types', {
    method: 'POST',
    cookie: cookies.admin,
    body: {
      definingDepartmentId: deptId,
      sequence: '010',
      holderKind: 'person',
      name: '特种设备作业人员证',
      issuingDepartmentIds: [deptId],
      fields: [{ key: 'category', label: '作业项目', type: 'text', required: true, personal: false }],
      validity: { years: 4 },
    },
  });
  typeId = type.body.id;
  const l = await api('/api/licences', {
    method: 'POST',
    cookie: cookies.approver,
    body: {
      typeId,
      departmentId: deptId,
      holder: { kind: 'person', personId: citizen.id, name: citizen.name, code: ID_NUMBER },
      fields: { category: '叉车司机' },
    },
  });
  assert.equal(l.status, 201, JSON.stringify(l.body));
  licenceId = l.body.id;
});
after(() => server.close());

const request = (cookie: string, body: Record<string, unknown> = {}) =>
  api('/api/licence-use-requests', {
    method: 'POST',
    cookie,
    body: { typeId, holderCode: ID_NUMBER, purpose: '公租房资格审核', ...body },
  });

describe('use with consent', () => {
  test('grants: only administrators, a legal basis when no consent is asked, no duplicates', async () => {
    const grant = (body: Record<string, unknown>, cookie = cookies.admin) =>
      api(`/api/licence-types/${typeId}/grants`, { method: 'POST', cookie, body });
    assert.equal((await grant({ departmentId: clerkDept.id, withoutConsent: false }, cookies.approver)).status, 403);
    const noBasis = await grant({ departmentId: leaderDept.id, withoutConsent: true });
    assert.deepEqual([noBasis.status, noBasis.body.error.details.field], [400, 'legalBasis']);
    const both = await grant({ departmentId: clerkDept.id, enterpriseUscc: '91445300MA4W000000', withoutConsent: false });
    assert.equal(both.status, 400);
    const ok = await grant({ departmentId: clerkDept.id, withoutConsent: false });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.granteeName, clerkDept.name);
    assert.equal(
      (await grant({ departmentId: clerkDept.id, withoutConsent: false })).body.error.code,
      'LICENCE_USE_GRANT_EXISTS',
    );
    const lawful = await grant({ departmentId: leaderDept.id, withoutConsent: true, legalBasis: '《某某条例》第十条' });
    assert.equal(lawful.status, 201);
    const list = await api(`/api/licence-types/${typeId}/grants`, { cookie: cookies.clerk });
    assert.equal(list.body.items.length, 2);
  });

  test('a request without a grant for the type is refused; so are anonymous callers and citizens', async () => {
    const denied = await request(cookies.approver);
    assert.deepEqual([denied.status, denied.body.error.code], [403, 'LICENCE_USE_NOT_GRANTED']);
    assert.equal((await request('')).status, 401);
    assert.equal((await request(cookies.citizen2)).status, 403);
    const none = await request(cookies.clerk, { holderCode: demoIdNumber('445302000000', '19700101', 9) });
    assert.deepEqual([none.status, none.body.error.code], [404, 'LICENCE_NOT_HELD']);
  });

  test('the holder approves: the requester then reads the licence, and the holder sees who used it and why', async () => {
    const asked = await request(cookies.clerk);
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    assert.equal(asked.body.status, 'pending');
    assert.equal(asked.body.licence, undefined);
    const before = await api(`/api/licence-use-requests/${asked.body.id}`, { cookie: cookies.clerk });
    assert.equal(before.body.licence, undefined, 'nothing before the holder answers');
    assert.equal(
      (await api(`/api/licence-use-requests/${asked.body.id}`, { cookie: cookies.leader })).status,
      404,
      'only the requester',
    );

    const inbox = await api('/api/wallet/use-requests', { cookie: cookies.citizen });
    assert.ok(
      inbox.body.items.some(
        (r: { id: string; requesterName: string }) => r.id === asked.body.id && r.requesterName === clerkDept.name,
      ),
    );
    assert.equal((await api('/api/wallet/use-requests', { cookie: cookies.citizen2 })).body.items.length, 0);
    const decide = (cookie: string, approve: boolean, id = asked.body.id) =>
      api(`/api/wallet/use-requests/${id}/decision`, { method: 'POST', cookie, body: { approve } });
    assert.equal((await decide(cookies.citizen2, true)).status, 404, 'another person cannot answer');
    const approved = await decide(cookies.citizen, true);
    assert.equal(approved.body.status, 'approved');
    assert.equal((await decide(cookies.citizen, false)).body.error.code, 'LICENCE_USE_REQUEST_DECIDED');

    const after = await api(`/api/licence-use-requests/${asked.body.id}`, { cookie: cookies.clerk });
    assert.equal(after.body.licence.holder.code, ID_NUMBER);
    assert.equal(after.body.licence.fields.category, '叉车司机');

    const log = await api(`/api/wallet/licences/${licenceId}/uses`, { cookie: cookies.citizen });
    assert.ok(
      log.body.items.some(
        (u: { kind: string; userName: string; purpose: string }) =>
          u.kind === 'exchange' && u.userName === clerkDept.name && u.purpose === '公租房资格审核',
      ),
    );

    const refusedReq = await request(cookies.clerk, { purpose: '再次核对' });
    const refused = await decide(cookies.citizen, false, refusedReq.body.id);
    assert.equal(refused.body.status, 'refused');
    assert.equal(
      (await api(`/api/licence-use-requests/${refusedReq.body.id}`, { cookie: cookies.clerk })).body.licence,
      undefined,
    );
  });

  test('where the law allows, the use needs no consent and is recorded with its legal basis', async () => {
    const lawful = await request(cookies.leader, { purpose: '执法检查' });
    assert.equal(lawful.status, 201, JSON.stringify(lawful.body));
    assert.equal(lawful.body.status, 'lawful');
    assert.equal(lawful.body.legalBasis, '《某某条例》第十条');
    assert.equal(
      (await api(`/api/licence-use-requests/${lawful.body.id}`, { cookie: cookies.leader })).body.licence.id,
      licenceId,
    );
    const log = await api(`/api/wallet/licences/${licenceId}/uses`, { cookie: cookies.citizen });
    assert.ok(log.body.items.some((u: { purpose: string }) => u.purpose === '执法检查（依据：《某某条例》第十条）'));
    const decided = await api(`/api/wallet/use-requests/${lawful.body.id}/decision`, {
      method: 'POST',
      cookie: cookies.citizen,
      body: { approve: false },
    });
    assert.equal(decided.status, 409);
  });
});
