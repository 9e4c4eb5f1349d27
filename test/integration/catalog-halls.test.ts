// The guide's service halls with their positions (WGS-84), the hall position in the org API,
// and the response schemas of the catalogue routes in the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HALL_POSITIONS } from '../../src/seed/hall-positions.ts';
import { CITY, LUODING } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { publishTestItem } from './catalog-publish-fixture.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server?.close());

interface GuideHall {
  id: string;
  name: string;
  regionCode: string;
  latitude: number | null;
  longitude: number | null;
}
const guideHalls = async (code: string): Promise<GuideHall[]> => {
  const r = await server.api(`/api/catalog/guide/${encodeURIComponent(code)}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.halls;
};
const hallOf = async (region: string) =>
  (await server.ctx.db.one<{ id: string }>('select id from hall where region_code = $1', [region]))!.id;

test('the demo city halls carry WGS-84 positions in 云浮', async () => {
  const rows = await server.ctx.db.query<{ region_code: string; latitude: number; longitude: number }>('select region_code, latitude, longitude from hall');
  assert.ok(rows.length >= 6, `${rows.length} halls`);
  for (const h of rows) {
    assert.deepEqual({ latitude: h.latitude, longitude: h.longitude }, HALL_POSITIONS[h.region_code], h.region_code);
    // 云浮 lies between 22.4–23.4 N and 111.0–112.6 E.
    assert.ok(h.latitude > 22.4 && h.latitude < 23.4 && h.longitude > 111 && h.longitude < 112.6);
  }
});

test('guide halls: linked by hallId, else the item region, else every hall of the city for a 通办 item', async () => {
  const plain = await publishTestItem(server, 101, { name: '小餐饮登记（大厅测试一）' });
  const halls = await guideHalls(plain.code);
  assert.deepEqual(halls.map((h) => h.regionCode), [CITY], 'a city item without links is handled at the city centre');
  assert.equal(halls[0]!.latitude, 22.915);
  assert.equal(halls[0]!.longitude, 112.044);

  const luodingHall = await hallOf(LUODING);
  const linked = await publishTestItem(server, 102, {
    name: '小餐饮登记（大厅测试二）',
    halls: [{ hallId: luodingHall, name: '罗定市政务服务中心' }, { hallId: 'not-a-uuid', name: '旧数据' }],
  });
  const linkedHalls = await guideHalls(linked.id);
  assert.deepEqual(linkedHalls.map((h) => h.id), [luodingHall], 'the linked hall only; a malformed id is skipped, not a 500');
  assert.equal(linkedHalls[0]!.latitude, 22.768);

  const cityWide = await publishTestItem(server, 103, {
    name: '小餐饮登记（大厅测试三）',
    flags: { highFrequency: true, noFill: true, noSubmit: false, noLicense: false, noTrip: true, generalWindow: true, sso: true, mobile: true, crossScope: 'city' },
  });
  const all = await guideHalls(cityWide.code);
  const total = Number((await server.ctx.db.one<{ n: number }>(`select count(*) as n from hall where region_code like '4453%'`))!.n);
  assert.equal(all.length, total);
  assert.ok(all.some((h) => h.regionCode === LUODING));
  assert.ok(all.every((h) => typeof h.latitude === 'number' && typeof h.longitude === 'number'));
});

test('a demo guide carries its halls; an unknown item is a 404, a malformed code a 422', async () => {
  const hit = await server.api(`/api/catalog/search?q=${encodeURIComponent('身份证')}&kind=item&limit=1`);
  assert.equal(hit.status, 200);
  assert.ok(hit.body.items.length, 'the demo catalogue answers 身份证');
  const halls = await guideHalls(hit.body.items[0].code);
  assert.ok(halls.length >= 1);
  assert.ok(halls.every((h) => h.name.endsWith('政务服务中心')));
  const missing = await server.api('/api/catalog/guide/00000000-0000-7000-8000-000000000000');
  assert.equal(missing.status, 404);
  const malformed = await server.api('/api/catalog/guide/NO-SUCH-ITEM');
  assert.equal(malformed.status, 422);
});

test('hall positions in the org API: both or neither, in range, administrators only', async () => {
  const admin = await server.login('admin');
  const id = await hallOf(LUODING);
  const read = async () => (await server.api(`/api/org/halls/${id}`, { cookie: admin })).body;
  const hall = await read();
  assert.equal(hall.latitude, 22.768);

  const half = await server.api(`/api/org/halls/${id}`, { method: 'PATCH', cookie: admin, body: { version: hall.version, latitude: null } });
  assert.equal(half.status, 400);
  assert.equal(half.body.error.code, 'VALIDATION_FAILED');
  assert.equal(half.body.error.details.field, 'latitude');
  const outOfRange = await server.api(`/api/org/halls/${id}`, { method: 'PATCH', cookie: admin, body: { version: hall.version, latitude: 91, longitude: 111 } });
  assert.equal(outOfRange.status, 400);
  const text = await server.api(`/api/org/halls/${id}`, { method: 'PATCH', cookie: admin, body: { version: hall.version, latitude: '22.7', longitude: 111 } });
  assert.equal(text.status, 400);
  assert.equal((await read()).version, hall.version, 'refused changes wrote nothing');

  const dept = await server.login('deptadmin');
  const denied = await server.api(`/api/org/halls/${id}`, { method: 'PATCH', cookie: dept, body: { version: hall.version, latitude: 22.77, longitude: 111.571 } });
  assert.ok([403, 404].includes(denied.status), String(denied.status));

  const moved = await server.api(`/api/org/halls/${id}`, { method: 'PATCH', cookie: admin, body: { version: hall.version, latitude: 22.7701, longitude: 111.5712 } });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.deepEqual([moved.body.latitude, moved.body.longitude], [22.7701, 111.5712]);
  const cleared = await server.api(`/api/org/halls/${id}`, { method: 'PATCH', cookie: admin, body: { version: moved.body.version, latitude: null, longitude: null } });
  assert.equal(cleared.status, 200);
  assert.equal(cleared.body.latitude, null);

  const created = await server.api('/api/org/halls', { method: 'POST', cookie: admin, body: { name: '罗定市素龙便民服务中心', regionCode: LUODING, longitude: 111.6 } });
  assert.equal(created.status, 400, 'a longitude without a latitude');
  const withPosition = await server.api('/api/org/halls', { method: 'POST', cookie: admin, body: { name: '罗定市素龙便民服务中心', regionCode: LUODING, latitude: 22.73, longitude: 111.61 } });
  assert.equal(withPosition.status, 201, JSON.stringify(withPosition.body));
  assert.equal(withPosition.body.latitude, 22.73);
});

test('OpenAPI: every catalogue route declares its success response', async () => {
  const doc = await server.api('/api/docs/json');
  assert.equal(doc.status, 200);
  const missing: string[] = [];
  for (const [path, ops] of Object.entries(doc.body.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>)) {
    if (!path.startsWith('/api/catalog/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      if (!Object.keys(op.responses ?? {}).some((s) => /^2\d\d$/.test(s))) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  assert.deepEqual(missing, []);
  const guide = doc.body.paths['/api/catalog/guide/{idOrCode}'].get.responses['200'];
  const hallProps = guide.content['application/json'].schema.properties.halls.items.properties;
  assert.ok(hallProps.latitude && hallProps.longitude);
});
