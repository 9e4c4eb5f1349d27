import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { anyDate } from '../support/dates.ts';
import { signIn } from '../support/browserless.ts';
import { CITIZEN_PASSWORD as PASSWORD, CITY, IMMEDIATE, REWARD } from '../support/demo.ts';
import { PDF, uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff as addStaffBy } from '../support/staff.ts';
import * as clock from '../../src/kernel/clock.ts';
import { CASE_TOPICS } from '../../src/modules/cases/index.ts';

/** 个体工商户设立登记 at the 云城区 branch: a county case. */
const COUNTY_ITEM = '000A2401002000-445302000000-000-1144530253020035XM-1-00';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

let server: TestServer;
type Who = 'citizen' | 'citizen2' | 'clerk' | 'approver' | 'approver2' | 'otherDept' | 'luodingClerk' | 'admin';
const cookies = {} as Record<Who, string>;

const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);

const upload = (cookie: string, caseId: string, key: string, content: Buffer, name = 'file.pdf') => uploadMaterial(server, cookie, caseId, key, content, name);
const addStaff = (username: string, departmentName: string, grant: Parameters<typeof addStaffBy>[4]) => addStaffBy(server, cookies.admin, username, departmentName, grant);

const rewardForm = { report_number: 'JB2026-0001', bank_account: '6222020000000000001' };

/** A draft of the reward item with every required material uploaded. */
async function readyDraft(cookie = cookies.citizen, formData: Record<string, unknown> = rewardForm) {
  const draft = await api('/api/cases', { method: 'POST', cookie, body: { item: REWARD, formData } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  for (const key of ['m1', 'm2', 'm3']) assert.equal((await upload(cookie, draft.body.case.id, key, PDF)).status, 201);
  return draft.body.case as { id: string; version: number };
}

async function submitted(cookie = cookies.citizen) {
  const d = await readyDraft(cookie);
  const res = await api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie, body: { version: d.version } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.case as { id: string; version: number; number: string };
}

async function act(who: Who, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await api(`/api/cases/${id}`, { cookie: cookies[who] });
  return api(`/api/cases/${id}/actions/${action}`, { method: 'POST', cookie: cookies[who], body: { version: current.body.case?.version ?? 1, ...body } });
}

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'clerk', 'approver'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', PASSWORD);
  cookies.citizen2 = await server.login('13800000002', PASSWORD);
  cookies.approver2 = await addStaff('approver2', '云浮市市场监督管理局', { role: 'approver', regionCode: CITY, sameDepartment: true });
  cookies.otherDept = await addStaff('hrapprover', '云浮市人力资源和社会保障局', { role: 'approver', regionCode: CITY, sameDepartment: true });
  cookies.luodingClerk = await addStaff('ldclerk', '云浮市市场监督管理局', { role: 'window_clerk', regionCode: '445381000000', sameDepartment: false });
});

after(() => server.close());

describe('online application (网上申报)', anyDate, () => {
  test('a draft is prefilled from the identity; the form is checked against the item schema at submission', async () => {
    const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const c = draft.body.case;
    assert.equal(c.status, 'draft');
    assert.equal(c.number, null);
    assert.equal(c.formData.applicant_name, '陈小云');
    assert.match(c.formData.applicant_id_number, /^\d{17}[\dX]$/);
    assert.match(c.formData.applicant_phone, /^1\d{10}$/);

    const bad = await api(`/api/cases/${c.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: c.version } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'FORM_INVALID');
    const fields = bad.body.error.details.errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fields, ['bank_account', 'report_number']);

    const wrongType = await api(`/api/cases/${c.id}/form`, { method: 'PUT', cookie: cookies.citizen, body: { version: c.version, formData: { ...c.formData, ...rewardForm, applicant_phone: 12345 } } });
    assert.equal(wrongType.status, 200);
    const stillBad = await api(`/api/cases/${c.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: wrongType.body.version } });
    assert.equal(stillBad.body.error.code, 'FORM_INVALID');
    assert.equal(stillBad.body.error.details.errors[0].field, 'applicant_phone');

    const saved = await api(`/api/cases/${c.id}/form`, { method: 'PUT', cookie: cookies.citizen, body: { version: wrongType.body.version, formData: { ...c.formData, ...rewardForm } } });
    const noMaterials = await api(`/api/cases/${c.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: saved.body.version } });
    assert.equal(noMaterials.status, 422);
    assert.equal(noMaterials.body.error.code, 'MATERIALS_MISSING');
    assert.deepEqual(noMaterials.body.error.details.materials.map((m: { key: string }) => m.key), ['m1', 'm2', 'm3']);
    // a stale version is refused
    const stale = await api(`/api/cases/${c.id}/form`, { method: 'PUT', cookie: cookies.citizen, body: { version: c.version, formData: {} } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
  });

  test('bad uploads are refused with a clear error and nothing is recorded', async () => {
    const draft = (await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD } })).body.case;
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]);
    const renamed = await upload(cookies.citizen, draft.id, 'm2', exe, '申请书.pdf');
    assert.equal(renamed.status, 415);
    assert.equal(renamed.body.error.code, 'MATERIAL_TYPE_REFUSED');
    const empty = await upload(cookies.citizen, draft.id, 'm2', Buffer.alloc(0));
    assert.equal(empty.status, 422);
    assert.equal(empty.body.error.code, 'MATERIAL_EMPTY');
    const script = await upload(cookies.citizen, draft.id, 'm2', Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj'));
    assert.equal(script.status, 422);
    assert.equal(script.body.error.code, 'MATERIAL_PDF_ACTIVE');
    const unknown = await upload(cookies.citizen, draft.id, 'm9', PDF);
    assert.equal(unknown.body.error.code, 'MATERIAL_UNKNOWN');
    const stranger = await upload(cookies.citizen2, draft.id, 'm2', PDF);
    assert.equal(stranger.status, 404);

    // 200 MB announced: refused from the header, before the body is read
    const huge = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const url = new URL(`${server.url}/api/cases/${draft.id}/materials/m2`);
      const req = request(url, { method: 'PUT', headers: { cookie: cookies.citizen, 'content-type': 'application/pdf', 'content-length': String(200 * 1024 * 1024) } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(PDF);
    });
    assert.equal(huge.status, 413);
    assert.equal(JSON.parse(huge.body).error.code, 'PAYLOAD_TOO_LARGE');

    const rows = await server.ctx.db.query('select 1 from case_material where case_id = $1', [draft.id]);
    assert.equal(rows.length, 0);
    const ok = await upload(cookies.citizen, draft.id, 'm2', PNG, '照片.png');
    assert.equal(ok.status, 201);
    assert.equal(ok.body.mime, 'image/png');
    const back = await fetch(`${server.url}/api/cases/${draft.id}/materials/${ok.body.id}`, { headers: { cookie: cookies.citizen } });
    assert.equal(back.status, 200);
    assert.deepEqual(Buffer.from(await back.arrayBuffer()), PNG);
  });

  test('a double-clicked submit creates one case with one number', async () => {
    const d = await readyDraft();
    const key = 'click-0123456789';
    const [a, b] = await Promise.all([
      api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.version, idempotencyKey: key } }),
      api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.version, idempotencyKey: key } }),
    ]);
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.equal(b.status, 200, JSON.stringify(b.body));
    assert.equal(a.body.case.number, b.body.case.number);
    assert.deepEqual([a.body.replayed, b.body.replayed].sort(), [false, true]);
    assert.match(a.body.case.number, /^445300\d{8}\d{6}$/);
    const events = await server.ctx.db.query(`select 1 from case_event where case_id = $1 and kind = 'submitted'`, [d.id]);
    assert.equal(events.length, 1);
    // without the key a second submit is a conflict, not a second case
    const again = await api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: a.body.case.version } });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'CASE_NOT_DRAFT');
    // the same key on draft creation returns the same draft
    const k = 'draft-key-000001';
    const first = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, idempotencyKey: k } });
    const second = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, idempotencyKey: k } });
    assert.equal(first.status, 201);
    assert.equal(second.status, 200);
    assert.equal(first.body.case.id, second.body.case.id);
  });

  test('an idempotency key stands for one request: the same one repeats, another one is a 422 (#13.10)', async () => {
    const reused = (res: { status: number; body: any }, what: string) => {
      assert.equal(res.status, 422, `${what}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'IDEMPOTENCY_KEY_REUSED', what);
    };
    // a draft: same body again → the same draft; another form or item under the key → 422, and no second draft
    const k = 'draft-key-reuse-0001';
    const first = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, formData: rewardForm, idempotencyKey: k } });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const same = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { formData: { ...rewardForm }, idempotencyKey: k, item: REWARD } });
    assert.equal(same.status, 200);
    assert.equal(same.body.case.id, first.body.case.id);
    reused(await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, formData: { ...rewardForm, report_number: 'JB2026-9999' }, idempotencyKey: k } }), 'another form');
    reused(await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: IMMEDIATE, idempotencyKey: k } }), 'another item');
    const drafts = await server.ctx.db.query(`select 1 from case_record where idempotency_key = $1`, [k]);
    assert.equal(drafts.length, 1);
    // another citizen's keys are their own: the same key is a new request for them
    const other = await api('/api/cases', { method: 'POST', cookie: cookies.citizen2, body: { item: IMMEDIATE, idempotencyKey: k } });
    assert.equal(other.status, 201, JSON.stringify(other.body));

    // a submit (the web's way: the draft has its own key, the submit another): a repeat is answered
    // with the submitted case; the key with another version, commitment or case, or the draft's
    // key used to submit, is refused
    const d = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, formData: rewardForm, idempotencyKey: 'apply-reuse-0001' } });
    for (const key of ['m1', 'm2', 'm3']) assert.equal((await upload(cookies.citizen, d.body.case.id, key, PDF)).status, 201);
    const version = (await api(`/api/cases/${d.body.case.id}`, { cookie: cookies.citizen })).body.case.version;
    reused(await api(`/api/cases/${d.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version, idempotencyKey: 'apply-reuse-0001' } }), "the draft's key");
    const submit = { version, idempotencyKey: 'submit-reuse-0001' };
    const done = await api(`/api/cases/${d.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: submit });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.replayed, false);
    const again = await api(`/api/cases/${d.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: submit });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.replayed, true);
    assert.equal(again.body.case.number, done.body.case.number);
    reused(await api(`/api/cases/${d.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { ...submit, version: version + 1 } }), 'another version');
    reused(await api(`/api/cases/${d.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { ...submit, commitment: true } }), 'a commitment');
    const next = await readyDraft();
    reused(await api(`/api/cases/${next.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: next.version, idempotencyKey: 'submit-reuse-0001' } }), 'another case');
    assert.equal((await api(`/api/cases/${next.id}`, { cookie: cookies.citizen })).body.case.status, 'draft');
  });

  test('a request that failed leaves its idempotency key free for the corrected request', async () => {
    const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, formData: rewardForm } });
    const key = 'submit-after-fix-0001';
    const missing = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: draft.body.case.version, idempotencyKey: key } });
    assert.equal(missing.status, 422);
    assert.equal(missing.body.error.code, 'MATERIALS_MISSING');
    for (const m of ['m1', 'm2', 'm3']) assert.equal((await upload(cookies.citizen, draft.body.case.id, m, PDF)).status, 201);
    const version = (await api(`/api/cases/${draft.body.case.id}`, { cookie: cookies.citizen })).body.case.version;
    const ok = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version, idempotencyKey: key } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  test('case numbers are unique under concurrent submissions', async () => {
    const drafts = await Promise.all([0, 1, 2, 3, 4].map(() => readyDraft()));
    const results = await Promise.all(drafts.map((d) => api(`/api/cases/${d.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.version } })));
    const numbers = results.map((r) => r.body.case.number as string);
    assert.equal(new Set(numbers).size, 5, numbers.join());
  });
});

describe('access', anyDate, () => {
  test('another citizen gets 404, another department 403, another county 404', async () => {
    const c = await submitted();
    assert.equal((await api(`/api/cases/${c.id}`, { cookie: cookies.citizen2 })).status, 404);
    assert.equal((await api(`/api/cases/${c.id}`)).status, 401);
    const other = await api(`/api/cases/${c.id}`, { cookie: cookies.otherDept });
    assert.equal(other.status, 403);
    const otherAct = await api(`/api/cases/${c.id}/actions/accept`, { method: 'POST', cookie: cookies.otherDept, body: { version: c.version } });
    assert.equal(otherAct.status, 403);
    assert.equal((await api(`/api/cases/${c.id}`, { cookie: cookies.luodingClerk })).status, 404);
    const luodingInbox = await api('/api/cases/inbox?view=all', { cookie: cookies.luodingClerk });
    assert.equal(luodingInbox.status, 200);
    assert.equal(luodingInbox.body.items.some((i: { id: string }) => i.id === c.id), false);
    const cityInbox = await api('/api/cases/inbox?view=all&pageSize=100', { cookie: cookies.clerk });
    assert.ok(cityInbox.body.items.some((i: { id: string }) => i.id === c.id));
    assert.ok(cityInbox.body.counts.accept >= 1);
    assert.equal((await api('/api/cases/inbox', { cookie: cookies.citizen })).status, 403);
    // the citizen's list has it; the other citizen's does not
    assert.ok((await api('/api/cases/mine?pageSize=100', { cookie: cookies.citizen })).body.items.some((i: { id: string }) => i.id === c.id));
    assert.equal((await api('/api/cases/mine?pageSize=100', { cookie: cookies.citizen2 })).body.items.some((i: { id: string }) => i.id === c.id), false);
  });

  test('a county case is invisible to a clerk of another county', async () => {
    const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: COUNTY_ITEM } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.equal(draft.body.case.regionCode, '445302000000');
    assert.equal((await api(`/api/cases/${draft.body.case.id}`, { cookie: cookies.luodingClerk })).status, 404);
  });

  test('an agent authorised for listed items only cannot apply for other items', async () => {
    const enterprise = (await server.ctx.db.one<{ id: string }>("select id from enterprise where name like '%云石科技%'"))!;
    const rep = await signIn(server.url, '13800000002', PASSWORD);
    const expiresAt = new Date(clock.nowMs() + 30 * 86_400_000).toISOString();
    const granted = await api(`/api/identity/enterprises/${enterprise.id}/agents`, {
      method: 'POST',
      cookie: rep,
      body: { phone: '13800000003', scope: 'items', itemCodes: [REWARD], expiresAt },
    });
    assert.equal(granted.status, 201, JSON.stringify(granted.body));
    const agent = await signIn(server.url, '13800000003', PASSWORD, { actAs: enterprise.id });
    const outside = await api('/api/cases', { method: 'POST', cookie: agent, body: { item: IMMEDIATE } });
    assert.equal(outside.status, 403);
    assert.equal(outside.body.error.code, 'AGENT_ITEM_NOT_AUTHORISED');
    // the listed item serves natural persons only: an enterprise cannot be its applicant
    const wrongKind = await api('/api/cases', { method: 'POST', cookie: agent, body: { item: REWARD } });
    assert.equal(wrongKind.status, 422);
    assert.equal(wrongKind.body.error.code, 'APPLICANT_KIND_NOT_SERVED');
  });

  test('an enterprise agent whose authorisation expired cannot submit for the enterprise', async () => {
    const enterprise = (await server.ctx.db.one<{ id: string }>("select id from enterprise where name like '%云石科技%'"))!;
    const agent = await signIn(server.url, '13800000001', PASSWORD, { actAs: enterprise.id });
    const form = { entity_address: '云浮市云城区', legal_representative: '李浮生', reason: '遗失补领' };
    const draft = await api('/api/cases', { method: 'POST', cookie: agent, body: { item: IMMEDIATE, formData: form } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.equal(draft.body.case.applicantKind, 'enterprise');
    assert.match(draft.body.case.formData.entity_uscc, /^[0-9A-Z]{18}$/);
    assert.equal(draft.body.case.formData.agent_name, '陈小云');
    await upload(agent, draft.body.case.id, 'm1', PDF);
    await upload(agent, draft.body.case.id, 'm2', PDF);
    const me = await api('/api/auth/me', { cookie: agent });
    await server.ctx.db.query(`update enterprise_agent set expires_at = clock_now() - interval '1 minute' where enterprise_id = $1 and person_id = $2`, [enterprise.id, me.body.user.id]);
    const res = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: agent, body: { version: draft.body.case.version } });
    assert.ok(res.status === 401 || res.status === 403, `${res.status} ${JSON.stringify(res.body)}`);
    const row = await server.ctx.db.one<{ status: string; number: string | null }>('select status, number from case_record where id = $1', [draft.body.case.id]);
    assert.deepEqual({ ...row }, { status: 'draft', number: null });
  });
});

describe('acceptance and workflow', () => {
  test('one correction round, resubmission, review and decision; two approvers at once: one wins', async () => {
    const c = await submitted();
    const correction = await act('clerk', c.id, 'request_correction', { items: [{ materialKey: 'm3', note: '银行账户信息需加盖银行印章' }], opinion: '材料不全' });
    assert.equal(correction.status, 200, JSON.stringify(correction.body));
    assert.equal(correction.body.status, 'correction');
    assert.ok(correction.body.clock.pausedSince);
    // not in any inbox while waiting for the applicant
    const inbox = await api('/api/cases/inbox?view=all&pageSize=100', { cookie: cookies.clerk });
    assert.equal(inbox.body.items.some((i: { id: string }) => i.id === c.id), false);

    const early = await api(`/api/cases/${c.id}/resubmit`, { method: 'POST', cookie: cookies.citizen, body: { version: correction.body.version } });
    assert.equal(early.status, 422);
    assert.equal(early.body.error.code, 'CORRECTION_INCOMPLETE');
    assert.equal((await upload(cookies.citizen, c.id, 'm3', PDF, '银行账户.pdf')).status, 201);
    const resubmitted = await api(`/api/cases/${c.id}/resubmit`, { method: 'POST', cookie: cookies.citizen, body: { version: correction.body.version } });
    assert.equal(resubmitted.status, 200, JSON.stringify(resubmitted.body));
    assert.equal(resubmitted.body.status, 'submitted');
    assert.equal(resubmitted.body.clock.pausedSince, null);

    const twice = await act('clerk', c.id, 'request_correction', { items: [{ note: '再补一份' }] });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'CORRECTION_ONCE');

    const accepted = await act('clerk', c.id, 'accept', { opinion: '材料齐全，予以受理' });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'processing');
    assert.equal(accepted.body.currentStep.key, 'review');
    const clerkReview = await act('clerk', c.id, 'approve', { opinion: '同意' });
    assert.equal(clerkReview.status, 403);
    assert.equal(clerkReview.body.error.code, 'CASE_STEP_NOT_YOURS');
    // the workbench offers each one only the actions of the current step they may take
    assert.deepEqual((await api(`/api/cases/${c.id}`, { cookie: cookies.clerk })).body.actions, []);
    assert.deepEqual((await api(`/api/cases/${c.id}`, { cookie: cookies.approver })).body.actions, ['claim', 'assign', 'approve', 'disapprove', 'return', 'start_special']);

    // both approvers read the same version and press at once
    const version = accepted.body.version;
    const [x, y] = await Promise.all([
      api(`/api/cases/${c.id}/actions/approve`, { method: 'POST', cookie: cookies.approver, body: { version, opinion: '审查通过' } }),
      api(`/api/cases/${c.id}/actions/approve`, { method: 'POST', cookie: cookies.approver2, body: { version, opinion: '审查通过' } }),
    ]);
    assert.deepEqual([x.status, y.status].sort(), [200, 409]);
    const loser = x.status === 409 ? x : y;
    assert.equal(loser.body.error.code, 'VERSION_CONFLICT');
    const reviewEvents = await server.ctx.db.query(`select 1 from case_event where case_id = $1 and kind = 'step_approved'`, [c.id]);
    assert.equal(reviewEvents.length, 1);

    // return to review, review again, decide
    const returned = await act('approver', c.id, 'return', { toStep: 'review', opinion: '请补充核查举报编号' });
    assert.equal(returned.status, 200, JSON.stringify(returned.body));
    assert.equal(returned.body.currentStep.key, 'review');
    const badReturn = await act('approver', c.id, 'return', { toStep: 'decide', opinion: 'x' });
    assert.equal(badReturn.body.error.code, 'CASE_RETURN_TARGET');
    // a claim makes the step the claimant's
    assert.equal((await act('approver2', c.id, 'claim')).status, 200);
    const notMine = await act('approver', c.id, 'approve', { opinion: '通过' });
    assert.equal(notMine.status, 409);
    assert.equal(notMine.body.error.code, 'CASE_CLAIMED_BY_OTHER');
    assert.equal((await act('approver2', c.id, 'approve', { opinion: '核查无误' })).status, 200);
    const noOpinion = await act('approver', c.id, 'disapprove', {});
    assert.equal(noOpinion.status, 400);
    const decided = await act('approver', c.id, 'approve', { opinion: '准予奖励' });
    assert.equal(decided.status, 200, JSON.stringify(decided.body));
    assert.equal(decided.body.status, 'completed');
    assert.equal(decided.body.outcome, 'approved');
    assert.equal((await act('approver', c.id, 'approve', {})).body.error.code, 'CASE_NOT_ACTIONABLE');
    const done = await api('/api/cases/inbox?view=done&pageSize=100', { cookie: cookies.approver2 });
    assert.ok(done.body.items.some((i: { id: string; status: string }) => i.id === c.id && i.status === 'completed'));
    assert.equal((await api('/api/cases/inbox?view=done&pageSize=100', { cookie: cookies.otherDept })).body.items.some((i: { id: string }) => i.id === c.id), false);

    // the applicant's timeline, the audit trail, the outbox and SMS
    const detail = await api(`/api/cases/${c.id}`, { cookie: cookies.citizen });
    const kinds = detail.body.timeline.map((e: { kind: string }) => e.kind);
    assert.deepEqual(kinds, ['draft_created', 'submitted', 'correction_requested', 'resubmitted', 'accepted', 'step_approved', 'returned', 'claimed', 'step_approved', 'approved']);
    assert.equal(detail.body.timeline[2].opinion, '材料不全');
    const audit = await server.ctx.db.query(`select action from audit_log where object_id = $1 order by seq`, [c.id]);
    assert.equal(audit.length, kinds.length);
    // one event per transition; those nobody follows (terminal) are done at once, the others wait for their consumers
    const topics = Object.values(CASE_TOPICS);
    const events = await server.ctx.db.query<{ topic: string; status: string }>(`select topic, status from outbox_event where payload->>'caseId' = $1 and topic = any($2)`, [
      c.id,
      topics.map((t) => t.name),
    ]);
    assert.deepEqual(events.map((e) => e.topic).sort(), kinds.map((k: string) => CASE_TOPICS[k as keyof typeof CASE_TOPICS].name).sort());
    for (const e of events) assert.equal(e.status, topics.find((t) => t.name === e.topic)!.terminal ? 'done' : 'pending', e.topic);
    await server.deliverEvents();
    const sms = await server.ctx.db.query<{ n: number }>(`select count(*)::int as n from sms_message where created_at > clock_now() - interval '1 hour'`);
    assert.ok(sms[0]!.n >= 5, `sms: ${sms[0]!.n}`);

    // public progress by number and query code: no personal data
    const code = detail.body.queryCode as string;
    const progress = await api(`/api/public/case-progress?number=${c.number}&code=${code}`);
    assert.equal(progress.status, 200, JSON.stringify(progress.body));
    assert.equal(progress.body.status, 'completed');
    const text = JSON.stringify(progress.body);
    assert.equal(text.includes('陈小云'), false);
    assert.equal(text.includes('6222020000000000001'), false);
    assert.equal(text.includes('准予奖励'), false);
    const wrong = await api(`/api/public/case-progress?number=${c.number}&code=AAAAAAAA`);
    assert.equal(wrong.status, 404);
    assert.equal(wrong.body.error.code, 'CASE_PROGRESS_NOT_FOUND');
  });

  test('refusal with a reason; withdrawal before decision but not after', async () => {
    const a = await submitted();
    const noReason = await act('clerk', a.id, 'refuse', {});
    assert.equal(noReason.status, 400);
    const refused = await act('clerk', a.id, 'refuse', { opinion: '不属于本机关职权范围' });
    assert.equal(refused.body.status, 'refused');
    const b = await submitted();
    await act('clerk', b.id, 'accept');
    const current = (await api(`/api/cases/${b.id}`, { cookie: cookies.citizen })).body.case;
    const withdrawn = await api(`/api/cases/${b.id}/withdraw`, { method: 'POST', cookie: cookies.citizen, body: { version: current.version, reason: '不再需要' } });
    assert.equal(withdrawn.status, 200);
    assert.equal(withdrawn.body.status, 'withdrawn');
    const late = await api(`/api/cases/${a.id}/withdraw`, { method: 'POST', cookie: cookies.citizen, body: { version: refused.body.version } });
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, 'CASE_NOT_WITHDRAWABLE');
  });

  test('an immediate (即办) item completes at acceptance', async () => {
    const form = { entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云', agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: '13800000001', reason: '遗失补领' };
    const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: IMMEDIATE, formData: form } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    for (const k of ['m1', 'm2']) await upload(cookies.citizen, draft.body.case.id, k, PDF);
    const sub = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: draft.body.case.version } });
    assert.equal(sub.status, 200, JSON.stringify(sub.body));
    assert.equal(sub.body.case.caseType, 'immediate');
    const deferred = await act('clerk', draft.body.case.id, 'accept', { deferred: { materialKeys: ['m3'], dueInDays: 3 } });
    assert.equal(deferred.body.error.code, 'DEFERRED_NOT_FOR_IMMEDIATE');
    const done = await act('clerk', draft.body.case.id, 'accept');
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'completed');
    assert.equal(done.body.outcome, 'approved');
    assert.ok(done.body.acceptedAt && done.body.completedAt);
  });

  test('容缺受理: the case cannot complete until the deferred material arrives', async () => {
    const c = await submitted();
    const accepted = await act('clerk', c.id, 'accept', { deferred: { materialKeys: ['m3'], dueInDays: 3 } });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.deepEqual(accepted.body.deferred.materialKeys, ['m3']);
    const reminder = await server.ctx.db.query(`select 1 from outbox_event where topic = 'cases.deferred_reminder_due' and payload->>'caseId' = $1`, [c.id]);
    assert.equal(reminder.length, 1);
    assert.equal((await act('approver', c.id, 'approve', { opinion: '通过' })).status, 200);
    const blocked = await act('approver', c.id, 'approve', { opinion: '准予' });
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.error.code, 'DEFERRED_MATERIALS_OUTSTANDING');
    assert.equal((await upload(cookies.citizen, c.id, 'm3', PDF)).status, 201);
    const done = await act('approver', c.id, 'approve', { opinion: '准予' });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'completed');
  });
});

describe('clocks', () => {
  test('submission sets the deadlines and yellow/red timers; the red timer marks the case overdue', async () => {
    const c = await submitted();
    const detail = (await api(`/api/cases/${c.id}`, { cookie: cookies.citizen })).body.case;
    assert.equal(detail.clock.promisedDays, 15);
    assert.ok(detail.clock.promisedDue > detail.clock.start);
    assert.ok(detail.clock.statutoryDue >= detail.clock.promisedDue);
    const timers = await server.ctx.db.query<{ level: string; due: Date; key: string }>(
      `select payload->>'level' as level, due_at as due, dedupe_key as key from outbox_event where topic = 'cases.deadline_warning_due' and payload->>'caseId' = $1 order by due_at`,
      [c.id],
    );
    assert.deepEqual(timers.map((t) => t.level), ['yellow', 'red']);
    assert.ok(new Date(timers[0]!.due).getTime() > clock.nowMs());

    // time passes: the timers fall due
    await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'cases.deadline_warning_due' and payload->>'caseId' = $1`, [c.id]);
    await server.deliverEvents();
    const after = (await api(`/api/cases/${c.id}`, { cookie: cookies.clerk })).body;
    assert.equal(after.case.clock.overdue, true);
    assert.equal(after.case.clock.warning, 'red');
    assert.equal(after.colour, 'red');
    const kinds = after.timeline.map((e: { kind: string }) => e.kind);
    assert.ok(kinds.includes('overdue'));
    // delivered once: running the worker again changes nothing
    await server.deliverEvents();
    const again = await server.ctx.db.query(`select 1 from case_event where case_id = $1 and kind in ('overdue', 'warning_yellow')`, [c.id]);
    assert.equal(again.length, kinds.filter((k: string) => k === 'overdue' || k === 'warning_yellow').length);
  });

  test('a timer set for a deadline that moved (correction pause) does nothing', async () => {
    const c = await submitted();
    await act('clerk', c.id, 'request_correction', { items: [{ materialKey: 'm2', note: '重新上传' }] });
    await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'cases.deadline_warning_due' and payload->>'caseId' = $1`, [c.id]);
    await server.deliverEvents();
    const row = await server.ctx.db.one<{ warning: string | null; overdue: boolean }>('select warning, overdue from case_record where id = $1', [c.id]);
    assert.deepEqual({ ...row }, { warning: null, overdue: false });
  });
});
