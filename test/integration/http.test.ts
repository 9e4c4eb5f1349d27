import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { compileRouteSchemas } from '../../src/kernel/http/lazy-compile.ts';
import { compileValidator } from '../../src/kernel/http/validation.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
// A stand-in web build, so page routing is tested without building the real app here.
const webDir = mkdtempSync(join(tmpdir(), 'yiwang-web-'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>YiWang</title><div id="root"></div>');

before(async () => {
  server = await startTestServer({ YIWANG_WEB_DIR: webDir });
});
after(() => server.close());

test('health, readiness and metrics', async () => {
  assert.deepEqual((await server.api('/healthz')).body, { status: 'ok' });
  const ready = await server.api('/readyz');
  assert.equal(ready.status, 200);
  assert.equal(ready.body.status, 'ready');
  const metrics = await server.api('/metrics');
  assert.equal(metrics.status, 200);
  assert.match(metrics.body, /yiwang_http_request_duration_seconds_bucket/);
  assert.match(metrics.body, /yiwang_outbox_events\{state="pending"\}/);
});

test('OpenAPI document lists the routes with their schemas', async () => {
  const doc = await server.api('/api/docs/json');
  assert.equal(doc.status, 200);
  assert.equal(doc.body.openapi.startsWith('3.'), true);
  const post = doc.body.paths['/api/org/departments'].post;
  assert.ok(post.requestBody.content['application/json'].schema.properties.uscc);
  assert.equal((await server.api('/api/docs')).status, 200);
});

test('every route schema compiles (they compile on first use, so a broken one would wait for its first request)', () => {
  const { compiled, failures } = compileRouteSchemas(server.app, compileValidator);
  assert.deepEqual(failures, []);
  // every route of every module, with a request or a response schema: hundreds of them
  assert.ok(compiled > 300, `only ${compiled} schemas compiled`);
});

test('a route validates its first request, and answers it through its serializer', async () => {
  // fresh server: neither the validator nor the serializer of this route has run yet
  const clerk = await server.login('clerk');
  const bad = await server.api('/api/calendar?year=1999', { cookie: clerk });
  assert.equal(bad.status, 400, JSON.stringify(bad.body));
  assert.equal(bad.body.error.code, 'VALIDATION_FAILED');
  assert.equal(bad.body.error.details.field, 'year');
  const good = await server.api('/api/calendar?year=2026', { cookie: clerk });
  assert.equal(good.status, 200);
  assert.equal(good.body.year, 2026);
  assert.ok(good.body.days.length > 0);
});

test('an unknown API route is a JSON 404; an unknown page gets the web app', async () => {
  const res = await server.api('/api/no/such/thing', { lang: 'en-US' });
  assert.equal(res.status, 404);
  assert.equal(res.body.error.code, 'ROUTE_NOT_FOUND');
  assert.match(res.body.error.message, /No such endpoint/);
  const zh = await server.api('/api/no/such/thing');
  assert.match(zh.body.error.message, /接口不存在/);
  for (const page of ['/', '/admin/departments', '/staff', '/cockpit', '/no/such/page']) {
    const html = await server.api(page);
    assert.equal(html.status, 200, page);
    assert.match(html.body, /<div id="root">/, page);
  }
  assert.equal((await server.api('/missing.js')).status, 404);
});

test('wrong content type and oversized bodies are clear errors, not 500', async () => {
  const admin = await server.login('admin');
  const form = await server.api('/api/org/departments', {
    method: 'POST',
    rawBody: 'code=x',
    cookie: admin,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(form.status, 415);
  assert.equal(form.body.error.code, 'UNSUPPORTED_MEDIA_TYPE');
  const big = await server.api('/api/org/departments', {
    method: 'POST',
    rawBody: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    cookie: admin,
  });
  assert.equal(big.status, 413);
  assert.equal(big.body.error.code, 'PAYLOAD_TOO_LARGE');
});

test('a forged or expired session is anonymous', async () => {
  const res = await server.api('/api/auth/me', { cookie: 'yw_session=forged-token' });
  assert.equal(res.status, 401);
  const cookie = await server.login('admin');
  await server.ctx.db.query(`update session set expires_at = clock_now() - interval '1 minute'`);
  assert.equal((await server.api('/api/auth/me', { cookie })).status, 401);
});

test('logout ends the session here and hands over the single sign-on logout', async () => {
  const cookie = await server.login('leader');
  assert.equal((await server.api('/api/auth/me', { cookie })).status, 200);
  const res = await server.api('/api/auth/logout', { method: 'POST', cookie });
  assert.equal(res.status, 200);
  const end = new URL(res.body.endSessionUrl);
  assert.equal(end.pathname, '/oidc/session/end');
  assert.ok(end.searchParams.get('id_token_hint'));
  assert.equal(end.searchParams.get('post_logout_redirect_uri'), `${server.url}/`);
  assert.equal((await server.api('/api/auth/me', { cookie })).status, 401);
});

test('a sign-in callback without its cookie, or with a forged one, starts over', async () => {
  const missing = await fetch(`${server.url}/api/auth/callback?code=x&state=y`, { redirect: 'manual' });
  assert.equal(missing.status, 302);
  assert.equal(missing.headers.get('location'), '/login?error=SIGN_IN_EXPIRED');
  const forged = await fetch(`${server.url}/api/auth/callback?code=x&state=y`, {
    redirect: 'manual',
    headers: { cookie: 'yw_signin=%7B%22state%22%3A%22y%22%7D' },
  });
  assert.equal(forged.headers.get('location'), '/login?error=SIGN_IN_EXPIRED');
  const openRedirect = await fetch(`${server.url}/api/auth/start?next=${encodeURIComponent('//evil.example')}`, { redirect: 'manual' });
  const signIn = JSON.parse(decodeURIComponent(openRedirect.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]!).replace(/\.[^.]*$/, ''));
  assert.equal(signIn.next, '/');
});

test('a citizen signs in with the phone number and is no staff member', async () => {
  const cookie = await server.login('13800000001', 'Yiwang@2026citizen');
  const me = await server.api('/api/auth/me', { cookie });
  assert.equal(me.body.user.kind, 'person');
  assert.equal((await server.api('/api/org/departments', { cookie })).status, 403);
});

test('readiness is 503 when the database is gone', async () => {
  const other = await startTestServer();
  await other.ctx.db.close();
  const res = await other.api('/readyz');
  assert.equal(res.status, 503);
  assert.equal(res.body.error.code, 'NOT_READY');
  assert.equal((await other.api('/healthz')).status, 200);
  await other.app.close();
});

test('the working-day calendar: everyone on staff reads it, only administrators edit it', async () => {
  const admin = await server.login('admin');
  const clerk = await server.login('clerk');
  const year = await server.api('/api/calendar?year=2026', { cookie: clerk });
  assert.equal(year.status, 200);
  assert.ok(year.body.days.some((d: { day: string; kind: string }) => d.day === '2026-10-01' && d.kind === 'holiday'));
  assert.ok(year.body.days.some((d: { day: string; kind: string }) => d.day === '2026-10-10' && d.kind === 'workday'));

  const denied = await server.api('/api/calendar/days/2026-12-24', { method: 'PUT', body: { kind: 'holiday', name: '平安夜' }, cookie: clerk });
  assert.equal(denied.status, 403);
  const set = await server.api('/api/calendar/days/2026-12-24', { method: 'PUT', body: { kind: 'holiday', name: '市政府决定放假' }, cookie: admin });
  assert.equal(set.status, 200);
  const after = await server.api('/api/calendar?year=2026', { cookie: admin });
  assert.ok(after.body.days.some((d: { day: string; source: string }) => d.day === '2026-12-24' && d.source === 'admin'));
  const badDay = await server.api('/api/calendar/days/2026-02-30', { method: 'PUT', body: { kind: 'holiday', name: 'x' }, cookie: admin });
  assert.equal(badDay.status, 400);
  assert.equal((await server.api('/api/calendar/days/2026-12-24', { method: 'DELETE', cookie: admin })).status, 204);
  assert.equal((await server.api('/api/calendar/days/2026-12-24', { method: 'DELETE', cookie: admin })).status, 404);
  const audit = await server.ctx.db.query(`select action from audit_log where object_type = 'calendar_day' order by seq`);
  assert.deepEqual(audit.map((r) => r.action), ['calendar.set', 'calendar.remove']);
});
