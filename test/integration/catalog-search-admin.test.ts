// Search through the HTTP API on the demo city: popularity in the ranking, synonyms the data
// bureau maintains (picked up without a restart), suggestions while typing, and each filter.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { bumpSearchGeneration } from '../../src/modules/catalog/items.ts';
import { CITY } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { publishTestItem } from './catalog-publish-fixture.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server?.close());

interface Hit {
  id: string;
  kind: string;
  code: string;
  name: string;
  departmentName: string;
  regionCode: string;
  typeCode: string | null;
}
const search = async (params: Record<string, string>): Promise<{ total: number; items: Hit[] }> => {
  const r = await server.api(`/api/catalog/search?${new URLSearchParams(params)}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};

test('ranking: of two equally matching items the more popular comes first, and a change of popularity reorders them', async () => {
  const a = await publishTestItem(server, 201, { name: '观赏鱼养殖场登记（人气测试）', aliases: [], keywords: [] });
  const b = await publishTestItem(server, 202, { name: '观赏鱼养殖场登记（人气测试）', aliases: [], keywords: [] });
  const setPopularity = async (id: string, p: number) => server.ctx.db.query('update catalog_item set popularity = $2, view_count = 0 where id = $1', [id, p]);
  await setPopularity(a.id, 10);
  await setPopularity(b.id, 90);
  await bumpSearchGeneration(server.ctx.db);
  const first = await search({ q: '观赏鱼养殖场登记' });
  assert.deepEqual(first.items.slice(0, 2).map((h) => h.id), [b.id, a.id]);
  await setPopularity(a.id, 95);
  await setPopularity(b.id, 5);
  await bumpSearchGeneration(server.ctx.db);
  const second = await search({ q: '观赏鱼养殖场登记' });
  assert.deepEqual(second.items.slice(0, 2).map((h) => h.id), [a.id, b.id]);
});

test('synonyms: a group added, changed and deleted by the data bureau changes search at once; others are refused', async () => {
  const item = await publishTestItem(server, 203, { name: '翡翠鸟观测点备案（同义词测试）', aliases: [], keywords: [] });
  const admin = await server.login('admin');
  const dept = await server.login('deptadmin');
  // Words sharing no character with the item, so only the synonym can connect them.
  const found = async (q: string) => (await search({ q })).items.some((h) => h.id === item.id);
  assert.equal(await found('水狗子'), false, 'no match before the synonym exists');

  const created = await server.api('/api/catalog/synonyms', { method: 'POST', cookie: admin, body: { words: ['水狗子', '翡翠鸟'], regionCode: CITY } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal((await search({ q: '水狗子' })).items[0]?.id, item.id, 'found through the new synonym, no restart');

  const forbidden = await server.api(`/api/catalog/synonyms/${created.body.id}`, { method: 'PUT', cookie: dept, body: { words: ['x', 'y'], version: created.body.version } });
  assert.equal(forbidden.status, 403);
  assert.equal(await found('钓鱼郎'), false);
  const changed = await server.api(`/api/catalog/synonyms/${created.body.id}`, {
    method: 'PUT',
    cookie: admin,
    body: { words: ['钓鱼郎', '翡翠鸟'], version: created.body.version },
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.version, created.body.version + 1);
  assert.equal(await found('水狗子'), false, 'the replaced word no longer matches');
  assert.equal((await search({ q: '钓鱼郎' })).items[0]?.id, item.id);

  const stale = await server.api(`/api/catalog/synonyms/${created.body.id}`, { method: 'PUT', cookie: admin, body: { words: ['a', 'b'], version: created.body.version } });
  assert.equal(stale.status, 409);
  const extra = await server.api('/api/catalog/synonyms', { method: 'POST', cookie: admin, body: { words: ['甲', '乙'], regionCode: CITY, admin: true } });
  assert.equal(extra.status, 400, 'unknown body fields are refused');
  const anonymous = await server.api('/api/catalog/synonyms');
  assert.ok([401, 403].includes(anonymous.status));

  assert.equal((await server.api(`/api/catalog/synonyms/${created.body.id}`, { method: 'DELETE', cookie: admin })).status, 204);
  assert.equal(await found('钓鱼郎'), false, 'a deleted group no longer connects the words');
});

test('suggestions while typing: name prefix, pinyin initials, filters and limit', async () => {
  const suggest = async (params: Record<string, string>) => {
    const r = await server.api(`/api/catalog/suggest?${new URLSearchParams(params)}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.items as { text: string; id: string; code: string }[];
  };
  const prefix = await suggest({ q: '居民身份' });
  assert.ok(prefix.length > 0 && prefix.every((s) => s.text.includes('身份')), JSON.stringify(prefix));
  const initials = await suggest({ q: 'sfz' });
  assert.ok(initials.some((s) => s.text.includes('身份证')), JSON.stringify(initials));
  assert.ok((await suggest({ q: 'sfz', limit: '2' })).length <= 2);
  const otherDept = (await server.ctx.db.one<{ id: string }>(`select id from department where code = '445300-SCJGJ'`))!.id;
  assert.deepEqual(await suggest({ q: '居民身份', departmentId: otherDept }), [], 'ID-card items are not the market bureau’s');
  const tooLong = await server.api(`/api/catalog/suggest?q=${'身'.repeat(101)}`);
  assert.equal(tooLong.status, 400);
});

test('filters: department, type, theme, object and region each narrow the hits to matching items', async () => {
  const guide = async (code: string) => (await server.api(`/api/catalog/guide/${encodeURIComponent(code)}`)).body;
  const all = await search({ q: '证明', kind: 'item', limit: '50' });
  assert.ok(all.total > 5, `${all.total} hits for 证明`);

  const dept = (await server.ctx.db.one<{ id: string; name: string }>(
    `select d.id, d.name from department d join catalog_item i on i.department_id = d.id where i.status = 'published'
      group by d.id, d.name order by count(*) desc limit 1`,
  ))!;
  const byDept = await search({ departmentId: dept.id, limit: '50' });
  assert.ok(byDept.total > 0);
  assert.ok(byDept.items.every((h) => h.departmentName === dept.name));

  const byType = await search({ q: '证明', typeCode: '01', limit: '50' });
  assert.ok(byType.total < all.total);
  assert.ok(byType.items.every((h) => h.typeCode === '01'));

  const byRegion = await search({ q: '证明', regionCode: '445381000000', limit: '50' });
  assert.ok(byRegion.total < all.total);
  assert.ok(byRegion.items.every((h) => h.regionCode.startsWith('445381')));

  const byTheme = await search({ theme: 'birth', kind: 'item', limit: '10' });
  assert.ok(byTheme.total > 0, 'the demo catalogue has 出生 items');
  for (const h of byTheme.items.slice(0, 5)) {
    const c = (await guide(h.code)).content;
    assert.ok([...(c.themes?.person ?? []), ...(c.themes?.entity ?? [])].includes('birth'), h.name);
  }

  const byObject = await search({ q: '证明', object: 'enterprise', kind: 'item', limit: '10' });
  assert.ok(byObject.total < all.total);
  for (const h of byObject.items.slice(0, 5)) assert.ok((await guide(h.code)).content.serviceObjects.includes('enterprise'), h.name);

  const bundles = await search({ q: '出生', kind: 'bundle' });
  assert.ok(bundles.items.every((h) => h.kind === 'bundle'));
});
