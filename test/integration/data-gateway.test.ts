import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as clock from '../../src/kernel/clock.ts';
import { maskIdNumber } from '../../src/kernel/validate/idcard.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { approvedGrant, cityDepartment, populationRow, syntheticIdNumber, systemToken } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// The exchange gateway (#15 point 3) over the base libraries (point 4) and the citizen's ledger
// (point 6): a department system calls with its own token, under the grant its department holds
// — fields, rows, period, quota —, personal values masked unless granted in clear, every call
// logged, every person touched told in their ledger. Refusals as carefully as answers.
const YUNCHENG = '445302000000';
const LUODING = '445381000000';
const CHEN = demoIdNumber(YUNCHENG, '19900315', 0);
const OUTSIDER = syntheticIdNumber(LUODING, '19700101', 951);
const LOADED = syntheticIdNumber(YUNCHENG, '19800202', 952);

let server: TestServer;
const cookies: Record<string, string> = {};
const api = (...a: Parameters<TestServer['api']>) => server.api(...a);
let population: { id: string; code: string };
let scjgj: { id: string };
let mzj: { id: string };
let scjgjSystem: Record<string, string>;
let mzjSystem: Record<string, string>;
let mzjGrant: { id: string; version: number };
let scjgjGrant: { id: string; version: number };

const query = (headers: Record<string, string>, body: Record<string, unknown>) =>
  api('/api/data/gateway/query', { method: 'POST', headers, body: { resource: population.code, ...body } });
const load = (body: Record<string, unknown>, cookie = cookies.admin) =>
  api(`/api/data/resources/${population.id}/records`, { method: 'POST', cookie, body });
const recordCount = async () =>
  Number(
    (await server.ctx.db.one<{ n: string }>('select count(*) as n from data_record where resource_id = $1', [population.id]))!.n,
  );

/** A grant of the population library to `department`, approved by the data bureau with `scope`. */
const granted = (department: string, fields: string[], scope: Record<string, unknown>) =>
  approvedGrant(server, cookies, population.id, department, fields, scope);

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'dataofficer', 'deptadmin']) cookies[u] = await server.login(u);
  cookies.chen = await server.login('13800000001', 'Yiwang@2026citizen');
  cookies.li = await server.login('13800000002', 'Yiwang@2026citizen');
  population = (await api(`/api/data/resources?q=${encodeURIComponent('常住人口基本信息')}`, { cookie: cookies.dataofficer }))
    .body.items[0];
  scjgj = await cityDepartment(server, cookies.admin, '市场监督管理局');
  mzj = await cityDepartment(server, cookies.admin, '民政局');
  scjgjSystem = await systemToken(server, cookies.admin, 'scjg-xkxt', '市场监管许可系统');
  mzjSystem = await systemToken(server, cookies.admin, 'mz-jzxt', '民政救助系统');
  for (const [clientId, departmentId] of [
    ['scjg-xkxt', scjgj.id],
    ['mz-jzxt', mzj.id],
  ]) {
    const bound = await api('/api/data/systems', {
      method: 'POST',
      cookie: cookies.dataofficer,
      body: { clientId, departmentId, rateLimit: 1000 },
    });
    assert.equal(bound.status, 201, JSON.stringify(bound.body));
  }
  // 市场监管: names in clear, rows of 云城区 only, bulk allowed; 民政: two calls a day
  scjgjGrant = await granted(scjgj.id, ['id_number', 'name', 'birth_date', 'household_region'], {
    clearFields: ['name'],
    rowRegion: YUNCHENG,
    dailyQuota: 1000,
    bulk: true,
  });
  mzjGrant = await granted(mzj.id, ['id_number', 'name'], { dailyQuota: 2 });
});
after(() => server.close());

describe('base-library records (基础库)', () => {
  test('a load is checked whole: unknown columns, a missing or repeated key, wrong types — each with its row and column, nothing stored', async () => {
    const before = await recordCount();
    const csv = ['id_number,name,birth_date,colour', `${LOADED},测试甲,1980-02-02,red`].join('\n');
    const unknown = await load({ format: 'csv', content: csv });
    assert.equal(unknown.status, 200);
    assert.equal(unknown.body.ok, false);
    assert.deepEqual(unknown.body.errors, [
      { row: 1, column: 'D', code: 'UNKNOWN_COLUMN', reason: '"colour" is not a field of the resource' },
    ]);

    const rows = [
      populationRow(LOADED, '测试甲', YUNCHENG),
      populationRow(LOADED, '测试乙', YUNCHENG),
      populationRow(OUTSIDER, '测试丙', LUODING, { birth_date: '1970-13-45' }),
      { name: '无号' },
    ];
    const bad = await load({ format: 'json', content: JSON.stringify(rows) });
    assert.equal(bad.body.ok, false);
    assert.deepEqual(
      bad.body.errors.map((e: { row: number; code: string; column?: string }) => [e.row, e.code, e.column ?? null]),
      [
        [2, 'KEY_TWICE', null],
        [3, 'TYPE', 'D'],
        [4, 'KEY_MISSING', 'A'],
      ],
    );
    assert.equal(await recordCount(), before, 'nothing of a refused load is stored');

    const malformed = await load({ format: 'json', content: '[{"id_number": ' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'VALIDATION_FAILED');
  });

  test('a good load inserts, a reload of the same rows changes nothing, and the quality rules track their findings to fixed', async () => {
    const rows = [populationRow(LOADED, '测试甲', YUNCHENG, { ethnicity: '' }), populationRow(OUTSIDER, '测试丙', LUODING)];
    const dry = await load({ format: 'json', content: JSON.stringify(rows), dryRun: true });
    assert.deepEqual(
      [dry.body.ok, dry.body.dryRun, dry.body.inserted, dry.body.findings],
      [true, true, 2, 1],
      'what the load would do',
    );
    const loaded = await load({ format: 'json', content: JSON.stringify(rows) });
    assert.deepEqual(
      [loaded.body.ok, loaded.body.inserted, loaded.body.updated, loaded.body.findings],
      [true, 2, 0, 1],
      JSON.stringify(loaded.body),
    );
    const again = await load({ format: 'json', content: JSON.stringify(rows) });
    assert.deepEqual([again.body.inserted, again.body.updated, again.body.unchanged], [0, 0, 2]);

    const open = await api(`/api/data/issues?resourceId=${population.id}&status=open&source=rule`, {
      cookie: cookies.dataofficer,
    });
    // the key is shown masked
    const finding = open.body.items.find(
      (i: { keyShown: string; field: string }) => i.field === 'ethnicity' && i.keyShown === maskIdNumber(LOADED),
    );
    assert.ok(finding, 'the empty 民族 is an open completeness finding');
    assert.equal(finding.rule, 'completeness');

    const fixed = await load({ format: 'json', content: JSON.stringify([populationRow(LOADED, '测试甲', YUNCHENG)]) });
    assert.deepEqual([fixed.body.updated, fixed.body.findings], [1, 0]);
    const closed = await api(`/api/data/issues?resourceId=${population.id}&status=fixed`, { cookie: cookies.dataofficer });
    assert.ok(
      closed.body.items.some((i: { id: string }) => i.id === finding.id),
      'the reload that fixes it closes the finding',
    );
    const quality = await api(`/api/data/resources/${population.id}/quality`, { cookie: cookies.dataofficer });
    assert.ok(
      quality.body.records > 1000 && quality.body.completeness < 1 && quality.body.completeness > 0.99,
      JSON.stringify(quality.body),
    );
  });

  test("the population library feeds identity's check: a person loaded is known to registration", async () => {
    const known = await server.ctx.db.one<{ name: string }>('select name from population_record where id_number_index = $1', [
      (await import('../../src/kernel/pii.ts')).personalData(server.ctx.config.masterKey).index(LOADED),
    ]);
    assert.equal(known?.name, '测试甲');
  });

  test('only the provider keeps its library: another department administrator is refused, a citizen too', async () => {
    const content = JSON.stringify([populationRow(LOADED, '测试甲', YUNCHENG)]);
    assert.equal((await load({ format: 'json', content }, cookies.deptadmin)).status, 403);
    assert.equal((await load({ format: 'json', content }, cookies.chen)).status, 403);
  });
});

describe('the exchange gateway', () => {
  test('a lookup answers the granted fields, personal ones masked unless granted in clear, and the person reads it in their ledger at once', async () => {
    const answer = await query(scjgjSystem, { key: CHEN, purpose: '食品经营许可 SP-001' });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(Object.keys(answer.body.record), ['id_number', 'name', 'birth_date', 'household_region']);
    assert.equal(answer.body.record.name, '陈小云', 'granted in clear');
    assert.equal(answer.body.record.id_number, maskIdNumber(CHEN));
    assert.deepEqual(answer.body.masked, ['id_number']);

    const ledger = await api('/api/my/data-uses', { cookie: cookies.chen });
    const use = ledger.body.items[0];
    assert.equal(use.departmentName, '云浮市市场监督管理局');
    assert.equal(use.system, '市场监管许可系统');
    assert.equal(use.resourceName, '常住人口基本信息');
    assert.deepEqual(use.fields, ['公民身份号码', '姓名', '出生日期', '户籍地行政区划代码']);
    assert.equal(use.purpose, '核验申请人户籍 · 食品经营许可 SP-001');
    assert.equal(use.legalBasis, '《行政许可法》第三十一条');
  });

  test('outside the grant nothing is returned: a field not granted, a row of another county, a record not held, with stable codes, each logged', async () => {
    const field = await query(scjgjSystem, { key: CHEN, fields: ['name', 'household_address'] });
    assert.deepEqual(
      [field.status, field.body.error.code, field.body.error.details],
      [403, 'DATA_GATEWAY_FIELD_NOT_GRANTED', { fields: ['household_address'] }],
    );
    assert.equal(field.body.record, undefined);
    const row = await query(scjgjSystem, { key: OUTSIDER });
    assert.deepEqual([row.status, row.body.error.code], [403, 'DATA_GATEWAY_ROW_NOT_GRANTED']);
    const none = await query(scjgjSystem, { key: syntheticIdNumber(YUNCHENG, '19990101', 953) });
    assert.deepEqual([none.status, none.body.error.code], [404, 'DATA_RECORD_NOT_FOUND']);
    const log = await api('/api/data/calls?outcome=refused&pageSize=50', { cookie: cookies.dataofficer });
    const codes = log.body.items
      .filter((c: { clientId: string }) => c.clientId === 'scjg-xkxt')
      .map((c: { outcome: string }) => c.outcome);
    for (const code of ['DATA_GATEWAY_FIELD_NOT_GRANTED', 'DATA_GATEWAY_ROW_NOT_GRANTED', 'DATA_RECORD_NOT_FOUND'])
      assert.ok(codes.includes(code), code);
  });

  test('calls at the same moment share the quota exactly: as many answered as it allows, the rest refused, all logged', async () => {
    const db = server.ctx.db;
    await db.query('delete from data_grant_day where grant_id = $1', [scjgjGrant.id]);
    await db.query('update data_grant set daily_quota = 5, version = version + 1 where id = $1', [scjgjGrant.id]);
    const logged = async () =>
      (await db.query<{ outcome: string }>('select outcome from data_call where grant_id = $1', [scjgjGrant.id])).map(
        (r) => r.outcome,
      );
    const before = await logged();
    const uses = async () =>
      (await db.one<{ n: number }>(
        `select count(*)::int as n from data_use where resource_code = $1 and system = '市场监管许可系统'`,
        [population.code],
      ))!.n;
    const usesBefore = await uses();
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => query(scjgjSystem, { key: CHEN })));
      const statuses = answers.map((a) => (a.status === 200 ? 'ok' : a.body.error.code));
      assert.equal(statuses.filter((s) => s === 'ok').length, 5, JSON.stringify(statuses));
      assert.equal(statuses.filter((s) => s === 'DATA_GATEWAY_QUOTA_EXCEEDED').length, 15, JSON.stringify(statuses));
      const after = (await logged()).slice(before.length);
      assert.equal(after.length, 20, 'each call logged once');
      assert.equal(after.filter((o) => o === 'ok').length, 5);
      assert.equal((await uses()) - usesBefore, 5, 'a ledger entry for each answered call only');
      const day = await db.one<{ calls: number }>('select calls from data_grant_day where grant_id = $1', [scjgjGrant.id]);
      assert.equal(day!.calls, 5);
    } finally {
      await db.query('update data_grant set daily_quota = 10000, version = version + 1 where id = $1', [scjgjGrant.id]);
    }
  });

  test('the daily quota is exact; the next day counts anew; an expired or revoked grant refuses', async () => {
    assert.equal((await query(mzjSystem, { key: CHEN })).status, 200);
    assert.equal((await query(mzjSystem, { key: CHEN })).status, 200);
    const third = await query(mzjSystem, { key: CHEN });
    assert.deepEqual([third.status, third.body.error.code], [403, 'DATA_GATEWAY_QUOTA_EXCEEDED']);
    // yesterday's count does not hold today; a grant past its last day refuses (the rows stand in for the days passing)
    await server.ctx.db.query(`update data_grant_day set day = day - 1 where grant_id = $1`, [mzjGrant.id]);
    assert.equal((await query(mzjSystem, { key: CHEN })).status, 200, 'a new day, a new quota');
    // (a change of a grant moves its version, as the module's own writes do: the gateway keeps a
    // grant it checked only while its version stands)
    await server.ctx.db.query(`update data_grant set valid_to = clock_today() - 1, version = version + 1 where id = $1`, [
      mzjGrant.id,
    ]);
    const expired = await query(mzjSystem, { key: CHEN });
    assert.deepEqual([expired.status, expired.body.error.code], [403, 'DATA_GATEWAY_GRANT_EXPIRED']);
    await server.ctx.db.query(`update data_grant set valid_to = clock_today() + 30, version = version + 1 where id = $1`, [
      mzjGrant.id,
    ]);
    assert.equal((await query(mzjSystem, { key: CHEN })).status, 200, 'valid again');
    const revoked = await api(`/api/data/grants/${mzjGrant.id}/revoke`, {
      method: 'POST',
      cookie: cookies.admin,
      body: { version: mzjGrant.version + 2, reason: '救助核验已改由省平台' },
    });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    const after = await query(mzjSystem, { key: CHEN });
    assert.deepEqual([after.status, after.body.error.code], [403, 'DATA_GATEWAY_GRANT_REVOKED']);
  });

  test('only a bound, active department system calls: staff, citizens, anonymous callers and unbound systems are refused', async () => {
    const staff = await api('/api/data/gateway/query', {
      method: 'POST',
      cookie: cookies.dataofficer,
      body: { resource: population.code, key: CHEN },
    });
    assert.deepEqual([staff.status, staff.body.error.code], [403, 'DATA_GATEWAY_CLIENT_ONLY']);
    const citizen = await api('/api/data/gateway/query', {
      method: 'POST',
      cookie: cookies.chen,
      body: { resource: population.code, key: CHEN },
    });
    assert.equal(citizen.status, 403);
    const anonymous = await api('/api/data/gateway/query', { method: 'POST', body: { resource: population.code, key: CHEN } });
    assert.equal(anonymous.status, 401);
    const unbound = await systemToken(server, cookies.admin, 'unbound-sys', '未绑定系统');
    const refused = await query(unbound, { key: CHEN });
    assert.deepEqual([refused.status, refused.body.error.code], [403, 'DATA_GATEWAY_SYSTEM_UNBOUND']);
    const cards = (
      await api(`/api/data/resources?q=${encodeURIComponent('居民身份证签发信息')}`, { cookie: cookies.dataofficer })
    ).body.items[0];
    const noGrant = await query(scjgjSystem, { resource: cards.code, key: CHEN });
    assert.deepEqual([noGrant.status, noGrant.body.error.code], [403, 'DATA_GATEWAY_NO_GRANT']);

    const systems = (await api('/api/data/systems', { cookie: cookies.dataofficer })).body.items;
    const mine = systems.find((s: { clientId: string }) => s.clientId === 'scjg-xkxt');
    const suspended = await api('/api/data/systems/scjg-xkxt', {
      method: 'PUT',
      cookie: cookies.dataofficer,
      body: { version: mine.version, status: 'suspended', rateLimit: 1000 },
    });
    assert.equal(suspended.status, 200);
    assert.equal((await query(scjgjSystem, { key: CHEN })).body.error.code, 'DATA_GATEWAY_SYSTEM_SUSPENDED');
    await api('/api/data/systems/scjg-xkxt', {
      method: 'PUT',
      cookie: cookies.dataofficer,
      body: { version: suspended.body.version, status: 'active', rateLimit: 1000 },
    });
    assert.equal((await query(scjgjSystem, { key: CHEN })).status, 200);
  });

  test('binding is for data officers and administrators over the department; a client twice, an unknown or a first-party one is refused', async () => {
    const body = { clientId: 'scjg-xkxt', departmentId: scjgj.id };
    assert.equal((await api('/api/data/systems', { method: 'POST', cookie: cookies.deptadmin, body })).status, 403);
    assert.equal(
      (await api('/api/data/systems', { method: 'POST', cookie: cookies.dataofficer, body })).body.error.code,
      'DATA_SYSTEM_BOUND',
    );
    const unknown = await api('/api/data/systems', {
      method: 'POST',
      cookie: cookies.dataofficer,
      body: { clientId: 'no-such-system', departmentId: scjgj.id },
    });
    assert.deepEqual([unknown.status, unknown.body.error.code], [422, 'DATA_SYSTEM_CLIENT_UNKNOWN']);
    const own = await api('/api/data/systems', {
      method: 'POST',
      cookie: cookies.dataofficer,
      body: { clientId: 'yiwang-web', departmentId: scjgj.id },
    });
    assert.equal(own.status, 422);
  });

  test('a bulk export pages through the granted rows in change order, masked, and counts as one call', async () => {
    const first = await api('/api/data/gateway/export', {
      method: 'POST',
      headers: scjgjSystem,
      body: { resource: population.code, limit: 50 },
    });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.rows.length, 50);
    assert.ok(first.body.next);
    for (const r of first.body.rows) {
      assert.ok(
        String(r.household_region).startsWith('445302') || String(r.household_region).length !== 12,
        'rows of 云城区 only',
      );
      assert.match(String(r.id_number), /\*{8}/, 'masked');
      assert.deepEqual(Object.keys(r), ['id_number', 'name', 'birth_date', 'household_region']);
    }
    const second = await api('/api/data/gateway/export', {
      method: 'POST',
      headers: scjgjSystem,
      body: { resource: population.code, limit: 50, after: first.body.next, format: 'csv' },
    });
    assert.equal(second.status, 200);
    assert.match(second.headers.get('content-type') ?? '', /text\/csv/);
    const lines = String(second.body).trim().split('\r\n');
    assert.equal(lines[0], 'id_number,name,birth_date,household_region');
    assert.equal(lines.length, 51);
    const future = await api('/api/data/gateway/export', {
      method: 'POST',
      headers: scjgjSystem,
      body: { resource: population.code, changedSince: '2999-01-01T00:00:00Z' },
    });
    assert.deepEqual([future.body.rows.length, future.body.next], [0, null]);
    const noBulk = await api('/api/data/gateway/export', {
      method: 'POST',
      headers: mzjSystem,
      body: { resource: population.code },
    });
    assert.equal(noBulk.status, 403);
  });

  test('call statistics per resource, department and day count answers and refusals', async () => {
    const day = clock.today();
    const byResource = await api(`/api/data/calls/stats?from=${day}&to=${day}&by=resource`, { cookie: cookies.dataofficer });
    const row = byResource.body.items.find((i: { key: string }) => i.key === population.id);
    assert.ok(row.calls >= 8 && row.refused >= 3 && row.answered >= 4, JSON.stringify(row));
    const byDepartment = await api(`/api/data/calls/stats?from=${day}&to=${day}&by=department`, { cookie: cookies.dataofficer });
    assert.ok(byDepartment.body.items.some((i: { name: string }) => i.name === '云浮市市场监督管理局'));
    assert.equal((await api(`/api/data/calls/stats?from=${day}&to=${day}&by=day`, { cookie: cookies.chen })).status, 403);
  });
});

describe('the citizen data-use ledger (我的数据使用记录)', () => {
  test("a person reads only their own uses, reports one once, and the data bureau's answer comes back", async () => {
    const other = await api('/api/my/data-uses', { cookie: cookies.li });
    assert.ok(
      other.body.items.every((u: { purpose: string | null }) => !String(u.purpose).includes('SP-001')),
      "李浮生 does not see 陈小云's uses",
    );
    const mine = (await api('/api/my/data-uses', { cookie: cookies.chen })).body.items[0];
    assert.equal(
      (await api(`/api/my/data-uses/${mine.id}/report`, { method: 'POST', cookie: cookies.li, body: { reason: '不是我' } }))
        .status,
      404,
    );
    assert.equal(
      (await api('/api/my/data-uses', { cookie: cookies.dataofficer })).status,
      403,
      'staff have no ledger of their own here',
    );

    const blank = await api(`/api/my/data-uses/${mine.id}/report`, {
      method: 'POST',
      cookie: cookies.chen,
      body: { reason: '   ' },
    });
    assert.deepEqual([blank.status, blank.body.error.code], [400, 'VALIDATION_FAILED'], 'a reason of spaces alone');
    const reported = await api(`/api/my/data-uses/${mine.id}/report`, {
      method: 'POST',
      cookie: cookies.chen,
      body: { reason: '我没有申请食品经营许可' },
    });
    assert.equal(reported.status, 200, JSON.stringify(reported.body));
    assert.equal(reported.body.report.status, 'open');
    const twice = await api(`/api/my/data-uses/${mine.id}/report`, {
      method: 'POST',
      cookie: cookies.chen,
      body: { reason: '再说一次' },
    });
    assert.deepEqual([twice.status, twice.body.error.code], [409, 'DATA_USE_REPORTED']);

    const bell = (await api('/api/staff/messages?pageSize=50', { cookie: cookies.dataofficer })).body.items as { kind: string }[];
    assert.ok(
      bell.some((m) => m.kind === 'data_use_reported'),
      'the data officers are told',
    );
    const task = (await api('/api/data/use-reports?status=open', { cookie: cookies.dataofficer })).body.items.find(
      (t: { use: { id: string } }) => t.use.id === mine.id,
    );
    assert.equal(task.reason, '我没有申请食品经营许可');
    assert.equal(
      (
        await api(`/api/data/use-reports/${task.id}/answer`, {
          method: 'POST',
          cookie: cookies.deptadmin,
          body: { version: task.version, answer: 'x' },
        })
      ).status,
      403,
    );
    const answered = await api(`/api/data/use-reports/${task.id}/answer`, {
      method: 'POST',
      cookie: cookies.dataofficer,
      body: { version: task.version, answer: '经核实，系市场监管局为您名下个体户的许可证年检核验身份，符合授权用途。' },
    });
    assert.equal(answered.status, 200, JSON.stringify(answered.body));
    const back = (await api('/api/my/data-uses', { cookie: cookies.chen })).body.items.find(
      (u: { id: string }) => u.id === mine.id,
    );
    assert.deepEqual([back.report.status, back.report.answer.slice(0, 4)], ['answered', '经核实，']);
  });
});
