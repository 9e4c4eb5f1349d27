// Issue #13 point 8: becoming an enterprise's legal representative needs proof (a legal-entity
// registry match, or documents checked in person at a window); until then the enterprise's
// licences, cases and payment notices stay hidden from the claimant and from any agent.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/kernel/actor.ts';
import { migrationSources } from '../../src/kernel/bootstrap.ts';
import { migrate } from '../../src/kernel/migrate.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { actingOptions, addLegalEntityRecords, createPerson } from '../../src/modules/identity/index.ts';
import { MODULES } from '../../src/modules/index.ts';
import { issueLicence } from '../../src/modules/license/index.ts';
import { demoLicenseTypeCode } from '../../src/seed/catalog-data.ts';
import { demoEnterpriseUscc } from '../../src/seed/demo-city.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { signIn } from '../support/browserless.ts';
import { emptyDb } from '../support/db.ts';
import { CITIZEN_PASSWORD, IMMEDIATE } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';
import * as clock from '../../src/kernel/clock.ts';

let server: TestServer;
let county: string;
let scjgj: string;
const cookies = {} as Record<'admin' | 'clerk' | 'approver' | 'deptadmin' | 'luodingClerk' | 'chen' | 'li', string>;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const pii = () => personalData(server.ctx.config.masterKey);
const PASSWORD = 'Cloud-Stone-2026';
let phoneSeq = 0;

before(async () => {
  server = await startTestServer();
  county = (await server.ctx.db.one<{ region_code: string }>("select region_code from person where name = '陈小云'"))!.region_code;
  for (const who of ['admin', 'clerk', 'approver', 'deptadmin'] as const) cookies[who] = await server.login(who);
  cookies.chen = await server.login('13800000001', CITIZEN_PASSWORD);
  cookies.li = await server.login('13800000002', CITIZEN_PASSWORD);
  cookies.luodingClerk = await addStaff(server, cookies.admin, 'ldclerk', '云浮市市场监督管理局', { role: 'window_clerk', regionCode: '445381000000', sameDepartment: false });
  scjgj = (await api('/api/auth/me', { cookie: cookies.approver })).body.user.departmentId;
});
after(() => server.close());

/** A level-2 citizen of the demo county with a fresh ID number, signed in. */
async function citizen(name: string, seq: number) {
  const idNumber = demoIdNumber(county, '19870412', seq);
  const phone = `1370000${String(1000 + ++phoneSeq).padStart(4, '0')}`;
  const id = await createPerson(server.ctx.db, pii(), systemActor('test'), { name, idNumber, phone, password: PASSWORD, regionCode: county, assuranceLevel: 2, levelSource: 'seed', phoneVerified: true });
  return { id, name, idNumber, phone, cookie: await server.login(phone, PASSWORD) };
}

/** A 营业执照 issued to a USCC, as market regulation issues it whether or not anyone registered the enterprise here. */
const businessLicence = (uscc: string, name: string) =>
  issueLicence(server.ctx, systemActor('cases'), {
    typeCode: demoLicenseTypeCode('营业执照'),
    departmentId: scjgj,
    holder: { kind: 'enterprise', name, code: uscc },
    fields: { legalRepresentative: '某某', entityAddress: '云浮市云城区' },
  });

const register = (cookie: string, uscc: string, name = '云浮市测试贸易有限公司') => api('/api/identity/enterprises', { method: 'POST', cookie, body: { uscc, name } });
const walletIds = async (cookie: string) => ((await api('/api/wallet/licences?pageSize=100', { cookie })).body.items as { id: string }[]).map((l) => l.id);
const actAs = (cookie: string, enterpriseId: string | null) => api('/api/auth/act-as', { method: 'POST', cookie, body: { enterpriseId } });
const enterpriseCount = async () => (await server.ctx.db.one<{ n: number }>('select count(*)::int as n from enterprise'))!.n;
const auditOf = (enterpriseId: string, action: string) =>
  server.ctx.db.query<{ actor_kind: string; actor_id: string; details: Record<string, unknown> }>(
    'select actor_kind, actor_id, details from audit_log where object_type = $1 and object_id = $2 and action = $3 order by seq',
    ['enterprise', enterpriseId, action],
  );
const verify = (cookie: string, enterpriseId: string, body: Record<string, unknown>) =>
  api(`/api/identity/enterprises/${enterpriseId}/legal-rep/verify-in-person`, { method: 'POST', cookie, body });

describe('registration against the legal-entity registry', () => {
  test('a registry match is proven at once: the legal representative acts for it and sees its licences', async () => {
    const uscc = demoEnterpriseUscc(county, 2); // the demo registry names 陈小云
    const licence = await businessLicence(uscc, '云浮市小云茶饮有限公司');
    const res = await register(cookies.chen, uscc, '小云茶饮');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual({ ...res.body, id: undefined }, { id: undefined, legalRep: 'proven', pendingReason: null });
    const row = await server.ctx.db.one<{ name: string; legal_rep_proof: string; legal_rep_proven_at: Date | null }>('select name, legal_rep_proof, legal_rep_proven_at from enterprise where id = $1', [res.body.id]);
    assert.equal(row!.name, '云浮市小云茶饮有限公司', "the registry's name, not the typed one");
    assert.equal(row!.legal_rep_proof, 'registry');
    assert.ok(row!.legal_rep_proven_at);
    const proven = await auditOf(res.body.id, 'enterprise.legal_rep_proven');
    assert.equal(proven.length, 1);
    assert.equal(proven[0]!.details.proof, 'registry');

    assert.equal((await actAs(cookies.chen, res.body.id)).status, 200);
    const me = (await api('/api/auth/me', { cookie: cookies.chen })).body.user;
    assert.equal(me.actingFor.role, 'legal_rep');
    assert.ok((await walletIds(cookies.chen)).includes(licence.id));
    assert.equal((await actAs(cookies.chen, null)).status, 200);
    assert.equal((await register(cookies.chen, uscc)).body.error.code, 'ENTERPRISE_EXISTS');
  });

  test('the attack: a random checksum-valid USCC is only pending, and nothing of that enterprise shows', async () => {
    const attacker = await citizen('赵冒名', 1);
    const uscc = demoEnterpriseUscc(county, 60); // unknown to the registry
    const licence = await businessLicence(uscc, '云浮市他人实业有限公司');
    const res = await register(attacker.cookie, uscc, '云浮市他人实业有限公司');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.legalRep, 'pending');
    assert.equal(res.body.pendingReason, 'not_in_registry');
    const enterpriseId = res.body.id as string;
    // the market regulator bills the enterprise: the notice must not reach the claimant either
    const notice = await api('/api/payment/notices', {
      method: 'POST',
      cookie: cookies.clerk,
      body: { payerEnterpriseId: enterpriseId, payerName: '云浮市他人实业有限公司', departmentId: scjgj, itemCode: 'TEST-ITEM', dueDate: clock.today(), lines: [{ name: '登记费', unitFen: 5000, quantity: 1 }] },
    });
    assert.equal(notice.status, 201, JSON.stringify(notice.body));

    const me = (await api('/api/identity/me', { cookie: attacker.cookie })).body;
    assert.deepEqual(me.enterprises, [], 'nothing to act for');
    assert.deepEqual(me.pendingEnterprises.map((e: { enterpriseId: string; uscc: string }) => [e.enterpriseId, e.uscc]), [[enterpriseId, uscc]]);
    assert.deepEqual(await actingOptions(server.ctx.db, attacker.id), []);
    const switched = await actAs(attacker.cookie, enterpriseId);
    assert.equal(switched.status, 403);
    assert.equal((await api('/api/auth/me', { cookie: attacker.cookie })).body.user.actingFor, null);
    // licences, cases, payment notices: nothing of the enterprise
    assert.equal((await walletIds(attacker.cookie)).includes(licence.id), false);
    assert.equal((await api(`/api/wallet/licences/${licence.id}`, { cookie: attacker.cookie })).status, 404);
    assert.equal((await api('/api/cases/mine?pageSize=100', { cookie: attacker.cookie })).body.items.length, 0);
    const notices = await api('/api/payment/notices?pageSize=100', { cookie: attacker.cookie });
    assert.equal(notices.status, 200);
    assert.equal(notices.body.items.some((n: { id: string }) => n.id === notice.body.id), false);
    assert.ok([403, 404].includes((await api(`/api/payment/notices/${notice.body.id}`, { cookie: attacker.cookie })).status));
    // nor can the claimant hand the enterprise to an accomplice
    const accomplice = await citizen('钱帮手', 2);
    const grant = await api(`/api/identity/enterprises/${enterpriseId}/agents`, {
      method: 'POST',
      cookie: attacker.cookie,
      body: { phone: accomplice.phone, scope: 'all', expiresAt: new Date(clock.nowMs() + 30 * 86_400_000).toISOString() },
    });
    assert.equal(grant.status, 403);
    // a window does not take the claimant for the enterprise either
    const window = await api(`/api/cases/window/applicant?uscc=${uscc}`, { cookie: cookies.clerk });
    assert.equal(window.status, 404);
  });

  test('the registry naming someone else, or a deregistered enterprise, is refused with nothing written', async () => {
    const chen = { name: '陈小云', idNumber: demoIdNumber(county, '19900315', 0) };
    const uscc = demoEnterpriseUscc(county, 61);
    await addLegalEntityRecords(server.ctx.db, pii(), [{ uscc, name: '云浮市陈氏石材有限公司', legalRepName: chen.name, legalRepIdNumber: chen.idNumber }]);
    const before = await enterpriseCount();
    const other = await register(cookies.li, uscc);
    assert.equal(other.status, 409);
    assert.equal(other.body.error.code, 'LEGAL_REP_MISMATCH');
    // the demo enterprise (李浮生's) cannot be claimed by its agent
    assert.equal((await register(cookies.chen, demoEnterpriseUscc(county, 1))).status, 409);
    const cancelled = await register(cookies.chen, demoEnterpriseUscc(county, 3)); // 注销 in the demo registry
    assert.equal(cancelled.status, 409);
    assert.equal(cancelled.body.error.code, 'ENTERPRISE_NOT_ACTIVE');
    assert.equal(cancelled.body.error.details.status, 'cancelled');
    assert.equal(await enterpriseCount(), before);
    const en = await api('/api/identity/enterprises', { method: 'POST', cookie: cookies.li, lang: 'en-US', body: { uscc, name: 'x公司' } });
    assert.match(en.body.error.message, /registry names someone else/);

    // the same ID number under another name: a window decides
    const renamed = demoEnterpriseUscc(county, 62);
    await addLegalEntityRecords(server.ctx.db, pii(), [{ uscc: renamed, name: '云浮市改名测试有限公司', legalRepName: '陈晓云', legalRepIdNumber: chen.idNumber }]);
    const pending = await register(cookies.chen, renamed);
    assert.equal(pending.status, 201);
    assert.deepEqual([pending.body.legalRep, pending.body.pendingReason], ['pending', 'name_mismatch']);
  });

  test('a pending claim gives way to a registry match, and a registry record arriving later proves a pending claim', async () => {
    const squatter = await citizen('孙抢注', 3);
    const owner = await citizen('周真主', 4);
    const uscc = demoEnterpriseUscc(county, 63);
    const claimed = await register(squatter.cookie, uscc);
    assert.equal(claimed.body.legalRep, 'pending');
    // the owner is not in the registry yet either: the squatter's claim stands until a window decides
    const blocked = await register(owner.cookie, uscc);
    assert.equal(blocked.status, 409);
    assert.equal(blocked.body.error.code, 'ENTERPRISE_CLAIM_PENDING');
    await addLegalEntityRecords(server.ctx.db, pii(), [{ uscc, name: '云浮市真主贸易有限公司', legalRepName: owner.name, legalRepIdNumber: owner.idNumber }]);
    assert.equal((await api('/api/identity/me', { cookie: squatter.cookie })).body.pendingEnterprises.length, 1, 'the registry does not prove the squatter');
    const taken = await register(owner.cookie, uscc);
    assert.equal(taken.status, 201, JSON.stringify(taken.body));
    assert.equal(taken.body.id, claimed.body.id);
    assert.equal(taken.body.legalRep, 'proven');
    assert.deepEqual((await api('/api/identity/me', { cookie: squatter.cookie })).body.pendingEnterprises, []);
    const replaced = await auditOf(claimed.body.id, 'enterprise.legal_rep_replaced');
    assert.equal(replaced[0]!.details.previous, squatter.id);
    assert.equal((await actAs(owner.cookie, claimed.body.id)).status, 200);

    const early = await citizen('吴先到', 5);
    const code = demoEnterpriseUscc(county, 64);
    const first = await register(early.cookie, code);
    assert.equal(first.body.legalRep, 'pending');
    const sync = await addLegalEntityRecords(server.ctx.db, pii(), [{ uscc: code, name: '云浮市先到有限公司', legalRepName: early.name, legalRepIdNumber: early.idNumber }]);
    assert.deepEqual(sync, { proven: 1 });
    assert.equal((await actAs(early.cookie, first.body.id)).status, 200);
    const audit = await auditOf(first.body.id, 'enterprise.legal_rep_proven');
    assert.deepEqual([audit[0]!.actor_kind, audit[0]!.actor_id, audit[0]!.details.proof], ['system', 'legal-entity-registry', 'registry']);
  });
});

describe('verification in person at a window (法定代表人现场核验)', () => {
  test('a clerk of the region proves a pending representation; others are refused; audited', async () => {
    const claimant = await citizen('郑现场', 6);
    const stranger = await citizen('冯路人', 7);
    const uscc = demoEnterpriseUscc(county, 65);
    const licence = await businessLicence(uscc, '云浮市现场核验有限公司');
    const reg = await register(claimant.cookie, uscc, '云浮市现场核验有限公司');
    assert.equal(reg.body.legalRep, 'pending');
    const id = reg.body.id as string;

    const found = await api(`/api/identity/legal-reps?uscc=${uscc}`, { cookie: cookies.clerk });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.equal(found.body.enterpriseId, id);
    assert.equal(found.body.status, 'pending');
    assert.equal(found.body.legalRep.name, '郑现场');
    assert.match(found.body.legalRep.idNumber, /\*{6,}/, 'masked for the clerk');
    assert.equal((await api(`/api/identity/legal-reps?uscc=${uscc}`, { cookie: cookies.luodingClerk })).body.error.code, 'ENTERPRISE_NOT_FOUND');
    for (const cookie of [cookies.approver, cookies.deptadmin, claimant.cookie]) {
      assert.equal((await api(`/api/identity/legal-reps?uscc=${uscc}`, { cookie })).status, 403);
    }
    assert.equal((await api(`/api/identity/legal-reps?uscc=${uscc}`)).status, 401);
    assert.equal((await api('/api/identity/legal-reps?uscc=123', { cookie: cookies.clerk })).body.error.code, 'USCC_INVALID');

    // refusals leave it pending
    const good = { idNumber: claimant.idNumber, note: '核对营业执照正本及身份证原件' };
    for (const [cookie, status] of [[cookies.approver, 403], [cookies.deptadmin, 403], [claimant.cookie, 403], [cookies.luodingClerk, 403], ['', 401]] as const) {
      assert.equal((await verify(cookie, id, good)).status, status);
    }
    const wrong = await verify(cookies.clerk, id, { idNumber: stranger.idNumber });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.code, 'IDENTITY_MISMATCH');
    const badCheck = claimant.idNumber.slice(0, 17) + (claimant.idNumber.endsWith('0') ? '1' : '0');
    assert.equal((await verify(cookies.clerk, id, { idNumber: badCheck })).body.error.code, 'ID_NUMBER_INVALID');
    assert.equal((await verify(cookies.clerk, id, { ...good, windowId: '00000000-0000-7000-8000-000000000001' })).body.error.code, 'WINDOW_UNKNOWN');
    assert.equal((await verify(cookies.clerk, id, { ...good, extra: 1 })).status, 400);
    assert.equal((await verify(cookies.clerk, '00000000-0000-7000-8000-000000000002', good)).status, 404);
    assert.equal((await actAs(claimant.cookie, id)).status, 403);
    assert.deepEqual(await auditOf(id, 'enterprise.legal_rep_proven'), []);

    const ok = await verify(cookies.clerk, id, good);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual([ok.body.status, ok.body.proof], ['proven', 'window']);
    const clerkId = (await api('/api/auth/me', { cookie: cookies.clerk })).body.user.id;
    const row = await server.ctx.db.one<{ legal_rep_proven_by: string; legal_rep_proof_note: string }>('select legal_rep_proven_by, legal_rep_proof_note from enterprise where id = $1', [id]);
    assert.deepEqual({ ...row }, { legal_rep_proven_by: clerkId, legal_rep_proof_note: good.note });
    const audit = await auditOf(id, 'enterprise.legal_rep_proven');
    assert.equal(audit.length, 1);
    assert.deepEqual([audit[0]!.actor_kind, audit[0]!.actor_id, audit[0]!.details.proof, audit[0]!.details.note], ['staff', clerkId, 'window', good.note]);
    assert.equal((await verify(cookies.clerk, id, good)).body.error.code, 'LEGAL_REP_ALREADY_PROVEN');

    assert.equal((await actAs(claimant.cookie, id)).status, 200);
    assert.ok((await walletIds(claimant.cookie)).includes(licence.id));
  });

  test('the person with the documents replaces an unproven claimant only when the clerk says so; the old claim\'s agents go', async () => {
    const squatter = await citizen('褚抢先', 8);
    const helper = await citizen('卫帮手', 9);
    const owner = await citizen('蒋真人', 10);
    const uscc = demoEnterpriseUscc(county, 66);
    const reg = await register(squatter.cookie, uscc);
    const id = reg.body.id as string;
    // an agent row written under the unproven claim (as an older version allowed)
    await server.ctx.db.query(
      `insert into enterprise_agent (id, enterprise_id, person_id, is_admin, scope, expires_at, granted_by) values (gen_random_uuid(), $1, $2, false, 'all', clock_now() + interval '1 year', $3)`,
      [id, helper.id, squatter.id],
    );
    assert.equal((await verify(cookies.clerk, id, { idNumber: owner.idNumber })).body.error.code, 'IDENTITY_MISMATCH');
    const ok = await verify(cookies.clerk, id, { idNumber: owner.idNumber, replaceClaimant: true, note: '营业执照载明法定代表人为蒋真人' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.legalRep.name, '蒋真人');
    const replaced = await auditOf(id, 'enterprise.legal_rep_replaced');
    assert.deepEqual([replaced[0]!.details.previous, replaced[0]!.details.agentsRevoked], [squatter.id, 1]);
    assert.equal((await actAs(owner.cookie, id)).status, 200);
    assert.equal((await actAs(squatter.cookie, id)).status, 403);
    assert.equal((await actAs(helper.cookie, id)).status, 403);
  });

  test('a window cannot override the registry: another legal representative there is refused', async () => {
    const claimant = await citizen('沈冒认', 11);
    const uscc = demoEnterpriseUscc(county, 67);
    const reg = await register(claimant.cookie, uscc);
    await addLegalEntityRecords(server.ctx.db, pii(), [{ uscc, name: '云浮市他人有限公司', legalRepName: '陈小云', legalRepIdNumber: demoIdNumber(county, '19900315', 0) }]);
    const res = await verify(cookies.clerk, reg.body.id, { idNumber: claimant.idNumber });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'LEGAL_REP_MISMATCH');
    assert.equal((await actAs(claimant.cookie, reg.body.id)).status, 403);
  });
});

describe('links registered before proof was required', () => {
  test("an enterprise whose representation is unproven hides its cases, licences and notices from its legal representative and agents until a window proves it", async () => {
    const enterprise = (await server.ctx.db.one<{ id: string; uscc: string }>("select id, uscc from enterprise where name like '%云石科技%'"))!;
    const agent = await signIn(server.url, '13800000001', CITIZEN_PASSWORD, { actAs: enterprise.id });
    const draft = await api('/api/cases', { method: 'POST', cookie: agent, body: { item: IMMEDIATE, formData: { entity_address: '云浮市云城区', legal_representative: '李浮生', reason: '遗失补领' } } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const caseId = draft.body.case.id as string;
    const notice = await api('/api/payment/notices', {
      method: 'POST',
      cookie: cookies.clerk,
      body: { payerEnterpriseId: enterprise.id, payerName: '云石科技', departmentId: scjgj, itemCode: 'TEST-ITEM', dueDate: clock.today(), lines: [{ name: '登记费', unitFen: 100, quantity: 1 }] },
    });
    assert.equal(notice.status, 201);
    const licences = await walletIds(agent);
    assert.ok(licences.length > 0, 'the seeded 营业执照');
    const sees = async (cookie: string) => ({
      cases: ((await api('/api/cases/mine?pageSize=100', { cookie })).body.items ?? []).some((c: { id: string }) => c.id === caseId),
      notices: ((await api('/api/payment/notices?pageSize=100', { cookie })).body.items ?? []).some((n: { id: string }) => n.id === notice.body.id),
      licences: (await walletIds(cookie)).some((id) => licences.includes(id)),
    });
    assert.deepEqual(await sees(agent), { cases: true, notices: true, licences: true });

    // what migration 009 makes of a link registered without proof
    await server.ctx.db.query('update enterprise set legal_rep_proof = null, legal_rep_proven_at = null where id = $1', [enterprise.id]);
    assert.equal((await api('/api/auth/me', { cookie: agent })).status, 401, 'the acting session ends');
    const chen = await server.login('13800000001', CITIZEN_PASSWORD);
    const li = await server.login('13800000002', CITIZEN_PASSWORD);
    for (const cookie of [chen, li]) {
      assert.equal((await actAs(cookie, enterprise.id)).status, 403);
      assert.deepEqual(await sees(cookie), { cases: false, notices: false, licences: false });
      assert.equal((await api(`/api/cases/${caseId}`, { cookie })).status, 404);
    }
    assert.equal((await api('/api/identity/me', { cookie: li })).body.pendingEnterprises[0].enterpriseId, enterprise.id);

    const liId = demoIdNumber(county, '19851102', 1);
    assert.equal((await verify(cookies.clerk, enterprise.id, { idNumber: liId })).status, 200);
    // the agent the proven legal representative had authorised acts again
    assert.equal((await actAs(chen, enterprise.id)).status, 200);
    assert.deepEqual(await sees(chen), { cases: true, notices: true, licences: true });
  });

  test('migration 009 leaves existing links pending; registry records arriving later prove the matching ones', async () => {
    const db = await emptyDb();
    // every source as it is (code steps included), but identity's without migration 009
    const sources = migrationSources(MODULES).map((source) => {
      if (source.name !== 'identity') return source;
      const copy = mkdtempSync(join(tmpdir(), 'yiwang-identity-'));
      for (const file of readdirSync(source.dir).filter((f) => !f.startsWith('009_'))) copyFileSync(join(source.dir, file), join(copy, file));
      return { ...source, dir: copy };
    });
    await migrate(db, sources);
    const p = personalData(server.ctx.config.masterKey);
    const people = [
      { id: '00000000-0000-7000-8000-00000000a001', name: '甲', idNumber: demoIdNumber('445302000000', '19800101', 1) },
      { id: '00000000-0000-7000-8000-00000000a002', name: '乙', idNumber: demoIdNumber('445302000000', '19800101', 2) },
    ];
    for (const x of people) {
      await db.query(`insert into person (id, name, id_number_enc, id_number_index, password_hash) values ($1, $2, $3, $4, 'x')`, [x.id, x.name, p.encrypt(x.idNumber), p.index(x.idNumber)]);
    }
    const [known, unknown] = [demoEnterpriseUscc('445302000000', 81), demoEnterpriseUscc('445302000000', 82)];
    await db.query(`insert into enterprise (id, uscc, name, legal_rep_person_id) values ('00000000-0000-7000-8000-00000000e001', $1, '甲公司', $2), ('00000000-0000-7000-8000-00000000e002', $3, '乙公司', $4)`, [known, people[0]!.id, unknown, people[1]!.id]);
    await db.query(`insert into enterprise_agent (id, enterprise_id, person_id, scope, expires_at, granted_by) values ('00000000-0000-7000-8000-00000000f001', '00000000-0000-7000-8000-00000000e001', $1, 'all', clock_now() + interval '1 year', $2)`, [people[1]!.id, people[0]!.id]);

    assert.deepEqual(await migrate(db, migrationSources(MODULES)), ['identity/009_legal_rep_proof.sql']);
    const rows = await db.query<{ uscc: string; legal_rep_proof: string | null }>('select uscc, legal_rep_proof from enterprise order by uscc');
    assert.deepEqual(rows.map((r) => r.legal_rep_proof), [null, null]);
    assert.deepEqual(await actingOptions(db, people[0]!.id), []);
    assert.deepEqual(await actingOptions(db, people[1]!.id), [], 'the agent of an unproven enterprise acts for nobody');

    assert.deepEqual(await addLegalEntityRecords(db, p, [{ uscc: known, name: '甲公司', legalRepName: '甲', legalRepIdNumber: people[0]!.idNumber }]), { proven: 1 });
    assert.deepEqual((await actingOptions(db, people[0]!.id)).map((o) => [o.uscc, o.role]), [[known, 'legal_rep']]);
    assert.deepEqual((await actingOptions(db, people[1]!.id)).map((o) => [o.uscc, o.role]), [[known, 'agent']]);
    const still = await db.one<{ legal_rep_proof: string | null }>('select legal_rep_proof from enterprise where uscc = $1', [unknown]);
    assert.equal(still!.legal_rep_proof, null);
    await db.close();
  });
});
