// The development SMS inbox shows verification codes: never to an anonymous visitor from another
// machine. Local visitors (the embedded demo) read it; elsewhere only a city administrator does;
// off with DATABASE_URL unless asked for; a warning at start whenever it is on (issue #13.3).
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { loadConfig } from '../../src/kernel/config.ts';
import { buildApp } from '../../src/kernel/http/app.ts';
import { isLocalRequest } from '../../src/modules/identity/dev-inbox.ts';
import { MODULES } from '../../src/modules/index.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const REMOTE = '203.0.113.7';
let server: TestServer;
const cookies = {} as Record<'admin' | 'countyadmin' | 'deptadmin' | 'citizen', string>;

before(async () => {
  server = await startTestServer();
  cookies.admin = await server.login('admin');
  cookies.countyadmin = await server.login('countyadmin');
  cookies.deptadmin = await server.login('deptadmin');
  cookies.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  // one message in the inbox: a password-reset code for the demo citizen
  const sent = await server.api('/api/identity/sms-codes', { method: 'POST', body: { phone: '13800000001', purpose: 'reset' } });
  assert.equal(sent.status, 202, JSON.stringify(sent.body));
  await server.deliverEvents();
});
after(() => server.close());

const inject = (url: string, opts: { remoteAddress?: string; cookie?: string; headers?: Record<string, string>; method?: 'GET' | 'POST'; form?: string } = {}) =>
  server.app.inject({
    method: opts.method ?? 'GET',
    url,
    remoteAddress: opts.remoteAddress ?? '127.0.0.1',
    headers: {
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...(opts.headers ?? {}),
    },
    payload: opts.form,
  });

describe('who reads the inbox', () => {
  test('anonymous from another machine: every inbox path answers as an unknown path does, as if there were none', async () => {
    const api = await inject('/api/dev/sms?phone=13800000001', { remoteAddress: REMOTE });
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'ROUTE_NOT_FOUND');
    assert.doesNotMatch(api.body, /\d{6}/);
    const pairs: [string, string][] = [['/api/dev/sms', '/api/dev/none'], ['/dev/sms', '/dev/none'], ['/dev/sms/reply', '/dev/none/reply']];
    for (const [url, unknown] of pairs) {
      const res = await inject(url, { remoteAddress: REMOTE });
      const other = await inject(unknown, { remoteAddress: REMOTE });
      assert.equal(res.statusCode, other.statusCode, url);
      assert.equal(res.headers['content-type'], other.headers['content-type'], url);
      assert.equal(res.body.replaceAll(url, unknown), other.body, url);
      assert.doesNotMatch(res.body, /验证码|\d{6}/, url);
    }
    const reply = await inject('/dev/sms/reply', { remoteAddress: REMOTE, method: 'POST', form: 'phone=13800000001&text=5' });
    assert.equal(reply.statusCode, 404);
    assert.equal(reply.json().error.code, 'ROUTE_NOT_FOUND');
    // an IPv6 address of another machine likewise
    assert.equal((await inject('/api/dev/sms', { remoteAddress: '2001:db8::7' })).statusCode, 404);
  });

  test('a forged X-Forwarded-For naming loopback does not make a remote caller local', async () => {
    const res = await inject('/api/dev/sms', { remoteAddress: REMOTE, headers: { 'x-forwarded-for': '127.0.0.1' } });
    assert.equal(res.statusCode, 404);
  });

  test('anonymous on this machine (loopback, IPv4 and IPv6) reads it', async () => {
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      const res = await inject('/api/dev/sms?phone=13800000001', { remoteAddress });
      assert.equal(res.statusCode, 200, remoteAddress);
      assert.match(res.json().items[0].text, /\d{6}/, remoteAddress);
    }
    const page = await inject('/dev/sms');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /\d{6}/);
    assert.equal((await inject('/dev/sms/reply')).statusCode, 200);
  });

  test('on this machine, a request that came through a proxy (forwarding header) is not local', async () => {
    for (const header of ['x-forwarded-for', 'forwarded', 'x-real-ip']) {
      const res = await inject('/api/dev/sms', { headers: { [header]: header === 'forwarded' ? 'for=198.51.100.1' : '198.51.100.1' } });
      assert.equal(res.statusCode, 404, header);
    }
  });

  test('a city administrator, signed in, reads it from another machine', async () => {
    const res = await inject('/api/dev/sms?phone=13800000001', { remoteAddress: REMOTE, cookie: cookies.admin });
    assert.equal(res.statusCode, 200);
    assert.match(res.json().items[0].text, /\d{6}/);
    assert.equal((await inject('/dev/sms', { remoteAddress: REMOTE, cookie: cookies.admin })).statusCode, 200);
    assert.equal((await inject('/dev/sms/reply', { remoteAddress: REMOTE, cookie: cookies.admin })).statusCode, 200);
  });

  test('a citizen, a county administrator and a department administrator from another machine are refused', async () => {
    for (const who of ['citizen', 'countyadmin', 'deptadmin'] as const) {
      const res = await inject('/api/dev/sms', { remoteAddress: REMOTE, cookie: cookies[who] });
      assert.equal(res.statusCode, 404, who);
      assert.equal(res.json().error.code, 'ROUTE_NOT_FOUND', who);
    }
  });

  test('isLocalRequest: loopback socket only, never behind a configured proxy', () => {
    const direct = { trustProxy: false };
    assert.equal(isLocalRequest('127.0.0.1', {}, direct), true);
    assert.equal(isLocalRequest('127.8.9.10', {}, direct), true);
    assert.equal(isLocalRequest('::1', {}, direct), true);
    assert.equal(isLocalRequest('::ffff:127.0.0.1', {}, direct), true);
    assert.equal(isLocalRequest('10.0.0.5', {}, direct), false);
    assert.equal(isLocalRequest('::ffff:10.0.0.5', {}, direct), false);
    assert.equal(isLocalRequest('fe80::1', {}, direct), false);
    assert.equal(isLocalRequest(undefined, {}, direct), false);
    assert.equal(isLocalRequest('127.0.0.1', { 'x-forwarded-for': '127.0.0.1' }, direct), false);
    assert.equal(isLocalRequest('127.0.0.1', {}, { trustProxy: true }), false);
  });
});

describe('when it is on', () => {
  test('on by default on the embedded database; off with DATABASE_URL unless YIWANG_DEV_INBOX=1', () => {
    assert.equal(loadConfig({}).devInbox, true);
    assert.equal(loadConfig({ YIWANG_DEV_INBOX: '0' }).devInbox, false);
    // a server database needs a master key of its own (the public development key is refused)
    const production = { DATABASE_URL: 'postgres://db-host/yiwang', YIWANG_MASTER_KEY: 'a'.repeat(32) };
    assert.equal(loadConfig(production).devInbox, false);
    assert.equal(loadConfig({ ...production, YIWANG_DEV_INBOX: '1' }).devInbox, true);
  });

  /** The app built again on the test server's database, with its log captured. */
  async function appWith(devInbox: boolean) {
    const lines: { level: number; msg: string; paths?: string[] }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const log = pino({ level: 'warn' }, sink);
    const app = await buildApp({ ...server.ctx, log, config: { ...server.ctx.config, devInbox } }, MODULES);
    await app.ready();
    return { app, lines };
  }

  test('a warning at start whenever it is on, naming its paths', async () => {
    const { app, lines } = await appWith(true);
    try {
      const warning = lines.find((l) => /SMS inbox is ON/.test(l.msg));
      assert.ok(warning, JSON.stringify(lines));
      assert.equal(warning.level, 40);
      assert.deepEqual(warning.paths, ['/dev/sms', '/api/dev/sms', '/dev/sms/reply']);
      assert.equal((await app.inject({ url: '/api/dev/sms', remoteAddress: '127.0.0.1' })).statusCode, 200);
    } finally {
      await app.close();
    }
  });

  test('off: no warning, and no inbox even on this machine', async () => {
    const { app, lines } = await appWith(false);
    try {
      assert.equal(lines.some((l) => /SMS inbox/.test(l.msg)), false);
      const res = await app.inject({ url: '/api/dev/sms', remoteAddress: '127.0.0.1', headers: { cookie: cookies.admin } });
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'ROUTE_NOT_FOUND');
      for (const url of ['/dev/sms', '/dev/sms/reply']) {
        const page = await app.inject({ url, remoteAddress: '127.0.0.1', headers: { cookie: cookies.admin } });
        assert.doesNotMatch(page.body, /dev\.sms|短信收件箱|\d{6}/, url);
      }
    } finally {
      await app.close();
    }
  });
});
