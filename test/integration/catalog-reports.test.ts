import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sampleContent } from '../../src/modules/catalog/fixtures.ts';
import { indicatorInputs } from '../../src/modules/catalog/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let admin: string;
let bureau: string;
before(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
  bureau = await server.login('dataofficer');
  await server.ctx.db.query(
    `insert into catalog_base_field (key, label, library, provider) values ('legal_entity.registration', '登记注册信息', 'legal_entity', 'SCJGJ') on conflict (key) do nothing`,
  );
});
after(() => server?.close());

async function publishItem(deptCode: string, main: string, content = sampleContent()) {
  const dept = (await server.ctx.db.one<{ id: string; uscc: string; region_code: string }>('select id, uscc, region_code from department where code = $1', [deptCode]))!;
  const code = `440A${main}001000-${dept.region_code}-000-${dept.uscc}-1-00`;
  const created = await server.api('/api/catalog/items', { method: 'POST', cookie: admin, body: { code, departmentId: dept.id, content } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const id = created.body.item.id;
  for (const [who, action] of [
    [admin, 'submit'],
    [bureau, 'approve'],
    [bureau, 'publish'],
  ] as const) {
    const r = await server.api(`/api/catalog/items/${id}/transitions`, { method: 'POST', cookie: who, body: { action } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  return code;
}

test('"十统一": the same basic code in two regions is compared element by element', async () => {
  await publishItem('445300-SCJGJ', '8001');
  const county = await publishItem('445302-SCJGJ', '8001', sampleContent({ promisedLimit: { immediate: false, days: 8 } }));
  await publishItem('445303-SCJGJ', '8001');
  const res = await server.api('/api/catalog/consistency?regionCode=445300000000&basicCode=440A8001001000', { cookie: admin });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.checked, 1);
  const group = res.body.groups[0];
  assert.equal(group.regions, 3);
  assert.equal(group.consistent, false);
  assert.deepEqual(
    group.deviations.map((d: { element: string; code: string; value: unknown; standard: unknown }) => [d.element, d.code, d.value, d.standard]),
    [['promisedLimit', county, 8, 5]],
  );
  assert.equal((await server.api('/api/catalog/consistency?regionCode=445300000000')).status, 401);
});

test('indicator inputs: rates with the items behind each number', async () => {
  const before = await indicatorInputs(server.ctx.db, '445300000000');
  const code = await publishItem('445300-SCJGJ', '8002', sampleContent({
    visits: 1,
    visitReason: '现场核查经营场所',
    onlineDepth: { national: [1, 2, 3], level: 3 },
    flags: { highFrequency: true, generalWindow: false, sso: true, mobile: true },
  }));
  const res = await server.api('/api/catalog/indicators?regionCode=445300000000', { cookie: admin });
  assert.equal(res.status, 200);
  const get = (key: string) => res.body.indicators.find((i: { key: string }) => i.key === key);
  const zero = get('zero_trip_rate');
  assert.ok(zero.denominatorItems.includes(code));
  assert.ok(!zero.numeratorItems.includes(code));
  assert.equal(zero.denominator, before.indicators.find((i) => i.key === 'zero_trip_rate')!.denominator + 1);
  assert.ok(get('online_rate').numeratorItems.includes(code), 'depth Ⅲ counts as online');
  assert.ok(!get('full_online_rate').numeratorItems.includes(code));
  assert.ok(get('max_one_trip_rate').numeratorItems.includes(code));
  assert.ok(!get('one_window_rate').numeratorItems.includes(code));
  assert.equal(get('time_compression').unit, '%');
  assert.ok(res.body.byDepartment.length >= 1);
  assert.equal((await server.api('/api/catalog/indicators?regionCode=445300000000')).status, 401);
});
