import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoUscc } from '../../src/seed/demo-city.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let admin: string;
const CITY = '445300000000';
const YUNCHENG = '445302000000';
const LUODING = '445381000000';

before(async () => {
  server = await startTestServer();
  admin = await server.login('admin');
});
after(() => server.close());

const newDepartment = (overrides: Record<string, unknown> = {}) => ({
  code: `T-${Math.random().toString(36).slice(2, 8)}`,
  name: '测试局',
  uscc: demoUscc(CITY, 9000 + Math.floor(Math.random() * 999)),
  regionCode: CITY,
  sector: 'other',
  ...overrides,
});

describe('departments', () => {
  test('the demo city has at least 30 departments with valid codes', async () => {
    const res = await server.api(`/api/org/departments?regionCode=${CITY}&pageSize=100`, { cookie: admin });
    assert.equal(res.status, 200);
    assert.ok(res.body.total >= 30, `total ${res.body.total}`);
    const names = res.body.items.map((d: { name: string }) => d.name);
    for (const n of ['云浮市公安局', '云浮市市场监督管理局', '云浮市人力资源和社会保障局', '云浮市政务服务和数据管理局']) {
      assert.ok(names.includes(n), `${n} missing`);
    }
  });

  test('create, find, update with version, delete', async () => {
    const body = newDepartment({ name: '云浮市测试创建局' });
    const created = await server.api('/api/org/departments', { method: 'POST', body, cookie: admin });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.version, 1);
    assert.equal(created.body.regionName, '云浮市');

    const found = await server.api(`/api/org/departments?q=${encodeURIComponent('测试创建')}`, { cookie: admin });
    assert.deepEqual(found.body.items.map((d: { id: string }) => d.id), [created.body.id]);

    const patched = await server.api(`/api/org/departments/${created.body.id}`, {
      method: 'PATCH',
      body: { shortName: '测试局', version: 1 },
      cookie: admin,
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.version, 2);

    const stale = await server.api(`/api/org/departments/${created.body.id}`, {
      method: 'PATCH',
      body: { shortName: '旧版本', version: 1 },
      cookie: admin,
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');

    const removed = await server.api(`/api/org/departments/${created.body.id}`, { method: 'DELETE', cookie: admin });
    assert.equal(removed.status, 204);
    const gone = await server.api(`/api/org/departments/${created.body.id}`, { cookie: admin });
    assert.equal(gone.status, 404);
    assert.equal(gone.body.error.code, 'NOT_FOUND');
  });

  test('the name a guide prints finds the department that owns the item (其他名称)', async () => {
    // the 不动产 guides name 云浮市不动产登记中心; it works under 自然资源局, which owns the items
    const centre = await server.api(`/api/org/departments?q=${encodeURIComponent('不动产登记中心')}`, { cookie: admin });
    assert.equal(centre.status, 200);
    assert.deepEqual(
      centre.body.items.map((d: { code: string; otherNames: string[] }) => [d.code, d.otherNames]),
      [
        ['445300-ZRZYJ', ['云浮市不动产登记中心']],
        ['445302-ZRZYJ', ['云浮市不动产登记中心云城分中心']],
        ['445303-ZRZYJ', ['云浮市不动产登记中心云安分中心']],
        ['445321-ZRZYJ', ['云浮市不动产登记中心新兴分中心']],
        ['445322-ZRZYJ', ['云浮市不动产登记中心郁南分中心']],
        ['445381-ZRZYJ', ['云浮市不动产登记中心罗定分中心']],
      ],
    );
    const created = await server.api('/api/org/departments', { method: 'POST', body: newDepartment({ otherNames: ['测试挂牌中心'] }), cookie: admin });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.otherNames, ['测试挂牌中心']);
    const found = await server.api(`/api/org/departments?q=${encodeURIComponent('挂牌中心')}`, { cookie: admin });
    assert.deepEqual(found.body.items.map((d: { id: string }) => d.id), [created.body.id]);
    const cleared = await server.api(`/api/org/departments/${created.body.id}`, { method: 'PATCH', body: { otherNames: [], version: 1 }, cookie: admin });
    assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
    assert.deepEqual(cleared.body.otherNames, []);
    // bad input is refused with the field named
    const tooMany = await server.api('/api/org/departments', { method: 'POST', body: newDepartment({ otherNames: Array.from({ length: 11 }, (_, i) => `名称${i}`) }), cookie: admin });
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.code, 'VALIDATION_FAILED');
    const notText = await server.api('/api/org/departments', { method: 'POST', body: newDepartment({ otherNames: '不动产登记中心' }), cookie: admin });
    assert.equal(notText.status, 400);
    // denied as any other department write: outside a department administrator's scope it is not there
    const deptadmin = await server.login('deptadmin');
    const denied = await server.api(`/api/org/departments/${created.body.id}`, { method: 'PATCH', body: { otherNames: ['x'], version: 2 }, cookie: deptadmin });
    assert.equal(denied.status, 404);
    assert.deepEqual((await server.api(`/api/org/departments/${created.body.id}`, { cookie: admin })).body.otherNames, []);
    assert.equal((await server.api(`/api/org/departments/${created.body.id}`, { method: 'DELETE', cookie: admin })).status, 204);
  });

  test('malformed JSON is 400 BAD_REQUEST and writes nothing', async () => {
    const before = await server.api('/api/org/departments?pageSize=1', { cookie: admin });
    const res = await server.api('/api/org/departments', { method: 'POST', rawBody: '{"code": "X", ', cookie: admin });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'BAD_REQUEST');
    const afterRes = await server.api('/api/org/departments?pageSize=1', { cookie: admin });
    assert.equal(afterRes.body.total, before.body.total);
  });

  test('a schema violation names the failing field', async () => {
    const wrongType = await server.api('/api/org/departments', { method: 'POST', body: newDepartment({ name: 123 }), cookie: admin });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.error.code, 'VALIDATION_FAILED');
    assert.equal(wrongType.body.error.details.field, 'name');

    const missing = await server.api('/api/org/departments', { method: 'POST', body: { name: '缺字段' }, cookie: admin });
    assert.equal(missing.status, 400);
    assert.ok(['code', 'uscc', 'regionCode', 'sector'].includes(missing.body.error.details.field));

    const extra = await server.api('/api/org/departments', { method: 'POST', body: newDepartment({ isAdmin: true }), cookie: admin });
    assert.equal(extra.status, 400);
    assert.equal(extra.body.error.details.field, 'isAdmin');

    const badQuery = await server.api('/api/org/departments?pageSize=100000', { cookie: admin });
    assert.equal(badQuery.status, 400);
    assert.equal(badQuery.body.error.details.field, 'pageSize');
  });

  test('a bad USCC is 422 with the reason, in the request language', async () => {
    const good = demoUscc(CITY, 4321);
    const wrongCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const zh = await server.api('/api/org/departments', { method: 'POST', body: newDepartment({ uscc: wrongCheck }), cookie: admin });
    assert.equal(zh.status, 422);
    assert.equal(zh.body.error.code, 'USCC_INVALID');
    assert.equal(zh.body.error.details.reason, 'CHECK_CHAR');
    assert.match(zh.body.error.message, /统一社会信用代码/);
    const en = await server.api('/api/org/departments', {
      method: 'POST',
      body: newDepartment({ uscc: 'ABC' }),
      cookie: admin,
      lang: 'en-US,en;q=0.9',
    });
    assert.equal(en.status, 422);
    assert.match(en.body.error.message, /Invalid unified social credit code/);
  });

  test('duplicate department code or USCC is 409', async () => {
    const first = newDepartment();
    assert.equal((await server.api('/api/org/departments', { method: 'POST', body: first, cookie: admin })).status, 201);
    const sameCode = await server.api('/api/org/departments', {
      method: 'POST',
      body: newDepartment({ code: first.code }),
      cookie: admin,
    });
    assert.equal(sameCode.status, 409);
    assert.equal(sameCode.body.error.code, 'DEPARTMENT_CODE_TAKEN');
    const sameUscc = await server.api('/api/org/departments', { method: 'POST', body: newDepartment({ uscc: first.uscc }), cookie: admin });
    assert.equal(sameUscc.status, 409);
    assert.equal(sameUscc.body.error.code, 'USCC_TAKEN');
  });

  test('a second click on create makes one department', async () => {
    const body = newDepartment();
    const results = await Promise.all([1, 2].map(() => server.api('/api/org/departments', { method: 'POST', body, cookie: admin })));
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409]);
  });

  test('deleting a department that still has staff is 409 and deletes nothing', async () => {
    const list = await server.api(`/api/org/departments?q=${encodeURIComponent('政务服务和数据管理局')}&regionCode=${CITY}`, { cookie: admin });
    const zsj = list.body.items.find((d: { regionCode: string }) => d.regionCode === CITY);
    const res = await server.api(`/api/org/departments/${zsj.id}`, { method: 'DELETE', cookie: admin });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'DEPARTMENT_HAS_STAFF');
    assert.equal((await server.api(`/api/org/departments/${zsj.id}`, { cookie: admin })).status, 200);
  });

  test('injection strings are data, not SQL', async () => {
    const q = encodeURIComponent("' or 1=1; drop table department; --");
    const res = await server.api(`/api/org/departments?q=${q}`, { cookie: admin });
    assert.equal(res.status, 200);
    assert.equal(res.body.total, 0);
    const created = await server.api('/api/org/departments', {
      method: 'POST',
      body: newDepartment({ name: "Robert'); drop table department;--" }),
      cookie: admin,
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.name, "Robert'); drop table department;--");
  });

  test('unknown region and unknown parent are 422', async () => {
    const region = await server.api('/api/org/departments', { method: 'POST', body: newDepartment({ regionCode: '449999000000' }), cookie: admin });
    assert.equal(region.status, 422);
    assert.equal(region.body.error.code, 'REGION_NOT_FOUND');
    const parent = await server.api('/api/org/departments', {
      method: 'POST',
      body: newDepartment({ parentId: '01890000-0000-7000-8000-000000000000' }),
      cookie: admin,
    });
    assert.equal(parent.status, 422);
    assert.equal(parent.body.error.code, 'DEPARTMENT_PARENT_NOT_FOUND');
  });
});

describe('access', () => {
  test('no session is 401, a non-administrator is 403 on admin routes', async () => {
    const anonymous = await server.api('/api/org/departments');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'UNAUTHENTICATED');
    const clerk = await server.login('clerk');
    for (const [method, path] of [
      ['GET', '/api/org/departments'],
      ['POST', '/api/org/departments'],
      ['GET', '/api/org/halls'],
      ['GET', '/api/org/staff'],
    ] as const) {
      const res = await server.api(path, { method, cookie: clerk, body: method === 'POST' ? newDepartment() : undefined });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal(res.body.error.code, 'FORBIDDEN');
    }
  });

  test('a county administrator sees and edits only that county', async () => {
    const county = await server.login('countyadmin');
    const list = await server.api('/api/org/departments?pageSize=100', { cookie: county });
    assert.equal(list.status, 200);
    assert.ok(list.body.total > 0);
    assert.ok(list.body.items.every((d: { regionCode: string }) => d.regionCode.startsWith('445302')));

    const other = await server.api(`/api/org/departments?regionCode=${LUODING}`, { cookie: admin });
    const luodingDept = other.body.items[0];
    assert.ok(luodingDept, '罗定市 has departments');
    const read = await server.api(`/api/org/departments/${luodingDept.id}`, { cookie: county });
    assert.equal(read.status, 404);
    const edit = await server.api(`/api/org/departments/${luodingDept.id}`, {
      method: 'PATCH',
      body: { name: '越权修改', version: luodingDept.version },
      cookie: county,
    });
    assert.equal(edit.status, 404);
    const del = await server.api(`/api/org/departments/${luodingDept.id}`, { method: 'DELETE', cookie: county });
    assert.equal(del.status, 404);
    const create = await server.api('/api/org/departments', { method: 'POST', body: newDepartment({ regionCode: LUODING }), cookie: county });
    assert.equal(create.status, 403);
    const inside = await server.api('/api/org/departments', {
      method: 'POST',
      body: newDepartment({ regionCode: YUNCHENG, uscc: demoUscc(YUNCHENG, 8888) }),
      cookie: county,
    });
    assert.equal(inside.status, 201);
    // moving a department out of one's county is refused too
    const move = await server.api(`/api/org/departments/${inside.body.id}`, {
      method: 'PATCH',
      body: { regionCode: LUODING, version: 1 },
      cookie: county,
    });
    assert.equal(move.status, 403);
  });

  test('nobody grants a role beyond their own scope', async () => {
    const county = await server.login('countyadmin');
    const staff = await server.api('/api/org/staff?q=countyadmin', { cookie: county });
    const self = staff.body.items[0];
    const res = await server.api(`/api/org/staff/${self.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ role: 'administrator', regionCode: CITY, departmentId: null }] },
      cookie: county,
    });
    assert.equal(res.status, 403);
  });
});

describe('regions and other entities', () => {
  test('region children and unknown codes', async () => {
    const children = await server.api(`/api/regions/${CITY}/children`);
    assert.equal(children.status, 200);
    assert.deepEqual(
      children.body.items.map((r: { name: string }) => r.name),
      ['云城区', '云安区', '新兴县', '郁南县', '罗定市'],
    );
    const towns = await server.api(`/api/regions/${YUNCHENG}/children`);
    assert.ok(towns.body.items.length > 3);
    assert.ok(towns.body.items.every((r: { level: number }) => r.level === 4));
    assert.equal((await server.api('/api/regions/449999000000')).status, 404);
    assert.equal((await server.api('/api/regions/abc')).status, 400);
  });

  test('halls, windows, kiosks and staff list with paging', async () => {
    for (const path of ['/api/org/halls', '/api/org/windows', '/api/org/kiosks', '/api/org/staff']) {
      const res = await server.api(`${path}?page=1&pageSize=5`, { cookie: admin });
      assert.equal(res.status, 200, path);
      assert.ok(res.body.total > 0, path);
      assert.ok(res.body.items.length <= 5, path);
    }
    const staff = await server.api('/api/org/staff?q=admin', { cookie: admin });
    const phone = staff.body.items[0].phone as string;
    assert.match(phone, /^\d{3}\*{4}\d{4}$/);
  });

  test('a hall with windows cannot be deleted; a window number is unique per hall', async () => {
    const halls = await server.api('/api/org/halls?pageSize=1', { cookie: admin });
    const hall = halls.body.items[0];
    const del = await server.api(`/api/org/halls/${hall.id}`, { method: 'DELETE', cookie: admin });
    assert.equal(del.status, 409);
    assert.equal(del.body.error.code, 'HALL_HAS_WINDOWS');
    const dup = await server.api('/api/org/windows', { method: 'POST', body: { hallId: hall.id, number: 'A01', name: '重复窗口' }, cookie: admin });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'WINDOW_NUMBER_TAKEN');
  });

  test('staff create hashes the password and the new account can sign in', async () => {
    const depts = await server.api(`/api/org/departments?regionCode=${CITY}&pageSize=1`, { cookie: admin });
    const created = await server.api('/api/org/staff', {
      method: 'POST',
      body: { username: 'newclerk', name: '新窗口人员', departmentId: depts.body.items[0].id, regionCode: CITY, password: 'a-long-password-1', phone: '13912345678' },
      cookie: admin,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.phone, '139****5678');
    assert.equal('passwordHash' in created.body, false);
    const roles = await server.api(`/api/org/staff/${created.body.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ role: 'window_clerk', regionCode: CITY, departmentId: null }] },
      cookie: admin,
    });
    assert.equal(roles.status, 200);
    assert.deepEqual(roles.body.roles.map((r: { role: string }) => r.role), ['window_clerk']);
    // One role for two departments of the same region is two grants; the same grant twice is refused.
    const [d1, d2] = (await server.api(`/api/org/departments?regionCode=${CITY}&pageSize=2`, { cookie: admin })).body.items;
    const twoDepts = await server.api(`/api/org/staff/${created.body.id}/roles`, {
      method: 'PUT',
      body: { roles: [d1, d2].map((d: { id: string }) => ({ role: 'approver', regionCode: CITY, departmentId: d.id })) },
      cookie: admin,
    });
    assert.equal(twoDepts.status, 200, JSON.stringify(twoDepts.body));
    assert.equal(twoDepts.body.roles.length, 2);
    const twice = await server.api(`/api/org/staff/${created.body.id}/roles`, {
      method: 'PUT',
      body: { roles: [d1, d1].map((d: { id: string }) => ({ role: 'approver', regionCode: CITY, departmentId: d.id })) },
      cookie: admin,
    });
    assert.equal(twice.status, 422);
    assert.equal(twice.body.error.code, 'DUPLICATE_ROLE');
    await server.api(`/api/org/staff/${created.body.id}/roles`, {
      method: 'PUT',
      body: { roles: [{ role: 'window_clerk', regionCode: CITY, departmentId: null }] },
      cookie: admin,
    });
    const cookie = await server.login('newclerk', 'a-long-password-1');
    const me = await server.api('/api/auth/me', { cookie });
    assert.equal(me.body.user.username, 'newclerk');
  });

  test('cockpit statistics are scoped to the leader', async () => {
    const leader = await server.login('leader');
    const res = await server.api('/api/org/stats', { cookie: leader });
    assert.equal(res.status, 200);
    assert.ok(res.body.totals.departments >= 30);
    assert.equal(res.body.byCounty.length, 6);
  });
});
