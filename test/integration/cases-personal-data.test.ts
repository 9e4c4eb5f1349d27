// Personal data in case forms (issue #13.6): sealed at rest (SM4 + blind index), clear for the
// applicant, masked for handlers, one field revealed with a reason (audited), existing rows
// migrated, and a scan of the staff and other users' answers for the demo applicant's identifiers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { migrationSources } from '../../src/kernel/bootstrap.ts';
import { DEV_MASTER_KEY, loadConfig } from '../../src/kernel/config.ts';
import { migrate } from '../../src/kernel/migrate.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { maskIdNumber, maskPhone } from '../../src/kernel/validate/idcard.ts';
import { openForm, type SealedForm } from '../../src/modules/cases/personal-form.ts';
import { MODULES } from '../../src/modules/index.ts';
import { CITIZEN_PASSWORD, CITY, LUODING, REWARD } from '../support/demo.ts';
import { PDF, sendFile, uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';

const PHONE = '13800000001';
const BANK = '6222020000000004321';

let server: TestServer;
let chenId = '';
let caseId = '';
let windowCaseId = '';
const who: Record<'citizen' | 'other' | 'clerk' | 'approver' | 'leader' | 'otherDept' | 'otherRegion', string> = {} as never;

const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const reveal = (cookie: string, body: unknown, id = caseId) => api(`/api/cases/${id}/form/reveal`, { method: 'POST', cookie, body });
const rawForm = async (id: string) =>
  (await server.ctx.db.one<{ form_data: Record<string, unknown>; form_pii: SealedForm; text: string }>(
    `select form_data, form_pii, form_data::text || form_pii::text as text from case_record where id = $1`,
    [id],
  ))!;

before(async () => {
  server = await startTestServer();
  const admin = await server.login('admin');
  who.citizen = await server.login(PHONE, CITIZEN_PASSWORD);
  who.other = await server.login('13800000002', CITIZEN_PASSWORD);
  who.clerk = await server.login('clerk');
  who.approver = await server.login('approver');
  who.leader = await server.login('leader');
  who.otherDept = await addStaff(server, admin, 'piihr', '云浮市人力资源和社会保障局', { role: 'approver', regionCode: CITY, sameDepartment: true });
  who.otherRegion = await addStaff(server, admin, 'piild', '云浮市市场监督管理局', { role: 'window_clerk', regionCode: LUODING, sameDepartment: false });
  const row = await server.ctx.db.one<{ enc: string }>('select id_number_enc as enc from person where name = $1', ['陈小云']);
  chenId = personalData(server.ctx.config.masterKey).decrypt(row!.enc);

  // online: prefilled ID number and phone, a bank account typed by the applicant
  const draft = await api('/api/cases', { method: 'POST', cookie: who.citizen, body: { item: REWARD, formData: { report_number: 'PII-1', bank_account: BANK } } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  caseId = draft.body.case.id;
  for (const key of ['m1', 'm2', 'm3']) assert.equal((await uploadMaterial(server, who.citizen, caseId, key)).status, 201);
  const sub = await api(`/api/cases/${caseId}/submit`, { method: 'POST', cookie: who.citizen, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));

  // 一窗受理 by the clerk for the same applicant
  const tickets = [];
  for (const key of ['m1', 'm2', 'm3']) {
    const s = await sendFile(server, who.clerk, `/api/cases/window/scans?name=${key}.pdf`, PDF, 'POST');
    assert.equal(s.status, 201, JSON.stringify(s.body));
    tickets.push({ key, ticket: s.body.ticket as string });
  }
  const recorded = await api('/api/cases/window', {
    method: 'POST',
    cookie: who.clerk,
    body: { item: REWARD, applicant: { idNumber: chenId }, formData: { report_number: 'PII-2', bank_account: BANK }, materials: tickets, idempotencyKey: 'pii-window-0001' },
  });
  assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
  windowCaseId = recorded.body.case.id;
});
after(() => server.close());

describe('personal data in case forms', () => {
  test('at rest: no clear ID number, phone or bank account in the row; each sealed with its kind and blind index', async () => {
    const pii = personalData(server.ctx.config.masterKey);
    for (const id of [caseId, windowCaseId]) {
      const r = await rawForm(id);
      for (const clear of [chenId, PHONE, BANK]) assert.ok(!r.text.includes(clear), `${clear} stored in clear`);
      assert.equal(r.form_data.applicant_id_number, maskIdNumber(chenId));
      assert.equal(r.form_data.applicant_phone, maskPhone(PHONE));
      assert.equal(r.form_data.bank_account, `${'*'.repeat(BANK.length - 4)}4321`);
      assert.equal(r.form_pii.applicant_id_number!.kind, 'id_number');
      assert.equal(r.form_pii.applicant_id_number!.index, pii.index(chenId));
      assert.equal(r.form_pii.report_number, undefined, 'a field that is not personal stays readable');
      const clear = openForm(pii, r);
      assert.equal(clear.applicant_id_number, chenId);
      assert.equal(clear.bank_account, BANK);
    }
  });

  test('the applicant reads their own form in clear; a handler reads it masked', async () => {
    const mine = await api(`/api/cases/${caseId}`, { cookie: who.citizen });
    assert.equal(mine.status, 200);
    assert.equal(mine.body.case.formData.applicant_id_number, chenId);
    assert.equal(mine.body.case.formData.bank_account, BANK);
    const staff = await api(`/api/cases/${caseId}`, { cookie: who.clerk });
    assert.equal(staff.status, 200);
    assert.equal(staff.body.case.formData.applicant_id_number, maskIdNumber(chenId));
    assert.equal(staff.body.case.formData.applicant_phone, maskPhone(PHONE));
    assert.equal(staff.body.case.formData.report_number, 'PII-1');
  });

  test('a handler reveals one field with a reason: the clear value, and an audit entry with who, field and why', async () => {
    const before = await server.ctx.db.query(`select 1 from audit_log where action = 'case.form_revealed'`);
    const r = await reveal(who.clerk, { field: 'applicant_id_number', reason: '核对申请人身份' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body, { field: 'applicant_id_number', kind: 'id_number', value: chenId });
    const audit = await server.ctx.db.query<{ actor_kind: string; object_id: string; details: Record<string, unknown> }>(
      `select actor_kind, object_id, details from audit_log where action = 'case.form_revealed' order by seq`,
    );
    assert.equal(audit.length, before.length + 1);
    const entry = audit.at(-1)!;
    assert.equal(entry.actor_kind, 'staff');
    assert.equal(entry.object_id, caseId);
    assert.equal(entry.details.field, 'applicant_id_number');
    assert.equal(entry.details.reason, '核对申请人身份');
    assert.ok(!JSON.stringify(entry.details).includes(chenId), 'the audit keeps the reason, never the value');
    // the approver of the case's department handles its later steps
    assert.equal((await reveal(who.approver, { field: 'bank_account', reason: '核对收款账户' })).body.value, BANK);
    // each clear read is a use of the applicant's data: their 我的数据使用记录 says who, which field and why
    const uses = (await api('/api/my/data-uses', { cookie: who.citizen })).body.items.filter((u: { kind: string }) => u.kind === 'reveal');
    assert.equal(uses.length, 2, JSON.stringify(uses));
    const idRead = uses.find((u: { purpose: string }) => u.purpose.includes('核对申请人身份'));
    assert.ok(idRead, JSON.stringify(uses));
    const { number } = (await server.ctx.db.one<{ number: string }>('select number from case_record where id = $1', [caseId]))!;
    assert.ok(idRead.resourceName.includes(number), idRead.resourceName);
    assert.ok(idRead.departmentName, 'the department that read it');
    assert.ok(!JSON.stringify(uses).includes(chenId), 'the ledger names the field, never the value');
    const other = (await api('/api/my/data-uses', { cookie: who.other })).body.items;
    assert.ok(!other.some((u: { kind: string }) => u.kind === 'reveal'), 'nobody else is told');
  });

  test('reveal refused: no reason, unknown or non-personal field, non-handlers, other departments, regions and citizens', async () => {
    const count = async () => (await server.ctx.db.query(`select 1 from audit_log where action = 'case.form_revealed'`)).length;
    const audited = await count();
    const blank = await reveal(who.clerk, { field: 'applicant_id_number', reason: '   ' });
    assert.equal(blank.status, 400);
    assert.equal(blank.body.error.code, 'VALIDATION_FAILED');
    assert.equal((await reveal(who.clerk, { field: 'applicant_id_number' })).status, 400);
    assert.equal((await reveal(who.clerk, { field: 'applicant_id_number', reason: 'x'.repeat(201) })).status, 400);
    const plain = await reveal(who.clerk, { field: 'report_number', reason: '核对' });
    assert.equal(plain.status, 422);
    assert.equal(plain.body.error.code, 'CASE_FORM_FIELD_NOT_PERSONAL');
    const cases: [string, number, string][] = [
      [who.leader, 403, 'CASE_FORM_REVEAL_NOT_ALLOWED'],
      [who.citizen, 403, 'CASE_FORM_REVEAL_NOT_ALLOWED'],
      [who.otherDept, 403, 'FORBIDDEN'],
      [who.otherRegion, 404, 'NOT_FOUND'],
      [who.other, 404, 'NOT_FOUND'],
    ];
    for (const [cookie, status, code] of cases) {
      const r = await reveal(cookie, { field: 'applicant_id_number', reason: '查看' });
      assert.equal(r.status, status, JSON.stringify(r.body));
      assert.equal(r.body.error.code, code);
      assert.ok(!JSON.stringify(r.body).includes(chenId));
    }
    assert.equal((await reveal('', { field: 'applicant_id_number', reason: '查看' })).status, 401);
    assert.equal(await count(), audited, 'refusals reveal nothing and leave no reveal entry');
  });

  test('a handler finds cases by a whole ID number or phone through the blind index', async () => {
    const byId = await api(`/api/cases/inbox?view=all&q=${chenId.toLowerCase()}`, { cookie: who.clerk });
    assert.equal(byId.status, 200, JSON.stringify(byId.body));
    assert.ok(byId.body.items.some((c: { id: string }) => c.id === caseId));
    const byPhone = await api(`/api/cases/inbox?view=all&q=${PHONE}`, { cookie: who.clerk });
    assert.ok(byPhone.body.items.some((c: { id: string }) => c.id === caseId));
    const nobody = await api(`/api/cases/inbox?view=all&q=13900000000`, { cookie: who.clerk });
    assert.ok(!nobody.body.items.some((c: { id: string }) => c.id === caseId));
  });

  test('response scan: no answer to staff or other users carries the applicant’s full ID number or mobile', async () => {
    const month = (await api(`/api/cases/${caseId}`, { cookie: who.clerk })).body.case.submittedAt.slice(0, 10);
    const paths = [
      `/api/cases/${caseId}`,
      `/api/cases/${windowCaseId}`,
      '/api/cases/inbox?view=all&pageSize=100',
      '/api/cases/inbox?view=done&pageSize=100',
      `/api/cases/${caseId}/records`,
      `/api/cases/${windowCaseId}/records`,
      `/api/cases/records?from=${month}&to=${month}&limit=1000`,
      `/api/cases/records.ndjson?from=${month}&to=${month}`,
      '/api/cases/mine',
      '/api/case-bundles/mine',
    ];
    let answered = 0;
    for (const [name, cookie] of Object.entries(who)) {
      if (name === 'citizen') continue;
      for (const path of paths) {
        const r = await api(path, { cookie });
        const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
        if (r.status === 200) answered++;
        assert.ok(!text.includes(chenId), `${name} GET ${path} carries the full ID number`);
        assert.ok(!text.includes(PHONE), `${name} GET ${path} carries the full mobile number`);
        assert.ok(!text.includes(BANK), `${name} GET ${path} carries the full bank account`);
      }
    }
    assert.ok(answered >= 12, `the scan read real answers (${answered})`);
    // and a clerk's own window answers
    const again = await api('/api/cases/window', { method: 'POST', cookie: who.clerk, body: { item: REWARD, applicant: { idNumber: chenId }, formData: {}, materials: [], idempotencyKey: 'pii-window-0001' } });
    assert.ok(!JSON.stringify(again.body).includes(chenId));
  });

  test('existing rows are migrated: clear forms sealed once, readable after, sealed rows left alone', async () => {
    const pii = personalData(server.ctx.config.masterKey);
    const legacy = { ...openForm(pii, await rawForm(caseId)), note: '13911112222' };
    await server.ctx.db.query(`update case_record set form_data = $2, form_pii = '{}'::jsonb where id = $1`, [caseId, JSON.stringify(legacy)]);
    const sealedBefore = (await rawForm(windowCaseId)).text;
    await server.ctx.db.query(`delete from schema_migration where id = 'cases/016_seal_form_pii'`);
    const applied = await migrate(server.ctx.db, migrationSources(MODULES), { masterKey: server.ctx.config.masterKey });
    assert.deepEqual(applied, ['cases/016_seal_form_pii']);
    const r = await rawForm(caseId);
    for (const clear of [chenId, PHONE, BANK, '13911112222']) assert.ok(!r.text.includes(clear), `${clear} left in clear`);
    assert.equal(r.form_pii.note!.kind, 'phone', 'an undeclared mobile number is sealed by its shape');
    assert.deepEqual(openForm(pii, r), legacy);
    assert.equal((await rawForm(windowCaseId)).text, sealedBefore);
    const mine = await api(`/api/cases/${caseId}`, { cookie: who.citizen });
    assert.equal(mine.body.case.formData.applicant_id_number, chenId);
    // without the key a database with clear rows is not migrated
    await server.ctx.db.query(`update case_record set form_data = $2, form_pii = '{}'::jsonb where id = $1`, [caseId, JSON.stringify(legacy)]);
    await server.ctx.db.query(`delete from schema_migration where id = 'cases/016_seal_form_pii'`);
    await assert.rejects(migrate(server.ctx.db, migrationSources(MODULES)), /master key/);
    await migrate(server.ctx.db, migrationSources(MODULES), { masterKey: server.ctx.config.masterKey });
  });
});

describe('master key in production', () => {
  test('a PostgreSQL server with no key or the public development key refuses to start', () => {
    const pg = 'postgres://db-host/yiwang';
    assert.throws(() => loadConfig({ DATABASE_URL: pg }), /refusing to start.*YIWANG_MASTER_KEY/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'postgresql://db-host/yiwang', YIWANG_MASTER_KEY: DEV_MASTER_KEY.toUpperCase() }), /refusing to start/);
    assert.equal(loadConfig({ DATABASE_URL: pg, YIWANG_MASTER_KEY: 'a'.repeat(32) }).masterKey, 'a'.repeat(32));
    // the embedded database (development, demos) and the suite's throwaway servers may use it
    assert.equal(loadConfig({}).masterKey, DEV_MASTER_KEY);
    assert.equal(loadConfig({ DATABASE_URL: 'memory://' }).masterKey, DEV_MASTER_KEY);
    assert.equal(loadConfig({ DATABASE_URL: pg, YIWANG_ALLOW_DEV_MASTER_KEY: '1' }).masterKey, DEV_MASTER_KEY);
  });
});
