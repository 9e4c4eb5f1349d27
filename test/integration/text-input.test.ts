// NUL and other invalid characters in any text a request carries — query, path parameters, JSON
// values and keys — are a 400 INVALID_CHARACTER on every route, never a 500 (issue #13.5: a NUL
// gave 500 on list routes and case submit, PostgreSQL refusing it). One rule in the kernel, so
// the walk goes over every operation of the OpenAPI document and the routes it hides.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CITIZEN_PASSWORD, IMMEDIATE } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let citizen: string;
let admin: string;

before(async () => {
  server = await startTestServer();
  citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  admin = await server.login('admin');
});
after(() => server.close());

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: string[];
  jsonBody: boolean;
}

async function operations(): Promise<Operation[]> {
  const doc = (await server.api('/api/docs/json')).body as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, unknown> } }>>;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const parameters = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        jsonBody: Boolean(op.requestBody?.content['application/json']),
      });
    }
  return ops;
}

const VALID_ID = '01890a5d-ac96-774b-bcce-b302099a8057';
/** The path with each parameter a harmless value, or `bad` for the one named. */
const fill = (op: Operation, badParam?: string) =>
  op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => (name === badParam ? 'x%00y' : name === 'day' ? '2026-03-18' : VALID_ID));

type Result = { what: string; status: number; body: { error?: { code: string; details?: { part?: string; field?: string } } } };

async function send(op: Operation, what: string, url: string, body?: string, cookie?: string): Promise<Result> {
  const res = await server.api(url, {
    method: op.method,
    rawBody: body,
    cookie,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
  });
  return { what: `${op.method} ${url} (${what})`, status: res.status, body: res.body };
}

function assertRefused(results: Result[], part: string) {
  const wrong = results.filter((r) => r.status !== 400 || r.body?.error?.code !== 'INVALID_CHARACTER' || r.body.error.details?.part !== part);
  assert.deepEqual(
    wrong.map((r) => `${r.what} → ${r.status} ${JSON.stringify(r.body?.error ?? r.body).slice(0, 160)}`),
    [],
  );
}

describe('every operation of the OpenAPI document', () => {
  test('the document lists the API (the walk below covers what it lists)', async () => {
    const ops = await operations();
    assert.ok(ops.length > 200, `${ops.length} operations`);
    assert.ok(ops.some((o) => o.path === '/api/cases' && o.method === 'POST'));
    assert.ok(ops.some((o) => o.path === '/api/cases/{id}/submit'));
  });

  test('a NUL in the query string: 400 INVALID_CHARACTER, anonymous and signed in', async () => {
    const ops = await operations();
    const results: Result[] = [];
    for (const op of ops) {
      const names = [...new Set(['q', ...op.query])];
      const query = names.map((n) => `${encodeURIComponent(n)}=a%00b`).join('&');
      const body = op.jsonBody ? '{}' : undefined;
      results.push(await send(op, 'anonymous', `${fill(op)}?${query}`, body));
      if (op.method === 'GET') results.push(await send(op, 'staff', `${fill(op)}?${query}`, body, admin));
    }
    assertRefused(results, 'query');
  });

  test('a NUL in a query key', async () => {
    const results: Result[] = [];
    for (const op of (await operations()).filter((o) => o.method === 'GET')) results.push(await send(op, 'key', `${fill(op)}?a%00=1`, undefined, citizen));
    assertRefused(results, 'query');
  });

  test('a NUL in each path parameter', async () => {
    const results: Result[] = [];
    for (const op of await operations())
      for (const name of op.params) results.push(await send(op, name, fill(op, name), op.jsonBody ? '{}' : undefined, citizen));
    assert.ok(results.length > 100, `${results.length} parameters`);
    assertRefused(results, 'params');
  });

  test('a NUL in a JSON value and in a JSON key of every body, signed in as a citizen and as staff', async () => {
    const results: Result[] = [];
    for (const op of (await operations()).filter((o) => o.jsonBody)) {
      results.push(await send(op, 'value', fill(op), JSON.stringify({ name: 'a\u0000b', formData: { x: 'y' } }), citizen));
      results.push(await send(op, 'key', fill(op), JSON.stringify({ formData: { 'a\u0000b': 'y' } }), admin));
      results.push(await send(op, 'nested value', fill(op), JSON.stringify({ items: [{ lines: ['ok', 'bad\u0000'] }] }), admin));
    }
    assert.ok(results.length > 150, `${results.length} bodies`);
    assertRefused(results, 'body');
  });
});

describe('what the walk found and the routes the document hides', () => {
  test('the issue\'s cases: list searches with ?q=%00 and case submit with a NUL in the form', async () => {
    for (const path of ['/api/catalog/search?q=%00', '/api/catalog/items?q=%00', '/api/org/departments?q=%00', '/api/org/staff?q=%00', '/api/cases/inbox?q=%00']) {
      const res = await server.api(path, { cookie: admin });
      assert.equal(res.status, 400, path);
      assert.equal(res.body.error.code, 'INVALID_CHARACTER', path);
      assert.deepEqual(res.body.error.details, { part: 'query', field: 'q', in: 'value', codePoint: 'U+0000' }, path);
    }
    const draft = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: IMMEDIATE, formData: { reason: '遗失\u0000补领' } } });
    assert.equal(draft.status, 400);
    assert.deepEqual(draft.body.error.details, { part: 'body', field: 'formData.reason', in: 'value', codePoint: 'U+0000' });
    const ok = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: IMMEDIATE, formData: { reason: '遗失补领' } } });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    const saved = await server.api(`/api/cases/${ok.body.case.id}/form`, { method: 'PUT', cookie: citizen, body: { version: ok.body.case.version, formData: { ['原因\u0000']: 'x' } } });
    assert.equal(saved.status, 400);
    assert.equal(saved.body.error.code, 'INVALID_CHARACTER');
    assert.deepEqual(saved.body.error.details, { part: 'body', field: 'formData.原因\\u0000', in: 'key', codePoint: 'U+0000' });
  });

  test('other control characters and lone surrogates likewise; tab, line breaks and emoji pass the check', async () => {
    for (const [text, codePoint] of [['\u0001', 'U+0001'], ['\u001B[31m', 'U+001B'], ['\uD800', 'U+D800'], ['x\uDFFF', 'U+DFFF']] as const) {
      const res = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: IMMEDIATE, formData: { reason: text } } });
      assert.equal(res.status, 400, JSON.stringify(text));
      assert.equal(res.body.error.details.codePoint, codePoint);
    }
    const fine = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: IMMEDIATE, formData: { reason: '遗失\t补领\r\n😀' } } });
    assert.equal(fine.status, 201, JSON.stringify(fine.body));
  });

  test('hidden routes: the provider, its pages, the payment simulator, the sign-in callback, the dev inbox', async () => {
    const cases: { path: string; method?: string; form?: string; part: string }[] = [
      { path: '/oidc/auth?client_id=%00&response_type=code&scope=openid', part: 'query' },
      { path: '/oidc/interaction/x%00y', part: 'params' },
      { path: '/oidc/interaction/abc/login', method: 'POST', form: 'username=a%00&password=b&csrf=c', part: 'body' },
      { path: '/api/auth/callback?code=%00&state=x', part: 'query' },
      { path: '/oidc/token', method: 'POST', form: 'grant_type=client_credentials&client_id=%00&client_secret=x', part: 'body' },
      { path: '/oidc/token/introspection', method: 'POST', form: 'token=a&token=b%00&client_id=c&client_secret=x', part: 'body' },
      { path: '/paysim/wechat/pay/x%00', part: 'params' },
      { path: '/dev/sms/reply', method: 'POST', form: 'phone=13800000001&text=1%00', part: 'body' },
    ];
    for (const c of cases) {
      const res = await server.api(c.path, { method: c.method ?? 'GET', rawBody: c.form, headers: c.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {} });
      assert.equal(res.status, 400, `${c.path}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'INVALID_CHARACTER', c.path);
      assert.equal(res.body.error.details.part, c.part, c.path);
    }
  });

  test('a file upload is bytes, not text: a NUL in its content is stored; in its name (query) refused', async () => {
    const draft = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: IMMEDIATE } });
    const url = `/api/cases/${draft.body.case.id}/materials/m1`;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 0]), Buffer.from('\n%%EOF\n')]);
    const named = await fetch(`${server.url}${url}?name=a%00.pdf`, { method: 'PUT', body: pdf, headers: { cookie: citizen, 'content-type': 'application/pdf' } });
    assert.equal(named.status, 400);
    assert.equal(((await named.json()) as { error: { code: string } }).error.code, 'INVALID_CHARACTER');
    const stored = await fetch(`${server.url}${url}?name=a.pdf`, { method: 'PUT', body: pdf, headers: { cookie: citizen, 'content-type': 'application/pdf' } });
    assert.notEqual(stored.status, 400, await stored.text());
  });
});
