import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getPublishedVersion } from '../../src/modules/catalog/index.ts';
import { demoForm, demoMaterialKeys } from '../support/demo-items.ts';
import { uploadMaterial } from '../support/files.ts';
import { ALLOWANCE, CHEN_ID, forgetInLibrary, HOUSEHOLD_ADDRESS_SOURCE, ledger, LI_ID, POPULATION, RETIREMENT, SOCIAL_INSURANCE } from '../support/libraries.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// 免填报 delivered (#15 point 5): the 高龄津贴 item fills 户籍地址 from the base library
// (`population.household_address`, served by 常住人口基本信息 of 公安局), the applicant sees where
// it came from, and her ledger records the use by 云城区民政局 for that item. Someone the library does
// not hold gets an empty field, and nothing is recorded. (The window and 一件事 bundles: data-prefill-channels.test.ts.)
let server: TestServer;
const cookies = {} as Record<'chen' | 'li' | 'dataofficer', string>;
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
  assert.deepEqual(c.prefilledFrom, { household_address: HOUSEHOLD_ADDRESS_SOURCE });

  const [use, ...more] = await ledger(server, cookies.chen, 'prefill');
  assert.ok(use && !more.length, 'one use');
  assert.equal(use.resourceName, POPULATION);
  assert.equal(use.departmentName, '云城区民政局', 'the item is 云城区民政局’s');
  assert.equal(use.system, '一网通办');
  assert.deepEqual(use.fields, ['户籍地址']);
  assert.match(use.purpose ?? '', /80周岁以上老年人高龄津贴申领/);
});

test('a person the library does not hold gets the field empty and no ledger entry', async () => {
  await forgetInLibrary(server, POPULATION, LI_ID);
  const draft = await api('/api/cases', { method: 'POST', cookie: cookies.li, body: { item: ALLOWANCE } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const c = draft.body.case ?? draft.body;
  assert.equal(c.formData.household_address, undefined);
  assert.deepEqual(c.prefilledFrom, {});
  assert.equal((await ledger(server, cookies.li, 'prefill')).length, 0);
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

// 免提交 delivered: a material a library replaces is obtained when the library holds the applicant
// (the case page names the library; submission writes the use to the ledger), and asked for when
// it does not.
const materialOf = async (cookie: string, caseId: string, key: string) =>
  ((await api(`/api/cases/${caseId}`, { cookie })).body.materialStatus as { key: string; fetched: { dataSource: string | null } | null; dataMissing: unknown; demanded: boolean }[]).find((m) => m.key === key)!;

test('参保缴费记录 comes from the social-insurance library for an insured applicant, and the submission is in her ledger', async () => {
  const v = await getPublishedVersion(server.ctx.db, RETIREMENT);
  const draft = await api('/api/cases', { method: 'POST', cookie: cookies.chen, body: { item: RETIREMENT } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const id = draft.body.case.id as string;
  const m2 = await materialOf(cookies.chen, id, 'm2');
  assert.deepEqual([m2.fetched?.dataSource, m2.dataMissing, m2.demanded], ['云浮市人力资源和社会保障局“社会保险参保信息”', null, false]);

  const chen = { idNumber: CHEN_ID, uscc: '' };
  const form = await api(`/api/cases/${id}/form`, { method: 'PUT', cookie: cookies.chen, body: { version: draft.body.case.version, formData: demoForm(v.content, chen, false) } });
  assert.equal(form.status, 200, JSON.stringify(form.body));
  for (const key of demoMaterialKeys(v.content)) assert.equal((await uploadMaterial(server, cookies.chen, id, key)).status, 201);
  const saved = (await api(`/api/cases/${id}`, { cookie: cookies.chen })).body.case;
  const submitted = await api(`/api/cases/${id}/submit`, { method: 'POST', cookie: cookies.chen, body: { version: saved.version, commitment: true } });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  const [use, ...more] = await ledger(server, cookies.chen, 'material');
  assert.ok(use && !more.length, 'one use');
  assert.deepEqual([use.resourceName, use.departmentName, use.fields], [SOCIAL_INSURANCE, '云浮市人力资源和社会保障局', [SOCIAL_INSURANCE]]);
  assert.match(use.purpose ?? '', /免提交/);
});

test('an applicant the library does not hold is asked for the material, and told why', async () => {
  await forgetInLibrary(server, SOCIAL_INSURANCE, LI_ID);
  const draft = await api('/api/cases', { method: 'POST', cookie: cookies.li, body: { item: RETIREMENT } });
  const m2 = await materialOf(cookies.li, draft.body.case.id, 'm2');
  assert.deepEqual([m2.fetched, m2.dataMissing, m2.demanded], [null, { resourceName: '社会保险参保信息', providerName: '云浮市人力资源和社会保障局' }, true]);
});
