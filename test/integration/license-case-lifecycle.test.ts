// The licence follows the case: a 延续 or 变更 item makes a new version of the licence the
// applicant holds (never a silent 新发), and a broken 告知承诺 revokes what the case issued.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getVersionById } from '../../src/modules/catalog/index.ts';
import { verifyByIdentifier } from '../../src/modules/license/index.ts';
import { signIn } from '../support/browserless.ts';
import { publishItemVersion } from '../support/catalog.ts';
import { CITIZEN_PASSWORD as PASSWORD, CITY, IMMEDIATE, LT } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// IMMEDIATE (营业执照遗失补领、换发, 即办) has a 营业执照 result, which the demo enterprise holds.

let server: TestServer;
const cookies = {} as Record<'approver' | 'deptadmin' | 'dataofficer' | 'agent' | 'citizen', string>;
let enterpriseUscc = '';
let enterpriseForm: { entity_name: string; entity_uscc: string };
let baseContent: { result?: Record<string, unknown>; flags?: Record<string, unknown> };

const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const db = () => server.ctx.db;

type LicenceRow = {
  id: string;
  identifier: string;
  serial: string;
  version_no: number;
  status: string;
  operation: string;
  related_identifier: string | null;
  valid_from: string;
  valid_to: string | null;
  case_id: string | null;
  version: number;
};
const licenceCols = `id, identifier, serial, version_no, status, operation, related_identifier,
  to_char(valid_from, 'YYYY-MM-DD') as valid_from, to_char(valid_to, 'YYYY-MM-DD') as valid_to, case_id, version`;

/** The demo enterprise's 营业执照 in force. */
async function heldBusinessLicence(): Promise<LicenceRow> {
  const row = await db().one<{ id: string }>(
    `select l.id from licence l join licence_type t on t.id = l.type_id
      where t.code = $1 and l.holder_ref = $2 and l.status = '01' order by l.issued_at desc limit 1`,
    [LT.BUSINESS_LICENCE, enterpriseUscc],
  );
  return licenceById(row!.id);
}
async function licenceById(id: string): Promise<LicenceRow> {
  return (await db().one<LicenceRow>(`select ${licenceCols} from licence where id = $1`, [id]))!;
}
const count = async (sql: string, params: unknown[]) => (await db().one<{ n: number }>(sql, params))!.n;

/** The 即办 item with this result and commitment flag, published through the catalogue's review. */
const publishImmediate = (licenseOperation: '01' | '02' | '09', commitment = false) =>
  publishItemVersion(api, { deptadmin: cookies.deptadmin, dataofficer: cookies.dataofficer }, IMMEDIATE, {
    result: { ...baseContent.result, licenseTypeCode: LT.BUSINESS_LICENCE, licenseOperation },
    flags: { ...baseContent.flags, commitment },
  });

/** Applies for `item`, works every step to approval, delivers the events; returns the case id. */
async function applyAndApprove(cookie: string, item: string, formData: Record<string, unknown>, materials: string[], commitment = false): Promise<string> {
  const draft = await api('/api/cases', { method: 'POST', cookie, body: { item, formData } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const id = draft.body.case.id as string;
  for (const key of materials) assert.equal((await uploadMaterial(server, cookie, id, key)).status, 201);
  const submitted = await api(`/api/cases/${id}/submit`, { method: 'POST', cookie, body: { version: draft.body.case.version, ...(commitment ? { commitment } : {}) } });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  for (let i = 0; i < 10; i++) {
    const d = (await api(`/api/cases/${id}`, { cookie: cookies.approver })).body;
    if (!['submitted', 'processing'].includes(d.case.status)) break;
    const action = d.actions.includes('accept') ? 'accept' : 'approve';
    const res = await api(`/api/cases/${id}/actions/${action}`, { method: 'POST', cookie: cookies.approver, body: { version: d.case.version, opinion: '符合条件' } });
    assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
  }
  const done = (await api(`/api/cases/${id}`, { cookie: cookies.approver })).body.case;
  assert.deepEqual([done.status, done.outcome], ['completed', 'approved']);
  await server.deliverEvents();
  return id;
}

const replay = async (topic: string, caseId: string) => {
  await db().query(`update outbox_event set status = 'pending' where topic = $1 and payload->>'caseId' = $2`, [topic, caseId]);
  assert.ok((await server.deliverEvents()) >= 1);
};
const resultsOf = async (caseId: string) => (await api(`/api/cases/${caseId}/results`, { cookie: cookies.approver })).body;
const form = { legal_representative: '李浮生', entity_address: '云浮市云城区新城大道8号', reason: '毁损换发' };

before(async () => {
  server = await startTestServer();
  for (const u of ['approver', 'deptadmin', 'dataofficer'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', PASSWORD);
  const enterprise = (await db().one<{ id: string; uscc: string; name: string }>("select id, uscc, name from enterprise where name like '%云石科技%'"))!;
  enterpriseUscc = enterprise.uscc;
  enterpriseForm = { entity_name: enterprise.name, entity_uscc: enterprise.uscc };
  cookies.agent = await signIn(server.url, '13800000001', PASSWORD, { actAs: enterprise.id });
  baseContent = (await getVersionById(db(), (await api(`/api/catalog/published/${IMMEDIATE}`)).body.versionId))!.content as typeof baseContent;
  // a 营业执照 valid five years, so a renewal's new period differs from the long-term demo licence's
  await db().query(`update licence_type set validity = '{"years": 5}' where code = $1`, [LT.BUSINESS_LICENCE]);
});

after(() => server.close());

describe('延续 and 变更 from a completed case', () => {
  test('the catalogue validates the operation and asks for the licence type', async () => {
    const quality = (result: Record<string, unknown>) =>
      api('/api/catalog/quality', { method: 'POST', cookie: cookies.deptadmin, body: { content: { ...baseContent, result } } });
    const bad = await quality({ type: 'certificate', name: '营业执照', licenseTypeCode: LT.BUSINESS_LICENCE, licenseOperation: '03' });
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.equal(bad.body.error.details.field, 'content.result.licenseOperation');
    const noType = await quality({ type: 'certificate', name: '营业执照', licenseOperation: '02' });
    assert.equal(noType.status, 200, JSON.stringify(noType.body));
    assert.deepEqual(
      noType.body.errors.filter((e: { rule: string }) => e.rule === 'RESULT_LICENSE_OPERATION').map((e: { field: string; message: string }) => [e.field, e.message]),
      [['result.licenseTypeCode', '审批结果为延续或变更证照时，须填写证照类型代码']],
    );
    const ok = await quality({ type: 'certificate', name: '营业执照', licenseTypeCode: LT.BUSINESS_LICENCE, licenseOperation: '02' });
    assert.equal(ok.body.errors.length, 0, JSON.stringify(ok.body.errors));
  });

  test('renewal: same serial, version + 1, linked to the old one, which is 失效; new validity; signed', async () => {
    await publishImmediate('02');
    const old = await heldBusinessLicence();
    const caseId = await applyAndApprove(cookies.agent, IMMEDIATE, form, ['m1', 'm2']);
    const r = await resultsOf(caseId);
    assert.deepEqual(r.problems, []);
    const renewed = await licenceById(r.licence.id);
    assert.deepEqual(
      [renewed.serial, renewed.version_no, renewed.operation, renewed.related_identifier, renewed.status, renewed.case_id],
      [old.serial, old.version_no + 1, '02', old.identifier, '01', caseId],
    );
    // the case's results say what the new licence renews
    assert.deepEqual([r.licence.operation, r.licence.relatedIdentifier], ['02', old.identifier]);
    const records = (await api(`/api/cases/${caseId}/records`, { cookie: cookies.deptadmin })).body;
    assert.deepEqual([records.结果信息.结果证照名称, records.结果信息.结果证照编号], ['营业执照', renewed.identifier]);
    const today = renewed.valid_from;
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    assert.equal(renewed.valid_to, new Date(Date.UTC(y + 5, m - 1, d) - 86400_000).toISOString().slice(0, 10));
    assert.equal((await licenceById(old.id)).status, '05');
    const ops = await db().query<{ operation: string; status_from: string; status_to: string }>(
      'select operation, status_from, status_to from licence_operation where licence_id = $1 order by at, id',
      [old.id],
    );
    assert.deepEqual(ops.at(-1), { operation: '02', status_from: '01', status_to: '05' });

    const check = await verifyByIdentifier(server.ctx, renewed.identifier);
    assert.deepEqual([check.verdict, check.genuine], ['valid', true]);
    assert.equal((await verifyByIdentifier(server.ctx, old.identifier)).verdict, 'invalid');
    // the form's fields over the old ones: the new address, the business scope kept
    const wallet = (await api('/api/wallet/licences', { cookie: cookies.agent })).body.items as { id: string; fields: Record<string, unknown> }[];
    const fields = wallet.find((l) => l.id === renewed.id)!.fields;
    assert.equal(fields.entityAddress, '云浮市云城区新城大道8号');
    assert.match(String(fields.businessScope), /软件开发/);
    const audit = await count(`select count(*)::int as n from audit_log where object_id = $1 and action = 'licence.status'`, [old.id]);
    assert.equal(audit, 1, 'the old licence ending is audited');

    // the completion event again: nothing more
    await replay('cases.completed_at_acceptance', caseId);
    assert.equal(await count(`select count(*)::int as n from licence where serial = $1`, [old.serial]), old.version_no + 1);
    assert.equal(await count(`select count(*)::int as n from licence where case_id = $1`, [caseId]), 1);
  });

  test('the demo 企业变更登记 is a 变更: the validity is kept, the licence is the same one', async () => {
    const item = (await db().one<{ code: string }>(
      `select distinct i.code from catalog_item i join catalog_item_version v on v.item_id = i.id where v.name = '企业变更登记（备案）' and i.region_code = $1`,
      [CITY],
    ))!.code;
    assert.equal((await getVersionById(db(), (await api(`/api/catalog/published/${item}`)).body.versionId))!.content.result?.licenseOperation, '09');
    const old = await heldBusinessLicence();
    const caseId = await applyAndApprove(
      cookies.agent,
      item,
      { ...enterpriseForm, legal_representative: '陈小云', entity_address: '云浮市云城区星岩四路18号', change_items: '法定代表人', change_content: '法定代表人变更为陈小云' },
      ['m1', 'm2'],
    );
    const r = await resultsOf(caseId);
    assert.deepEqual(r.problems, [], JSON.stringify(r.problems));
    const changed = await licenceById(r.licence.id);
    assert.deepEqual(
      [changed.serial, changed.version_no, changed.operation, changed.related_identifier, changed.valid_from, changed.valid_to],
      [old.serial, old.version_no + 1, '09', old.identifier, old.valid_from, old.valid_to],
    );
    assert.deepEqual([r.licence.operation, r.licence.relatedIdentifier], ['09', old.identifier]);
    assert.equal((await licenceById(old.id)).status, '05');
    assert.equal((await verifyByIdentifier(server.ctx, changed.identifier)).verdict, 'valid');
  });

  test('no licence in force: a result problem staff see, no licence at all', async () => {
    await publishImmediate('02');
    // the citizen applying for herself holds no 营业执照
    const caseId = await applyAndApprove(cookies.citizen, IMMEDIATE, { ...form, entity_name: '云城区小云便利店', entity_uscc: '92445302MA4W000011' }, ['m1', 'm2']);
    const r = await resultsOf(caseId);
    assert.deepEqual(r.problems.map((p: { stage: string; code: string }) => [p.stage, p.code]), [['licence', 'LICENCE_CASE_NOT_HELD']]);
    assert.match(r.problems[0].details.message, /营业执照/);
    assert.equal(r.licence, null);
    assert.equal(await count('select count(*)::int as n from licence where case_id = $1', [caseId]), 0);
    assert.equal(await count(`select count(*)::int as n from audit_log where object_id = $1 and action = 'case.result_problem' and details->>'code' = 'LICENCE_CASE_NOT_HELD'`, [caseId]), 1);
    assert.deepEqual(r.documents.map((d: { kind: string }) => d.kind), ['approval'], 'the decision document is still made');
  });
});

describe('告知承诺不实: the licence is revoked', () => {
  let brokenCase = '';
  let issuedId = '';
  let renewedId = '';

  const check = (caseId: string, result: 'kept' | 'broken', opinion: string) =>
    api(`/api/cases/${caseId}/commitment-check`, { method: 'POST', cookie: cookies.approver, body: { result, opinion } });

  test('commitment broken: the case licence and its later renewal become 撤销, recorded, audited, verified as revoked', async () => {
    await publishImmediate('01', true);
    brokenCase = await applyAndApprove(cookies.agent, IMMEDIATE, form, ['m1', 'm2'], true);
    issuedId = (await resultsOf(brokenCase)).licence.id;
    const issued = await licenceById(issuedId);
    assert.deepEqual([issued.operation, issued.status], ['01', '01']);
    // renewed by staff before the verification: the renewal rests on the same approval
    const renewed = await api(`/api/licences/${issuedId}/reissue`, { method: 'POST', cookie: cookies.approver, body: { operation: '02', version: issued.version } });
    assert.equal(renewed.status, 201, JSON.stringify(renewed.body));
    renewedId = renewed.body.id;

    const res = await check(brokenCase, 'broken', '现场核查：经营场所与承诺不符');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await server.deliverEvents();

    assert.equal((await licenceById(issuedId)).status, '05', 'the superseded version stays 失效');
    const revoked = await licenceById(renewedId);
    assert.equal(revoked.status, '03');
    const ops = await db().query<{ operation: string; status_from: string; status_to: string; reason: string; actor_kind: string }>(
      `select operation, status_from, status_to, reason, actor_kind from licence_operation where licence_id = $1 and operation = '05'`,
      [renewedId],
    );
    assert.deepEqual(ops.map((o) => ({ ...o })), [
      { operation: '05', status_from: '01', status_to: '03', reason: '告知承诺不实：现场核查：经营场所与承诺不符', actor_kind: 'system' },
    ]);
    const audit = await db().one<{ actor_kind: string; details: Record<string, unknown> }>(
      `select actor_kind, details from audit_log where object_id = $1 and action = 'licence.status' order by at desc limit 1`,
      [renewedId],
    );
    assert.equal(audit!.details.to, '03');
    const verdict = await verifyByIdentifier(server.ctx, revoked.identifier);
    assert.deepEqual([verdict.verdict, verdict.genuine], ['revoked', true]);
    const publicCheck = await api(`/api/licences/verify?id=${encodeURIComponent(revoked.identifier)}`);
    assert.equal(publicCheck.status, 200);
    assert.equal(publicCheck.body.verdict, 'revoked');
  });

  test('the event delivered again changes nothing', async () => {
    await replay('cases.commitment_broken', brokenCase);
    assert.equal(await count(`select count(*)::int as n from licence_operation where licence_id = any($1) and operation = '05'`, [[issuedId, renewedId]]), 1);
    assert.equal((await licenceById(renewedId)).status, '03');
  });

  test('commitment kept: the licence stays in force', async () => {
    const caseId = await applyAndApprove(cookies.agent, IMMEDIATE, form, ['m1', 'm2'], true);
    const id = (await resultsOf(caseId)).licence.id;
    const res = await check(caseId, 'kept', '核查属实');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    await server.deliverEvents();
    const l = await licenceById(id);
    assert.equal(l.status, '01');
    assert.equal(await count(`select count(*)::int as n from licence_operation where licence_id = $1 and operation = '05'`, [id]), 0);
    assert.equal((await verifyByIdentifier(server.ctx, l.identifier)).verdict, 'valid');
  });
});
