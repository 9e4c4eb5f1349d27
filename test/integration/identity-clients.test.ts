import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as oidc from 'openid-client';
import { signIn } from '../support/browserless.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import * as clock from '../../src/kernel/clock.ts';

let server: TestServer;
let admin: string;
let issuer: URL;

before(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  issuer = new URL(`${server.url}/oidc`);
});
after(() => server.close());

const discover = (clientId: string, secret: string) => oidc.discovery(issuer, clientId, secret, undefined, { execute: [oidc.allowInsecureRequests] });

async function oauthError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const e = err as { error?: string; cause?: { error?: string } };
    return e.error ?? e.cause?.error ?? String(err);
  }
  return 'no error';
}

const system = {
  clientId: 'scjg-approval',
  name: '市场监管审批系统',
  redirectUris: ['https://scjg.example.gov.cn/oidc/callback'],
  grantTypes: ['authorization_code', 'client_credentials'],
  scopes: ['openid', 'profile', 'yiwang'],
  minAssuranceLevel: 2,
};

test('only administrators manage relying parties', async () => {
  assert.equal((await server.api('/api/identity/clients')).status, 401);
  const clerk = await server.login('clerk');
  assert.equal((await server.api('/api/identity/clients', { cookie: clerk })).status, 403);
  assert.equal((await server.api('/api/identity/clients', { method: 'POST', cookie: clerk, body: system })).status, 403);
  const citizen = await server.login('13800000003', 'Yiwang@2026citizen');
  assert.equal((await server.api('/api/identity/keys/rotate', { method: 'POST', cookie: citizen })).status, 403);
});

test('an administrator registers a department system; its secret works once shown, and it can be disabled and re-keyed', async () => {
  for (const [uri, why] of [['http://scjg.example.gov.cn/cb', 'plain http'], ['https://scjg.example.gov.cn/cb#frag', 'fragment'], ['javascript:alert(1)', 'script'], ['not a url', 'garbage']]) {
    const res = await server.api('/api/identity/clients', { method: 'POST', cookie: admin, body: { ...system, redirectUris: [uri] } });
    assert.equal(res.status, 422, why);
    assert.equal(res.body.error.code, 'REDIRECT_URI_INVALID');
  }
  // `yiwang client add` answers these with the same codes and fields (cli.test.ts)
  for (const [change, field] of [[{ scopes: ['openid', 'admin'] }, 'scopes.1'], [{ grantTypes: ['password'] }, 'grantTypes.0'], [{ minAssuranceLevel: 4 }, 'minAssuranceLevel']] as const) {
    const res = await server.api('/api/identity/clients', { method: 'POST', cookie: admin, body: { ...system, ...change } });
    assert.equal(res.status, 400, field);
    assert.deepEqual([res.body.error.code, res.body.error.details.field], ['VALIDATION_FAILED', field]);
  }
  for (const [change, code] of [[{ scopes: ['profile'] }, 'SCOPE_OPENID_REQUIRED'], [{ redirectUris: [] }, 'REDIRECT_URI_REQUIRED']] as const) {
    const res = await server.api('/api/identity/clients', { method: 'POST', cookie: admin, body: { ...system, ...change } });
    assert.deepEqual([res.status, res.body.error.code], [422, code]);
  }
  const badId = await server.api('/api/identity/clients', { method: 'POST', cookie: admin, body: { ...system, clientId: 'Bad Id!' } });
  assert.equal(badId.status, 400);
  const created = await server.api('/api/identity/clients', { method: 'POST', cookie: admin, body: system });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const dup = await server.api('/api/identity/clients', { method: 'POST', cookie: admin, body: system });
  assert.equal(dup.status, 409);
  assert.equal(dup.body.error.code, 'CLIENT_EXISTS');

  const list = await server.api('/api/identity/clients', { cookie: admin });
  const listed = list.body.items.find((c: { clientId: string }) => c.clientId === system.clientId);
  assert.equal(listed.minAssuranceLevel, 2);
  assert.equal(JSON.stringify(list.body).includes(created.body.clientSecret), false, 'the secret is never listed');

  const token = await oidc.clientCredentialsGrant(await discover(system.clientId, created.body.clientSecret));
  assert.ok(token.access_token);

  const disabled = await server.api(`/api/identity/clients/${system.clientId}`, { method: 'PATCH', cookie: admin, body: { status: 'disabled' } });
  assert.equal(disabled.body.status, 'disabled');
  assert.equal(await oauthError(oidc.clientCredentialsGrant(await discover(system.clientId, created.body.clientSecret))), 'invalid_client');
  await server.api(`/api/identity/clients/${system.clientId}`, { method: 'PATCH', cookie: admin, body: { status: 'active' } });

  const rekeyed = await server.api(`/api/identity/clients/${system.clientId}/secret`, { method: 'POST', cookie: admin });
  assert.equal(rekeyed.status, 200);
  assert.equal(await oauthError(oidc.clientCredentialsGrant(await discover(system.clientId, created.body.clientSecret))), 'invalid_client');
  assert.ok((await oidc.clientCredentialsGrant(await discover(system.clientId, rekeyed.body.clientSecret))).access_token);

  const firstParty = await server.api('/api/identity/clients/yiwang-web', { method: 'PATCH', cookie: admin, body: { status: 'disabled' } });
  assert.equal(firstParty.status, 409);
  // this system's own entries (the demo city registered its 人社业务系统 before)
  const audit = await server.ctx.db.query<{ action: string }>("select action from audit_log where object_type = 'oidc_client' and object_id = $1 order by seq", [system.clientId]);
  assert.deepEqual(audit.map((r) => r.action), ['oidc_client.create', 'oidc_client.update', 'oidc_client.update', 'oidc_client.secret_rotated']);
});

test('signing keys rotate without breaking tokens already issued', async () => {
  const jwks = async () => (await (await fetch(`${server.url}/oidc/jwks`)).json()) as { keys: { kid: string }[] };
  const before = await jwks();
  assert.equal(before.keys.length, 1);
  const rotated = await server.api('/api/identity/keys/rotate', { method: 'POST', cookie: admin });
  assert.equal(rotated.status, 200);
  const after = await jwks();
  assert.deepEqual(after.keys.map((k) => k.kid).sort(), [before.keys[0]!.kid, rotated.body.kid].sort(), 'old key still published');
  // a new sign-in gets an ID token signed with the new key
  const cookie = await server.login('13800000003', 'Yiwang@2026citizen');
  const idToken = (await server.ctx.db.one<{ id_token: string }>('select id_token from session order by created_at desc limit 1'))!.id_token;
  const header = JSON.parse(Buffer.from(idToken.split('.')[0]!, 'base64url').toString()) as { kid: string };
  assert.equal(header.kid, rotated.body.kid);
  assert.equal((await server.api('/api/auth/me', { cookie })).status, 200);
});

test('indicator inputs: registered users, daily active users per channel, sign-ins per relying party', async () => {
  const citizenCookie = await server.login('13800000001', 'Yiwang@2026citizen');
  // a sign-in from a phone browser counts for the mobile (H5) channel
  await signIn(server.url, '13800000002', 'Yiwang@2026citizen', { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' });
  const today = clock.today();
  const leader = await server.login('leader');
  const res = await server.api(`/api/identity/indicators?from=${today}&to=${today}`, { cookie: leader });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.ok(res.body.registered.persons >= 3);
  assert.equal(res.body.registered.enterprises, 1);
  assert.ok(res.body.registered.byLevel['2'] >= 1);
  const users = (channel: string) => res.body.dailyActive.find((d: { channel: string }) => d.channel === channel)?.users ?? 0;
  assert.ok(users('web') >= 1 && users('mobile') === 1 && users('workbench') >= 2, JSON.stringify(res.body.dailyActive));
  assert.ok(res.body.signInsByClient.some((c: { clientId: string; signIns: number }) => c.clientId === 'yiwang-web' && c.signIns >= 3));
  const citizen = await server.api(`/api/identity/indicators?from=${today}&to=${today}`, { cookie: citizenCookie });
  assert.equal(citizen.status, 403);
  const backwards = await server.api(`/api/identity/indicators?from=${today}&to=2000-01-01`, { cookie: leader });
  assert.equal(backwards.body.error.code, 'PERIOD_INVALID');
});

test('a department system calls YiWang with its client-credentials token; a disabled system is refused at once', async () => {
  const created = await server.api('/api/identity/clients', {
    method: 'POST',
    cookie: admin,
    body: { clientId: 'gjj-system', name: '公积金业务系统', redirectUris: [], grantTypes: ['client_credentials'], scopes: [] },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { access_token: token } = await oidc.clientCredentialsGrant(await discover('gjj-system', created.body.clientSecret));
  const bearer = { authorization: `Bearer ${token}` };
  const me = await server.api('/api/auth/me', { headers: bearer });
  assert.equal(me.status, 200);
  assert.deepEqual([me.body.user.kind, me.body.user.id], ['client', 'gjj-system']);
  // a system is not staff: staff and administration routes stay closed to it
  assert.equal((await server.api('/api/org/departments', { headers: bearer })).status, 403);
  assert.equal((await server.api('/api/auth/me', { headers: { authorization: 'Bearer forged-token-value-0123456789' } })).status, 401);
  await server.api('/api/identity/clients/gjj-system', { method: 'PATCH', cookie: admin, body: { status: 'disabled' } });
  assert.equal((await server.api('/api/auth/me', { headers: bearer })).status, 401);
});
