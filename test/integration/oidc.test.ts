import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { systemActor } from '../../src/kernel/actor.ts';
import { registerClient, rotateClientSecret, updateClient } from '../../src/modules/identity/index.ts';
import { CookieClient, csrfOf, rpSignIn } from '../support/browserless.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let issuer: URL;
const REDIRECT = 'https://rp.example.gov.cn/callback';
let webSecret: string;
let deptSecret: string;
const OPERATOR = systemActor('cli');

before(async () => {
  server = await startTestServer();
  issuer = new URL(`${server.url}/oidc`);
  webSecret = (
    await registerClient(server.ctx, OPERATOR, {
      clientId: 'test-rp',
      name: '测试业务系统',
      redirectUris: [REDIRECT],
      grantTypes: ['authorization_code', 'refresh_token'],
      scopes: ['openid', 'profile', 'yiwang', 'offline_access'],
    })
  ).clientSecret;
  deptSecret = (
    await registerClient(server.ctx, OPERATOR, {
      clientId: 'dept-system',
      name: '市场监管业务系统',
      redirectUris: [],
      grantTypes: ['client_credentials'],
      scopes: [],
    })
  ).clientSecret;
});
after(() => server.close());

/** The OAuth error code an openid-client failure carries (body error, or a 401 challenge). */
async function oauthError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    const e = err as { error?: string; cause?: { error?: string }; status?: number; response?: Response };
    return e.error ?? e.cause?.error ?? String(e.status ?? e.response?.status ?? err);
  }
  return 'no error';
}

const discover = (clientId: string, secret: string) =>
  oidc.discovery(issuer, clientId, secret, undefined, { execute: [oidc.allowInsecureRequests] });

/** A citizen (陈小云, who acts for herself here) signs in on the provider's pages and consents. */
async function signIn(config: oidc.Configuration) {
  const result = await rpSignIn(
    server.url,
    config,
    { username: '13800000001', password: 'Yiwang@2026citizen' },
    {
      redirectUri: REDIRECT,
      scope: 'openid profile yiwang offline_access',
      prompt: 'consent',
      acr: 'urn:yiwang:loa:1',
    },
  );
  assert.ok(result.callback, 'the sign-in reached the relying party');
  return result;
}

describe('OpenID Provider', () => {
  test('discovery and JWKS', async () => {
    const config = await discover('test-rp', webSecret);
    const meta = config.serverMetadata();
    assert.equal(meta.issuer, issuer.toString().replace(/\/$/, ''));
    assert.ok(meta.code_challenge_methods_supported?.includes('S256'));
    const jwks = await (await fetch(meta.jwks_uri!)).json();
    assert.ok(jwks.keys.length >= 1);
    assert.equal(jwks.keys[0].d, undefined, 'no private parts published');
  });

  test('authorization code + PKCE, userinfo, refresh', async () => {
    const config = await discover('test-rp', webSecret);
    const { callback, verifier, state } = await signIn(config);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const claims = tokens.claims()!;
    assert.equal(claims.acr, 'urn:yiwang:loa:2');
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    assert.equal(info.name, '陈小云');
    assert.equal(info.yiwang_kind, 'person');
    assert.ok(tokens.refresh_token);
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    assert.ok(refreshed.access_token && refreshed.access_token !== tokens.access_token);
    const logins = await server.ctx.db.query<{ details: { amr: string[]; client: string } }>(
      `select details from audit_log where action = 'auth.login' and details->>'method' = 'password'`,
    );
    assert.ok(logins.some((l) => l.details.client === 'test-rp' && l.details.amr.includes('pwd')));
    assert.deepEqual(claims.amr, ['pwd']);
  });

  test('a replayed code and a wrong PKCE verifier are refused', async () => {
    const config = await discover('test-rp', webSecret);
    const { callback, state } = await signIn(config);
    assert.equal(
      await oauthError(
        oidc.authorizationCodeGrant(config, new URL(callback), {
          pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
          expectedState: state,
        }),
      ),
      'invalid_grant',
    );
    const again = await signIn(config);
    const redeem = () =>
      oidc.authorizationCodeGrant(config, new URL(again.callback), {
        pkceCodeVerifier: again.verifier,
        expectedState: again.state,
      });
    await redeem();
    assert.equal(await oauthError(redeem()), 'invalid_grant');
  });

  test('a wrong redirect_uri is refused before any login', async () => {
    const res = await fetch(
      `${server.url}/oidc/auth?client_id=test-rp&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('https://evil.example/cb')}&code_challenge=x&code_challenge_method=S256`,
      { redirect: 'manual' },
    );
    assert.equal(res.status, 400);
    assert.match(await res.text(), /redirect_uri/);
  });

  test('a wrong password shows the login page again with the reason', async () => {
    const config = await discover('test-rp', webSecret);
    const ua = new CookieClient();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const toLogin = await ua.follow(url.toString(), () => false);
    const uid = new URL(toLogin.location).pathname.split('/').pop()!;
    const csrf = csrfOf(await toLogin.res.text());
    const res = await ua.request(`${server.url}/oidc/interaction/${uid}/login`, {
      form: { username: '13800000001', password: 'wrong', csrf },
    });
    assert.equal(res.status, 401);
    assert.match(await res.text(), /用户名或密码错误/);
  });

  test('client credentials for a department system; a disabled client is refused', async () => {
    const config = await discover('dept-system', deptSecret);
    const token = await oidc.clientCredentialsGrant(config);
    assert.ok(token.access_token);
    const introspected = await oidc.tokenIntrospection(config, token.access_token);
    assert.equal(introspected.active, true);
    assert.equal(introspected.client_id, 'dept-system');
    assert.equal(await oauthError(oidc.clientCredentialsGrant(await discover('dept-system', 'wrong-secret'))), 'invalid_client');
    await updateClient(server.ctx, OPERATOR, 'dept-system', { status: 'disabled' });
    assert.equal(await oauthError(oidc.clientCredentialsGrant(config)), 'invalid_client');
    await updateClient(server.ctx, OPERATOR, 'dept-system', { status: 'active' });
  });

  test('a tampered access token gets nothing from userinfo', async () => {
    const config = await discover('test-rp', webSecret);
    const { callback, verifier, state } = await signIn(config);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const tampered = tokens.access_token.slice(0, -2) + (tokens.access_token.endsWith('A') ? 'BB' : 'AA');
    assert.equal(await oauthError(oidc.fetchUserInfo(config, tampered, tokens.claims()!.sub)), '401');
  });
});

describe('tokens outside their audience or lifetime', () => {
  test('an expired access token gets nothing; its ID token is refused by a library checking expiry', async () => {
    const config = await discover('test-rp', webSecret);
    const { callback, verifier, state } = await signIn(config);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    await server.ctx.db.query(
      `update oidc_payload set expires_at = clock_now() - interval '1 second' where model = 'AccessToken' and id = $1`,
      [tokens.access_token],
    );
    assert.equal(await oauthError(oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub)), '401');
    assert.equal((await server.api('/api/auth/me', { headers: { authorization: `Bearer ${tokens.access_token}` } })).status, 401);
  });

  test('a token issued to one system is useless to another', async () => {
    const config = await discover('test-rp', webSecret);
    const { callback, verifier, state } = await signIn(config);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(callback), {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    const other = await discover('dept-system', deptSecret);
    // the department system cannot learn anything about test-rp's token, nor revoke it
    const seen = await oidc.tokenIntrospection(other, tokens.access_token);
    assert.equal(seen.active, false);
    assert.equal((await oidc.tokenIntrospection(config, tokens.access_token)).active, true);
    // an ID token for test-rp does not validate as dept-system's (aud): replaying it there fails
    const idToken = tokens.id_token!;
    const [, payload] = idToken.split('.');
    assert.equal(JSON.parse(Buffer.from(payload!, 'base64url').toString()).aud, 'test-rp');
    const res = await fetch(`${server.url}/oidc/session/end?id_token_hint=${idToken}&client_id=dept-system`);
    assert.equal(res.status, 400, 'the provider itself refuses an ID token hint for another client');
  });

  test('rotating a client secret revokes every token issued to the client; tokens of other clients live on', async () => {
    const rotating = await registerClient(server.ctx, OPERATOR, {
      clientId: 'rotating-rp',
      name: '密钥轮换业务系统',
      redirectUris: [REDIRECT],
      grantTypes: ['authorization_code', 'refresh_token', 'client_credentials'],
      scopes: ['openid', 'profile', 'yiwang', 'offline_access'],
    });
    const config = await discover('rotating-rp', rotating.clientSecret);
    const { callback, verifier, state } = await signIn(config);
    const user = await oidc.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: verifier, expectedState: state });
    assert.ok(user.refresh_token);
    const own = await oidc.clientCredentialsGrant(config);
    const sub = user.claims()!.sub;
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    // another system's token, issued before the rotation, must survive it
    const otherConfig = await discover('test-rp', webSecret);
    const otherSignIn = await signIn(otherConfig);
    const other = await oidc.authorizationCodeGrant(otherConfig, new URL(otherSignIn.callback), { pkceCodeVerifier: otherSignIn.verifier, expectedState: otherSignIn.state });

    // before: all of them work
    assert.equal((await server.api('/api/auth/me', bearer(user.access_token))).body.user.kind, 'person');
    assert.equal((await server.api('/api/auth/me', bearer(own.access_token))).body.user.kind, 'client');
    assert.equal((await oidc.fetchUserInfo(config, user.access_token, sub)).name, '陈小云');
    assert.equal((await oidc.tokenIntrospection(config, user.access_token)).active, true);

    const rotated = await rotateClientSecret(server.ctx, OPERATOR, 'rotating-rp');
    const fresh = await discover('rotating-rp', rotated.clientSecret);

    // after: the API, userinfo, introspection and the token endpoint refuse what was issued before
    assert.equal((await server.api('/api/auth/me', bearer(user.access_token))).status, 401);
    assert.equal((await server.api('/api/auth/me', bearer(own.access_token))).status, 401);
    assert.equal(await oauthError(oidc.fetchUserInfo(fresh, user.access_token, sub)), '401');
    assert.equal((await oidc.tokenIntrospection(fresh, user.access_token)).active, false);
    assert.equal((await oidc.tokenIntrospection(fresh, own.access_token)).active, false);
    assert.equal((await oidc.tokenIntrospection(fresh, user.refresh_token!)).active, false);
    assert.equal(await oauthError(oidc.refreshTokenGrant(fresh, user.refresh_token!)), 'invalid_grant');
    // a new token under the new secret works; the other system's token was not touched
    const renewed = await oidc.clientCredentialsGrant(fresh);
    assert.equal((await server.api('/api/auth/me', bearer(renewed.access_token))).body.user.id, 'rotating-rp');
    assert.equal((await server.api('/api/auth/me', bearer(other.access_token))).status, 200);
    assert.equal((await oidc.tokenIntrospection(otherConfig, other.access_token)).active, true);

    const audit = await server.ctx.db.one<{ details: { revoked: Record<string, number> } }>(
      `select details from audit_log where action = 'oidc_client.secret_rotated' and object_id = 'rotating-rp'`,
    );
    assert.equal(audit!.details.revoked.AccessToken, 1);
    assert.equal(audit!.details.revoked.RefreshToken, 1);
    assert.equal(audit!.details.revoked.ClientCredentials, 1);
    const left = await server.ctx.db.one<{ n: number }>(
      `select count(*)::int as n from oidc_payload where payload->>'clientId' = 'rotating-rp' and model in ('AccessToken', 'RefreshToken', 'ClientCredentials') and id <> $1`,
      [renewed.access_token],
    );
    assert.equal(Number(left!.n), 0);
  });
});

describe('brute force', () => {
  test('the 6th wrong password within a minute is refused unchecked, logged, and locks even the right password out', async () => {
    const config = await discover('test-rp', webSecret);
    const ua = new CookieClient();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const toLogin = await ua.follow(url.toString(), () => false);
    const uid = new URL(toLogin.location).pathname.split('/').pop()!;
    const csrf = csrfOf(await toLogin.res.text());
    const attempt = (password: string) =>
      ua.request(`${server.url}/oidc/interaction/${uid}/login`, { form: { username: '13800000002', password, csrf } });
    for (let i = 1; i <= 5; i++) assert.equal((await attempt(`wrong-${i}`)).status, 401, `attempt ${i}`);
    const sixth = await attempt('wrong-6');
    assert.equal(sixth.status, 429);
    assert.match(await sixth.text(), /尝试次数过多/);
    assert.equal((await attempt('Yiwang@2026citizen')).status, 429, 'locked even with the right password');
    const refused = await server.ctx.db.query(`select details from audit_log where action = 'auth.login_refused'`);
    assert.ok(refused.length >= 2);
    // another account from the same address is not locked by this one
    const other = await ua.request(`${server.url}/oidc/interaction/${uid}/login`, {
      form: { username: '13800000003', password: 'wrong', csrf },
    });
    assert.equal(other.status, 401);
    // the lock ends; a good password then signs in and forgives the failures
    await server.ctx.db.query(`update auth_throttle set locked_until = clock_now() - interval '1 second'`);
    const ok = await attempt('Yiwang@2026citizen');
    // signed in: 李浮生 now chooses whether to act for himself or his enterprise
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /选择办事身份/);
    assert.equal(
      (await server.ctx.db.query(`select 1 from auth_throttle where key like 'account:%' and failures > 0`)).length,
      1,
    );
  });
});
