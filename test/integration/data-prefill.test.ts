import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personalData } from '../../src/kernel/pii.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// 免填报 delivered (#15 point 5): the 高龄津贴 item fills 户籍地址 from the base library
// (`population.household_address`, served by 常住人口基本信息 of 公安局), the applicant sees where
// it came from, and her ledger records the use by 云城区民政局 for that item. Someone the library does
// not hold gets an empty field, and nothing is recorded.
const ALLOWANCE = '440E0720000000-445302000000-000-11445302530200376G-1-00';
let server: TestServer;
const cookies: Record<string, string> = {};
const api = (...a: Parameters<TestServer['api']>) => server.api(...a);

before(async () => {
  server = await startTestServer();
  cookies.chen = await server.login('13800000001', 'Yiwang@2026citizen');
  cookies.li = await server.login('13800000002', 'Yiwang@2026citizen');
  cookies.dataofficer = await server.login('dataofficer');
});
after(() => server.close());

test('a draft takes 户籍地址 from the population library, says where from, and the ledger tells the applicant', async () => {
  const draft = await api('/api/cases', { method: 'POST', cookie: cookies.chen, body: { item: ALLOWANCE } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const c = draft.body.case ?? draft.body;
  assert.match(String(c.formData.household_address), /^云浮市云城区.+号$/, 'the library value');
  assert.deepEqual(c.prefilledFrom, { household_address: { resourceName: '常住人口基本信息', providerName: '云浮市公安局', fieldName: '户籍地址' } });

  const uses = (await api('/api/my/data-uses?kind=prefill', { cookie: cookies.chen })).body.items;
  assert.equal(uses.length, 1);
  assert.equal(uses[0].resourceName, '常住人口基本信息');
  assert.equal(uses[0].departmentName, '云城区民政局', 'the item is 云城区民政局’s');
  assert.equal(uses[0].system, '一网通办');
  assert.deepEqual(uses[0].fields, ['户籍地址']);
  assert.match(uses[0].purpose, /80周岁以上老年人高龄津贴申领/);
});

test('a person the library does not hold gets the field empty and no ledger entry', async () => {
  const pii = personalData(server.ctx.config.masterKey);
  const li = demoIdNumber('445302000000', '19851102', 1);
  await server.ctx.db.query(`delete from data_record where key_index = $1 and resource_id = (select id from data_resource where name = '常住人口基本信息')`, [pii.index(li)]);
  const draft = await api('/api/cases', { method: 'POST', cookie: cookies.li, body: { item: ALLOWANCE } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const c = draft.body.case ?? draft.body;
  assert.equal(c.formData.household_address, undefined);
  assert.deepEqual(c.prefilledFrom, {});
  const uses = (await api('/api/my/data-uses?kind=prefill', { cookie: cookies.li })).body.items;
  assert.equal(uses.length, 0);
});

test('the data bureau says which resource serves a base-library key; others may not', async () => {
  const sources = (await api('/api/data/base-fields', { cookie: cookies.dataofficer })).body.items;
  const address = sources.find((s: { key: string }) => s.key === 'population.household_address');
  assert.deepEqual([address.resourceName, address.fieldKey, address.fieldName], ['常住人口基本信息', 'household_address', '户籍地址']);
  const body = { resourceId: address.resourceId, fieldKey: 'no_such_field' };
  const unknown = await api('/api/data/base-fields/population.household_address', { method: 'PUT', cookie: cookies.dataofficer, body });
  assert.deepEqual([unknown.status, unknown.body.error.code], [422, 'DATA_FIELD_UNKNOWN']);
  const citizen = await api('/api/data/base-fields/population.household_address', { method: 'PUT', cookie: cookies.chen, body: { resourceId: address.resourceId, fieldKey: 'household_address' } });
  assert.equal(citizen.status, 403);
});
