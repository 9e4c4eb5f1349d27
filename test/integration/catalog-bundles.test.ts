import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sampleContent } from '../../src/modules/catalog/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const cookies: Record<string, string> = {};
const CITY = '445300000000';
let published: string[] = [];
let draftCode = '';

interface Detail {
  bundle: { id: string; code: string; status: string; version: number };
  steps: { step: number; mode: string; members: { code: string; kind: string }[] }[];
  items: { code: string }[];
  form: {
    fields: {
      name: string;
      prefill?: { source: string; claim?: string; field?: string; licenseTypeCode?: string; licenseField?: string };
      askedBy: unknown[];
    }[];
    fieldsBeforeMerge: number;
  };
  materials: { name: string; replacedByLicenseType?: string; neededBy: unknown[] }[];
  materialsBeforeMerge: number;
  guide: { guide: string };
}

before(async () => {
  server = await startTestServer();
  for (const u of ['dataofficer', 'deptadmin', 'clerk']) cookies[u] = await server.login(u);
  const rows = await server.ctx.db.query<{ code: string }>(
    `select i.code from catalog_item i join catalog_item_version v on v.id = i.published_version_id
      where i.region_code = $1 and jsonb_array_length(coalesce(v.content->'materials', '[]')) > 0 order by i.code limit 4`,
    [CITY],
  );
  published = rows.map((r) => r.code);
  const scjg = (await server.ctx.db.one<{ id: string; uscc: string }>(
    `select id, uscc from department where code = '445300-SCJGJ'`,
  ))!;
  await server.ctx.db.query(
    `insert into catalog_base_field (key, label, library, provider) values ('legal_entity.registration', '登记注册信息', 'legal_entity', 'SCJGJ') on conflict (key) do nothing`,
  );
  draftCode = `440A7301001000-${CITY}-000-${scjg.uscc}-1-00`;
  const created = await server.api('/api/catalog/items', {
    method: 'POST',
    cookie: cookies.deptadmin,
    body: { code: draftCode, departmentId: scjg.id, content: sampleContent() },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
});
after(() => server?.close());

const body = (code: string, members: unknown[], extra: Record<string, unknown> = {}) => ({
  code,
  name: `测试一件事 ${code}`,
  regionCode: CITY,
  audience: 'entity',
  content: { guide: '一次告知、一表申请、一套材料。', promisedLimit: 5, visits: 0 },
  members,
  ...extra,
});
const post = (who: string | undefined, b: unknown) =>
  server.api('/api/catalog/bundles', { method: 'POST', cookie: who ? cookies[who] : undefined, body: b });
const count = async () => Number((await server.ctx.db.one<{ n: number }>('select count(*) as n from catalog_bundle'))!.n);

test('every demo bundle is public, ordered in steps, asks each field once and lists each material once', async (t) => {
  const list = await server.api('/api/catalog/bundles?pageSize=100');
  assert.equal(list.status, 200);
  if (!list.body.items.length) return t.skip('no demo bundles');
  let sharedFields = 0;
  let sharedMaterials = 0;
  for (const b of list.body.items as { code: string; status: string }[]) {
    assert.equal(b.status, 'published', 'anonymous readers see published bundles only');
    const res = await server.api(`/api/catalog/bundles/${encodeURIComponent(b.code)}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const d = res.body as Detail;
    assert.ok(d.guide.guide.length > 20);
    assert.deepEqual(
      d.steps.map((s) => s.step),
      [...d.steps.map((s) => s.step)].sort((a, b) => a - b),
    );
    for (const s of d.steps) assert.equal(s.mode, s.members.length > 1 ? 'parallel' : 'sequence');
    const names = d.form.fields.map((f) => f.name);
    assert.equal(new Set(names).size, names.length, `${b.code}: a field name is asked twice`);
    const sources = d.form.fields.flatMap((f) => (f.prefill ? [JSON.stringify(f.prefill)] : []));
    assert.equal(new Set(sources).size, sources.length, `${b.code}: a prefill source is asked twice`);
    const mats = d.materials.map((m) => m.name);
    assert.equal(new Set(mats).size, mats.length, `${b.code}: a material is listed twice`);
    const lic = d.materials.flatMap((m) => (m.replacedByLicenseType ? [m.replacedByLicenseType] : []));
    assert.equal(new Set(lic).size, lic.length, `${b.code}: a licence type is listed twice`);
    assert.equal(
      d.form.fields.reduce((n, f) => n + f.askedBy.length, 0),
      d.form.fieldsBeforeMerge,
    );
    assert.equal(
      d.materials.reduce((n, m) => n + m.neededBy.length, 0),
      d.materialsBeforeMerge,
    );
    if (d.form.fields.some((f) => f.askedBy.length > 1)) sharedFields++;
    if (d.materials.some((m) => m.neededBy.length > 1)) sharedMaterials++;
  }
  const found = await server.api(`/api/catalog/bundles?q=${encodeURIComponent('出生')}`);
  assert.ok(
    found.body.items.length >= 1 && found.body.items.every((b: { name: string; code: string }) => /出生/.test(b.name + b.code)),
  );
  console.log(
    `demo bundles: ${list.body.items.length}, with a merged field ${sharedFields}, with a merged material ${sharedMaterials}`,
  );
  assert.ok(sharedFields > 0 && sharedMaterials > 0, 'the demo bundles share fields and materials');
});

test('the data bureau creates, edits, publishes and retires a bundle; others are refused', async () => {
  assert.ok(published.length >= 3);
  const members = [
    { itemCode: published[0], step: 1 },
    { itemCode: published[1], step: 2 },
    { itemCode: published[2], step: 2, optional: true, condition: '需要时' },
  ];
  assert.equal((await post(undefined, body('YJS-T-001', members))).status, 401);
  assert.equal((await post('deptadmin', body('YJS-T-001', members))).status, 403);
  assert.equal((await post('clerk', body('YJS-T-001', members))).status, 403);
  const created = await post('dataofficer', body('YJS-T-001', members));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const d = created.body as Detail;
  assert.equal(d.bundle.status, 'draft');
  assert.deepEqual(
    d.steps.map((s) => [s.step, s.mode, s.members.length]),
    [
      [1, 'sequence', 1],
      [2, 'parallel', 2],
    ],
  );
  assert.equal(d.items.length, 3);
  assert.equal((await server.api('/api/catalog/bundles/YJS-T-001')).status, 404, 'a draft is not public');
  const drafts = await server.api('/api/catalog/bundles?status=draft', { cookie: cookies.dataofficer });
  assert.ok(
    drafts.body.items.some((b: { code: string }) => b.code === 'YJS-T-001'),
    'the bureau lists its drafts',
  );
  const anonDrafts = await server.api('/api/catalog/bundles?status=draft');
  assert.equal(anonDrafts.body.items.length, 0);
  assert.equal((await post('dataofficer', body('YJS-T-001', members))).body.error.code, 'BUNDLE_CODE_TAKEN');

  const update = (who: string, version: number, m = members) =>
    server.api('/api/catalog/bundles/YJS-T-001', {
      method: 'PUT',
      cookie: cookies[who],
      body: { name: '改名一件事', audience: 'entity', content: { guide: '新指南' }, members: m, version },
    });
  // A department administrator does not even see another department's draft bundle.
  assert.equal((await update('deptadmin', 1)).status, 404);
  const edited = await update('dataofficer', 1, members.slice(0, 2));
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal(edited.body.items.length, 2);
  const stale = await update('dataofficer', 1);
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'VERSION_CONFLICT');

  const act = (who: string, action: string) =>
    server.api('/api/catalog/bundles/YJS-T-001/transitions', { method: 'POST', cookie: cookies[who], body: { action } });
  assert.equal((await act('deptadmin', 'publish')).status, 404);
  assert.equal((await act('dataofficer', 'retire')).body.error.code, 'BUNDLE_TRANSITION');
  const pub = await act('dataofficer', 'publish');
  assert.equal(pub.status, 200, JSON.stringify(pub.body));
  assert.equal(pub.body.bundle.status, 'published');
  assert.equal((await server.api('/api/catalog/bundles/YJS-T-001')).status, 200);
  const visibleEdit = await server.api('/api/catalog/bundles/YJS-T-001', {
    method: 'PUT',
    cookie: cookies.deptadmin,
    body: { name: 'x', audience: 'entity', content: { guide: 'g' }, members, version: 3 },
  });
  assert.equal(visibleEdit.status, 403, 'only the data bureau edits a published bundle');
  const found = await server.api(`/api/catalog/search?q=${encodeURIComponent('改名一件事')}&kind=bundle`);
  assert.ok(
    found.body.items.some((h: { code: string }) => h.code === 'YJS-T-001'),
    'a published bundle is searchable',
  );
  assert.equal((await act('dataofficer', 'retire')).status, 200);
  assert.equal((await server.api('/api/catalog/bundles/YJS-T-001')).status, 404);
});

test('unknown codes, cycles, duplicates and unpublished members are refused and nothing is written', async () => {
  const before = await count();
  const unknown = await post(
    'dataofficer',
    body('YJS-T-002', [
      { itemCode: published[0], step: 1 },
      { itemCode: '440A9999001000-X', step: 2 },
    ]),
  );
  assert.equal(unknown.status, 422);
  assert.equal(unknown.body.error.code, 'BUNDLE_ITEM_UNKNOWN');
  assert.equal(unknown.body.error.details.field, 'members.1.itemCode');
  const noBundle = await post(
    'dataofficer',
    body('YJS-T-002', [
      { itemCode: published[0], step: 1 },
      { bundleCode: 'YJS-NONE-1', step: 2 },
    ]),
  );
  assert.equal(noBundle.body.error.code, 'BUNDLE_UNKNOWN');
  const both = await post(
    'dataofficer',
    body('YJS-T-002', [
      { itemCode: published[0], bundleCode: 'YJS-T-001', step: 1 },
      { itemCode: published[1], step: 2 },
    ]),
  );
  assert.equal(both.body.error.code, 'BUNDLE_MEMBER_SHAPE');
  const dup = await post(
    'dataofficer',
    body('YJS-T-002', [
      { itemCode: published[0], step: 1 },
      { itemCode: published[0], step: 2 },
    ]),
  );
  assert.equal(dup.body.error.code, 'BUNDLE_MEMBER_DUPLICATE');
  const extra = await post('dataofficer', {
    ...body('YJS-T-002', [
      { itemCode: published[0], step: 1 },
      { itemCode: published[1], step: 2 },
    ]),
    status: 'published',
  });
  assert.equal(extra.status, 400);
  assert.equal(await count(), before, 'nothing half-written');

  // A contains B, B contains C; C may not then contain A (nor A itself).
  const mk = (code: string, m: unknown[]) => post('dataofficer', body(code, m));
  assert.equal(
    (
      await mk('YJS-C-A', [
        { itemCode: published[0], step: 1 },
        { itemCode: published[1], step: 2 },
      ])
    ).status,
    201,
  );
  assert.equal(
    (
      await mk('YJS-C-B', [
        { bundleCode: 'YJS-C-A', step: 1 },
        { itemCode: published[2], step: 2 },
      ])
    ).status,
    201,
  );
  const c = await mk('YJS-C-C', [
    { bundleCode: 'YJS-C-B', step: 1 },
    { itemCode: published[3], step: 2 },
  ]);
  assert.equal(c.status, 201);
  assert.equal((c.body as Detail).items.length, 4, 'nested bundles are flattened into their items');
  const put = (code: string, members: unknown[], version = 1) =>
    server.api(`/api/catalog/bundles/${code}`, {
      method: 'PUT',
      cookie: cookies.dataofficer,
      body: { name: code, audience: 'entity', content: { guide: 'g' }, members, version },
    });
  const cycle = await put('YJS-C-A', [
    { itemCode: published[0], step: 1 },
    { bundleCode: 'YJS-C-C', step: 2 },
  ]);
  assert.equal(cycle.status, 422);
  assert.equal(cycle.body.error.code, 'BUNDLE_CYCLE');
  const self = await put('YJS-C-A', [
    { itemCode: published[0], step: 1 },
    { bundleCode: 'YJS-C-A', step: 2 },
  ]);
  assert.equal(self.body.error.code, 'BUNDLE_CYCLE');
  const a = await server.api('/api/catalog/bundles/YJS-C-A', { cookie: cookies.dataofficer });
  assert.equal(a.body.items.length, 2, 'the refused edit left the members unchanged');

  // Publishing needs published members: B contains the draft bundle A.
  const notPub = await server.api('/api/catalog/bundles/YJS-C-B/transitions', {
    method: 'POST',
    cookie: cookies.dataofficer,
    body: { action: 'publish' },
  });
  assert.equal(notPub.status, 422);
  assert.equal(notPub.body.error.code, 'BUNDLE_MEMBER_NOT_PUBLISHED');
  const withDraft = await mk('YJS-C-D', [
    { itemCode: published[0], step: 1 },
    { itemCode: draftCode, step: 1 },
  ]);
  assert.equal(withDraft.status, 201);
  assert.equal(withDraft.body.items.length, 1, 'the draft item is not merged into the public form');
  const refused = await server.api('/api/catalog/bundles/YJS-C-D/transitions', {
    method: 'POST',
    cookie: cookies.dataofficer,
    body: { action: 'publish' },
  });
  assert.equal(refused.body.error.code, 'BUNDLE_MEMBER_NOT_PUBLISHED');
  assert.deepEqual(refused.body.error.details.codes, [draftCode]);
});
