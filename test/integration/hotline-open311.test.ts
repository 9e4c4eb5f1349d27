import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SaxesParser } from 'saxes';
import { systemToken } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// #16 point 8: Open311 GeoReport v2's XML forms (services, a service's definition, requests
// posted and read, errors), checked with a real, strict XML parser; and the filters of
// requests.json / requests.xml (service_request_id list, service_code, status, start/end dates).
const YUNCHENG = '445302000000';
let server: TestServer;
let appKey = '';
let agent = '';
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const form = (path: string, fields: Record<string, string>) =>
  fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
const request = (extra: Record<string, string> = {}) => ({
  api_key: appKey,
  service_code: 'CG01',
  description: '人行道被摊贩占用',
  address_string: '云城区人民路',
  jurisdiction_id: YUNCHENG,
  ...extra,
});

/** An element of a parsed document: its name, its child elements and its text. */
type Node = { name: string; children: Node[]; text: string };

/** Parses with saxes (strict, well-formedness errors throw) into a tree of elements. */
function parseXml(xml: string): Node {
  const parser = new SaxesParser();
  const root: Node = { name: '#document', children: [], text: '' };
  const stack: Node[] = [root];
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, children: [], text: '' };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    stack.at(-1)!.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (err) => {
    throw err;
  });
  parser.write(xml).close();
  assert.equal(root.children.length, 1, 'one root element');
  return root.children[0]!;
}
const child = (n: Node, name: string) => n.children.find((c) => c.name === name);
const text = (n: Node, name: string) => child(n, name)?.text ?? null;

async function xml(path: string, init?: RequestInit): Promise<{ status: number; type: string | null; doc: Node }> {
  const res = await fetch(server.url + path, init);
  const body = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), doc: parseXml(body) };
}

before(async () => {
  server = await startTestServer();
  const admin = await server.login('admin');
  agent = await server.login('hotline');
  appKey = (await systemToken(server, admin, 'xml-app', 'XML应用')).authorization!.replace('Bearer ', '');
});
after(() => server.close());

describe('Open311 XML', () => {
  test('services.xml: <services><service> for each service of services.json, same fields', async () => {
    const json = (await api('/open311/v2/services.json')).body as { service_code: string; service_name: string; group: string }[];
    const { status, type, doc } = await xml('/open311/v2/services.xml');
    assert.equal(status, 200);
    assert.match(type!, /^application\/xml/);
    assert.equal(doc.name, 'services');
    assert.equal(doc.children.length, json.length);
    assert.ok(doc.children.every((c) => c.name === 'service'));
    const food = doc.children.find((c) => text(c, 'service_code') === 'SC01')!;
    assert.deepEqual(
      ['service_name', 'group', 'metadata', 'type'].map((k) => text(food, k)),
      ['食品安全', '市场监管', 'true', 'realtime'],
    );
  });

  test('services/{code}.xml: <service_definition> with <attributes><attribute>… <values><value><key/><name/>', async () => {
    const { status, doc } = await xml('/open311/v2/services/SC01.xml');
    assert.equal(status, 200);
    assert.equal(doc.name, 'service_definition');
    assert.equal(text(doc, 'service_code'), 'SC01');
    const attributes = child(doc, 'attributes')!.children;
    assert.deepEqual(
      attributes.map((a) => [a.name, text(a, 'code'), text(a, 'datatype')]),
      [
        ['attribute', 'kind', 'singlevaluelist'],
        ['attribute', 'idempotency_key', 'string'],
      ],
    );
    const values = child(attributes[0]!, 'values')!.children;
    assert.deepEqual(values.map((v) => [v.name, text(v, 'key'), text(v, 'name')])[0], ['value', 'consultation', '咨询']);
    const unknown = await xml('/open311/v2/services/ZZ99.xml');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.doc.name, 'errors');
    const error = unknown.doc.children[0]!;
    assert.equal(error.name, 'error');
    assert.equal(text(error, 'code'), '404');
    assert.match(text(error, 'description')!, /^OPEN311_SERVICE_UNKNOWN: /);
  });

  test('POST requests.xml, GET requests.xml and requests/{id}.xml: <service_requests><request>, text escaped', async () => {
    const tricky = '摊贩占道 <script>alert("x")</script> & 噪音 ]]> 夜里';
    const res = await form('/open311/v2/requests.xml', request({ description: tricky }));
    assert.equal(res.status, 201);
    const posted = parseXml(await res.text());
    assert.equal(posted.name, 'service_requests');
    const id = text(posted.children[0]!, 'service_request_id')!;
    assert.match(id, /^\d{14}$/);
    assert.match(text(posted.children[0]!, 'service_notice')!, /^查询码 \d{6}$/);
    assert.equal(child(posted.children[0]!, 'account_id')!.children.length, 0, 'null is an empty element');

    const one = await xml(`/open311/v2/requests/${id}.xml?api_key=${appKey}`);
    assert.equal(one.status, 200);
    const r = one.doc.children[0]!;
    assert.deepEqual(
      [one.doc.name, r.name, text(r, 'service_request_id'), text(r, 'status'), text(r, 'service_code'), text(r, 'description')],
      ['service_requests', 'request', id, 'open', 'CG01', tricky],
    );
    const list = await xml(`/open311/v2/requests.xml?api_key=${appKey}&service_request_id=${id}`);
    assert.deepEqual(
      list.doc.children.map((c) => text(c, 'service_request_id')),
      [id],
    );
  });

  test('errors in XML: <errors><error><code/><description/> with our stable codes', async () => {
    const cases: [Record<string, string>, number, string][] = [
      [request({ api_key: '' }), 403, 'OPEN311_API_KEY_INVALID'],
      [request({ service_code: 'ZZ99' }), 422, 'HOTLINE_CATEGORY_UNKNOWN'],
      [request({ lat: '91', long: '112' }), 400, 'OPEN311_COORDINATES_INVALID'],
      [request({ media_url: 'http://example.com/a.jpg' }), 400, 'OPEN311_MEDIA_URL_INVALID'],
    ];
    for (const [fields, status, code] of cases) {
      const res = await form('/open311/v2/requests.xml', fields);
      assert.equal(res.status, status, code);
      const doc = parseXml(await res.text());
      assert.deepEqual([doc.name, doc.children[0]!.name, text(doc.children[0]!, 'code')], ['errors', 'error', String(status)]);
      assert.ok(text(doc.children[0]!, 'description')!.startsWith(`${code}: `), code);
    }
    const read = await xml('/open311/v2/requests.xml');
    assert.deepEqual([read.status, read.doc.name], [403, 'errors'], 'reading needs the api_key too');
  });
});

describe('Open311 requests.json filters', () => {
  test('service_request_id list, service_code, status, start_date/end_date; bad values are the spec’s errors', async () => {
    const post = async (extra: Record<string, string>) => {
      const res = await form('/open311/v2/requests.json', request(extra));
      assert.equal(res.status, 201);
      return ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
    };
    const a = await post({ service_code: 'CG01', description: '人民路占道经营', media_url: 'https://img.example.cn/p/1.jpg' });
    const b = await post({ service_code: 'CG02', description: '人民路垃圾堆放' });
    const c = await post({ service_code: 'CG01', description: '人民路夜间施工噪音' });
    // the centre answers c at once: closed for Open311
    const cRow = (await server.ctx.db.one<{ id: string; version: number }>(
      'select id, version from hotline_ticket where number = $1',
      [c],
    ))!;
    const answered = await api(`/api/hotline/tickets/${cRow.id}/answer`, {
      method: 'POST',
      cookie: agent,
      body: { version: cRow.version, reply: '已转告施工单位，夜间停止施工' },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const ids = async (query: string) => {
      const res = await api(`/open311/v2/requests.json?api_key=${appKey}&${query}`);
      assert.equal(res.status, 200, `${query}: ${JSON.stringify(res.body)}`);
      return (res.body as { service_request_id: string }[])
        .map((r) => r.service_request_id)
        .filter((id) => [a, b, c].includes(id));
    };
    assert.deepEqual(await ids(`service_request_id=${a},${c}`), [c, a]);
    assert.deepEqual(await ids('service_code=CG01'), [c, a]);
    assert.deepEqual(await ids('service_code=CG01,CG02'), [c, b, a]);
    assert.deepEqual(await ids('status=closed'), [c]);
    assert.deepEqual(await ids('status=open'), [b, a]);
    assert.deepEqual(await ids('status=open,closed'), [c, b, a]);
    assert.deepEqual(await ids('service_code=CG01&status=open'), [a]);
    const closed = (await api(`/open311/v2/requests/${c}.json?api_key=${appKey}`)).body[0];
    assert.deepEqual([closed.status, closed.status_notes], ['closed', '已转告施工单位，夜间停止施工']);
    const withPhoto = (await api(`/open311/v2/requests/${a}.json?api_key=${appKey}`)).body[0];
    assert.equal(withPhoto.media_url, 'https://img.example.cn/p/1.jpg');

    const created = new Date(
      (await server.ctx.db.one<{ at: string }>('select created_at as at from hotline_ticket where number = $1', [a]))!.at,
    );
    const iso = (ms: number) => new Date(ms).toISOString();
    const hour = 3_600_000;
    assert.deepEqual(await ids(`start_date=${iso(created.getTime() - hour)}&end_date=${iso(created.getTime() + hour)}`), [
      c,
      b,
      a,
    ]);
    assert.deepEqual(await ids(`start_date=${iso(created.getTime() + hour)}`), [], 'all before the start');
    assert.deepEqual(await ids(`end_date=${iso(created.getTime() - hour)}`), [], 'all after the end');
    for (const [query, code] of [
      ['status=pending', 'OPEN311_STATUS_INVALID'],
      ['start_date=yesterday', 'OPEN311_DATE_INVALID'],
      [`start_date=${iso(created.getTime())}&end_date=${iso(created.getTime() - hour)}`, 'OPEN311_DATE_INVALID'],
      [`start_date=${iso(created.getTime() - 100 * 24 * hour)}&end_date=${iso(created.getTime())}`, 'OPEN311_DATE_INVALID'],
    ]) {
      const res = await api(`/open311/v2/requests.json?api_key=${appKey}&${query}`);
      assert.equal(res.status, 400, query);
      assert.ok(String(res.body[0].description).startsWith(code!), JSON.stringify(res.body));
    }
  });
});
