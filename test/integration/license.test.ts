import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { systemActor } from '../../src/kernel/actor.ts';
import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import { sm3Hex } from '../../src/kernel/crypto/sm3.ts';
import { DEV_MASTER_KEY } from '../../src/kernel/config.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { maskIdNumber } from '../../src/kernel/validate/idcard.ts';
import { inkStats, readPpm } from '../../src/kernel/pdf/ppm.test-support.ts';
import { personView } from '../../src/modules/identity/index.ts';
import { isValidLicenceId, issueLicence, parseLicenceId, recordLicenceUse } from '../../src/modules/license/index.ts';
import { signWithSeal } from '../../src/modules/seal/index.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { demoUscc } from '../../src/seed/demo-city.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { personLicenceBody, personLicenceType, presentAs } from '../support/licence.ts';
import * as clock from '../../src/kernel/clock.ts';

const OPENSSL = process.env.OPENSSL ?? 'openssl';
for (const tool of [OPENSSL, 'pdftoppm']) if (spawnSync(tool, ['-v']).error) throw new Error(`licence tests need ${tool}`);

let server: TestServer;
type Who = 'admin' | 'approver' | 'deptadmin' | 'leader' | 'hotline' | 'clerk' | 'citizen' | 'citizen2';
const cookies = {} as Record<Who, string>;
let scjgj: { id: string; regionCode: string; name: string; uscc: string };
let rsj: { id: string; regionCode: string; name: string };
let citizen: { id: string; name: string };
let personType: { id: string; code: string };
let enterpriseType: { id: string; code: string };
const dir = mkdtempSync(join(tmpdir(), 'yiwang-licence-'));
const pii = personalData(DEV_MASTER_KEY);
/** The demo citizen's own ID number: a licence in a person's wallet must name that person. */
let ID_NUMBER: string;
const CITY = '445300000000';

const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const dept = async (name: string) =>
  (await api(`/api/org/departments?q=${encodeURIComponent(name)}`, { cookie: cookies.admin })).body.items[0];

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'approver', 'deptadmin', 'leader', 'hotline', 'clerk'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  cookies.citizen2 = await server.login('13800000002', 'Yiwang@2026citizen');
  citizen = (await api('/api/auth/me', { cookie: cookies.citizen })).body.user;
  ID_NUMBER = (await personView(server.ctx.db, pii, citizen.id, true))!.idNumber;
  scjgj = await dept('云浮市市场监督管理局');
  rsj = await dept('云浮市人力资源和社会保障局');
  for (const d of [scjgj, rsj]) {
    const seal = await api('/api/seals', {
      method: 'POST',
      body: { departmentId: d.id, kind: 'licence' },
      cookie: cookies.admin,
    });
    assert.equal(seal.status, 201, JSON.stringify(seal.body));
  }
  const t1 = await api('/api/licence-types', {
    method: 'POST',
    cookie: cookies.admin,
    body: { ...personLicenceType(scjgj.id, '001'), template: { title: '特种设备作业人员证', note: '本证在全国范围内有效。' } },
  });
  assert.equal(t1.status, 201, JSON.stringify(t1.body));
  personType = t1.body;
  const t2 = await api('/api/licence-types', {
    method: 'POST',
    cookie: cookies.admin,
    body: {
      definingDepartmentId: scjgj.id,
      sequence: '002',
      holderKind: 'enterprise',
      name: '食品经营许可证',
      issuingDepartmentIds: [scjgj.id],
      fields: [
        { key: 'address', label: '经营场所', type: 'text', required: true, personal: false },
        { key: 'scope', label: '经营项目', type: 'text', required: true, personal: false },
      ],
      validity: { years: 5 },
    },
  });
  assert.equal(t2.status, 201, JSON.stringify(t2.body));
  enterpriseType = t2.body;
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function issue(overrides: Record<string, unknown> = {}, cookie = cookies.approver) {
  return api('/api/licences', { method: 'POST', cookie, body: { ...personLicenceBody(personType.id, scjgj.id, citizen, ID_NUMBER), ...overrides } });
}

const present = (licenceId: string, fields: string[], extra: Record<string, unknown> = {}) => presentAs(server, cookies.citizen, licenceId, fields, extra);

describe('licences', () => {
  test('the catalogue: type code is the definer USCC + sequence; bad schemas are refused', async () => {
    assert.equal(personType.code, `${scjgj.uscc}001`);
    const dup = await api('/api/licence-types', {
      method: 'POST',
      cookie: cookies.admin,
      body: {
        definingDepartmentId: scjgj.id,
        sequence: '001',
        holderKind: 'person',
        name: 'x',
        issuingDepartmentIds: [scjgj.id],
        fields: [],
      },
    });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'LICENCE_TYPE_CODE_TAKEN');
    const badField = await api('/api/licence-types', {
      method: 'POST',
      cookie: cookies.admin,
      body: {
        definingDepartmentId: scjgj.id,
        sequence: '003',
        holderKind: 'person',
        name: 'x',
        issuingDepartmentIds: [scjgj.id],
        fields: [{ key: 'holderName', label: 'x', type: 'text', required: true, personal: true }],
      },
    });
    assert.equal(badField.status, 400);
    assert.equal(
      (
        await api('/api/licence-types', {
          method: 'POST',
          cookie: cookies.approver,
          body: {
            definingDepartmentId: scjgj.id,
            sequence: '004',
            holderKind: 'person',
            name: 'x',
            issuingDepartmentIds: [scjgj.id],
            fields: [],
          },
        })
      ).status,
      403,
    );
  });

  test('a type can be changed with its version and retired; a retired type issues nothing', async () => {
    const t = await api('/api/licence-types', {
      method: 'POST',
      cookie: cookies.admin,
      body: {
        definingDepartmentId: scjgj.id,
        sequence: '005',
        holderKind: 'person',
        name: '临时类型',
        issuingDepartmentIds: [scjgj.id],
        fields: [{ key: 'note', label: '备注', type: 'text', required: false, personal: false }],
      },
    });
    const renamed = await api(`/api/licence-types/${t.body.id}`, {
      method: 'PATCH',
      cookie: cookies.admin,
      body: { name: '临时类型（改）', version: 1 },
    });
    assert.equal(renamed.body.name, '临时类型（改）');
    const stale = await api(`/api/licence-types/${t.body.id}`, {
      method: 'PATCH',
      cookie: cookies.admin,
      body: { status: 'retired', version: 1 },
    });
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    assert.equal(
      (
        await api(`/api/licence-types/${t.body.id}`, {
          method: 'PATCH',
          cookie: cookies.approver,
          body: { status: 'retired', version: 2 },
        })
      ).status,
      403,
    );
    await api(`/api/licence-types/${t.body.id}`, {
      method: 'PATCH',
      cookie: cookies.admin,
      body: { status: 'retired', version: 2 },
    });
    const refused = await issue({ typeId: t.body.id, fields: {} });
    assert.deepEqual([refused.status, refused.body.error.code], [422, 'LICENCE_TYPE_RETIRED']);
  });

  test('staff issue: GB/T 36904 identifier, signed with the department seal, verifiable offline with openssl', async () => {
    const res = await issue();
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const l = res.body;
    assert.ok(isValidLicenceId(l.identifier), l.identifier);
    const parts = parseLicenceId(l.identifier);
    assert.ok(parts.ok && parts.typeCode === personType.code && parts.issuerUscc === scjgj.uscc && parts.version === 1);
    assert.equal(l.status, '01');
    assert.equal(l.verdict, 'valid');
    assert.equal(l.operation, '01');
    assert.equal(l.validTo > l.validFrom, true);

    // Offline: the holder's signed export + the published key, checked by openssl alone.
    const signed = await api(`/api/wallet/licences/${l.id}/signed`, { cookie: cookies.citizen });
    assert.equal(signed.status, 200);
    const keys = await api(`/api/seals/public-keys?keyId=${signed.body.keyId}`);
    const pub = join(dir, 'pub.pem');
    writeFileSync(pub, keys.body.items[0].publicKeyPem);
    const doc = join(dir, 'doc.json');
    writeFileSync(doc, signed.body.document);
    const sig = join(dir, 'doc.sig');
    writeFileSync(sig, Buffer.from(signed.body.signature, 'hex'));
    const ok = spawnSync(OPENSSL, [
      'pkeyutl',
      '-verify',
      '-rawin',
      '-digest',
      'sm3',
      '-pkeyopt',
      'distid:1234567812345678',
      '-pubin',
      '-inkey',
      pub,
      '-in',
      doc,
      '-sigfile',
      sig,
    ]);
    assert.equal(ok.status, 0, ok.stdout.toString() + ok.stderr.toString());
    assert.equal(JSON.parse(signed.body.document).holder.code, ID_NUMBER);
    // The holder's ID number is not stored in clear.
    const raw = await server.ctx.db.one<{ document_enc: string }>('select document_enc from licence where id = $1', [l.id]);
    assert.ok(!raw!.document_enc.includes(ID_NUMBER));
  });

  test('bad issuance input: wrong holder kind, bad ID number, unknown field, missing required field, not an issuer', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ holder: { kind: 'enterprise', name: 'x', code: demoUscc(CITY, 1) } }, 400, 'VALIDATION_FAILED'],
      [{ holder: { kind: 'person', name: '某人', code: '445302199003150000' } }, 400, 'VALIDATION_FAILED'],
      [{ fields: { category: 'x', colour: 'red' } }, 400, 'VALIDATION_FAILED'],
      [{ fields: { birthDate: '1990-03-15' } }, 400, 'VALIDATION_FAILED'],
      [{ fields: { category: 'x', birthDate: '1990-02-30' } }, 400, 'VALIDATION_FAILED'],
      [{ validFrom: '2026-01-01', validTo: '2025-01-01' }, 400, 'VALIDATION_FAILED'],
      [
        { holder: { kind: 'person', personId: citizen.id, name: '冒名者', code: demoIdNumber('445302000000', '19700101', 7) } },
        422,
        'LICENCE_HOLDER_MISMATCH',
      ],
      [
        { holder: { kind: 'person', personId: '00000000-0000-7000-8000-000000000000', name: '某人', code: ID_NUMBER } },
        422,
        'LICENCE_HOLDER_NOT_FOUND',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await issue(body);
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(res.body.error.code, code);
    }
    const notIssuer = await issue({ departmentId: rsj.id }, cookies.admin);
    assert.equal(notIssuer.status, 403, 'administrator holds no issuing role');
    const viaSystem = issueLicence(server.ctx, systemActor('cases'), {
      typeId: personType.id,
      departmentId: rsj.id,
      holder: { kind: 'person', name: '某人', code: ID_NUMBER },
      fields: { category: 'x' },
    });
    await assert.rejects(viaSystem, (e: { code?: string }) => e.code === 'LICENCE_NOT_ISSUER');
    assert.equal((await issue({}, cookies.citizen)).status, 403);
    assert.equal((await issue({}, '')).status, 401);
  });

  test('a foreign national known by a passport: checked, signed with the passport, masked for staff, printed as 护照号码; never linked to an account', async () => {
    const passport = { kind: 'person', name: 'John SMITH', code: 'e12345678', codeType: 'passport' };
    const bad: [Record<string, unknown>, string][] = [
      [{ ...passport, code: 'SMITHJOHN' }, 'holder.code'],
      [{ ...passport, code: "E1' OR '1'='1" }, 'holder.code'],
      [{ ...passport, code: ID_NUMBER, codeType: 'driving_licence' }, 'holder.codeType'],
      [{ ...passport, kind: 'enterprise' }, 'holder.kind'],
      [{ ...passport, personId: citizen.id }, 'holder.personId'],
    ];
    for (const [holder, field] of bad) {
      const res = await issue({ holder });
      assert.equal(res.status, 400, JSON.stringify(holder));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
      assert.ok(JSON.stringify(res.body.error).includes(field), `${field}: ${JSON.stringify(res.body.error)}`);
    }
    const l = (await issue({ holder: passport })).body;
    assert.deepEqual(l.holder, { kind: 'person', name: 'John SMITH', code: 'E12345678', codeType: 'passport' }, 'upper-cased, as the staff typed it');
    const staffView = (await api(`/api/licences/${l.id}`, { cookie: cookies.deptadmin })).body;
    assert.deepEqual(staffView.holder, { kind: 'person', name: 'John SMITH', code: 'E1*****78', codeType: 'passport' }, 'masked when read back');
    const row = await server.ctx.db.one<{ holder_ref: string; document_enc: string }>('select holder_ref, document_enc from licence where id = $1', [l.id]);
    assert.match(row!.holder_ref, /^idx:/, 'in no wallet');
    assert.ok(!row!.document_enc.includes('E12345678'), 'encrypted at rest');
    const byPassport = (await api(`/api/licences?q=E12345678`, { cookie: cookies.approver })).body.items.map((i: { id: string }) => i.id);
    assert.deepEqual(byPassport, [l.id], 'staff find it by the whole passport number');
    const res = await fetch(`${server.url}/api/licences/${l.id}/pdf`, { headers: { cookie: cookies.approver } });
    assert.equal(res.status, 200);
    const file = join(dir, 'passport-licence.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const s of ['护照号码', 'E12345678', 'John SMITH']) assert.ok(text.includes(s), `PDF text has ${s}`);
    assert.ok(!text.includes('公民身份号码'));
  });

  test('issueLicence for the cases module (system actor) lands in the wallet', async () => {
    const l = await issueLicence(server.ctx, systemActor('cases'), {
      typeCode: enterpriseType.code,
      departmentId: scjgj.id,
      holder: { kind: 'enterprise', name: '云浮市示例食品有限公司', code: demoUscc(CITY, 7001) },
      fields: { address: '云城区兴云中路1号', scope: '预包装食品销售' },
      caseId: 'CASE-1',
    });
    assert.equal(l.source, 'case');
    assert.equal(l.caseId, 'CASE-1');
    assert.ok(isValidLicenceId(l.identifier));
  });

  test('wallet and access: the holder reads personal fields in clear, authorised staff masked (the PDF in clear, audited); nobody else reads them', async () => {
    const l = (await issue()).body;
    const wallet = await api('/api/wallet/licences', { cookie: cookies.citizen });
    assert.equal(wallet.status, 200);
    assert.ok(wallet.body.items.some((i: { id: string }) => i.id === l.id));
    const mine = (await api(`/api/wallet/licences/${l.id}`, { cookie: cookies.citizen })).body;
    assert.equal(mine.holder.code, ID_NUMBER);
    assert.deepEqual(mine.fieldLabels, { category: '作业项目', birthDate: '出生日期' });
    assert.equal((await api('/api/wallet/licences', { cookie: cookies.citizen2 })).body.items.length, 0);
    assert.equal((await api(`/api/wallet/licences/${l.id}`, { cookie: cookies.citizen2 })).status, 404);
    assert.equal((await api(`/api/licences/${l.id}`, { cookie: cookies.hotline })).status, 404);
    assert.equal((await api('/api/licences', { cookie: cookies.hotline })).status, 403);
    assert.equal((await api('/api/wallet/licences', { cookie: cookies.approver })).status, 403);
    assert.equal((await api('/api/wallet/licences')).status, 401);
    assert.equal(mine.fields.birthDate, '1990-03-15');
    const staffView = (await api(`/api/licences/${l.id}`, { cookie: cookies.deptadmin })).body;
    assert.equal(staffView.holder.code, maskIdNumber(ID_NUMBER));
    assert.equal(staffView.fields.birthDate, '******', 'a field the type marks personal');
    assert.equal(staffView.fields.category, '叉车司机 N1', 'a field that is not personal');
    const list = await api('/api/licences?pageSize=100', { cookie: cookies.approver });
    assert.ok(list.body.items.some((i: { id: string }) => i.id === l.id));
    assert.ok(!JSON.stringify(list.body).includes(ID_NUMBER), 'no full ID number in the staff list');
    // staff find a licence by the holder's whole ID number (blind index), not by a part of it
    const byHolder = async (q: string, cookie = cookies.approver) => (await api(`/api/licences?q=${encodeURIComponent(q)}`, { cookie })).body.items.map((i: { id: string }) => i.id);
    assert.ok((await byHolder(ID_NUMBER)).includes(l.id));
    assert.ok((await byHolder(` ${ID_NUMBER.toLowerCase()} `)).includes(l.id), 'trimmed, x as X');
    assert.deepEqual(await byHolder(ID_NUMBER.slice(0, 14)), []);
    assert.deepEqual(await byHolder("' or 1=1 --"), []);
    // the clear document is the PDF: staff who take it are audited, the holder is not
    const auditsOf = async () =>
      (await server.ctx.db.query<{ actor_id: string }>(`select actor_id from audit_log where action = 'licence.pdf_read' and object_id = $1`, [l.id])).map((r) => r.actor_id);
    assert.equal((await fetch(`${server.url}/api/wallet/licences/${l.id}/pdf`, { headers: { cookie: cookies.citizen } })).status, 200);
    assert.deepEqual(await auditsOf(), []);
    assert.equal((await fetch(`${server.url}/api/licences/${l.id}/pdf`, { headers: { cookie: cookies.deptadmin } })).status, 200);
    assert.equal((await auditsOf()).length, 1);
    assert.equal((await fetch(`${server.url}/api/licences/${l.id}/pdf`, { headers: { cookie: cookies.hotline } })).status, 404);
    assert.equal((await auditsOf()).length, 1);
    assert.equal(
      (await api(`/api/wallet/licences/${l.id}/signed`, { cookie: cookies.deptadmin })).status,
      403,
      'signed export is for the holder',
    );
    const foreign = await api(`/api/wallet/licences/${l.id}/presentations`, {
      method: 'POST',
      cookie: cookies.citizen2,
      body: { fields: [] },
    });
    assert.equal(foreign.status, 404);
  });

  test('verification by identifier: genuine and status, never holder data; bad identifiers are clear errors', async () => {
    const l = (await issue()).body;
    const res = await api(`/api/licences/verify?id=${l.identifier}`);
    assert.equal(res.status, 200);
    assert.equal(res.body.verdict, 'valid');
    assert.equal(res.body.genuine, true);
    assert.equal(res.body.issuerName, scjgj.name);
    assert.equal(res.body.disclosed, undefined);
    assert.ok(!JSON.stringify(res.body).includes(ID_NUMBER));

    const truncated = await api(`/api/licences/verify?id=${l.identifier.slice(0, -2)}`);
    assert.equal(truncated.status, 400);
    assert.equal(truncated.body.error.code, 'LICENCE_ID_INVALID');
    const check = l.identifier.at(-1) === 'A' ? 'B' : 'A';
    const wrongCheck = await api(`/api/licences/verify?id=${l.identifier.slice(0, -1)}${check}`);
    assert.deepEqual([wrongCheck.status, wrongCheck.body.error.details.problem], [400, 'check']);
    const unknown = await api(
      '/api/licences/verify?id=1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
    );
    assert.equal(unknown.body.verdict, 'not_found');
    const garbage = await api('/api/licences/verify', { method: 'POST', body: { payload: '%%% not a qr %%%' } });
    assert.deepEqual([garbage.status, garbage.body.error.code], [400, 'QR_PAYLOAD_INVALID']);
    const viaQrText = await api('/api/licences/verify', {
      method: 'POST',
      body: { payload: `https://other.example/verify?id=${l.identifier}` },
    });
    assert.equal(viaQrText.body.verdict, 'valid');
    assert.equal((await api('/api/licences/verify')).status, 400);
  });

  test('presentations: limited fields and time, single use; replayed, expired and forged tokens refused', async () => {
    const l = (await issue()).body;
    const p = await present(l.id, ['holderName', 'category'], { ttlSeconds: 60 });
    assert.match(p.url, /\/verify\?t=[A-Za-z0-9_-]{32}$/);
    assert.ok(!p.url.includes(ID_NUMBER) && !p.url.includes(encodeURIComponent(citizen.name)), 'no personal data in the QR');
    assert.match(p.qrSvg, /^<svg/);
    const seen = await api('/api/licences/verify', { method: 'POST', body: { payload: p.url } });
    assert.equal(seen.status, 200, JSON.stringify(seen.body));
    assert.equal(seen.body.verdict, 'valid');
    assert.deepEqual(seen.body.disclosed, {
      holderName: citizen.name,
      fields: { category: '叉车司机 N1' },
      fieldLabels: { category: '作业项目' },
    });
    const replay = await api(`/api/licences/verify?t=${p.token}`);
    assert.deepEqual([replay.status, replay.body.error.code], [410, 'PRESENTATION_USED']);

    const p2 = await present(l.id, ['holderCode']);
    await server.ctx.db.query(
      `update licence_presentation set expires_at = clock_now() - interval '1 second' where licence_id = $1 and once and used_at is null`,
      [l.id],
    );
    const expired = await api(`/api/licences/verify?t=${p2.token}`);
    assert.deepEqual([expired.status, expired.body.error.code], [410, 'PRESENTATION_EXPIRED']);
    const forged = await api(`/api/licences/verify?t=${'A'.repeat(32)}`);
    assert.deepEqual([forged.status, forged.body.error.code], [404, 'PRESENTATION_INVALID']);
    const junk = await api('/api/licences/verify?t=short');
    assert.deepEqual([junk.status, junk.body.error.code], [400, 'PRESENTATION_INVALID']);
    const badField = await api(`/api/wallet/licences/${l.id}/presentations`, {
      method: 'POST',
      cookie: cookies.citizen,
      body: { fields: ['password'] },
    });
    assert.equal(badField.status, 400);

    // The holder sees who used the licence and when.
    const uses = await api(`/api/wallet/licences/${l.id}/uses`, { cookie: cookies.citizen });
    assert.equal(uses.body.items.length, 1);
    assert.equal(uses.body.items[0].kind, 'presentation');
  });

  test('tampered data and a wrong issuer key are each reported as such', async () => {
    const a = (await issue()).body;
    const row = await server.ctx.db.one<{ document_enc: string }>('select document_enc from licence where id = $1', [a.id]);
    const doc = JSON.parse(pii.decrypt(row!.document_enc));
    doc.fields.category = '锅炉司炉 G1';
    await server.ctx.db.query('update licence set document_enc = $2 where id = $1', [a.id, pii.encrypt(JSON.stringify(doc))]);
    assert.equal((await api(`/api/licences/verify?id=${a.identifier}`)).body.verdict, 'tampered');

    // Re-signed with another department's seal: a valid SM2 signature, but not the issuer's key.
    const b = (await issue()).body;
    const rowB = await server.ctx.db.one<{ document_enc: string }>('select document_enc from licence where id = $1', [b.id]);
    const forged = await signWithSeal(
      server.ctx,
      systemActor('forger'),
      { departmentId: rsj.id },
      pii.decrypt(rowB!.document_enc),
    );
    await server.ctx.db.query('update licence set signature = $2, key_id = $3 where id = $1', [
      b.id,
      forged.signature,
      forged.keyId,
    ]);
    const wrong = await api(`/api/licences/verify?id=${b.identifier}`);
    assert.deepEqual([wrong.body.verdict, wrong.body.genuine], ['wrong_key', false]);
    await server.ctx.db.query(`update licence set key_id = '0000000000000000' where id = $1`, [b.id]);
    assert.equal((await api(`/api/licences/verify?id=${b.identifier}`)).body.verdict, 'wrong_key');
    // A changed validity date in the clear columns no longer matches the signed record.
    const c = (await issue()).body;
    await server.ctx.db.query(`update licence set valid_to = '2099-12-31' where id = $1`, [c.id]);
    assert.equal((await api(`/api/licences/verify?id=${c.identifier}`)).body.verdict, 'tampered');
  });

  test('statuses: suspended, restored, revoked, expired; wrong transitions refused', async () => {
    const l = (await issue()).body;
    const op = (body: Record<string, unknown>) =>
      api(`/api/licences/${l.id}/operations`, { method: 'POST', cookie: cookies.approver, body });
    const verdict = async () => (await api(`/api/licences/verify?id=${l.identifier}`)).body.verdict;
    let r = await op({ operation: '03', reason: '年检未通过', version: l.version });
    assert.equal(r.body.status, '02');
    assert.equal(await verdict(), 'suspended');
    r = await op({ operation: '06', reason: '整改完毕', version: r.body.version });
    assert.equal(await verdict(), 'valid');
    const bad = await op({ operation: '06', reason: 'x', version: r.body.version });
    assert.deepEqual([bad.status, bad.body.error.code], [409, 'LICENCE_STATUS_CONFLICT']);
    const noStatus = await op({ operation: '05', reason: 'x', version: r.body.version });
    assert.equal(noStatus.status, 400);
    assert.equal((await op({ operation: '03', reason: 'x', version: 1 })).body.error.code, 'VERSION_CONFLICT');
    await op({ operation: '05', status: '03', reason: '以欺骗手段取得', version: r.body.version });
    assert.equal(await verdict(), 'revoked');
    const ops = await api(`/api/licences/${l.id}/operations`, { cookie: cookies.approver });
    assert.deepEqual(
      ops.body.items.map((o: { operation: string }) => o.operation),
      ['01', '03', '06', '05'],
    );
    const byHolder = (cookie: string) =>
      api(`/api/licences/${l.id}/operations`, { method: 'POST', cookie, body: { operation: '03', reason: 'x', version: 1 } });
    assert.equal((await byHolder(cookies.citizen)).status, 403, 'the holder reads but cannot change');
    assert.equal((await byHolder(cookies.citizen2)).status, 404, 'others do not even see it');

    const old = (await issue({ validFrom: '2020-01-01', validTo: '2021-12-31' })).body;
    assert.equal((await api(`/api/licences/verify?id=${old.identifier}`)).body.verdict, 'expired');
  });

  test('renewal and change: new version with the related identifier; rotation keeps old licences valid', async () => {
    const l = (await issue()).body;
    const sealId = l.sealId;
    const seal = (await api(`/api/seals/${sealId}`, { cookie: cookies.admin })).body;
    const rotated = await api(`/api/seals/${sealId}/rotate`, {
      method: 'POST',
      cookie: cookies.admin,
      body: { version: seal.version },
    });
    assert.equal(rotated.status, 200);
    assert.equal((await api(`/api/licences/verify?id=${l.identifier}`)).body.verdict, 'valid', 'signed under the retired key');

    const renewed = await api(`/api/licences/${l.id}/reissue`, {
      method: 'POST',
      cookie: cookies.approver,
      body: { operation: '02', version: l.version },
    });
    assert.equal(renewed.status, 201, JSON.stringify(renewed.body));
    assert.equal(renewed.body.relatedIdentifier, l.identifier);
    assert.equal(renewed.body.operation, '02');
    assert.equal(renewed.body.keyId, rotated.body.currentKeyId);
    const [p, first] = [parseLicenceId(renewed.body.identifier), parseLicenceId(l.identifier)];
    assert.ok(p.ok && first.ok);
    assert.deepEqual([p.serial, p.version], [first.serial, 2], 'same serial, next version');
    assert.equal((await api(`/api/licences/verify?id=${l.identifier}`)).body.verdict, 'invalid');
    const again = await api(`/api/licences/${l.id}/reissue`, {
      method: 'POST',
      cookie: cookies.approver,
      body: { operation: '02', version: l.version + 1 },
    });
    assert.equal(again.status, 409);
    const changed = await api(`/api/licences/${renewed.body.id}/reissue`, {
      method: 'POST',
      cookie: cookies.approver,
      body: { operation: '09', fields: { category: '叉车司机 N2' }, version: renewed.body.version },
    });
    assert.equal(changed.status, 201);
    assert.equal(changed.body.fields.category, '叉车司机 N2');
    assert.equal(changed.body.validTo, renewed.body.validTo, 'a change keeps the validity');
    assert.equal((parseLicenceId(changed.body.identifier) as { version: number }).version, 3);
  });

  test('bulk import (CSV and xlsx) with a validation report; duplicate identifiers refused', async () => {
    const existing = (await issue()).body.identifier;
    const okId = (await import('../../src/modules/license/identifier.ts')).buildLicenceId({
      typeCode: personType.code,
      issuerUscc: scjgj.uscc,
      serial: 'IMP0001',
      version: 1,
    });
    const csv = [
      '证照标识,持证人,公民身份号码,作业项目,出生日期,有效期起,有效期止',
      `${okId},张三,${demoIdNumber('445302000000', '19800101', 1)},"电梯安全管理, A",1980-01-01,2024-01-01,2028-12-31`,
      `,李四,${demoIdNumber('445302000000', '19820202', 2)},起重机司机,,,`,
    ].join('\n');
    const body = { typeId: personType.id, departmentId: scjgj.id, format: 'csv', content: csv };
    const dry = await api('/api/licences/import', { method: 'POST', cookie: cookies.approver, body: { ...body, dryRun: true } });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual([dry.body.ok, dry.body.rows, dry.body.issued.length], [true, 2, 2]);
    assert.equal((await api(`/api/licences/verify?id=${okId}`)).body.verdict, 'not_found', 'a dry run stores nothing');
    const done = await api('/api/licences/import', { method: 'POST', cookie: cookies.approver, body });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.issued[0].identifier, okId);
    assert.equal((await api(`/api/licences/verify?id=${okId}`)).body.verdict, 'valid');

    const bad = [
      '证照标识,持证人,公民身份号码,作业项目,有效期起,发证日期',
      `${existing},王五,${demoIdNumber('445302000000', '19850505', 3)},焊工`,
      `,赵六,123,焊工`,
      `,钱七,${demoIdNumber('445302000000', '19860606', 4)},`,
      `${okId.slice(0, -1)}0,孙八,${demoIdNumber('445302000000', '19870707', 5)},焊工`,
      `,吴十,${demoIdNumber('445302000000', '19890909', 7)},焊工,2024-13-45`,
      `,郑一,${demoIdNumber('445302000000', '19900101', 8)},焊工,,2024-02-30`,
    ].join('\n');
    const refused = await api('/api/licences/import', {
      method: 'POST',
      cookie: cookies.approver,
      body: { ...body, content: bad },
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'LICENCE_IMPORT_INVALID');
    const errors = refused.body.error.details.errors.map((e: { row: number; code: string; field?: string }) => [
      e.row,
      e.code,
      e.field ?? '',
    ]);
    assert.deepEqual(
      errors.map((e: unknown[]) => e.slice(0, 2)),
      [
        [2, 'LICENCE_ID_TAKEN'],
        [3, 'VALIDATION_FAILED'],
        [4, 'VALIDATION_FAILED'],
        [5, 'LICENCE_ID_INVALID'],
        [6, 'VALIDATION_FAILED'],
        [7, 'VALIDATION_FAILED'],
      ],
    );
    const unknownColumn = await api('/api/licences/import', {
      method: 'POST',
      cookie: cookies.approver,
      body: { ...body, content: '颜色\n红' },
    });
    assert.equal(unknownColumn.status, 400);

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('证照');
    sheet.addRow(['holderName', 'holderCode', 'category']);
    sheet.addRow(['周九', demoIdNumber('445302000000', '19880808', 6), '场内机动车辆']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const viaXlsx = await api('/api/licences/import', {
      method: 'POST',
      cookie: cookies.approver,
      body: { ...body, format: 'xlsx', content: xlsx },
    });
    assert.equal(viaXlsx.status, 200, JSON.stringify(viaXlsx.body));
    assert.equal(viaXlsx.body.issued.length, 1);
    const notXlsx = await api('/api/licences/import', {
      method: 'POST',
      cookie: cookies.approver,
      body: { ...body, format: 'xlsx', content: 'bm90IGEgemlw' },
    });
    assert.equal(notXlsx.status, 400);
    assert.equal((await api('/api/licences/import', { method: 'POST', cookie: cookies.hotline, body })).status, 403);
  });

  test('the PDF shows the Chinese text, the red seal, the identifier and a QR (rendered with pdftoppm)', async () => {
    const l = (await issue()).body;
    const res = await fetch(`${server.url}/api/wallet/licences/${l.id}/pdf`, { headers: { cookie: cookies.citizen } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const file = join(dir, 'licence.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    for (const s of ['特种设备作业人员证', citizen.name, '叉车司机', scjgj.name, '扫码核验'])
      assert.ok(text.includes(s), `PDF text has ${s}`);
    assert.ok(text.replace(/\s+/g, '').includes(l.identifier), 'identifier printed');
    execFileSync('pdftoppm', ['-r', '50', '-singlefile', file, join(dir, 'page')]);
    const ink = inkStats(readPpm(readFileSync(join(dir, 'page.ppm'))));
    assert.ok(ink.red > 1500, `red pixels ${ink.red}`);
    assert.ok(ink.dark > 3000, `dark pixels ${ink.dark}`);
    const results = new URL('../../test-results/', import.meta.url).pathname;
    mkdirSync(results, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', file, join(results, 'licence-pdf')]);
    assert.equal(
      (await fetch(`${server.url}/api/wallet/licences/${l.id}/pdf`, { headers: { cookie: cookies.citizen2 } })).status,
      404,
    );
  });

  test('W3C VC export: Data Integrity proof with the seal key, checked by us and by openssl; tampering detected', async () => {
    const l = (await issue()).body;
    const res = await api(`/api/wallet/licences/${l.id}/vc`, { cookie: cookies.citizen });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const vc = res.body;
    assert.deepEqual(vc['@context'], ['https://www.w3.org/ns/credentials/v2']);
    assert.deepEqual(vc.type, ['VerifiableCredential', 'ELicenceCredential']);
    assert.equal(vc.credentialSubject.licence.identifier, l.identifier);
    assert.equal(vc.proof.type, 'DataIntegrityProof');
    assert.equal(vc.proof.cryptosuite, 'yiwang-sm2-jcs-2026');
    const checked = await api('/api/licences/vc/verify', { method: 'POST', body: { credential: vc } });
    assert.deepEqual(checked.body, { verified: true, keyId: l.keyId, verdict: 'valid' });

    // Offline, by the documented recipe: SM3(JCS(proof config)) ‖ SM3(JCS(credential)), SM2 with openssl.
    const { proof, ...credential } = vc;
    const { proofValue, ...config } = proof;
    const hashData = Buffer.concat([
      Buffer.from(sm3Hex(canonicalJson({ '@context': credential['@context'], ...config })), 'hex'),
      Buffer.from(sm3Hex(canonicalJson(credential)), 'hex'),
    ]);
    const keyId = config.verificationMethod.split('#')[1];
    const pub = join(dir, 'vc-pub.pem');
    writeFileSync(pub, (await api(`/api/seals/public-keys?keyId=${keyId}`)).body.items[0].publicKeyPem);
    writeFileSync(join(dir, 'vc.bin'), hashData);
    writeFileSync(join(dir, 'vc.sig'), Buffer.from(proofValue.slice(1), 'base64url'));
    const ok = spawnSync(OPENSSL, [
      'pkeyutl',
      '-verify',
      '-rawin',
      '-digest',
      'sm3',
      '-pkeyopt',
      'distid:1234567812345678',
      '-pubin',
      '-inkey',
      pub,
      '-in',
      join(dir, 'vc.bin'),
      '-sigfile',
      join(dir, 'vc.sig'),
    ]);
    assert.equal(ok.status, 0, ok.stderr.toString());

    const tampered = structuredClone(vc);
    tampered.credentialSubject.name = '冒名者';
    assert.deepEqual((await api('/api/licences/vc/verify', { method: 'POST', body: { credential: tampered } })).body, {
      verified: false,
      reason: 'BAD_SIGNATURE',
      keyId,
    });
    const { proof: _p, ...bare } = vc;
    assert.equal((await api('/api/licences/vc/verify', { method: 'POST', body: { credential: bare } })).body.reason, 'MALFORMED');
    assert.equal((await api(`/api/wallet/licences/${l.id}/vc`, { cookie: cookies.approver })).status, 403);
    assert.equal((await api(`/api/wallet/licences/${l.id}/vc`, { cookie: cookies.citizen2 })).status, 404);
  });

  test('indicator inputs: licences issued and used per period and department', async () => {
    const res = await api('/api/licences/stats', { cookie: cookies.leader });
    assert.equal(res.status, 200);
    assert.ok(res.body.totals.issued >= 10);
    assert.ok(res.body.totals.uses >= 1);
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
      .format(clock.now())
      .slice(0, 7);
    assert.ok(
      res.body.issued.some((r: { departmentId: string; period: string }) => r.departmentId === scjgj.id && r.period === month),
    );
    // The cases module records that a case used a licence (免提交): counted per service item.
    const l = (await issue()).body;
    await recordLicenceUse(server.ctx, systemActor('cases'), {
      identifier: l.identifier,
      kind: 'case',
      purpose: '材料免提交',
      caseId: 'C-1',
      itemCode: 'ITEM-A',
    });
    await recordLicenceUse(server.ctx, systemActor('cases'), {
      identifier: l.identifier,
      kind: 'case',
      purpose: '材料免提交',
      caseId: 'C-2',
      itemCode: 'ITEM-A',
    });
    const withCases = await api('/api/licences/stats', { cookie: cookies.leader });
    assert.deepEqual(
      withCases.body.caseUse.find((r: { period: string }) => r.period === month),
      { period: month, items: 1, cases: 2 },
    );
    await assert.rejects(
      recordLicenceUse(server.ctx, systemActor('cases'), { identifier: '1.2.156.3005.2.x', kind: 'case', purpose: 'x' }),
      (e: { code?: string }) => e.code === 'NOT_FOUND',
    );
    const none = await api('/api/licences/stats?from=2000-01-01&to=2000-12-31', { cookie: cookies.leader });
    assert.equal(none.body.totals.issued, 0);
    assert.equal((await api('/api/licences/stats', { cookie: cookies.approver })).status, 403);
  });
});
