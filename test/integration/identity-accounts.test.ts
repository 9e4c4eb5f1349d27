import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hash, type Algorithm } from '@node-rs/argon2';
import * as oidc from 'openid-client';
import { systemActor } from '../../src/kernel/actor.ts';
import { needsRehash } from '../../src/kernel/crypto/password.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { authenticate } from '../../src/modules/identity/login.ts';
import { addLegalEntityRecords, registerClient } from '../../src/modules/identity/index.ts';
import { demoEnterpriseUscc } from '../../src/seed/demo-city.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { CookieClient, csrfOf, nextTotpCode, rpSignIn, signIn } from '../support/browserless.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import * as clock from '../../src/kernel/clock.ts';

let server: TestServer;
let county: string;
const REDIRECT = 'https://rp.example.gov.cn/cb';
const secrets: Record<string, string> = {};
const PASSWORD = 'Yiwang@2026citizen';

before(async () => {
  server = await startTestServer();
  county = (await server.ctx.db.one<{ region_code: string }>("select region_code from person where name = '陈小云'"))!
    .region_code;
  for (const [clientId, level] of [
    ['rp-l1', 1],
    ['rp-l2', 2],
    ['rp-l3', 3],
  ] as const) {
    secrets[clientId] = (
      await registerClient(server.ctx, systemActor('cli'), {
        clientId,
        name: `业务系统${level}`,
        redirectUris: [REDIRECT],
        grantTypes: ['authorization_code'],
        scopes: ['openid', 'profile', 'yiwang'],
        minAssuranceLevel: level,
      })
    ).clientSecret;
  }
});
after(() => server.close());

/** The newest SMS the development inbox shows for a phone (after the outbox delivered it). */
async function latestCode(phone: string): Promise<string> {
  await server.deliverEvents();
  const inbox = await server.api(`/api/dev/sms?phone=${phone}`);
  assert.equal(inbox.status, 200);
  const code = /(\d{6})/.exec(inbox.body.items[0]?.text ?? '')?.[1];
  assert.ok(code, `no code for ${phone}: ${JSON.stringify(inbox.body)}`);
  return code;
}

const personCount = async () => (await server.ctx.db.one<{ n: number }>('select count(*)::int as n from person'))!.n;

const newPerson = (name: string, birth: string, seq: number, phone: string) => ({
  name,
  idNumber: demoIdNumber(county, birth, seq),
  phone,
  password: 'Cloud-Stone-2026',
});

describe('registration', () => {
  test('a citizen in the population base registers at level 2; the SMS code is used once', async () => {
    const input = newPerson('周晓明', '19920708', 3, '13900001111');
    const sent = await server.api('/api/identity/sms-codes', {
      method: 'POST',
      body: { phone: input.phone, purpose: 'register' },
    });
    assert.equal(sent.status, 202);
    const again = await server.api('/api/identity/sms-codes', {
      method: 'POST',
      body: { phone: input.phone, purpose: 'register' },
    });
    assert.equal(again.status, 429);
    assert.equal(again.body.error.code, 'SMS_TOO_SOON');
    const code = await latestCode(input.phone);
    const before = await personCount();
    const wrong = await server.api('/api/identity/register', {
      method: 'POST',
      body: { ...input, code: code === '000000' ? '111111' : '000000' },
    });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.error.code, 'SMS_CODE_INVALID');
    assert.equal(await personCount(), before, 'nothing created');
    const created = await server.api('/api/identity/register', {
      method: 'POST',
      body: { ...input, email: 'zhou@example.cn', code },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.assuranceLevel, 2);
    const twice = await server.api('/api/identity/register', { method: 'POST', body: { ...input, code } });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error.code, 'PERSON_EXISTS');
    // stored encrypted: neither the ID number nor the phone appears in clear
    const row = await server.ctx.db.one<Record<string, string>>('select * from person where id = $1', [created.body.id]);
    assert.ok(!JSON.stringify(row).includes(input.idNumber) && !JSON.stringify(row).includes(input.phone));
    // signs in with the password, sees their own record masked
    const cookie = await signIn(server.url, input.phone, input.password);
    const me = await server.api('/api/identity/me', { cookie });
    assert.equal(me.body.profile.name, '周晓明');
    assert.match(me.body.profile.idNumber, /^\d{4}\*{10}\d{3}[\dX]$/);
    assert.equal(me.body.profile.phone, '139****1111');
    assert.equal(me.body.profile.assuranceLevel, 2);
  });

  test('someone not in the population base registers at level 1; a known ID under another name is refused', async () => {
    const unknown = newPerson('钱多多', '19950101', 77, '13900002222');
    await server.api('/api/identity/sms-codes', { method: 'POST', body: { phone: unknown.phone, purpose: 'register' } });
    const ok = await server.api('/api/identity/register', {
      method: 'POST',
      body: { ...unknown, code: await latestCode(unknown.phone) },
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.assuranceLevel, 1);

    const impostor = { ...newPerson('冒名者', '19780121', 4, '13900003333') }; // 吴丽华's ID number
    await server.api('/api/identity/sms-codes', { method: 'POST', body: { phone: impostor.phone, purpose: 'register' } });
    const refused = await server.api('/api/identity/register', {
      method: 'POST',
      body: { ...impostor, code: await latestCode(impostor.phone) },
    });
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.code, 'IDENTITY_MISMATCH');
  });

  test('bad input: each a clear error, nothing half-created', async () => {
    const base = { ...newPerson('孙悟空', '19900101', 88, '13900004444'), code: '123456' };
    const first17 = base.idNumber.slice(0, 17);
    const wrongCheck = first17 + (base.idNumber.endsWith('1') ? '2' : '1');
    const before = await personCount();
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ idNumber: wrongCheck }, 422, 'ID_NUMBER_INVALID', 'CHECK_CHAR'],
      [{ idNumber: `${county.slice(0, 6)}19990231123X` }, 422, 'ID_NUMBER_INVALID', 'BIRTH_DATE'],
      [{ password: 'password1' }, 422, 'PASSWORD_WEAK', 'CLASSES'],
      [{ password: 'Ab1!' }, 422, 'PASSWORD_WEAK', 'LENGTH'],
      [{ password: 'Xx13900004444!' }, 422, 'PASSWORD_WEAK', 'CONTAINS_IDENTIFIER'],
      [{ name: '<script>alert(1)</script>' }, 422, 'NAME_INVALID'],
      [{ name: "Robert'); DROP TABLE person;--" }, 422, 'NAME_INVALID'],
      [{ name: '张'.repeat(51) }, 400, 'VALIDATION_FAILED'],
      [{ phone: '12345678901' }, 422, 'PHONE_INVALID'],
      [{ email: 'not-an-email' }, 422, 'EMAIL_INVALID'],
      [{ extra: 'field' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [change, status, code, reason] of cases) {
      const res = await server.api('/api/identity/register', { method: 'POST', body: { ...base, ...change } });
      assert.equal(res.status, status, `${JSON.stringify(change)} → ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code, JSON.stringify(change));
      if (reason) assert.equal(res.body.error.details.reason, reason);
    }
    const malformed = await server.api('/api/identity/register', { method: 'POST', rawBody: '{"name": "x",' });
    assert.equal(malformed.status, 400);
    assert.equal(await personCount(), before);
  });
});

describe('sign-in methods and account security', () => {
  test('a citizen signs in with an SMS code; wrong codes count toward the lockout', async () => {
    const ua = new CookieClient();
    const start = await ua.follow(`${server.url}/api/auth/start?next=/`, () => false);
    const uid = new URL(start.location).pathname.split('/').pop()!;
    const page = await (await ua.request(`${start.location}?method=sms`)).text();
    assert.match(page, /短信验证码登录/);
    const csrf = csrfOf(page);
    const sent = await ua.request(`${server.url}/oidc/interaction/${uid}/sms-send`, { form: { phone: '13800000003', csrf } });
    assert.equal(sent.status, 200);
    assert.match(await sent.text(), /验证码已发送/);
    const code = await latestCode('13800000003');
    const bad = await ua.request(`${server.url}/oidc/interaction/${uid}/sms-login`, {
      form: { phone: '13800000003', code: code === '999999' ? '888888' : '999999', csrf },
    });
    assert.equal(bad.status, 422);
    const done = await ua.follow(`${server.url}/oidc/interaction/${uid}/sms-login`, (l) => new URL(l).pathname === '/', {
      form: { phone: '13800000003', code, csrf },
    });
    assert.ok(ua.cookie('yw_session'), `no session: ${done.res.status} ${done.location}`);
    const history = await server.api('/api/identity/me/logins', { cookie: `yw_session=${ua.cookie('yw_session')}` });
    const events = history.body.items.map((e: { event: string; method: string | null }) => `${e.event}/${e.method}`);
    assert.ok(events.includes('login/sms'), events.join());
    assert.ok(events.includes('login_failed/sms'), events.join());
  });

  test('a password hashed with older parameters is stored the current way at the next sign-in, for staff and citizens', async () => {
    const { db } = server.ctx;
    const pii = personalData(server.ctx.config.masterKey);
    // argon2id with weaker parameters than today's, as an older release stored it
    const older = (password: string) => hash(password, { algorithm: 2 as Algorithm, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await db.query('update staff set password_hash = $2 where username = $1', ['hotline', await older('Yiwang@2026hotline')]);
    await db.query('update person set password_hash = $2 where phone_index = $1', [pii.index('13800000003'), await older(PASSWORD)]);
    const staff = await authenticate(db, pii, { username: 'hotline', password: 'Yiwang@2026hotline' });
    const person = await authenticate(db, pii, { username: '13800000003', password: PASSWORD });
    const stored = await db.query<{ kind: string; hash: string }>(
      `select 'staff' as kind, password_hash as hash from staff where id = $1
       union all select 'person', password_hash from person where id = $2`,
      [staff.id, person.id],
    );
    assert.deepEqual(stored.map((r) => [r.kind, needsRehash(r.hash)]), [['staff', false], ['person', false]]);
  });

  test('a form posted without the page token is refused; a cross-site API write is refused', async () => {
    const ua = new CookieClient();
    const start = await ua.follow(`${server.url}/api/auth/start?next=/`, () => false);
    const uid = new URL(start.location).pathname.split('/').pop()!;
    const res = await ua.request(`${server.url}/oidc/interaction/${uid}/login`, {
      form: { username: '13800000003', password: PASSWORD },
    });
    assert.equal(res.status, 403);
    const cookie = await server.login('13800000003', PASSWORD);
    const evil = await server.api('/api/auth/logout', {
      method: 'POST',
      cookie,
      headers: { origin: 'https://evil.example.com' },
    });
    assert.equal(evil.status, 403);
    assert.equal(evil.body.error.code, 'CSRF_REJECTED');
    assert.equal((await server.api('/api/auth/me', { cookie })).status, 200, 'still signed in');
  });

  test('sessions: I see mine, end one, and cannot end someone else’s', async () => {
    const a = await server.login('13800000003', PASSWORD);
    const b = await server.login('13800000003', PASSWORD);
    const list = await server.api('/api/identity/me/sessions', { cookie: a });
    assert.ok(list.body.items.length >= 2);
    const current = list.body.items.find((s: { current: boolean }) => s.current);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    assert.ok(current && other);
    const someoneElse = await server.login('13800000001', PASSWORD);
    const denied = await server.api(`/api/identity/me/sessions/${other.id}`, { method: 'DELETE', cookie: someoneElse });
    assert.equal(denied.status, 404);
    const ended = await server.api(`/api/identity/me/sessions/${other.id}`, { method: 'DELETE', cookie: a });
    assert.equal(ended.status, 200);
    const meB = await server.api('/api/auth/me', { cookie: b });
    const meA = await server.api('/api/auth/me', { cookie: a });
    assert.equal([meA.status, meB.status].sort().join(), '200,401', 'exactly the ended session is gone');
  });

  test('password reset by SMS code ends every session', async () => {
    const phone = '13900002222'; // registered above at level 1
    const cookie = await server.login(phone, 'Cloud-Stone-2026');
    await server.ctx.db.query('delete from sms_code'); // the resend interval is not what this test is about
    assert.equal(
      (await server.api('/api/identity/sms-codes', { method: 'POST', body: { phone, purpose: 'reset' } })).status,
      202,
    );
    const code = await latestCode(phone);
    const weak = await server.api('/api/identity/password-reset', { method: 'POST', body: { phone, code, password: 'short' } });
    assert.equal(weak.body.error.code, 'PASSWORD_WEAK');
    const reset = await server.api('/api/identity/password-reset', {
      method: 'POST',
      body: { phone, code, password: 'New-Cloud-2027' },
    });
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.equal((await server.api('/api/auth/me', { cookie })).status, 401);
    await server.login(phone, 'New-Cloud-2027');
    const replay = await server.api('/api/identity/password-reset', {
      method: 'POST',
      body: { phone, code, password: 'Other-Cloud-2028' },
    });
    assert.equal(replay.body.error.code, 'SMS_CODE_INVALID');
  });

  test('an administrator must enrol TOTP at the first sign-in, then needs the code every time', async () => {
    const cookie = await server.login('admin'); // enrols (the helper reads the secret off the page)
    const enrolled = await server.ctx.db.query("select 1 from audit_log where action = 'auth.totp_enrolled'");
    assert.equal(enrolled.length, 1);
    const me = await server.api('/api/identity/me', { cookie });
    assert.equal(me.body.totp, 'active');
    assert.equal(me.body.totpRequired, true);
    const off = await server.api('/api/identity/me/totp', {
      method: 'DELETE',
      cookie,
      body: { code: await nextTotpCode(`${server.url}|admin`) },
    });
    assert.equal(off.body.error.code, 'TOTP_REQUIRED');

    // the password alone is not enough: the next page asks for the code, a wrong one is refused
    const ua = new CookieClient();
    const start = await ua.follow(`${server.url}/api/auth/start?next=/`, () => false);
    const uid = new URL(start.location).pathname.split('/').pop()!;
    const csrf = csrfOf(await start.res.text());
    const second = await ua.request(`${server.url}/oidc/interaction/${uid}/login`, {
      form: { username: 'admin', password: 'Yiwang@2026admin', csrf },
    });
    assert.equal(second.status, 200);
    assert.match(await second.text(), /动态验证码/);
    assert.equal(ua.cookie('yw_session'), undefined);
    const wrong = await ua.request(`${server.url}/oidc/interaction/${uid}/totp`, { form: { code: '000000', csrf } });
    assert.equal(wrong.status, 422);
    await ua.follow(`${server.url}/oidc/interaction/${uid}/totp`, (l) => new URL(l).pathname === '/', {
      form: { code: await nextTotpCode(`${server.url}|admin`), csrf },
    });
    assert.ok(ua.cookie('yw_session'));
  });
});

describe('enterprises and agents (法人, 经办人)', () => {
  test('a level-2 person registers an enterprise, authorises an agent who then acts for it', async () => {
    const rep = await server.login('13800000001', PASSWORD); // 陈小云, level 2
    const low = await server.login('13800000003', PASSWORD); // 黄新兴, level 1
    const uscc = '91445302MA4UJ0001B';
    const tooLow = await server.api('/api/identity/enterprises', {
      method: 'POST',
      cookie: low,
      body: { uscc, name: '黄记餐饮有限公司' },
    });
    assert.equal(tooLow.status, 422);
    assert.equal(tooLow.body.error.code, 'USCC_INVALID');
    const valid = demoEnterpriseUscc(county, 42);
    // the legal-entity registry names 陈小云, so the registration is proven at once (identity-legal-rep.test.ts has the rest)
    await addLegalEntityRecords(server.ctx.db, personalData(server.ctx.config.masterKey), [
      { uscc: valid, name: '小云茶饮有限公司', legalRepName: '陈小云', legalRepIdNumber: demoIdNumber(county, '19900315', 0) },
    ]);
    const lowValid = await server.api('/api/identity/enterprises', {
      method: 'POST',
      cookie: low,
      body: { uscc: valid, name: '黄记餐饮有限公司' },
    });
    assert.equal(lowValid.status, 403);
    assert.equal(lowValid.body.error.code, 'ASSURANCE_TOO_LOW');
    const created = await server.api('/api/identity/enterprises', {
      method: 'POST',
      cookie: rep,
      body: { uscc: valid, name: '小云茶饮有限公司' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const dup = await server.api('/api/identity/enterprises', {
      method: 'POST',
      cookie: rep,
      body: { uscc: valid, name: '另一家' },
    });
    assert.equal(dup.status, 409);
    const id = created.body.id;

    const tooLong = new Date(clock.nowMs() + 4 * 366 * 86_400_000).toISOString();
    const bad = await server.api(`/api/identity/enterprises/${id}/agents`, {
      method: 'POST',
      cookie: rep,
      body: { phone: '13800000003', scope: 'all', expiresAt: tooLong },
    });
    assert.equal(bad.body.error.code, 'AGENT_EXPIRY_INVALID');
    const expiresAt = new Date(clock.nowMs() + 30 * 86_400_000).toISOString();
    const granted = await server.api(`/api/identity/enterprises/${id}/agents`, {
      method: 'POST',
      cookie: rep,
      body: { phone: '13800000003', scope: 'items', itemCodes: ['11445300MB2C0001X1000'], expiresAt },
    });
    assert.equal(granted.status, 201, JSON.stringify(granted.body));
    // a plain agent may not authorise others, nor see the agent list
    const byAgent = await server.api(`/api/identity/enterprises/${id}/agents`, {
      method: 'POST',
      cookie: low,
      body: { phone: '13800000002', scope: 'all', expiresAt },
    });
    assert.equal(byAgent.status, 403);
    assert.equal((await server.api(`/api/identity/enterprises/${id}/agents`, { cookie: low })).status, 403);

    // the agent signs in and chooses the enterprise: the session acts for it
    const agent = await signIn(server.url, '13800000003', PASSWORD, { actAs: id });
    const me = await server.api('/api/auth/me', { cookie: agent });
    assert.equal(me.body.user.actingFor.enterpriseId, id);
    assert.equal(me.body.user.actingFor.role, 'agent');
    assert.deepEqual(me.body.user.actingFor.itemCodes, ['11445300MB2C0001X1000']);
    // switch back to acting for himself, and again for the enterprise
    assert.equal(
      (await server.api('/api/auth/act-as', { method: 'POST', cookie: agent, body: { enterpriseId: null } })).status,
      200,
    );
    assert.equal((await server.api('/api/auth/me', { cookie: agent })).body.user.actingFor, null);
    assert.equal(
      (await server.api('/api/auth/act-as', { method: 'POST', cookie: agent, body: { enterpriseId: id } })).status,
      200,
    );
    // someone not authorised cannot switch to it
    const stranger = await server.login('13800000002', PASSWORD);
    assert.equal(
      (await server.api('/api/auth/act-as', { method: 'POST', cookie: stranger, body: { enterpriseId: id } })).status,
      403,
    );

    // revoking the authorisation ends the acting session at its next request
    const agents = await server.api(`/api/identity/enterprises/${id}/agents`, { cookie: rep });
    assert.equal(agents.body.items[0].phone, '138****0003');
    const revoke = await server.api(`/api/identity/enterprises/${id}/agents/${agents.body.items[0].id}`, {
      method: 'DELETE',
      cookie: rep,
    });
    assert.equal(revoke.status, 200);
    assert.equal((await server.api('/api/auth/me', { cookie: agent })).status, 401);
  });

  test('tokens for a relying party carry the enterprise as subject and the person as agent', async () => {
    const issuer = new URL(`${server.url}/oidc`);
    const config = await oidc.discovery(issuer, 'rp-l1', secrets['rp-l1'], undefined, { execute: [oidc.allowInsecureRequests] });
    const enterprise = (await server.ctx.db.one<{ id: string }>("select id from enterprise where name like '%云石科技%'"))!;
    const { callback, verifier, state } = await rpFor(config, '13800000001', { actAs: enterprise.id });
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const info = await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    assert.equal(info.yiwang_kind, 'enterprise');
    assert.match(String(info.sub), /:/);
    assert.equal((info.enterprise as { id: string }).id, enterprise.id);
    assert.equal((info.agent as { name: string }).name, '陈小云');
    assert.equal((info.act as { sub: string }).sub, (info.agent as { sub: string }).sub);
  });
});

describe('assurance levels (实名等级) and step-up', () => {
  test('a client requiring level 2 makes a level-1 person pass the population check first', async () => {
    const issuer = new URL(`${server.url}/oidc`);
    const config = await oidc.discovery(issuer, 'rp-l2', secrets['rp-l2'], undefined, { execute: [oidc.allowInsecureRequests] });
    const { callback, verifier, state, stepUp } = await rpFor(config, '13800000003', {
      stepUp: { name: '黄新兴', idNumber: demoIdNumber(county, '20000628', 2) },
    });
    assert.match(stepUp ?? '', /需要提升实名等级/);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    assert.equal(tokens.claims()!.acr, 'urn:yiwang:loa:2', JSON.stringify(tokens.claims()));
    const level = await server.ctx.db.one<{ l: number }>(
      "select assurance_level as l from person where phone_index is not null and name = '黄新兴'",
    );
    assert.equal(level!.l, 2);
  });

  test('a window clerk verifies a person in person (level 3) after re-typing the card number', async () => {
    const idNumber = demoIdNumber(county, '20000628', 2); // 黄新兴
    const citizen = await server.login('13800000001', PASSWORD);
    assert.equal((await server.api(`/api/identity/persons/lookup?idNumber=${idNumber}`, { cookie: citizen })).status, 403);
    const clerk = await server.login('clerk');
    const found = await server.api(`/api/identity/persons/lookup?idNumber=${idNumber}`, { cookie: clerk });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.equal(found.body.name, '黄新兴');
    assert.match(found.body.idNumber, /\*{10}/, 'masked for the clerk');
    const other = demoIdNumber(county, '19900315', 0);
    const wrong = await server.api(`/api/identity/persons/${found.body.id}/verify-in-person`, {
      method: 'POST',
      cookie: clerk,
      body: { idNumber: other },
    });
    assert.equal(wrong.body.error.code, 'IDENTITY_MISMATCH');
    const ok = await server.api(`/api/identity/persons/${found.body.id}/verify-in-person`, {
      method: 'POST',
      cookie: clerk,
      body: { idNumber },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.assuranceLevel, 3);
    const bad = await server.api('/api/identity/persons/lookup?idNumber=445302200006289999', { cookie: clerk });
    assert.equal(bad.body.error.code, 'ID_NUMBER_INVALID');
  });

  test('level 3 cannot be reached online: the page sends the person to a window', async () => {
    const issuer = new URL(`${server.url}/oidc`);
    const config = await oidc.discovery(issuer, 'rp-l3', secrets['rp-l3'], undefined, { execute: [oidc.allowInsecureRequests] });
    const { stepUp, callback } = await rpFor(config, '13800000001', {});
    assert.equal(callback, '');
    assert.match(stepUp ?? '', /现场核验/);
    assert.doesNotMatch(stepUp ?? '', /name="idNumber"/);
  });
});

const rpFor = (
  config: oidc.Configuration,
  phone: string,
  options: { actAs?: string; stepUp?: { name: string; idNumber: string } },
) => rpSignIn(server.url, config, { username: phone, password: PASSWORD }, { redirectUri: REDIRECT, ...options });
