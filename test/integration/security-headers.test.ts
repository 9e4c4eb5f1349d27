// Security headers on every response: API answers and errors, the web app and its assets, the
// OpenID Provider's pages (ours and the provider's own), Swagger UI (issue #13.4).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildApp } from '../../src/kernel/http/app.ts';
import { contentSecurityPolicy } from '../../src/kernel/http/security-headers.ts';
import { WEB_CLIENT_ID } from '../../src/modules/identity/oidc/clients.ts';
import { MODULES } from '../../src/modules/index.ts';
import { CookieClient, csrfOf } from '../support/browserless.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// A stand-in web build: index.html, one asset and the icon.
const webDir = mkdtempSync(join(tmpdir(), 'yiwang-web-'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>YiWang</title><div id="root"></div><script type="module" src="/assets/app.js"></script>');
mkdirSync(join(webDir, 'assets'));
writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let server: TestServer;
before(async () => {
  server = await startTestServer({ YIWANG_WEB_DIR: webDir });
});
after(() => server.close());

/** The headers every response carries, whatever answered it. */
function assertSecured(headers: Headers, what: string) {
  const csp = headers.get('content-security-policy') ?? '';
  assert.match(csp, /(^|; )default-src 'self'(;|$)/, `${what}: ${csp}`);
  assert.match(csp, /(^|; )script-src 'self'(;|$)/, `${what}: scripts from our files only (${csp})`);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, what);
  assert.match(csp, /(^|; )frame-ancestors 'none'(;|$)/, what);
  assert.match(csp, /(^|; )object-src 'none'(;|$)/, what);
  assert.equal(headers.get('x-frame-options'), 'DENY', what);
  assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(headers.get('referrer-policy'), 'strict-origin-when-cross-origin', what);
  assert.match(headers.get('permissions-policy') ?? '', /geolocation=\(self\)/, what);
  assert.match(headers.get('permissions-policy') ?? '', /camera=\(\)/, what);
  assert.equal(headers.get('strict-transport-security'), null, `${what}: no HSTS without secure cookies`);
}

test('an API answer, a 404 and a 400 carry the headers', async () => {
  const ok = await server.api('/api/regions');
  assert.equal(ok.status, 200);
  assertSecured(ok.headers, '/api/regions');
  const missing = await server.api('/api/no/such/thing');
  assert.equal(missing.status, 404);
  assertSecured(missing.headers, 'unknown API route');
  const bad = await server.api('/api/identity/register', { method: 'POST', body: { nonsense: true } });
  assert.equal(bad.status, 400);
  assertSecured(bad.headers, 'validation failure');
  const anonymous = await server.api('/api/identity/me');
  assert.equal(anonymous.status, 401);
  assertSecured(anonymous.headers, '401');
  for (const path of ['/healthz', '/readyz', '/metrics']) assertSecured((await server.api(path)).headers, path);
});

test('the web app: index.html, a client-side route and an asset', async () => {
  for (const path of ['/', '/staff/inbox', '/assets/app.js']) {
    const res = await server.api(path);
    assert.equal(res.status, 200, path);
    assertSecured(res.headers, path);
  }
  assertSecured((await server.api('/assets/missing.js')).headers, 'a missing asset');
});

test('the built files under assets/ (named by their content hash) are kept by the browser; index.html is asked for anew', async () => {
  assert.equal((await server.api('/assets/app.js')).headers.get('cache-control'), 'public, max-age=31536000, immutable');
  for (const path of ['/', '/staff/inbox', '/favicon.svg']) {
    const res = await server.api(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('cache-control'), 'no-cache', path);
  }
  // a file is public: a stale session cookie sent along changes nothing
  const withCookie = await server.api('/assets/app.js', { cookie: 'yw_session=expired-or-forged' });
  assert.equal(withCookie.status, 200);
});

test('Swagger UI and the OpenAPI document', async () => {
  for (const path of ['/api/docs', '/api/docs/static/swagger-initializer.js', '/api/docs/json']) {
    const res = await server.api(path);
    assert.equal(res.status, 200, path);
    assertSecured(res.headers, path);
  }
  // no inline script on the page: the initialiser is a file
  const page = await server.api('/api/docs');
  assert.doesNotMatch(page.body, /<script>|<script(?![^>]*\bsrc=)[^>]*>/);
});

test('the OpenID Provider: its own responses, our sign-in page, its error page', async () => {
  const discovery = await server.api('/oidc/.well-known/openid-configuration');
  assert.equal(discovery.status, 200);
  assertSecured(discovery.headers, 'discovery (answered by oidc-provider itself)');
  assertSecured((await server.api('/oidc/jwks')).headers, 'jwks');
  const error = await server.api('/oidc/auth?client_id=no-such-client&response_type=code&scope=openid');
  assert.equal(error.status, 400);
  assertSecured(error.headers, "the provider's error page");

  const ua = new CookieClient();
  const start = await ua.follow(`${server.url}/api/auth/start?next=/`, () => false);
  assert.match(start.location, /\/oidc\/interaction\//);
  assert.equal(start.res.status, 200);
  assertSecured(start.res.headers, 'the sign-in page');
  assert.doesNotMatch(await start.res.text(), /<script/);
});

test("the provider's form_post answer runs its auto-submit by hash, not by unsafe-inline", async () => {
  // sign in (a level-1 citizen acting for no enterprise: no further steps), keeping the SSO session
  const ua = new CookieClient();
  const start = await ua.follow(`${server.url}/api/auth/start?next=/`, () => false);
  const uid = new URL(start.location).pathname.split('/').pop()!;
  const home = (l: string) => new URL(l).pathname === '/';
  await ua.follow(`${server.url}/oidc/interaction/${uid}/login`, home, { form: { username: '13800000003', password: CITIZEN_PASSWORD, csrf: csrfOf(await start.res.text()) } });
  assert.ok(ua.cookie('yw_session'), 'signed in');

  const challenge = createHash('sha256').update('v'.repeat(50)).digest('base64url');
  const params = new URLSearchParams({
    client_id: WEB_CLIENT_ID,
    redirect_uri: `${server.url}/api/auth/callback`,
    response_type: 'code',
    response_mode: 'form_post',
    scope: 'openid',
    state: 'state-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const answer = await ua.follow(`${server.url}/oidc/auth?${params}`, () => false);
  assert.equal(answer.res.status, 200);
  const html = await answer.res.text();
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  assert.ok(script, html);
  const csp = answer.res.headers.get('content-security-policy') ?? '';
  const digest = createHash('sha256').update(script).digest('base64');
  assert.ok(csp.includes(`script-src 'self' 'sha256-${digest}'`), csp);
  assert.doesNotMatch(csp, /unsafe-inline'[^;]*;[^;]*$|script-src[^;]*unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
});

test('HSTS and upgrade-insecure-requests only with secure cookies', async () => {
  assert.doesNotMatch(contentSecurityPolicy({ https: false }), /upgrade-insecure-requests/);
  assert.match(contentSecurityPolicy({ https: true }), /upgrade-insecure-requests/);
  const app = await buildApp({ ...server.ctx, config: { ...server.ctx.config, secureCookies: true } }, MODULES);
  try {
    for (const url of ['/healthz', '/api/no/such/thing', '/oidc/.well-known/openid-configuration']) {
      const res = await app.inject({ url, headers: { host: new URL(server.url).host } });
      assert.equal(res.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
      assert.match(String(res.headers['content-security-policy']), /upgrade-insecure-requests/, url);
    }
  } finally {
    await app.close();
  }
});
