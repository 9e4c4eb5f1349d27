import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { getPublishedVersion } from '../../src/modules/catalog/index.ts';
import { sampleContent } from '../../src/modules/catalog/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const cookies: Record<string, string> = {};
let scjg: { id: string; uscc: string };
let gaj: { id: string; uscc: string };
const CITY = '445300000000';

/** 业务办理项编码 for a department of the city: basic code with the type letter, region, USCC. */
const codeFor = (dept: { uscc: string }, main: string, letter = 'A') => `440${letter}${main}001000-${CITY}-000-${dept.uscc}-1-00`;

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'deptadmin', 'dataofficer', 'countyadmin', 'clerk']) cookies[u] = await server.login(u);
  const depts = await server.ctx.db.query<{ id: string; uscc: string; code: string }>(
    `select id, uscc, code from department where code in ('445300-SCJGJ', '445300-GAJ')`,
  );
  scjg = depts.find((d) => d.code === '445300-SCJGJ')!;
  gaj = depts.find((d) => d.code === '445300-GAJ')!;
  await server.ctx.db.query(
    `insert into catalog_base_field (key, label, library, provider) values ('legal_entity.registration', '登记注册信息', 'legal_entity', 'SCJGJ')
     on conflict (key) do nothing`,
  );
});
after(() => server?.close());

const create = (who: string, code: string, departmentId: string, content = sampleContent()) =>
  server.api('/api/catalog/items', { method: 'POST', cookie: cookies[who], body: { code, departmentId, content } });

test('a department administrator creates, edits and submits its own item; the data bureau reviews and publishes', async () => {
  const code = codeFor(scjg, '7001');
  const created = await create('deptadmin', code, scjg.id);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.version.status, 'draft');
  assert.equal(created.body.version.quality.ok, true, JSON.stringify(created.body.version.quality.errors));
  const id = created.body.item.id as string;

  // A draft with a rule failing is saved and the issue is reported; submission is refused.
  const bad = sampleContent({ visits: 2, visitReason: '无' });
  const saved = await server.api(`/api/catalog/items/${id}/draft`, { method: 'PUT', cookie: cookies.deptadmin, body: { content: bad, lockVersion: 1 } });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const rules = saved.body.version.quality.errors.map((e: { rule: string }) => e.rule);
  assert.ok(rules.includes('VISIT_REASON') && rules.includes('DEPTH4_VISITS'), rules.join());
  assert.match(saved.body.version.quality.errors[0].message, /\S/);
  const refused = await server.api(`/api/catalog/items/${id}/transitions`, { method: 'POST', cookie: cookies.deptadmin, body: { action: 'submit' } });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.error.code, 'ITEM_QUALITY_FAILED');

  // Stale lock version
  const stale = await server.api(`/api/catalog/items/${id}/draft`, { method: 'PUT', cookie: cookies.deptadmin, body: { content: sampleContent(), lockVersion: 1 } });
  assert.equal(stale.status, 409);
  assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
  const fixed = await server.api(`/api/catalog/items/${id}/draft`, { method: 'PUT', cookie: cookies.deptadmin, body: { content: sampleContent(), lockVersion: 2 } });
  assert.equal(fixed.status, 200);
  assert.equal(fixed.body.version.quality.ok, true);

  const act = (who: string, action: string, comment?: string) =>
    server.api(`/api/catalog/items/${id}/transitions`, { method: 'POST', cookie: cookies[who], body: { action, ...(comment ? { comment } : {}) } });
  assert.equal((await act('deptadmin', 'submit')).status, 200);
  // Only the data bureau of the city reviews and publishes.
  assert.equal((await act('deptadmin', 'approve')).status, 403);
  assert.equal((await act('countyadmin', 'approve')).status, 404, 'a county administrator does not even see the city draft');
  const rejected = await act('dataofficer', 'reject');
  assert.equal(rejected.status, 422);
  assert.equal(rejected.body.error.code, 'ITEM_REJECT_COMMENT');
  assert.equal((await act('dataofficer', 'approve')).status, 200);
  assert.equal((await act('deptadmin', 'publish')).status, 403);
  const published = await act('dataofficer', 'publish');
  assert.equal(published.status, 200, JSON.stringify(published.body));
  assert.equal(published.body.version.status, 'published');
  assert.equal(published.body.item.status, 'published');

  // Published versions are immutable: API 409 with a stable code, and the database refuses too.
  const edit = await server.api(`/api/catalog/items/${id}/draft`, { method: 'PUT', cookie: cookies.deptadmin, body: { content: sampleContent(), lockVersion: 3 } });
  assert.equal(edit.status, 409);
  assert.equal(edit.body.error.code, 'ITEM_VERSION_PUBLISHED');
  await assert.rejects(
    server.ctx.db.query(`update catalog_item_version set name = 'x' where item_id = $1 and status = 'published'`, [id]),
    /immutable/,
  );

  // Everyone reads the guide; the cases module binds to the published version by code.
  const guide = await server.api(`/api/catalog/guide/${encodeURIComponent(code)}`);
  assert.equal(guide.status, 200);
  assert.equal(guide.body.content.name, '食品经营许可（新办）');
  assert.equal(guide.body.departmentName, '云浮市市场监督管理局');
  const bound = await getPublishedVersion(server.ctx.db, code);
  assert.equal(bound.versionNo, 1);
  assert.equal(bound.itemId, id);

  // A new version, edited, then the diff lists the field-level changes.
  const v2 = await server.api(`/api/catalog/items/${id}/versions`, { method: 'POST', cookie: cookies.deptadmin });
  assert.equal(v2.status, 201);
  assert.equal(v2.body.version.versionNo, 2);
  const again = await server.api(`/api/catalog/items/${id}/versions`, { method: 'POST', cookie: cookies.deptadmin });
  assert.equal(again.body.error.code, 'ITEM_VERSION_OPEN');
  const changed = sampleContent({ promisedLimit: { immediate: false, days: 3 } });
  changed.materials = changed.materials!.filter((m) => m.key !== 'layout');
  const s2 = await server.api(`/api/catalog/items/${id}/draft`, { method: 'PUT', cookie: cookies.deptadmin, body: { content: changed, lockVersion: 1 } });
  assert.equal(s2.status, 200, JSON.stringify(s2.body));
  const diff = await server.api(`/api/catalog/items/${id}/diff?from=1&to=2`, { cookie: cookies.deptadmin });
  assert.equal(diff.status, 200);
  assert.deepEqual(
    diff.body.changes.map((c: { path: string; op: string }) => `${c.op} ${c.path}`).sort(),
    ['changed promisedLimit.days', 'removed materials[layout]'],
  );
  // The published version stays what cases bound to until v2 is published.
  assert.equal((await getPublishedVersion(server.ctx.db, id)).versionNo, 1);
  // Citizens do not see the draft.
  const anon = await server.api(`/api/catalog/items/${id}/versions/2`);
  assert.equal(anon.status, 404);
});

test('access: a department administrator edits only its own department; clerks and citizens cannot edit', async () => {
  const foreign = await create('deptadmin', codeFor(gaj, '7002', 'G'), gaj.id, sampleContent({ typeCode: '07' }));
  assert.equal(foreign.status, 403);
  const asClerk = await create('clerk', codeFor(scjg, '7003'), scjg.id);
  assert.equal(asClerk.status, 403);
  const anonymous = await server.api('/api/catalog/items', { method: 'POST', body: { code: codeFor(scjg, '7004'), departmentId: scjg.id, content: sampleContent() } });
  assert.equal(anonymous.status, 401);
  // The city administrator may edit any department's item.
  const admin = await create('admin', codeFor(gaj, '7005', 'G'), gaj.id, sampleContent({ typeCode: '07' }));
  assert.equal(admin.status, 201, JSON.stringify(admin.body));
  // ... but the department administrator of SCJGJ cannot change it.
  const edit = await server.api(`/api/catalog/items/${admin.body.item.id}/draft`, {
    method: 'PUT',
    cookie: cookies.deptadmin,
    body: { content: sampleContent({ typeCode: '07' }), lockVersion: 1 },
  });
  assert.ok([403, 404].includes(edit.status));
  // Anonymous users do not see unpublished items.
  assert.equal((await server.api(`/api/catalog/items/${admin.body.item.id}`)).status, 404);
  assert.equal((await server.api('/api/catalog/items')).status, 401);
});

test('bad input: unknown codes, mismatched codes, unknown licence types, unknown type', async () => {
  const bad = await create('deptadmin', 'XYZ-123', scjg.id);
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.code, 'ITEM_CODE_INVALID');
  const wrongDept = await create('deptadmin', codeFor(gaj, '7010'), scjg.id);
  assert.equal(wrongDept.body.error.code, 'ITEM_CODE_DEPARTMENT');
  const wrongType = await create('deptadmin', codeFor(scjg, '7011', 'K'), scjg.id);
  assert.equal(wrongType.body.error.code, 'ITEM_CODE_TYPE');
  const content = sampleContent();
  content.materials![0] = { ...content.materials![0]!, source: 'data_sharing', replacedByLicenseType: '11100000000000000X999' };
  const licence = await create('deptadmin', codeFor(scjg, '7012'), scjg.id, content);
  assert.equal(licence.status, 422);
  assert.equal(licence.body.error.code, 'MATERIAL_LICENSE_TYPE_UNKNOWN');
  const invalid = await create('deptadmin', codeFor(scjg, '7013'), scjg.id, { ...sampleContent(), visits: -1 });
  assert.equal(invalid.status, 400);
  const unknown = await server.api('/api/catalog/guide/4400A9999001000-445300000000-000-000000000000000000-1-00');
  assert.ok([404, 422].includes(unknown.status));
  const count = await server.ctx.db.one<{ n: number }>(`select count(*) as n from catalog_item where code like '%-${CITY}-000-%' and basic_main in ('7010', '7011', '7012', '7013')`);
  assert.equal(Number(count?.n), 0, 'nothing half-written');
});
