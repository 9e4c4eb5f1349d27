import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { demoUscc } from '../../src/seed/uscc.ts';
import { CITY, LUODING } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Administrator scope (#13.1): every administrative route × {city administrator, county
 * administrator (云城区), another county's administrator (罗定市), department administrator}.
 * What holds for the whole node (department systems, signing keys, the working-day calendar,
 * rating rules, search synonyms) needs a node-level administrator; what belongs to a region
 * (halls, staff and their roles) its county administrator keeps managing. Every denied call
 * answers the expected status and code and changes nothing: no row, no audit entry.
 */
const YUNCHENG = '445302000000';
const ICS_2027 = readFileSync(new URL('../fixtures/holidays-2027.ics', import.meta.url), 'utf8');
type Who = 'city' | 'county' | 'otherCounty' | 'deptAdmin';
const WHO: Who[] = ['city', 'county', 'otherCounty', 'deptAdmin'];

/** allowed (with the success status) or denied (with status and error code). */
type Expect = { ok: number } | { denied: [number, string] };
const ok = (status: number): Expect => ({ ok: status });
const no = (status: number, code: string): Expect => ({ denied: [status, code] });
const NODE_ONLY = (status: number) => ({ city: ok(status), county: no(403, 'NODE_ADMIN_REQUIRED'), otherCounty: no(403, 'NODE_ADMIN_REQUIRED'), deptAdmin: no(403, 'NODE_ADMIN_REQUIRED') });

interface Request {
  method: string;
  path: string;
  body?: unknown;
}

interface Row {
  route: string;
  /** The tables the route writes: their content must not change when a call is denied. */
  tables: string[];
  expect: Record<Who, Expect>;
  /** Build the call for one actor; may prepare an object as the city administrator first. */
  request(who: Who, n: number): Promise<Request> | Request;
}

let server: TestServer;
const cookies = {} as Record<Who, string>;
let adminCookie: string;

async function api(cookie: string, r: Request) {
  return server.api(r.path, { method: r.method, cookie, body: r.body });
}

async function created(r: Request) {
  const res = await api(adminCookie, r);
  assert.ok(res.status === 200 || res.status === 201, `${r.method} ${r.path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let yunchengDept: { id: string; regionCode: string };

before(async () => {
  server = await startTestServer();
  adminCookie = await server.login('admin');
  cookies.city = adminCookie;
  cookies.county = await server.login('countyadmin');
  cookies.deptAdmin = await server.login('deptadmin');
  // another county's administrator: 罗定市, an administrator grant over the county, not narrowed
  const luodingDept = (await server.api(`/api/org/departments?regionCode=${LUODING}&pageSize=1`, { cookie: adminCookie })).body.items[0];
  assert.equal(luodingDept.regionCode, LUODING);
  const luodingAdmin = await created({
    method: 'POST',
    path: '/api/org/staff',
    body: { username: 'luodingadmin', name: '罗定市管理员', departmentId: luodingDept.id, regionCode: LUODING, password: 'Yiwang@2026luodingadmin', phone: '13912345670' },
  });
  await created({ method: 'PUT', path: `/api/org/staff/${luodingAdmin.id}/roles`, body: { roles: [{ role: 'administrator', regionCode: LUODING, departmentId: null }] } });
  cookies.otherCounty = await server.login('luodingadmin');
  // a 云城区 department that owns no demo item, so it has no seal yet (those that do have one)
  yunchengDept = (await server.api(`/api/org/departments?regionCode=${YUNCHENG}&q=${encodeURIComponent('政务服务和数据管理局')}&pageSize=1`, { cookie: adminCookie })).body.items[0];
  assert.equal(yunchengDept.regionCode, YUNCHENG);
  await created({
    method: 'POST',
    path: '/api/identity/clients',
    body: { clientId: 'matrix-system', name: '矩阵测试系统', redirectUris: [], grantTypes: ['client_credentials'], scopes: [] },
  });
});
after(() => server.close());

const ratingRules = { defaultAfterDays: 7, rectifyWorkingDays: 5, stages: ['completed'] };
/** A Saturday of 2027 per cell, so each call changes a day of its own. */
const saturday = (n: number) => new Date(Date.UTC(2027, 0, 2) + 7 * n * 86_400_000).toISOString().slice(0, 10);

const department = (regionCode: string, who: Who, n: number) => ({
  code: `M${regionCode.slice(0, 6)}-${n}`,
  name: `矩阵局 ${who} ${n}`,
  uscc: demoUscc(regionCode, 8000 + n),
  regionCode,
  sector: 'other',
});
const staffBody = (username: string) => ({
  username,
  name: username,
  departmentId: yunchengDept.id,
  regionCode: YUNCHENG,
  password: 'Yiwang@2026matrix',
  phone: '13912345674',
});
const SEAL_KIND: Record<Who, string> = { city: 'official', county: 'approval', otherCounty: 'licence', deptAdmin: 'business' };
const licenceType = (who: string, n: number) => ({
  definingDepartmentId: yunchengDept.id,
  sequence: String(100 + n),
  holderKind: 'enterprise',
  name: `矩阵许可证 ${who} ${n}`,
  issuingDepartmentIds: [yunchengDept.id],
  fields: [{ key: 'scope', label: '经营项目', type: 'text', required: true, personal: false }],
  validity: { years: 5 },
  template: { title: '矩阵许可证', note: '测试' },
});

const ROWS: Row[] = [
  {
    route: 'GET /api/identity/clients',
    tables: ['oidc_client'],
    expect: NODE_ONLY(200),
    request: () => ({ method: 'GET', path: '/api/identity/clients' }),
  },
  {
    route: 'POST /api/identity/clients',
    tables: ['oidc_client'],
    expect: NODE_ONLY(201),
    request: (who) => ({
      method: 'POST',
      path: '/api/identity/clients',
      body: { clientId: `matrix-${who.toLowerCase()}`, name: `矩阵 ${who}`, redirectUris: [], grantTypes: ['client_credentials'], scopes: [] },
    }),
  },
  {
    route: 'PATCH /api/identity/clients/:id',
    tables: ['oidc_client'],
    expect: NODE_ONLY(200),
    request: (who) => ({ method: 'PATCH', path: '/api/identity/clients/matrix-system', body: { name: `改名 ${who}` } }),
  },
  {
    route: 'PATCH /api/identity/clients/:id (disable)',
    tables: ['oidc_client'],
    expect: NODE_ONLY(200),
    request: async (who, n) => {
      const clientId = `matrix-off-${n}`;
      await created({ method: 'POST', path: '/api/identity/clients', body: { clientId, name: `停用 ${who}`, redirectUris: [], grantTypes: ['client_credentials'], scopes: [] } });
      return { method: 'PATCH', path: `/api/identity/clients/${clientId}`, body: { status: 'disabled' } };
    },
  },
  {
    route: 'POST /api/identity/clients/:id/secret',
    tables: ['oidc_client', 'oidc_payload'],
    expect: NODE_ONLY(200),
    request: () => ({ method: 'POST', path: '/api/identity/clients/matrix-system/secret' }),
  },
  {
    route: 'POST /api/identity/keys/rotate',
    tables: ['oidc_key'],
    expect: NODE_ONLY(200),
    request: () => ({ method: 'POST', path: '/api/identity/keys/rotate' }),
  },
  {
    route: 'PUT /api/calendar/days/:day',
    tables: ['calendar_day'],
    expect: NODE_ONLY(200),
    request: (_who, n) => ({ method: 'PUT', path: `/api/calendar/days/${saturday(n)}`, body: { kind: 'workday', name: '矩阵调休' } }),
  },
  {
    route: 'DELETE /api/calendar/days/:day',
    tables: ['calendar_day'],
    expect: NODE_ONLY(204),
    request: async (_who, n) => {
      const day = saturday(n + 16);
      await created({ method: 'PUT', path: `/api/calendar/days/${day}`, body: { kind: 'workday', name: '待删除' } });
      return { method: 'DELETE', path: `/api/calendar/days/${day}` };
    },
  },
  {
    route: 'POST /api/calendar/years/:year/ics',
    tables: ['calendar_day', 'calendar_year'],
    expect: NODE_ONLY(200),
    request: () => ({ method: 'POST', path: '/api/calendar/years/2027/ics', body: { ics: ICS_2027 } }),
  },
  {
    route: 'POST /api/calendar/years/:year/confirm',
    tables: ['calendar_day', 'calendar_year'],
    expect: NODE_ONLY(200),
    request: async (_who, n) => {
      const year = 2040 + (n % 60);
      await created({ method: 'PUT', path: `/api/calendar/days/${year}-01-01`, body: { kind: 'holiday', name: '元旦' } });
      return { method: 'POST', path: `/api/calendar/years/${year}/confirm` };
    },
  },
  {
    route: 'GET /api/ratings/settings',
    tables: ['node_setting'],
    expect: NODE_ONLY(200),
    request: () => ({ method: 'GET', path: '/api/ratings/settings' }),
  },
  {
    route: 'PUT /api/ratings/settings',
    tables: ['node_setting'],
    expect: NODE_ONLY(200),
    request: () => ({ method: 'PUT', path: '/api/ratings/settings', body: ratingRules }),
  },
  {
    // search synonyms hold for the node's whole search: the city's data bureau (a city-wide
    // administrator or data officer grant) keeps them
    route: 'POST /api/catalog/synonyms',
    tables: ['catalog_synonym'],
    expect: { city: ok(201), county: no(403, 'FORBIDDEN'), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: (who) => ({ method: 'POST', path: '/api/catalog/synonyms', body: { words: [`矩阵${who}`, `矩阵同义${who}`], regionCode: CITY } }),
  },
  {
    route: 'PUT /api/catalog/synonyms/:id',
    tables: ['catalog_synonym'],
    expect: { city: ok(200), county: no(403, 'FORBIDDEN'), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: async (who) => {
      const s = await created({ method: 'POST', path: '/api/catalog/synonyms', body: { words: [`改前${who}`, `改前同义${who}`], regionCode: CITY } });
      return { method: 'PUT', path: `/api/catalog/synonyms/${s.id}`, body: { words: [`改后${who}`, `改后同义${who}`], version: s.version } };
    },
  },
  {
    route: 'DELETE /api/catalog/synonyms/:id',
    tables: ['catalog_synonym'],
    expect: { city: ok(204), county: no(403, 'FORBIDDEN'), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: async (who) => {
      const s = await created({ method: 'POST', path: '/api/catalog/synonyms', body: { words: [`删前${who}`, `删前同义${who}`], regionCode: CITY } });
      return { method: 'DELETE', path: `/api/catalog/synonyms/${s.id}` };
    },
  },
  // what belongs to a region: 云城区's county administrator manages it, 罗定市's does not; an
  // object outside one's read scope answers 404 (ids are not probed), a create outside it 403
  {
    route: 'POST /api/org/halls (云城区)',
    tables: ['hall'],
    expect: { city: ok(201), county: ok(201), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: (who) => ({ method: 'POST', path: '/api/org/halls', body: { name: `矩阵大厅 ${who}`, regionCode: YUNCHENG } }),
  },
  {
    route: 'PATCH /api/org/halls/:id (云城区)',
    tables: ['hall'],
    expect: { city: ok(200), county: ok(200), otherCounty: no(404, 'NOT_FOUND'), deptAdmin: no(404, 'NOT_FOUND') },
    request: async (who) => {
      const hall = await created({ method: 'POST', path: '/api/org/halls', body: { name: `待改大厅 ${who}`, regionCode: YUNCHENG } });
      return { method: 'PATCH', path: `/api/org/halls/${hall.id}`, body: { name: `已改大厅 ${who}`, version: hall.version } };
    },
  },
  {
    route: 'DELETE /api/org/halls/:id (云城区)',
    tables: ['hall'],
    expect: { city: ok(204), county: ok(204), otherCounty: no(404, 'NOT_FOUND'), deptAdmin: no(404, 'NOT_FOUND') },
    request: async (who) => {
      const hall = await created({ method: 'POST', path: '/api/org/halls', body: { name: `待删大厅 ${who}`, regionCode: YUNCHENG } });
      return { method: 'DELETE', path: `/api/org/halls/${hall.id}` };
    },
  },
  {
    route: 'POST /api/org/departments (云浮市, city level)',
    tables: ['department'],
    expect: { city: ok(201), county: no(403, 'FORBIDDEN'), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: (who, n) => ({ method: 'POST', path: '/api/org/departments', body: department(CITY, who, n) }),
  },
  {
    route: 'POST /api/org/departments (云城区)',
    tables: ['department'],
    expect: { city: ok(201), county: ok(201), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: (who, n) => ({ method: 'POST', path: '/api/org/departments', body: department(YUNCHENG, who, n) }),
  },
  {
    route: 'PATCH /api/org/departments/:id (云城区)',
    tables: ['department'],
    expect: { city: ok(200), county: ok(200), otherCounty: no(404, 'NOT_FOUND'), deptAdmin: no(404, 'NOT_FOUND') },
    request: async (who, n) => {
      const d = await created({ method: 'POST', path: '/api/org/departments', body: department(YUNCHENG, who, n) });
      return { method: 'PATCH', path: `/api/org/departments/${d.id}`, body: { name: `改名局 ${who}`, version: d.version } };
    },
  },
  {
    route: 'DELETE /api/org/departments/:id (云城区)',
    tables: ['department'],
    expect: { city: ok(204), county: ok(204), otherCounty: no(404, 'NOT_FOUND'), deptAdmin: no(404, 'NOT_FOUND') },
    request: async (who, n) => {
      const d = await created({ method: 'POST', path: '/api/org/departments', body: department(YUNCHENG, who, n) });
      return { method: 'DELETE', path: `/api/org/departments/${d.id}` };
    },
  },
  {
    route: 'POST /api/org/windows (云城区 hall)',
    tables: ['service_window'],
    expect: { city: ok(201), county: ok(201), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: async (who, n) => {
      const hall = await created({ method: 'POST', path: '/api/org/halls', body: { name: `窗口大厅 ${who}`, regionCode: YUNCHENG } });
      return { method: 'POST', path: '/api/org/windows', body: { hallId: hall.id, number: `M${n}`, name: `矩阵窗口 ${who}` } };
    },
  },
  {
    route: 'POST /api/org/kiosks (云城区)',
    tables: ['kiosk'],
    expect: { city: ok(201), county: ok(201), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: (who, n) => ({ method: 'POST', path: '/api/org/kiosks', body: { code: `KM${n}`, name: `矩阵一体机 ${who}`, regionCode: YUNCHENG } }),
  },
  {
    route: 'PATCH /api/org/kiosks/:id (云城区)',
    tables: ['kiosk'],
    expect: { city: ok(200), county: ok(200), otherCounty: no(404, 'NOT_FOUND'), deptAdmin: no(404, 'NOT_FOUND') },
    request: async (who, n) => {
      const k = await created({ method: 'POST', path: '/api/org/kiosks', body: { code: `KP${n}`, name: `待改一体机 ${who}`, regionCode: YUNCHENG } });
      return { method: 'PATCH', path: `/api/org/kiosks/${k.id}`, body: { name: `已改一体机 ${who}`, version: k.version } };
    },
  },
  {
    route: 'DELETE /api/org/kiosks/:id (云城区)',
    tables: ['kiosk'],
    expect: { city: ok(204), county: ok(204), otherCounty: no(404, 'NOT_FOUND'), deptAdmin: no(404, 'NOT_FOUND') },
    request: async (who, n) => {
      const k = await created({ method: 'POST', path: '/api/org/kiosks', body: { code: `KD${n}`, name: `待删一体机 ${who}`, regionCode: YUNCHENG } });
      return { method: 'DELETE', path: `/api/org/kiosks/${k.id}` };
    },
  },
  {
    route: 'POST /api/seals (云城区 department)',
    tables: ['seal', 'seal_key'],
    expect: { city: ok(201), county: ok(201), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: (who) => ({ method: 'POST', path: '/api/seals', body: { departmentId: yunchengDept.id, kind: SEAL_KIND[who] } }),
  },
  {
    route: 'POST /api/licence-types (defined by a 云城区 department)',
    tables: ['licence_type'],
    expect: { city: ok(201), county: ok(201), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: (who, n) => ({ method: 'POST', path: '/api/licence-types', body: licenceType(who, n) }),
  },
  {
    route: 'POST /api/licence-types/:id/grants (type of a 云城区 department)',
    tables: ['licence_use_grant'],
    expect: { city: ok(201), county: ok(201), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: async (who, n) => {
      const t = await created({ method: 'POST', path: '/api/licence-types', body: licenceType(`${who}-g`, n + 500) });
      return { method: 'POST', path: `/api/licence-types/${t.id}/grants`, body: { departmentId: yunchengDept.id, withoutConsent: false } };
    },
  },
  {
    route: 'POST /api/org/staff (云城区)',
    tables: ['staff'],
    expect: { city: ok(201), county: ok(201), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: (who) => ({
      method: 'POST',
      path: '/api/org/staff',
      body: { username: `matrix${who.toLowerCase()}`, name: `矩阵 ${who}`, departmentId: yunchengDept.id, regionCode: YUNCHENG, password: 'Yiwang@2026matrix', phone: '13912345671' },
    }),
  },
  {
    route: 'PATCH /api/org/staff/:id (云城区)',
    tables: ['staff'],
    expect: { city: ok(200), county: ok(200), otherCounty: no(404, 'NOT_FOUND'), deptAdmin: no(404, 'NOT_FOUND') },
    request: async (who) => {
      const st = await created({ method: 'POST', path: '/api/org/staff', body: staffBody(`patchmatrix${who.toLowerCase()}`) });
      return { method: 'PATCH', path: `/api/org/staff/${st.id}`, body: { name: `改名 ${who}`, version: st.version } };
    },
  },
  {
    route: 'DELETE /api/org/staff/:id (云城区)',
    tables: ['staff'],
    expect: { city: ok(204), county: ok(204), otherCounty: no(404, 'NOT_FOUND'), deptAdmin: no(404, 'NOT_FOUND') },
    request: async (who) => {
      const st = await created({ method: 'POST', path: '/api/org/staff', body: staffBody(`delmatrix${who.toLowerCase()}`) });
      return { method: 'DELETE', path: `/api/org/staff/${st.id}` };
    },
  },
  {
    route: 'PUT /api/org/staff/:id/roles (云城区)',
    tables: ['staff_role'],
    expect: { city: ok(200), county: ok(200), otherCounty: no(403, 'FORBIDDEN'), deptAdmin: no(403, 'FORBIDDEN') },
    request: async (who) => {
      const s = await created({
        method: 'POST',
        path: '/api/org/staff',
        body: { username: `rolematrix${who.toLowerCase()}`, name: `授权 ${who}`, departmentId: yunchengDept.id, regionCode: YUNCHENG, password: 'Yiwang@2026matrix', phone: '13912345672' },
      });
      return { method: 'PUT', path: `/api/org/staff/${s.id}/roles`, body: { roles: [{ role: 'window_clerk', regionCode: YUNCHENG, departmentId: null }] } };
    },
  },
];

/** The content of the tables a route writes and the audit log's length: what a denial must leave alone. */
async function snapshot(tables: string[]) {
  const parts: string[] = [];
  for (const t of tables) {
    const row = await server.ctx.db.one<{ h: string }>(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${t} t`);
    parts.push(`${t}:${row!.h}`);
  }
  const audit = await server.ctx.db.one<{ n: number }>('select count(*)::int as n from audit_log');
  return { tables: parts.join(' '), audit: Number(audit!.n) };
}

test('every administrative route × city, county, other-county and department administrator', async () => {
  const results: string[] = [];
  let n = 0;
  for (const row of ROWS) {
    for (const who of WHO) {
      const request = await row.request(who, n++);
      const before = await snapshot(row.tables);
      const res = await api(cookies[who], request);
      const after = await snapshot(row.tables);
      const expected = row.expect[who];
      const cell = `${row.route} as ${who}`;
      if ('ok' in expected) {
        assert.equal(res.status, expected.ok, `${cell}: ${JSON.stringify(res.body)}`);
        if (request.method !== 'GET') assert.ok(after.audit > before.audit, `${cell}: an allowed change is audited`);
      } else {
        assert.deepEqual([res.status, res.body?.error?.code], expected.denied, `${cell}: ${JSON.stringify(res.body)}`);
        assert.equal(after.tables, before.tables, `${cell}: a denied call changes no row`);
        assert.equal(after.audit, before.audit, `${cell}: a denied call writes no audit entry`);
      }
      results.push(`${cell}: ${res.status}`);
    }
  }
  assert.equal(results.length, ROWS.length * WHO.length);
});

test('the node administrator is the city-wide grant: a city-level administrator narrowed to a department is refused', async () => {
  const zsj = (await server.api(`/api/org/departments?regionCode=${CITY}&pageSize=1`, { cookie: adminCookie })).body.items[0];
  const s = await created({
    method: 'POST',
    path: '/api/org/staff',
    body: { username: 'narrowadmin', name: '部门内管理员', departmentId: zsj.id, regionCode: CITY, password: 'Yiwang@2026narrowadmin', phone: '13912345673' },
  });
  await created({ method: 'PUT', path: `/api/org/staff/${s.id}/roles`, body: { roles: [{ role: 'administrator', regionCode: CITY, departmentId: zsj.id }] } });
  const narrow = await server.login('narrowadmin');
  const before = await snapshot(['oidc_key']);
  const res = await server.api('/api/identity/keys/rotate', { method: 'POST', cookie: narrow });
  assert.deepEqual([res.status, res.body.error.code], [403, 'NODE_ADMIN_REQUIRED']);
  assert.deepEqual(await snapshot(['oidc_key']), before);
});

test('the web app is told who holds the node-wide settings (/api/auth/me nodeAdmin), by the same rule', async () => {
  const expected: Record<Who, boolean> = { city: true, county: false, otherCounty: false, deptAdmin: false };
  for (const who of WHO) {
    const me = await server.api('/api/auth/me', { cookie: cookies[who] });
    assert.equal(me.status, 200, who);
    assert.equal(me.body.user.nodeAdmin, expected[who], who);
  }
  const citizen = await server.api('/api/auth/me', { cookie: await server.login('13800000001', 'Yiwang@2026citizen') });
  assert.equal(citizen.status, 200);
  assert.equal(citizen.body.user.nodeAdmin, false);
});
