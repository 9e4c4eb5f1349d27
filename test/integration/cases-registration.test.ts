// 设立登记 (#14): the 营业执照 a registration issues belongs to the market subject the decision
// registers, not to the person who applied. The subject gets its 统一社会信用代码, the 法人库 learns
// it with the applicant as its 经营者 / 法定代表人, the applicant adds it under 我的企业 (proven by
// the registry at once) and finds the licence in its wallet; producing the result again registers
// nothing new; a 法定代表人 other than the applicant is proven at the window.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { personalData } from '../../src/kernel/pii.ts';
import { validateUscc } from '../../src/kernel/validate/index.ts';
import { produceResults } from '../../src/modules/cases/result/results.ts';
import { getPublishedVersion } from '../../src/modules/catalog/index.ts';
import { signIn } from '../support/browserless.ts';
import { workCase } from '../support/cases.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { applyDemoItem, demoForm } from '../support/demo-items.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let staff: { clerk: string; approver: string };
/** 陈小云 (实名等级 2+), who sets up a 个体工商户 and a company. */
const chen = { cookie: '', idNumber: '', name: '陈小云' };

before(async () => {
  server = await startTestServer({ YIWANG_WORKERS: '0' });
  staff = { clerk: await server.login('clerk'), approver: await server.login('approver') };
  chen.cookie = await server.login('13800000001', CITIZEN_PASSWORD);
  const enc = (await server.ctx.db.one<{ enc: string }>("select id_number_enc as enc from person where name = '陈小云'"))!.enc;
  chen.idNumber = personalData(server.ctx.config.masterKey).decrypt(enc);
});
after(() => server?.close());

const codeOf = async (name: string) =>
  (await server.ctx.db.one<{ code: string }>('select i.code from catalog_item i join catalog_item_version v on v.item_id = i.id where v.name = $1 order by i.code limit 1', [name]))!.code;

/** Applies for the item as 陈小云 with `fields` over the demo form, works it to the end and produces its results. */
async function registered(itemName: string, fields: Record<string, unknown>) {
  const code = await codeOf(itemName);
  const { content } = await getPublishedVersion(server.ctx.db, code);
  const submitted = await applyDemoItem(server, chen.cookie, code, content, { ...demoForm(content, { idNumber: chen.idNumber, uscc: '' }, false), ...fields });
  assert.equal((await workCase(server, submitted.id, { staff })).status, 'completed');
  while ((await server.deliverEvents()) > 0);
  const results = await server.api(`/api/cases/${submitted.id}/results`, { cookie: chen.cookie });
  assert.equal(results.status, 200, JSON.stringify(results.body));
  assert.deepEqual(results.body.blocked, [], JSON.stringify(results.body));
  return { caseId: submitted.id, licence: results.body.licence };
}

const licencesOfCase = (caseId: string) => server.ctx.db.query<{ holder_kind: string; holder_ref: string }>('select holder_kind, holder_ref from licence where case_id = $1', [caseId]);

test('个体工商户设立登记: the 营业执照 is the new 个体工商户’s; its operator adds it under 我的企业 and finds the licence in its wallet', async () => {
  const { caseId, licence } = await registered('个体工商户设立登记', { shop_name: '云城区陈记粉店', premises_address: '云浮市云城区兴云西路8号' });
  assert.equal(licence.registered.name, '云城区陈记粉店');
  const uscc: string = licence.registered.uscc;
  assert.deepEqual(validateUscc(uscc), { ok: true });
  assert.match(uscc, /^92445302/, '市场监管 (9), 个体工商户 (2), registered in 云城区');

  const issued = await licencesOfCase(caseId);
  assert.equal(issued.length, 1);
  assert.equal(issued[0]!.holder_kind, 'enterprise');
  assert.equal(issued[0]!.holder_ref.trim(), uscc);

  // not in her own wallet: the licence is the shop's
  const own = await server.api('/api/wallet/licences', { cookie: chen.cookie });
  assert.equal(own.status, 200);
  assert.ok(!own.body.items.some((l: { identifier: string }) => l.identifier === licence.identifier));

  // the 法人库 knows the shop with her as its operator: adding it is proven at once
  const added = await server.api('/api/identity/enterprises', { method: 'POST', cookie: chen.cookie, body: { uscc, name: '云城区陈记粉店' } });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  assert.equal(added.body.legalRep, 'proven');
  const forShop = await signIn(server.url, '13800000001', CITIZEN_PASSWORD, { actAs: added.body.id });
  const wallet = await server.api('/api/wallet/licences', { cookie: forShop });
  const held = wallet.body.items.find((l: { identifier: string }) => l.identifier === licence.identifier);
  assert.ok(held, JSON.stringify(wallet.body.items.map((l: { identifier: string }) => l.identifier)));
  assert.deepEqual(held.holder, { kind: 'enterprise', name: '云城区陈记粉店', code: uscc });
  assert.equal(held.fields.entityType, '个体工商户');
  assert.equal(held.fields.legalRepresentative, '陈小云', 'its 经营者');
  assert.equal(held.fields.entityAddress, '云浮市云城区兴云西路8号');
});

test('producing the results again registers nothing new: one licence, one code', async () => {
  const { caseId, licence } = await registered('农民专业合作社设立登记', { coop_name: '云浮市云城区石岗农民专业合作社', coop_address: '云浮市云城区思劳镇石岗村' });
  assert.match(licence.registered.uscc, /^93445302/, '农民专业合作社 (3)');
  // the completion event delivered once more, as an outbox retry would
  await server.ctx.db.transaction((tx) => produceResults(server.ctx, tx, caseId));
  const again = await server.api(`/api/cases/${caseId}/results`, { cookie: chen.cookie });
  assert.deepEqual(again.body.licence, licence);
  assert.equal((await licencesOfCase(caseId)).length, 1);
  const record = await server.ctx.db.one<{ n: number }>('select count(*)::int as n from legal_entity_record where uscc = $1', [licence.registered.uscc]);
  assert.equal(record!.n, 1);
});

test('企业设立登记 with another person as 法定代表人: the company holds the licence; who claims it is proven at the window', async () => {
  const { licence } = await registered('企业设立登记（有限责任公司）', {
    company_name: '云浮市云石新材料有限公司',
    company_address: '云浮市云城区石材大道88号',
    legal_representative_name: '黄志远',
  });
  assert.match(licence.registered.uscc, /^91445300/, '企业 (1), registered by the city’s 市场监督管理局');
  const claimed = await server.api('/api/identity/enterprises', { method: 'POST', cookie: chen.cookie, body: { uscc: licence.registered.uscc, name: '云浮市云石新材料有限公司' } });
  assert.equal(claimed.status, 201, JSON.stringify(claimed.body));
  assert.equal(claimed.body.legalRep, 'pending', 'the 法人库 names no 法定代表人 whose ID number the platform knows');
});
