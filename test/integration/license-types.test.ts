import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { getPublishedVersion } from '../../src/modules/catalog/index.ts';
import { demoEnterpriseUscc } from '../../src/seed/uscc.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// 证照目录 administration (#6 point 2): who may keep it, bad input, and the catalogue items
// that produce each type.
let server: TestServer;
const cookies: Record<string, string> = {};
const api = (...a: Parameters<TestServer['api']>) => server.api(...a);
let dept: { id: string; uscc: string };
let otherDept: { id: string };

const body = (o: Record<string, unknown> = {}) => ({
  definingDepartmentId: dept.id,
  sequence: '101',
  holderKind: 'enterprise',
  name: '食品经营许可证',
  issuingDepartmentIds: [dept.id],
  fields: [
    { key: 'scope', label: '经营项目', type: 'text', required: true, personal: false },
    { key: 'issuedOn', label: '发证日期', type: 'date', required: false, personal: false },
  ],
  validity: { years: 5 },
  template: { title: '食品经营许可证', note: '凭此证从事食品经营活动' },
  ...o,
});
const create = (o: Record<string, unknown> = {}, cookie = cookies.admin) => api('/api/licence-types', { method: 'POST', cookie, body: body(o) });

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'countyadmin', 'dataofficer', 'deptadmin', 'approver', 'finance']) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  const found = await api(`/api/org/departments?q=${encodeURIComponent('市场监督管理局')}&pageSize=5`, { cookie: cookies.admin });
  dept = found.body.items.find((d: { regionCode: string }) => d.regionCode === '445300000000');
  const all = await api('/api/org/departments?pageSize=50', { cookie: cookies.admin });
  otherDept = all.body.items.find((d: { id: string; regionCode: string }) => d.id !== dept.id && d.regionCode === '445300000000');
});
after(() => server.close());

describe('licence types (证照目录)', () => {
  test('an administrator creates a type; the code is the defining department USCC + sequence; a data officer edits it', async () => {
    const created = await create();
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.code, `${dept.uscc}101`);
    assert.deepEqual(created.body.validity, { years: 5 });
    assert.equal(created.body.template.note, '凭此证从事食品经营活动');
    const edited = await api(`/api/licence-types/${created.body.id}`, {
      method: 'PATCH',
      cookie: cookies.dataofficer,
      body: {
        version: created.body.version,
        issuingDepartmentIds: [dept.id, otherDept.id],
        fields: [...body().fields, { key: 'capacity', label: '经营面积（㎡）', type: 'number', required: false, personal: false }],
        validity: { years: 3, months: 6 },
      },
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.issuingDepartmentIds, [dept.id, otherDept.id]);
    assert.equal(edited.body.fields.length, 3);
    assert.equal(edited.body.version, created.body.version + 1);
    const listed = await api(`/api/licence-types?q=${encodeURIComponent('食品经营')}`, { cookie: cookies.approver });
    // the demo city has the catalogue's 食品经营许可证 too (the type of a demo item's result)
    assert.ok(listed.body.items.some((t: { id: string }) => t.id === created.body.id));
    assert.ok(listed.body.items.every((t: { name: string }) => t.name.includes('食品经营')));
    const audit = await server.ctx.db.query<{ action: string }>(`select action from audit_log where object_id = $1 order by at`, [created.body.id]);
    assert.deepEqual(audit.map((a) => a.action), ['licence_type.create', 'licence_type.update']);
  });

  test('only administrators and data officers of the defining department’s scope keep the catalogue', async () => {
    for (const who of ['deptadmin', 'approver', 'finance', 'citizen']) {
      const res = await create({ sequence: '102' }, cookies[who]);
      assert.equal(res.status, 403, `${who} created a type`);
    }
    // the county administrator's scope does not reach a city department
    assert.equal((await create({ sequence: '102' }, cookies.countyadmin)).status, 403);
    assert.equal((await create({ sequence: '102' }, '')).status, 401);
    const t = (await create({ sequence: '103' }, cookies.dataofficer)).body;
    assert.ok(t.id, 'the data officer creates');
    for (const who of ['deptadmin', 'approver', 'countyadmin']) {
      const res = await api(`/api/licence-types/${t.id}`, { method: 'PATCH', cookie: cookies[who], body: { name: '改名', version: t.version } });
      assert.equal(res.status, 403, `${who} edited a type`);
    }
    // reading is for staff only
    assert.equal((await api('/api/licence-types', { cookie: cookies.citizen })).status, 403);
    assert.equal((await api(`/api/licence-types/${t.id}/items`, { cookie: cookies.citizen })).status, 403);
    assert.equal((await api('/api/licence-types')).status, 401);
    const unchanged = await api(`/api/licence-types/${t.id}`, { cookie: cookies.admin });
    assert.equal(unchanged.body.name, '食品经营许可证');
    assert.equal(unchanged.body.version, t.version);
  });

  test('bad input is refused with a stable code and writes nothing', async () => {
    const before = Number((await server.ctx.db.one<{ n: number }>('select count(*) as n from licence_type'))!.n);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ sequence: '1a' }, 400, 'VALIDATION_FAILED'],
      [{ sequence: '0001' }, 400, 'VALIDATION_FAILED'],
      [{ holderKind: 'robot' }, 400, 'VALIDATION_FAILED'],
      [{ issuingDepartmentIds: [] }, 400, 'VALIDATION_FAILED'],
      [{ fields: [{ key: 'Bad Key', label: 'x', type: 'text', required: true, personal: false }] }, 400, 'VALIDATION_FAILED'],
      [{ fields: [{ key: 'a', label: 'x', type: 'text', required: true, personal: false }, { key: 'a', label: 'y', type: 'date', required: false, personal: false }] }, 400, 'VALIDATION_FAILED'],
      [{ fields: [{ key: 'a', label: 'x', type: 'image', required: true, personal: false }] }, 400, 'VALIDATION_FAILED'],
      [{ validity: { years: -1 } }, 400, 'VALIDATION_FAILED'],
      [{ template: { title: 'x', colour: 'red' } }, 400, 'VALIDATION_FAILED'],
      [{ unknown: 1 }, 400, 'VALIDATION_FAILED'],
      [{ issuingDepartmentIds: ['00000000-0000-7000-8000-000000000000'] }, 422, 'LICENCE_DEPARTMENT_NOT_FOUND'],
      [{ definingDepartmentId: '00000000-0000-7000-8000-000000000000' }, 422, 'LICENCE_DEPARTMENT_NOT_FOUND'],
    ];
    for (const [o, status, code] of cases) {
      const res = await create({ sequence: '104', ...o });
      assert.equal(res.status, status, `${JSON.stringify(o)}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code);
    }
    assert.equal(Number((await server.ctx.db.one<{ n: number }>('select count(*) as n from licence_type'))!.n), before);
    const t = (await create({ sequence: '105' })).body;
    const dup = await create({ sequence: '105', name: '另一个' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'LICENCE_TYPE_CODE_TAKEN');
    const noVersion = await api(`/api/licence-types/${t.id}`, { method: 'PATCH', cookie: cookies.admin, body: { name: 'x' } });
    assert.equal(noVersion.status, 400);
    const stale = await api(`/api/licence-types/${t.id}`, { method: 'PATCH', cookie: cookies.admin, body: { name: 'x', version: t.version + 5 } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    assert.equal((await api('/api/licence-types/not-a-uuid', { cookie: cookies.admin })).status, 400);
    assert.equal((await api('/api/licence-types/00000000-0000-7000-8000-000000000000/items', { cookie: cookies.admin })).status, 404);
  });

  test('a type either may hold (不动产权证书): a licence goes to a person by ID number or to an organisation by its code, one by one or imported', async () => {
    const type = await create({ sequence: '104', holderKind: 'any', name: '不动产权证书', fields: [{ key: 'location', label: '坐落', type: 'text', required: true, personal: false }], validity: {} });
    assert.equal(type.status, 201, JSON.stringify(type.body));
    assert.equal(type.body.holderKind, 'any');
    const person = { kind: 'person', name: '黄志远', code: demoIdNumber('445302000000', '19750505', 5) };
    const company = { kind: 'enterprise', name: '云浮市云石新材料有限公司', code: demoEnterpriseUscc('445302000000', 91) };
    for (const holder of [person, company]) {
      const issued = await api('/api/licences', { method: 'POST', cookie: cookies.deptadmin, body: { typeId: type.body.id, departmentId: dept.id, holder, fields: { location: '云浮市云城区星岩四路1号' } } });
      assert.equal(issued.status, 201, JSON.stringify(issued.body));
      assert.equal(issued.body.holder.kind, holder.kind);
    }
    // the holder's code must still be what its kind says
    const mismatched = await api('/api/licences', { method: 'POST', cookie: cookies.deptadmin, body: { typeId: type.body.id, departmentId: dept.id, holder: { ...company, code: person.code }, fields: { location: '云浮市' } } });
    assert.equal(mismatched.status, 400);
    assert.equal(mismatched.body.error.code, 'VALIDATION_FAILED');
    // a type of one kind still refuses the other
    const enterpriseOnly = (await create({ sequence: '105' })).body;
    const refused = await api('/api/licences', { method: 'POST', cookie: cookies.deptadmin, body: { typeId: enterpriseOnly.id, departmentId: dept.id, holder: person, fields: { scope: '预包装食品销售' } } });
    assert.equal(refused.status, 400);
    // imported rows: the code says whose
    const csv = ['持证主体,证件号码,坐落', `黄小梅,${demoIdNumber('445302000000', '19880808', 6)},云浮市云城区兴云西路8号`, `云浮市云城区石岗农民专业合作社,${demoEnterpriseUscc('445302000000', 92)},云浮市云城区思劳镇石岗村`].join('\n');
    const imported = await api('/api/licences/import', { method: 'POST', cookie: cookies.deptadmin, body: { typeId: type.body.id, departmentId: dept.id, format: 'csv', content: csv } });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.ok, true, JSON.stringify(imported.body));
    const kinds = await server.ctx.db.query<{ holder_kind: string }>('select holder_kind from licence where identifier = any($1) order by holder_kind', [imported.body.issued.map((i: { identifier: string }) => i.identifier)]);
    assert.deepEqual(kinds.map((k) => k.holder_kind), ['enterprise', 'person']);
  });

  test('the catalogue items that produce a type are those whose published result names its code', async () => {
    const types = (await api('/api/licence-types', { cookie: cookies.admin })).body.items as { id: string; code: string }[];
    let producing = 0;
    for (const t of types) {
      const res = await api(`/api/licence-types/${t.id}/items`, { cookie: cookies.approver });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      for (const item of res.body.items) {
        producing++;
        assert.ok(item.departmentName, JSON.stringify(item));
        const published = await getPublishedVersion(server.ctx.db, item.code);
        assert.equal(published.content.result?.licenseTypeCode, t.code);
      }
    }
    assert.ok(producing > 0, 'the demo catalogue has items whose result is a demo licence type');
    const fresh = types.find((t) => t.code === `${dept.uscc}101`)!;
    assert.deepEqual((await api(`/api/licence-types/${fresh.id}/items`, { cookie: cookies.admin })).body.items, []);
  });
});
