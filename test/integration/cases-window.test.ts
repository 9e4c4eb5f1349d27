// 一窗受理: a clerk finds the applicant, records and submits an application with scanned
// materials in one step, and prints the receipt (受理回执) whose QR opens the public progress page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { personalData } from '../../src/kernel/pii.ts';
import { openForm, type SealedForm } from '../../src/modules/cases/personal-form.ts';
import { demoEnterpriseUscc } from '../../src/seed/uscc.ts';
import { signIn } from '../support/browserless.ts';
import { CITIZEN_PASSWORD as PASSWORD, CITY, IMMEDIATE, LUODING, REWARD } from '../support/demo.ts';
import { PDF, sendFile } from '../support/files.ts';
import { pdfPicture, pdfText } from '../support/pdf.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';

/** 道路货物运输经营许可: 告知承诺制, for enterprises. */
const COMMITMENT_ITEM = '000A1402000000-445300000000-000-114453005300001473-1-00';
const rewardForm = { report_number: 'JB2026-0100', bank_account: '6222020000000000100' };

let server: TestServer;
const cookies: Record<'clerk' | 'citizen' | 'luodingClerk' | 'admin' | 'hrApprover', string> = {} as never;
/** The demo citizens' ID numbers (陈小云, 李浮生), read back from the encrypted column. */
let chenId = '';

const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);

/** Records a window application as the clerk (or whoever the cookie names). */
/** The reward item for 陈小云 with a valid form (chenId is known once the server runs). */
const reward = () => ({ item: REWARD, applicant: { idNumber: chenId }, formData: rewardForm });
const record = (body: unknown, cookie = cookies.clerk) => api('/api/cases/window', { method: 'POST', cookie, body });

const scan = (cookie: string, content: Buffer, name = 'scan.pdf') => sendFile(server, cookie, `/api/cases/window/scans?name=${encodeURIComponent(name)}`, content, 'POST');

async function tickets(keys: string[], cookie = cookies.clerk) {
  const out = [];
  for (const key of keys) {
    const s = await scan(cookie, PDF, `${key}.pdf`);
    assert.equal(s.status, 201, JSON.stringify(s.body));
    out.push({ key, ticket: s.body.ticket as string });
  }
  return out;
}

const counts = async () =>
  (await server.ctx.db.one<{ cases: number; materials: number; events: number }>(
    `select (select count(*)::int from case_record) as cases, (select count(*)::int from case_material) as materials, (select count(*)::int from case_event) as events`,
  ))!;

before(async () => {
  server = await startTestServer();
  cookies.admin = await server.login('admin');
  cookies.clerk = await server.login('clerk');
  cookies.citizen = await server.login('13800000001', PASSWORD);
  cookies.luodingClerk = await addStaff(server, cookies.admin, 'ldwindow', '云浮市市场监督管理局', { role: 'window_clerk', regionCode: LUODING, sameDepartment: false });
  cookies.hrApprover = await addStaff(server, cookies.admin, 'hrwindow', '云浮市人力资源和社会保障局', { role: 'approver', regionCode: CITY, sameDepartment: true });
  const pii = personalData(server.ctx.config.masterKey);
  const row = await server.ctx.db.one<{ enc: string }>('select id_number_enc as enc from person where name = $1', ['陈小云']);
  chenId = pii.decrypt(row!.enc);
});
after(() => server.close());

describe('window application (一窗受理)', () => {
  let caseId = '';
  let number = '';

  test('a clerk finds a person by ID number (masked), records and submits with scans in one step', async () => {
    const found = await api(`/api/cases/window/applicant?idNumber=${chenId}`, { cookie: cookies.clerk });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.equal(found.body.kind, 'person');
    assert.equal(found.body.name, '陈小云');
    assert.match(found.body.idNumber, /^\d{4}\*{10}[\dX]{4}$/);
    assert.ok(!JSON.stringify(found.body).includes(chenId), 'the clear ID number never leaves the server');
    const audited = await server.ctx.db.query(`select 1 from audit_log where action = 'case.window_applicant_lookup'`);
    assert.ok(audited.length >= 1);

    const form = await api(`/api/cases/window/form?item=${REWARD}&idNumber=${chenId}`, { cookie: cookies.clerk });
    assert.equal(form.status, 200, JSON.stringify(form.body));
    assert.deepEqual(
      form.body.item.materials.map((m: { key: string }) => m.key),
      ['m1', 'm2', 'm3'],
    );
    assert.equal(form.body.prefill.applicant_name, '陈小云');
    assert.match(form.body.prefill.applicant_id_number, /\*{10}/);

    const before = await counts();
    // a masked value typed over an identity field does not reach the case: identity wins
    const res = await record({
      item: REWARD,
      applicant: { idNumber: chenId },
      formData: { ...rewardForm, applicant_id_number: '4453**********0000' },
      materials: await tickets(['m1', 'm2', 'm3']),
      idempotencyKey: 'window-success-0001',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const c = res.body.case;
    assert.equal(res.body.replayed, false);
    assert.equal(c.channel, 'window');
    assert.equal(c.status, 'submitted');
    assert.equal(c.currentStep.key, 'accept');
    assert.match(c.number, /^445300\d{14}$/);
    assert.equal(c.formData, undefined);
    assert.equal(c.receiptUrl, `/api/cases/${c.id}/receipt.pdf`);
    caseId = c.id;
    number = c.number;

    const after = await counts();
    assert.equal(after.cases, before.cases + 1);
    assert.equal(after.materials, before.materials + 3);
    const row = await server.ctx.db.one<{
      channel: string;
      form_data: Record<string, unknown>;
      form_pii: SealedForm;
      owner_person_id: string;
      promised_due: string | null;
    }>('select channel, form_data, form_pii, owner_person_id, promised_due::text from case_record where id = $1', [caseId]);
    // the identity's ID number is filled in, sealed at rest (personal-form.ts)
    assert.equal(openForm(personalData(server.ctx.config.masterKey), row!).applicant_id_number, chenId);
    assert.notEqual(row!.form_data.applicant_id_number, chenId);
    assert.equal(row!.form_data.report_number, 'JB2026-0100');
    assert.ok(row!.promised_due);
    const staged = await server.ctx.db.query<{ stage: string; uploaded_by: string }>(
      'select stage, uploaded_by from case_material where case_id = $1',
      [caseId],
    );
    assert.deepEqual([...new Set(staged.map((m) => m.stage))], ['window']);
    const submittedBy = await server.ctx.db.one<{ actor_kind: string; details: { channel: string } }>(
      `select actor_kind, details from case_event where case_id = $1 and kind = 'submitted'`,
      [caseId],
    );
    assert.equal(submittedBy!.actor_kind, 'staff');
    assert.equal(submittedBy!.details.channel, 'window');
  });

  test('the applicant sees the case in my cases; the clerk can accept it at once', async () => {
    const mine = await api('/api/cases/mine?pageSize=100', { cookie: cookies.citizen });
    assert.ok(mine.body.items.some((i: { id: string }) => i.id === caseId));
    const detail = await api(`/api/cases/${caseId}`, { cookie: cookies.citizen });
    assert.equal(detail.status, 200);
    assert.equal(detail.body.materials.length, 3);
    const staff = await api(`/api/cases/${caseId}`, { cookie: cookies.clerk });
    assert.ok(staff.body.actions.includes('accept'));
    const accepted = await api(`/api/cases/${caseId}/actions/accept`, {
      method: 'POST',
      cookie: cookies.clerk,
      body: { version: staff.body.case.version, opinion: '窗口收件，材料齐全' },
    });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'processing');
  });

  test('the receipt is a PDF with the number, item, masked ID, materials and a QR to the progress page', async () => {
    const res = await fetch(`${server.url}/api/cases/${caseId}/receipt.pdf`, { headers: { cookie: cookies.clerk } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(pdf);
    assert.match(text, new RegExp(number));
    assert.match(text, /食品安全违法行为举报奖励/);
    assert.match(text, /受理回执/);
    assert.match(text, /综合窗口受理员/);
    assert.match(text, /举报人居民身份证\s+1\s?份/);
    assert.ok(!text.includes(chenId), 'the ID number is masked on the receipt');
    assert.match(text, new RegExp(`${chenId.slice(0, 4)}\\*+${chenId.slice(-4)}`));
    const code = (await server.ctx.db.one<{ query_code: string }>('select query_code from case_record where id = $1', [caseId]))!
      .query_code;
    assert.match(text, new RegExp(code));
    // the query code printed on the receipt opens the public progress page
    const progress = await api(`/api/public/case-progress?number=${number}&code=${code}`);
    assert.equal(progress.status, 200);
    assert.equal(progress.body.itemName, '食品安全违法行为举报奖励');
    pdfPicture(pdf, 'cases-window-receipt', 60);

    const applicant = await fetch(`${server.url}/api/cases/${caseId}/receipt.pdf`, { headers: { cookie: cookies.citizen } });
    assert.equal(applicant.status, 200);
    const otherRegion = await api(`/api/cases/${caseId}/receipt.pdf`, { cookie: cookies.luodingClerk });
    assert.equal(otherRegion.status, 404);
    const stranger = await api(`/api/cases/${caseId}/receipt.pdf`, { cookie: await signIn(server.url, '13800000003', PASSWORD) });
    assert.equal(stranger.status, 404);
  });

  test('an enterprise by USCC with its authorised agent: owner is the agent, 即办 completes at acceptance', async () => {
    const uscc = (await server.ctx.db.one<{ uscc: string }>(
      `select uscc from enterprise where name like '%云石科技%'`,
    ))!.uscc.trim();
    const found = await api(`/api/cases/window/applicant?uscc=${uscc}&agentIdNumber=${chenId}`, { cookie: cookies.clerk });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.equal(found.body.kind, 'enterprise');
    assert.equal(found.body.representative.role, 'agent');
    assert.match(found.body.representative.idNumber, /\*{10}/);
    const res = await record({
      item: IMMEDIATE,
      applicant: { uscc, agentIdNumber: chenId },
      formData: { entity_address: '云浮市云城区', legal_representative: '李浮生', reason: '遗失补领' },
      materials: await tickets(['m1', 'm2']),
      idempotencyKey: 'window-enterprise-0001',
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.case.applicantKind, 'enterprise');
    const row = await server.ctx.db.one<{ form_data: Record<string, unknown>; agent_person_id: string | null }>(
      'select form_data, agent_person_id from case_record where id = $1',
      [res.body.case.id],
    );
    assert.equal(row!.form_data.entity_uscc, uscc);
    assert.ok(row!.agent_person_id);
    const agent = await signIn(server.url, '13800000001', PASSWORD, {
      actAs: (await server.ctx.db.one<{ id: string }>('select id from enterprise where uscc = $1', [uscc]))!.id,
    });
    const mine = await api('/api/cases/mine?pageSize=100', { cookie: agent });
    assert.ok(mine.body.items.some((i: { id: string }) => i.id === res.body.case.id));
    const accepted = await api(`/api/cases/${res.body.case.id}/actions/accept`, {
      method: 'POST',
      cookie: cookies.clerk,
      body: { version: res.body.case.version },
    });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'completed');
  });

  test('the service window named at recording is printed on the receipt; an unknown one is refused', async () => {
    const window = (await server.ctx.db.one<{ id: string; number: string }>(
      `select id, number from service_window where region_code = '445300000000' order by number limit 1`,
    ))!;
    const base = reward();
    const unknown = await record({
      ...base,
      materials: await tickets(['m1', 'm2', 'm3']),
      idempotencyKey: 'window-nowindow-01',
      windowId: '01900000-0000-7000-8000-000000000000',
    });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.error.code, 'WINDOW_UNKNOWN');
    const res = await record({
      ...base,
      materials: await tickets(['m1', 'm2', 'm3']),
      idempotencyKey: 'window-window-01',
      windowId: window.id,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const pdf = await fetch(`${server.url}${res.body.case.receiptUrl}`, { headers: { cookie: cookies.clerk } });
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    assert.ok(text.includes(`${window.number}号窗口`), text);
  });

  test('告知承诺制 at the window: the clerk confirms the signed commitment, or nothing is recorded', async () => {
    const uscc = (await server.ctx.db.one<{ uscc: string }>(
      `select uscc from enterprise where name like '%云石科技%'`,
    ))!.uscc.trim();
    const applicant = { uscc, agentIdNumber: chenId };
    const form = await api(`/api/cases/window/form?item=${COMMITMENT_ITEM}&uscc=${uscc}&agentIdNumber=${chenId}`, {
      cookie: cookies.clerk,
    });
    assert.equal(form.status, 200, JSON.stringify(form.body));
    assert.equal(form.body.item.commitment, true);
    assert.equal(form.body.prefill.entity_uscc, uscc);
    const keys = form.body.item.materials
      .filter((m: { necessity: string; source?: string }) => m.necessity === 'required' && m.source !== 'data_sharing')
      .map((m: { key: string }) => m.key);
    const formData = {
      legal_representative: '李浮生',
      entity_address: '云浮市云城区',
      business_scope: '道路普通货物运输',
      vehicle_count: 3,
    };
    const before = await counts();
    const unsigned = await record({
      item: COMMITMENT_ITEM,
      applicant,
      formData,
      materials: await tickets(keys),
      idempotencyKey: 'window-commit-01',
    });
    assert.equal(unsigned.status, 422, JSON.stringify(unsigned.body));
    assert.equal(unsigned.body.error.code, 'COMMITMENT_REQUIRED');
    assert.deepEqual(await counts(), before);
    const signed = await record({
      item: COMMITMENT_ITEM,
      applicant,
      formData,
      materials: await tickets(keys),
      idempotencyKey: 'window-commit-02',
      commitment: true,
    });
    assert.equal(signed.status, 201, JSON.stringify(signed.body));
    assert.ok(signed.body.case.commitment?.sm3);
  });

  test('a double-clicked submit with one idempotency key records one case', async () => {
    const materials = await tickets(['m1', 'm2', 'm3']);
    const body = {
      ...reward(),
      materials,
      idempotencyKey: 'window-double-0001',
    };
    const [a, b] = await Promise.all([record(body), record(body)]);
    assert.deepEqual([a.status, b.status].sort(), [200, 201], JSON.stringify([a.body, b.body]));
    assert.equal(a.body.case.number, b.body.case.number);
    const rows = await server.ctx.db.query(`select 1 from case_record where idempotency_key = 'window-double-0001'`);
    assert.equal(rows.length, 1);
    const mats = await server.ctx.db.query('select 1 from case_material where case_id = $1', [a.body.case.id]);
    assert.equal(mats.length, 3);
    const again = await record(body);
    assert.equal(again.status, 200);
    assert.equal(again.body.replayed, true);
  });
});

describe('window application: one idempotency key, one application (#13.10)', () => {
  test('the same key with the same application repeats it; with another form or applicant it is a 422', async () => {
    const materials = await tickets(['m1', 'm2', 'm3']);
    const body = { ...reward(), materials, idempotencyKey: 'window-reuse-0001' };
    const first = await record(body);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const again = await record({ ...body });
    assert.equal(again.status, 200);
    assert.equal(again.body.replayed, true);
    assert.equal(again.body.case.number, first.body.case.number);
    const before = await counts();
    for (const [what, changed] of [
      ['another form', { ...body, formData: { ...rewardForm, report_number: 'JB2026-0999' } }],
      ['a commitment', { ...body, commitment: true }],
      ['fewer materials', { ...body, materials: materials.slice(0, 2) }],
    ] as const) {
      const res = await record(changed);
      assert.equal(res.status, 422, `${what}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'IDEMPOTENCY_KEY_REUSED', what);
    }
    assert.deepEqual(await counts(), before, 'nothing recorded by the refused requests');
    // the applicant's own online draft cannot take the key the clerk used for them
    const online = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, idempotencyKey: 'window-reuse-0001' } });
    assert.equal(online.status, 422, JSON.stringify(online.body));
    assert.equal(online.body.error.code, 'IDEMPOTENCY_KEY_REUSED');
  });
});

describe('window application: denials and bad input', () => {
  test('a citizen gets 403, nobody 401, on every window route', async () => {
    for (const path of [
      `/api/cases/window/applicant?idNumber=${chenId}`,
      `/api/cases/window/form?item=${REWARD}&idNumber=${chenId}`,
    ]) {
      const res = await api(path, { cookie: cookies.citizen });
      assert.equal(res.status, 403, path);
      assert.equal(res.body.error.code, 'FORBIDDEN');
      assert.equal((await api(path)).status, 401);
    }
    const post = await record(
      { item: REWARD, applicant: { idNumber: chenId }, formData: {}, materials: [], idempotencyKey: 'window-citizen-01' },
      cookies.citizen,
    );
    assert.equal(post.status, 403);
    assert.equal((await scan(cookies.citizen, PDF)).status, 403);
  });

  test('a clerk of another region: applicant 404, item outside scope 403', async () => {
    const lookup = await api(`/api/cases/window/applicant?idNumber=${chenId}`, { cookie: cookies.luodingClerk });
    assert.equal(lookup.status, 404);
    assert.equal(lookup.body.error.code, 'APPLICANT_NOT_FOUND');
    const uscc = (await server.ctx.db.one<{ uscc: string }>(`select uscc from enterprise limit 1`))!.uscc.trim();
    assert.equal((await api(`/api/cases/window/applicant?uscc=${uscc}`, { cookie: cookies.luodingClerk })).status, 404);
    const item = await record(
      {
        ...reward(),
        materials: [],
        idempotencyKey: 'window-luoding-01',
      },
      cookies.luodingClerk,
    );
    assert.equal(item.status, 403);
    assert.equal(item.body.error.code, 'WINDOW_ITEM_OUT_OF_SCOPE');
    // an approver narrowed to another department may not take this department's item
    const dept = await api(`/api/cases/window/form?item=${REWARD}&idNumber=${chenId}`, { cookie: cookies.hrApprover });
    assert.equal(dept.status, 403);
    assert.equal(dept.body.error.code, 'WINDOW_ITEM_OUT_OF_SCOPE');
  });

  test('a bad ID number is 422 with its reason; an unknown USCC 404; one of the two is required', async () => {
    const last = chenId.at(-1) === '0' ? '1' : '0';
    const bad = await api(`/api/cases/window/applicant?idNumber=${chenId.slice(0, 17)}${last}`, { cookie: cookies.clerk });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.error.code, 'ID_NUMBER_INVALID');
    assert.equal(bad.body.error.details.reason, 'CHECK_CHAR');
    const unknown = await api(`/api/cases/window/applicant?uscc=${demoEnterpriseUscc('445302000000', 97)}`, {
      cookie: cookies.clerk,
    });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.code, 'APPLICANT_NOT_FOUND');
    const badUscc = await api('/api/cases/window/applicant?uscc=91445300MA00000000', { cookie: cookies.clerk });
    assert.equal(badUscc.status, 422);
    assert.equal(badUscc.body.error.code, 'USCC_INVALID');
    const neither = await api('/api/cases/window/applicant', { cookie: cookies.clerk });
    assert.equal(neither.status, 400);
    // a registered-looking but unknown person: the clerk cannot register people here
    const stranger = await api('/api/cases/window/applicant?idNumber=11010519491231002X', { cookie: cookies.clerk });
    assert.equal(stranger.status, 404);
    assert.equal(stranger.body.error.code, 'APPLICANT_NOT_FOUND');
  });

  test('a form failing the schema is 422 and nothing is written; bad scans and foreign tickets are refused', async () => {
    const materials = await tickets(['m1', 'm2', 'm3']);
    const before = await counts();
    const res = await record({
      item: REWARD,
      applicant: { idNumber: chenId },
      formData: { report_number: 'JB2026-0101' },
      materials,
      idempotencyKey: 'window-badform-01',
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.error.code, 'FORM_INVALID');
    assert.deepEqual(
      res.body.error.details.errors.map((e: { field: string }) => e.field),
      ['bank_account'],
    );
    const missing = await record({
      ...reward(),
      materials: materials.slice(0, 2),
      idempotencyKey: 'window-missing-01',
    });
    assert.equal(missing.status, 422);
    assert.equal(missing.body.error.code, 'MATERIALS_MISSING');
    assert.deepEqual(await counts(), before);

    const exe = await scan(cookies.clerk, Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(100)]), '身份证.pdf');
    assert.equal(exe.status, 415);
    assert.equal(exe.body.error.code, 'MATERIAL_TYPE_REFUSED');
    assert.equal((await scan(cookies.clerk, Buffer.alloc(0))).body.error.code, 'MATERIAL_EMPTY');
    const foreign = await tickets(['m1', 'm2', 'm3'], cookies.hrApprover);
    const stolen = await record({
      ...reward(),
      materials: foreign,
      idempotencyKey: 'window-foreign-01',
    });
    assert.equal(stolen.status, 422);
    assert.equal(stolen.body.error.code, 'WINDOW_SCAN_INVALID');
    const forged = materials.map((m) => ({ ...m, ticket: m.ticket.replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a')) }));
    const tampered = await record({
      ...reward(),
      materials: forged,
      idempotencyKey: 'window-forged-01',
    });
    assert.equal(tampered.body.error.code, 'WINDOW_SCAN_INVALID');
    const unknownKey = await record({
      ...reward(),
      materials: [{ key: 'm9', ticket: materials[0]!.ticket }],
      idempotencyKey: 'window-m9-01',
    });
    assert.equal(unknownKey.body.error.code, 'MATERIAL_UNKNOWN');
    assert.deepEqual(await counts(), before);
  });

  test('a draft is not a receipt', async () => {
    const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD } });
    const res = await api(`/api/cases/${draft.body.case.id}/receipt.pdf`, { cookie: cookies.citizen });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'CASE_NOT_SUBMITTED');
  });
});
