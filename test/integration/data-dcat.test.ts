import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import jsonld from 'jsonld';
import { Parser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { startTestServer, type TestServer } from '../support/server.ts';

// The resource catalogue as DCAT-AP 3.0 (#15 point 1): Turtle and JSON-LD by content
// negotiation, each valid against SEMIC's DCAT-AP 3.0.1 SHACL shapes (test/fixtures/dcat-ap-3.0.1),
// the same graph in both; anonymous callers get the open catalogue, staff the closed part too.
let server: TestServer;
let staff = '';
const SHAPES = new URL('../fixtures/dcat-ap-3.0.1/', import.meta.url);

const parseTurtle = (text: string, baseIRI?: string) => new Parser({ baseIRI }).parse(text);
const shapes = new Store([
  ...parseTurtle(readFileSync(new URL('shapes.ttl', SHAPES), 'utf8')),
  ...parseTurtle(readFileSync(new URL('range.ttl', SHAPES), 'utf8')),
]);
const validator = new SHACLValidator(shapes);

async function violations(quads: Quad[]) {
  const report = await validator.validate(new Store(quads));
  return report.results
    .filter((r) => r.severity?.value.endsWith('Violation'))
    .map((r) => `${r.focusNode?.value} ${r.path?.value}: ${r.message.map((m) => m.value).join(' ')}`);
}
const asNTriples = (quads: Quad[]) =>
  new Set(
    quads.map(
      (q) =>
        `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}@${'language' in q.object ? q.object.language : ''}^^${'datatype' in q.object ? q.object.datatype.value : ''}`,
    ),
  );
const datasets = (quads: Quad[]) =>
  quads
    .filter((q) => q.predicate.value.endsWith('#type') && q.object.value === 'http://www.w3.org/ns/dcat#Dataset')
    .map((q) => q.subject.value);

async function fetchCatalogue(accept: string, cookie = '') {
  const res = await fetch(`${server.url}/api/data/catalog`, { headers: { accept, ...(cookie ? { cookie } : {}) } });
  assert.equal(res.status, 200);
  return { type: res.headers.get('content-type') ?? '', vary: res.headers.get('vary') ?? '', text: await res.text() };
}

before(async () => {
  server = await startTestServer();
  staff = await server.login('approver');
});
after(() => server.close());

describe('DCAT-AP 3.0 catalogue', () => {
  test('Turtle for anyone: valid against the DCAT-AP shapes; only the open part of the catalogue', async () => {
    const ttl = await fetchCatalogue('text/turtle');
    assert.match(ttl.type, /^text\/turtle/);
    assert.match(ttl.vary, /cookie/);
    const quads = parseTurtle(ttl.text);
    assert.deepEqual(await violations(quads), []);
    const names = quads.filter((q) => q.predicate.value === 'http://purl.org/dc/terms/title').map((q) => q.object.value);
    for (const open of ['市场主体登记信息', '标准地址信息', '公共信用信息', '政务服务办件统计', '政务服务好差评结果统计', '非税收入缴款统计'])
      assert.ok(names.includes(open), open);
    assert.ok(!names.includes('常住人口基本信息'), 'a closed resource is not in the public catalogue');
    const rights = new Set(quads.filter((q) => q.predicate.value.endsWith('accessRights')).map((q) => q.object.value));
    assert.deepEqual([...rights], ['http://publications.europa.eu/resource/authority/access-right/PUBLIC']);
  });

  test('JSON-LD for staff: the same graph as their Turtle, valid too, closed resources included', async () => {
    const cookie = staff;
    const ld = await fetchCatalogue('application/ld+json', cookie);
    assert.match(ld.type, /^application\/ld\+json/);
    const nquads = (await jsonld.toRDF(JSON.parse(ld.text), { format: 'application/n-quads' })) as unknown as string;
    const fromJsonLd = new Parser({ format: 'N-Quads' }).parse(nquads);
    const fromTurtle = parseTurtle((await fetchCatalogue('text/turtle', cookie)).text);
    assert.deepEqual(asNTriples(fromJsonLd), asNTriples(fromTurtle));
    assert.deepEqual(await violations(fromJsonLd), []);
    const published = (await server.api('/api/data/resources?status=published&pageSize=100', { cookie })).body.total;
    assert.equal(datasets(fromJsonLd).length, published, 'every published resource, the closed ones too');
    const population = fromJsonLd.filter(
      (q) => q.predicate.value.endsWith('accessRights') && q.object.value.endsWith('NON_PUBLIC'),
    );
    assert.ok(population.length > 0);
    const formatted = await fetch(`${server.url}/api/data/catalog?format=jsonld`, { headers: { cookie } });
    assert.match(formatted.headers.get('content-type') ?? '', /^application\/ld\+json/);
  });

  test('the shapes catch what DCAT-AP requires: a dataset without its title, a publisher that is no agent', async () => {
    const quads = parseTurtle((await fetchCatalogue('text/turtle')).text);
    const [first] = datasets(quads);
    const untitled = quads.filter((q) => !(q.subject.value === first && q.predicate.value === 'http://purl.org/dc/terms/title'));
    assert.ok((await violations(untitled)).some((v) => v.startsWith(`${first} http://purl.org/dc/terms/title`)));
    const publisher = quads.find((q) => q.subject.value === first && q.predicate.value === 'http://purl.org/dc/terms/publisher')!
      .object.value;
    const anonymous = quads.filter((q) => !(q.subject.value === publisher && q.predicate.value.endsWith('#type')));
    assert.ok((await violations(anonymous)).some((v) => v.includes('http://purl.org/dc/terms/publisher')));
  });

  test('a title with quotes, a backslash and a line break stays one valid literal', async () => {
    const admin = await server.login('dataofficer');
    const found = await server.api(`/api/org/departments?q=${encodeURIComponent('统计局')}&pageSize=5`, {
      cookie: await server.login('admin'),
    });
    const dept = found.body.items[0];
    assert.ok(dept, JSON.stringify(found.body));
    const created = await server.api('/api/data/resources', {
      method: 'POST',
      cookie: admin,
      body: {
        providerDepartmentId: dept.id,
        classCode: '301001',
        name: '统计"年鉴"\\数据',
        summary: '第一行\n第二行 <tag> "quoted"',
        format: 'file',
        sharingType: 'unconditional',
        sharingMethod: 'bulk',
        openType: 'open',
        updateCycle: 'yearly',
        sourceSystem: '统计数据库',
        fields: [{ key: 'year', name: '年份', type: 'integer', sharingType: 'unconditional' }],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await server.api(`/api/data/resources/${created.body.id}/publish`, {
      method: 'POST',
      cookie: admin,
      body: { version: created.body.version },
    });
    const quads = parseTurtle((await fetchCatalogue('text/turtle')).text);
    assert.ok(quads.some((q) => q.object.value === '统计"年鉴"\\数据'));
    assert.ok(quads.some((q) => q.object.value === '第一行\n第二行 <tag> "quoted"'));
    assert.deepEqual(await violations(quads), []);
  });
});
