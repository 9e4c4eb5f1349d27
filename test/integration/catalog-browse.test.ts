// 办事 by theme, department and 一件事 (issue #14): the counts of /api/catalog/browse are what the
// lists of /api/catalog/search show, and both agree with the published items in the database;
// filters, paging and tags; unknown theme, department and type codes are clear 400s.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server?.close());

interface BrowseBody {
  themes: { audience: 'person' | 'entity'; code: string; items: number; bundles: number }[];
  departments: { id: string; name: string; items: number }[];
  bundles: { id: string; code: string; name: string; audience: string; theme: string | null; items: number }[];
}
const search = (query: Record<string, string | number | boolean>) =>
  server.api(`/api/catalog/search?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`);

/** Published items of a theme, straight from the tables (the index must agree). */
async function publishedWithTheme(audience: string, code: string): Promise<number> {
  const row = await server.ctx.db.one<{ n: number }>(
    `select count(*)::int as n from catalog_item i join catalog_item_version v on v.id = i.published_version_id
      where coalesce(v.content->'themes'->$1, '[]'::jsonb) ? $2`,
    [audience, code],
  );
  return Number(row!.n);
}

test('browse: every theme with its count, the departments and the 一件事; counts match the tables and the lists', async () => {
  const res = await server.api('/api/catalog/browse');
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const body = res.body as BrowseBody;
  const birth = body.themes.find((t) => t.audience === 'person' && t.code === 'birth')!;
  const startBusiness = body.themes.find((t) => t.audience === 'entity' && t.code === 'start_business')!;
  assert.ok(birth.items > 0 && startBusiness.items > 0, 'the demo city has items under 生育收养 and 开办企业');
  assert.ok(birth.bundles >= 1, '出生一件事 counts under its theme');
  for (const t of body.themes) {
    assert.equal(t.items, await publishedWithTheme(t.audience, t.code), `${t.audience}:${t.code}`);
  }
  // no published item hides under a theme the portal has no tile for
  const used = await server.ctx.db.query<{ audience: string; code: string }>(
    `select distinct a.audience, t.code from catalog_item i join catalog_item_version v on v.id = i.published_version_id,
       lateral (values ('person'), ('entity')) as a(audience), jsonb_array_elements_text(coalesce(v.content->'themes'->a.audience, '[]'::jsonb)) as t(code)`,
  );
  for (const u of used) assert.ok(body.themes.some((t) => t.audience === u.audience && t.code === u.code), `${u.audience}:${u.code} is in the dictionary`);
  // a tile's count is the total of its list
  for (const t of [birth, startBusiness]) {
    const list = await search({ theme: t.code, audience: t.audience, kind: 'item', limit: 5 });
    assert.equal(list.status, 200);
    assert.equal(list.body.total, t.items);
  }
  const published = await server.ctx.db.query<{ department_id: string; n: number }>(
    `select department_id, count(*)::int as n from catalog_item where published_version_id is not null group by department_id`,
  );
  assert.equal(body.departments.length, published.length);
  for (const d of body.departments) {
    assert.ok(d.name, 'a department is listed with its name');
    assert.equal(d.items, Number(published.find((p) => p.department_id === d.id)!.n));
  }
  const byDept = await search({ departmentId: body.departments[0]!.id, kind: 'item', limit: 1 });
  assert.equal(byDept.body.total, body.departments[0]!.items);
  const members = await server.ctx.db.query<{ code: string; n: number }>(
    `select b.code, count(*)::int as n from catalog_bundle b join catalog_bundle_member m on m.bundle_id = b.id where b.status = 'published' group by b.code`,
  );
  assert.ok(body.bundles.length >= 10);
  for (const b of body.bundles) assert.equal(b.items, Number(members.find((m) => m.code === b.code)?.n ?? 0), b.code);
  const birthBundle = body.bundles.find((b) => b.name === '出生一件事')!;
  assert.deepEqual([birthBundle.audience, birthBundle.theme], ['person', 'birth']);
});

test('theme lists: paged, filterable, with tags taken from the item and facet counts', async () => {
  const first = await search({ theme: 'birth', audience: 'person', kind: 'item', limit: 3 });
  const second = await search({ theme: 'birth', audience: 'person', kind: 'item', limit: 3, offset: 3 });
  assert.equal(first.status, 200);
  assert.equal(first.body.items.length, 3);
  assert.equal(second.body.offset, 3);
  assert.equal(new Set([...first.body.items, ...second.body.items].map((i: { id: string }) => i.id)).size, first.body.items.length + second.body.items.length, 'pages do not overlap');

  // tags are the item's own 网办深度, 到现场次数 and 承诺时限
  for (const hit of first.body.items as { id: string; tags: { online: boolean; visits: number | null; promisedLimit: { days: number } | null } }[]) {
    const v = (await server.ctx.db.one<{ content: { onlineDepth?: { level: number }; visits?: number; promisedLimit?: { days: number } } }>(
      `select v.content from catalog_item i join catalog_item_version v on v.id = i.published_version_id where i.id = $1`,
      [hit.id],
    ))!.content;
    assert.equal(hit.tags.online, (v.onlineDepth?.level ?? 0) >= 3);
    assert.equal(hit.tags.visits, v.visits ?? null);
    if (v.promisedLimit) assert.equal(hit.tags.promisedLimit?.days, v.promisedLimit.days);
  }

  // 可网办: the facet says how many, the filter lists exactly those
  const onlineOnly = await search({ theme: 'birth', audience: 'person', kind: 'item', online: true, limit: 50 });
  assert.equal(onlineOnly.body.total, first.body.facets.online);
  assert.ok(onlineOnly.body.items.every((i: { tags: { online: boolean } }) => i.tags.online));
  // department and type facets: choosing one lists its count
  for (const facet of first.body.facets.departments.slice(0, 2) as { id: string; count: number }[]) {
    const r = await search({ theme: 'birth', audience: 'person', kind: 'item', departmentId: facet.id, limit: 1 });
    assert.equal(r.body.total, facet.count);
  }
  const type = first.body.facets.types[0] as { code: string; count: number };
  assert.equal((await search({ theme: 'birth', audience: 'person', kind: 'item', typeCode: type.code, limit: 1 })).body.total, type.count);
  // a search text narrows a theme list
  const text = await search({ q: '出生', theme: 'birth', audience: 'person', limit: 50 });
  assert.ok(text.body.total > 0 && text.body.total <= first.body.total + 1);
});

test('bad codes are clear errors, never an empty list or a 500', async () => {
  const theme = await search({ theme: 'no_such_theme' });
  assert.equal(theme.status, 400);
  assert.equal(theme.body.error.code, 'CATALOG_THEME_UNKNOWN');
  const wrongAudience = await search({ theme: 'start_business', audience: 'person' });
  assert.equal(wrongAudience.status, 400, '开办企业 is a 法人 theme');
  assert.equal(wrongAudience.body.error.code, 'CATALOG_THEME_UNKNOWN');
  const dept = await search({ departmentId: randomUUID() });
  assert.equal(dept.status, 400);
  assert.equal(dept.body.error.code, 'CATALOG_DEPARTMENT_UNKNOWN');
  const type = await search({ typeCode: '99' });
  assert.equal(type.status, 400);
  assert.equal(type.body.error.code, 'ITEM_TYPE_UNKNOWN');
  const bads: Record<string, string | number>[] = [{ departmentId: 'not-a-uuid' }, { audience: 'alien' }, { offset: -1 }, { online: 'maybe' }];
  for (const bad of bads) {
    const r = await search(bad);
    assert.equal(r.status, 400, JSON.stringify(bad));
    assert.ok(r.body.error.code, 'a stable code');
  }
  const english = await server.api('/api/catalog/search?theme=nope', { lang: 'en-US' });
  assert.match(english.body.error.message, /no theme "nope"/);
  const badRegion = await server.api('/api/catalog/browse?regionCode=12');
  assert.equal(badRegion.status, 400);
});
