// Case results (结果文书) and the licence hand-off: documents for each final kind, a licence
// issued once to the applicant's wallet, 免证办 against the wallet, failures kept for staff.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { heldValidLicence, listHolderLicences, verifyByIdentifier } from '../../src/modules/license/index.ts';
import { demoEnterpriseUscc } from '../../src/seed/uscc.ts';
import { signIn } from '../support/browserless.ts';
import { CITIZEN_PASSWORD as PASSWORD, CITY, IMMEDIATE, LT, LUODING, REWARD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import { pdfPicture, pdfText as readPdf } from '../support/pdf.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';

// REWARD gives no licence; the result of IMMEDIATE is a 营业执照, held by an enterprise.

let server: TestServer;
type Who = 'citizen' | 'citizen2' | 'agent' | 'approver' | 'admin' | 'luodingClerk' | 'hrApprover';
const cookies = {} as Record<Who, string>;
let equipmentItem = '';
let enterprise: { id: string; uscc: string };

const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);

async function upload(cookie: string, caseId: string, key: string) {
  const res = await uploadMaterial(server, cookie, caseId, key);
  assert.equal(res.status, 201, JSON.stringify(res.body));
}

/** Draft, materials, submit; returns the submitted case. */
async function apply(cookie: string, item: string, formData: Record<string, unknown>, materials: string[]) {
  const draft = await api('/api/cases', { method: 'POST', cookie, body: { item, formData } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  for (const key of materials) await upload(cookie, draft.body.case.id, key);
  const res = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie, body: { version: draft.body.case.version } });
  return res;
}

/** The approver works every step; `last` is the action on the final step (or refuse at acceptance). */
async function decide(caseId: string, last: 'approve' | 'disapprove' | 'refuse', opinion = '符合条件，准予许可') {
  for (let i = 0; i < 10; i++) {
    const d = (await api(`/api/cases/${caseId}`, { cookie: cookies.approver })).body;
    if (!['submitted', 'processing'].includes(d.case.status)) return d.case;
    const actions: string[] = d.actions;
    const atLast = d.case.currentStep.index === d.case.steps.length - 1;
    let action = actions.includes('accept') ? 'accept' : 'approve';
    if (last === 'refuse' && actions.includes('refuse')) action = 'refuse';
    if (last === 'disapprove' && atLast) action = 'disapprove';
    const res = await api(`/api/cases/${caseId}/actions/${action}`, {
      method: 'POST',
      cookie: cookies.approver,
      body: { version: d.case.version, opinion: action === 'refuse' || action === 'disapprove' || atLast ? opinion : '同意' },
    });
    assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
  }
  throw new Error('case did not finish');
}

const results = (caseId: string, cookie: string) => api(`/api/cases/${caseId}/results`, { cookie });

const pdfText = (bytes: Buffer) => readPdf(bytes, { layout: true }).replace(/\s+/g, '');

async function download(caseId: string, resultId: string, cookie: string) {
  const res = await fetch(`${server.url}/api/cases/${caseId}/results/${resultId}/pdf`, { headers: { cookie } });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

const equipmentForm = {
  legal_representative: '李浮生',
  entity_address: '云浮市云城区星岩四路18号',
  equipment_type: '电梯',
  equipment_code: '3110445300201',
  install_address: '云浮市云城区星岩四路18号A栋',
};

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'approver'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', PASSWORD);
  cookies.citizen2 = await server.login('13800000002', PASSWORD);
  enterprise = (await server.ctx.db.one<{ id: string; uscc: string }>("select id, uscc from enterprise where name like '%云石科技%'"))!;
  cookies.agent = await signIn(server.url, '13800000001', PASSWORD, { actAs: enterprise.id });
  cookies.luodingClerk = await addStaff(server, cookies.admin, 'ldapprover', '云浮市市场监督管理局', { role: 'approver', regionCode: LUODING, sameDepartment: false });
  cookies.hrApprover = await addStaff(server, cookies.admin, 'hrapprover', '云浮市人力资源和社会保障局', { role: 'approver', regionCode: CITY, sameDepartment: true });
  equipmentItem = (await server.ctx.db.one<{ code: string }>(
    `select distinct i.code from catalog_item i join catalog_item_version v on v.item_id = i.id where v.name = '特种设备使用登记' and i.region_code = '445300000000'`,
  ))!.code;
});

after(() => server.close());

describe('免证办 (skip-by-licence)', () => {
  test('the enterprise holds a valid 营业执照: the material is skipped and the use is recorded once', async () => {
    const res = await apply(cookies.agent, equipmentItem, equipmentForm, ['m1', 'm3']);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(await server.deliverEvents() > 0, true);
    // delivered twice: still one use
    await server.ctx.db.query(`update outbox_event set status = 'pending' where topic = 'cases.submitted' and payload->>'caseId' = $1`, [res.body.case.id]);
    await server.deliverEvents();
    const uses = await server.ctx.db.query<{ item_code: string; kind: string }>('select item_code, kind from licence_use where case_id = $1', [res.body.case.id]);
    assert.deepEqual(uses.map((u) => ({ ...u })), [{ item_code: equipmentItem, kind: 'case' }]);
    const listed = (await results(res.body.case.id, cookies.agent)).body;
    assert.deepEqual(listed.licenceUses.map((u: { materialKey: string }) => u.materialKey), ['m2']);
  });

  test('while filling in, the applicant is told which materials the wallet covers; nobody else is', async () => {
    const draft = await api('/api/cases', { method: 'POST', cookie: cookies.agent, body: { item: equipmentItem, formData: equipmentForm } });
    const id = draft.body.case.id;
    // the case page's material list: the one answer the page shows and submission checks
    const byLicence = async (caseId: string, cookie?: string) => {
      const res = await api(`/api/cases/${caseId}`, { cookie });
      const status = res.body.materialStatus as { key: string; fetched: { via: string; licenceIdentifier: string | null } | null }[] | undefined;
      return { status: res.status, covered: (status ?? []).filter((m) => m.fetched?.via === 'licence') };
    };
    const covered = await byLicence(id, cookies.agent);
    assert.equal(covered.status, 200);
    assert.deepEqual(covered.covered.map((m) => m.key), ['m2']);
    assert.match(covered.covered[0]!.fetched!.licenceIdentifier!, /^1\.2\.156\.3005\.2\./);
    assert.equal((await byLicence(id, cookies.citizen2)).status, 404);
    assert.equal((await byLicence(id)).status, 401);
    // a person applying for herself has no 营业执照 in her wallet
    const own = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: IMMEDIATE } });
    assert.deepEqual((await byLicence(own.body.case.id, cookies.citizen)).covered, []);
  });

  test('held, not held, revoked: only a licence in force counts', async () => {
    const holder = { kind: 'enterprise' as const, ref: enterprise.uscc };
    const held = await heldValidLicence(server.ctx.db, holder, LT.BUSINESS_LICENCE);
    assert.ok(held, 'the demo enterprise holds its 营业执照');
    assert.equal(await heldValidLicence(server.ctx.db, holder, LT.FOOD_BUSINESS_LICENCE), undefined, 'no licence of another type');
    assert.equal(await heldValidLicence(server.ctx.db, { kind: 'enterprise', ref: '91445300MA51000000' }, LT.BUSINESS_LICENCE), undefined, 'nor for another holder');
  });
});

describe('result documents and the licence', () => {
  let approvedId = '';
  let approvedNumber = '';

  test('an approved case with a licence result: decision document and a licence in the holder wallet that verifies', async () => {
    const submitted = await apply(cookies.agent, equipmentItem, equipmentForm, ['m1', 'm3']);
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
    approvedId = submitted.body.case.id;
    approvedNumber = submitted.body.case.number;
    const done = await decide(approvedId, 'approve', '经审查，设备检验合格，准予登记');
    assert.deepEqual([done.status, done.outcome], ['completed', 'approved']);
    await server.deliverEvents();

    const r = await results(approvedId, cookies.agent);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.documents.length, 1);
    assert.equal(r.body.documents[0].kind, 'approval');
    assert.equal(r.body.documents[0].title, '准予许可决定书');
    assert.deepEqual(r.body.problems, [], 'the applicant sees no staff problems list');
    assert.equal(r.body.licence.typeCode, LT.SPECIAL_EQUIPMENT_REGISTRATION);
    assert.deepEqual([r.body.licence.operation, r.body.licence.relatedIdentifier], ['01', null], 'a 新发 replaces nothing');

    const wallet = await listHolderLicences(server.ctx, { kind: 'enterprise', ref: enterprise.uscc });
    const issued = wallet.items.find((l) => l.identifier === r.body.licence.identifier);
    assert.ok(issued, 'in the enterprise wallet');
    assert.equal(issued.typeName, '特种设备使用登记证');
    assert.deepEqual(issued.fields, { equipmentType: '电梯', equipmentCode: '3110445300201', installAddress: '云浮市云城区星岩四路18号A栋' });
    const viaApi = await api('/api/wallet/licences', { cookie: cookies.agent });
    assert.ok(viaApi.body.items.some((l: { id: string }) => l.id === issued.id), 'the agent acting for the enterprise sees it');
    const check = await verifyByIdentifier(server.ctx, r.body.licence.identifier);
    assert.deepEqual([check.verdict, check.genuine, check.issuerName], ['valid', true, '云浮市市场监督管理局']);

    const pdf = await download(approvedId, r.body.documents[0].id, cookies.agent);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.type, 'application/pdf');
    const text = pdfText(pdf.body);
    for (const s of ['准予许可决定书', approvedNumber, '特种设备使用登记', '云浮市市场监督管理局', '经审查，设备检验合格，准予登记', r.body.licence.identifier])
      assert.ok(text.includes(s.replace(/\s+/g, '')), `${s} on the page`);
    // rendered for a person to look at: the seal, the QR and the Chinese text
    pdfPicture(pdf.body, 'cases-result-approval');
  });

  test('the completion event delivered again adds no document and no licence', async () => {
    await server.ctx.db.query(`update outbox_event set status = 'pending' where topic = 'cases.approved' and payload->>'caseId' = $1`, [approvedId]);
    assert.ok((await server.deliverEvents()) >= 1);
    const docs = await server.ctx.db.one<{ n: number }>('select count(*)::int as n from case_result where case_id = $1', [approvedId]);
    const licences = await server.ctx.db.one<{ n: number }>('select count(*)::int as n from licence where case_id = $1', [approvedId]);
    assert.deepEqual([docs!.n, licences!.n], [1, 1]);
  });

  test('another citizen and staff of another region get 404; anonymous 401; staff in scope see it', async () => {
    const r = (await results(approvedId, cookies.agent)).body;
    const docId = r.documents[0].id;
    assert.equal((await results(approvedId, cookies.citizen2)).status, 404);
    assert.equal((await download(approvedId, docId, cookies.citizen2)).status, 404);
    // the same person not acting for the enterprise is another applicant
    assert.equal((await download(approvedId, docId, cookies.citizen)).status, 404);
    assert.equal((await results(approvedId, cookies.luodingClerk)).status, 404);
    assert.equal((await download(approvedId, docId, cookies.luodingClerk)).status, 404);
    assert.equal((await results(approvedId, '')).status, 401);
    assert.equal((await download(approvedId, '00000000-0000-7000-8000-000000000000', cookies.agent)).status, 404);
    assert.equal((await api(`/api/cases/${approvedId}/results/not-an-id/pdf`, { cookie: cookies.agent })).status, 400);
    const staff = await results(approvedId, cookies.approver);
    assert.equal(staff.status, 200);
    assert.equal(staff.body.mayRetry, true);
    assert.equal((await download(approvedId, docId, cookies.approver)).status, 200);
  });

  test('disapproved: 不予许可决定书 with the reason, no licence', async () => {
    const res = await apply(cookies.citizen, REWARD, { report_number: 'JB2026-0101', bank_account: '6222020000000000101' }, ['m1', 'm2', 'm3']);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await decide(res.body.case.id, 'disapprove', '举报事项经查不属实，不予奖励');
    await server.deliverEvents();
    const r = (await results(res.body.case.id, cookies.citizen)).body;
    assert.deepEqual(r.documents.map((d: { kind: string }) => d.kind), ['disapproval']);
    assert.equal(r.licence, null);
    const text = pdfText((await download(res.body.case.id, r.documents[0].id, cookies.citizen)).body);
    assert.ok(text.includes('不予许可决定书') && text.includes('举报事项经查不属实，不予奖励') && text.includes('行政复议'));
  });

  test('refused at acceptance: 不予受理通知书 with the reason', async () => {
    const res = await apply(cookies.citizen, REWARD, { report_number: 'JB2026-0102', bank_account: '6222020000000000102' }, ['m1', 'm2', 'm3']);
    await decide(res.body.case.id, 'refuse', '不属于本机关职权范围');
    await server.deliverEvents();
    const r = (await results(res.body.case.id, cookies.citizen)).body;
    assert.deepEqual(r.documents.map((d: { kind: string }) => d.kind), ['refusal']);
    const text = pdfText((await download(res.body.case.id, r.documents[0].id, cookies.citizen)).body);
    assert.ok(text.includes('不予受理通知书') && text.includes('不属于本机关职权范围') && text.includes(res.body.case.number));
  });

  test('即办 completed at acceptance: the enterprise gets its document and a new 营业执照', async () => {
    const form = { legal_representative: '李浮生', entity_address: '云浮市云城区星岩四路18号', reason: '遗失补领' };
    const res = await apply(cookies.agent, IMMEDIATE, form, ['m1', 'm2']);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const done = await decide(res.body.case.id, 'approve');
    assert.equal(done.status, 'completed');
    await server.deliverEvents();
    const r = (await results(res.body.case.id, cookies.agent)).body;
    assert.deepEqual(r.documents.map((d: { kind: string }) => d.kind), ['approval']);
    assert.equal(r.licence.typeCode, LT.BUSINESS_LICENCE);
    const check = await verifyByIdentifier(server.ctx, r.licence.identifier);
    assert.equal(check.verdict, 'valid');
  });
});

describe('failures are kept for staff, never a crash loop', () => {
  test('a licence the applicant cannot hold: the document is made, the licence problem is shown to staff only', async () => {
    // 营业执照 is held by an enterprise; a person applying for the 即办 item cannot receive one
    const res = await apply(cookies.citizen, IMMEDIATE, { entity_name: '云城区小云便利店', entity_uscc: demoEnterpriseUscc('445302000000', 9), legal_representative: '陈小云', entity_address: '云浮市', reason: '遗失补领' }, ['m1', 'm2']);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await decide(res.body.case.id, 'approve');
    await server.deliverEvents();
    const event = await server.ctx.db.one<{ status: string }>(`select status from outbox_event where topic = 'cases.completed_at_acceptance' and payload->>'caseId' = $1`, [res.body.case.id]);
    assert.equal(event!.status, 'done', 'the event is done, not retried');
    const mine = (await results(res.body.case.id, cookies.citizen)).body;
    assert.deepEqual([mine.documents.length, mine.licence, mine.problems], [1, null, []]);
    const staff = (await results(res.body.case.id, cookies.approver)).body;
    assert.deepEqual(staff.problems.map((p: { stage: string; code: string }) => [p.stage, p.code]), [['licence', 'VALIDATION_FAILED']]);
    assert.match(staff.problems[0].details.message, /[\u4e00-\u9fa5]/, 'a message staff can read');
    // retrying does not help while the cause stays; the problem counts the attempts
    const retried = await api(`/api/cases/${res.body.case.id}/results/retry`, { method: 'POST', cookie: cookies.approver, body: {} });
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.equal(retried.body.problems[0].attempts, 2);
    assert.deepEqual(retried.body.blocked.map((b: { reason: string }) => b.reason), ['holder']);
    assert.equal(retried.body.documents.length, 1);
  });

  test('no usable seal: the problem is recorded; after the seal is back a retry makes the document', async () => {
    const seals = await api('/api/seals?q=' + encodeURIComponent('云浮市市场监督管理局'), { cookie: cookies.admin });
    const seal = seals.body.items.find((s: { kind: string }) => s.kind === 'official');
    const suspended = await api(`/api/seals/${seal.id}/status`, { method: 'POST', cookie: cookies.admin, body: { status: 'suspended', version: seal.version, reason: '测试' } });
    assert.equal(suspended.status, 200, JSON.stringify(suspended.body));
    const res = await apply(cookies.citizen, REWARD, { report_number: 'JB2026-0103', bank_account: '6222020000000000103' }, ['m1', 'm2', 'm3']);
    const caseId = res.body.case.id;
    await decide(caseId, 'approve');
    await server.deliverEvents();
    const staff = (await results(caseId, cookies.approver)).body;
    assert.deepEqual([staff.documents.length, staff.problems.map((p: { code: string }) => p.code)], [0, ['SEAL_MISSING']]);
    // the applicant is told what is held up and why (no staff details), never "being produced" for ever
    const mine = (await results(caseId, cookies.citizen)).body;
    assert.deepEqual([mine.documents.length, mine.problems, mine.blocked.map((b: { stage: string; reason: string }) => [b.stage, b.reason])], [0, [], [['document', 'seal']]]);
    // the department's deciders get one staff message that names the case and the code; others none
    const told = async (cookie: string) =>
      (await api('/api/staff/messages?pageSize=50', { cookie })).body.items.filter((m: { kind: string; caseId: string }) => m.kind === 'result_problem' && m.caseId === caseId);
    const messages = await told(cookies.approver);
    assert.equal(messages.length, 1);
    assert.match(messages[0].text, /SEAL_MISSING/);
    assert.deepEqual(await told(cookies.hrApprover), []);
    // bad input and denials on the retry
    assert.equal((await api(`/api/cases/${caseId}/results/retry`, { method: 'POST', cookie: cookies.approver, body: { force: true } })).status, 400);
    assert.equal((await api(`/api/cases/${caseId}/results/retry`, { method: 'POST', cookie: cookies.citizen, body: {} })).status, 403);
    assert.equal((await api(`/api/cases/${caseId}/results/retry`, { method: 'POST', cookie: cookies.hrApprover, body: {} })).status, 403);
    assert.equal((await api(`/api/cases/${caseId}/results/retry`, { method: 'POST', cookie: cookies.luodingClerk, body: {} })).status, 404);

    const resumed = await api(`/api/seals/${seal.id}/status`, { method: 'POST', cookie: cookies.admin, body: { status: 'active', version: suspended.body.version } });
    assert.equal(resumed.status, 200, JSON.stringify(resumed.body));
    const retried = await api(`/api/cases/${caseId}/results/retry`, { method: 'POST', cookie: cookies.approver, body: {} });
    assert.equal(retried.status, 200, JSON.stringify(retried.body));
    assert.deepEqual([retried.body.documents.length, retried.body.problems, retried.body.blocked], [1, [], []]);
    // a failure that happens again tells nobody twice
    assert.equal((await told(cookies.approver)).length, 1);
  });

  test('an unfinished case has nothing to retry', async () => {
    const res = await apply(cookies.citizen, REWARD, { report_number: 'JB2026-0104', bank_account: '6222020000000000104' }, ['m1', 'm2', 'm3']);
    const retry = await api(`/api/cases/${res.body.case.id}/results/retry`, { method: 'POST', cookie: cookies.approver, body: {} });
    assert.equal(retry.status, 409);
    assert.equal(retry.body.error.code, 'CASE_NOT_FINAL');
    assert.deepEqual((await results(res.body.case.id, cookies.citizen)).body.documents, []);
  });
});

describe('免证办 after revocation', () => {
  test('a revoked 营业执照 no longer replaces the material', async () => {
    const held = (await heldValidLicence(server.ctx.db, { kind: 'enterprise', ref: enterprise.uscc }, LT.BUSINESS_LICENCE))!;
    // the demo licence, not the ones the tests above issued, is revoked: revoke every valid one
    const rows = await server.ctx.db.query<{ id: string; version: number }>(
      `select l.id, l.version from licence l join licence_type t on t.id = l.type_id where t.code = $1 and l.holder_ref = $2 and l.status = '01'`,
      [LT.BUSINESS_LICENCE, enterprise.uscc],
    );
    assert.ok(rows.some((r) => r.id === held.id));
    const deptadmin = await server.login('deptadmin');
    for (const r of rows) {
      const revoked = await api(`/api/licences/${r.id}/operations`, { method: 'POST', cookie: deptadmin, body: { operation: '05', status: '03', reason: '测试撤销', version: r.version } });
      assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    }
    assert.equal(await heldValidLicence(server.ctx.db, { kind: 'enterprise', ref: enterprise.uscc }, LT.BUSINESS_LICENCE), undefined);
    const res = await apply(cookies.agent, equipmentItem, equipmentForm, ['m1', 'm3']);
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'MATERIALS_MISSING');
    assert.deepEqual(res.body.error.details.materials.map((m: { key: string }) => m.key), ['m2']);
  });
});
