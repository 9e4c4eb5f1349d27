import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as clock from '../../src/kernel/clock.ts';
import { moduleHandlers } from '../../src/kernel/events/subscription.ts';
import { processDueEvents } from '../../src/kernel/events/worker.ts';
import { MODULES } from '../../src/modules/index.ts';
import { maskIdNumber } from '../../src/kernel/validate/idcard.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { approvedGrant, cityDepartment, populationRow, syntheticIdNumber, systemToken } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// Bulk export jobs (#15 point 3, "bulk export jobs … for grants that allow it"): a department
// system starts one under the gateway's checks, the outbox runs it under the grant as it stands
// then, and the system alone fetches the file — the granted fields of the grant's rows, masked as
// the gateway masks — while one call is logged and every person touched is told in their ledger.
const YUNCHENG = '445302000000';
const LUODING = '445381000000';
const CHEN = demoIdNumber(YUNCHENG, '19900315', 0);
const FIELDS = ['id_number', 'name', 'birth_date', 'household_region'];

let server: TestServer;
const cookies: Record<string, string> = {};
const api = (...a: Parameters<TestServer['api']>) => server.api(...a);
let population: { id: string; code: string };
/** 市场监管: bulk, rows of 云城区, names in clear; 民政: bulk, revoked before its job runs; 教育: no bulk. */
const systems: Record<'scjg' | 'mz' | 'jy', Record<string, string>> = { scjg: {}, mz: {}, jy: {} };
let mzGrant: { id: string; version: number };

const start = (system: Record<string, string>, body: Record<string, unknown>, key?: string) =>
  api('/api/data/gateway/export-jobs', {
    method: 'POST',
    headers: { ...system, ...(key ? { 'idempotency-key': key } : {}) },
    body: { resource: population.code, ...body },
  });
const job = (system: Record<string, string>, jobId: string) => api(`/api/data/gateway/export-jobs/${jobId}`, { headers: system });
const file = (system: Record<string, string>, jobId: string) =>
  api(`/api/data/gateway/export-jobs/${jobId}/file`, { headers: system });

/** Runs the outbox until nothing is due (test servers have no worker): the jobs' two steps and whatever else waits. */
async function runOutbox() {
  for (let i = 0; i < 20 && (await server.deliverEvents()) > 0; i++);
}

/** A started job run to its end; its status as the system reads it. */
async function ran(system: Record<string, string>, body: Record<string, unknown>) {
  const started = await start(system, body);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  await runOutbox();
  return (await job(system, started.body.id)).body;
}

const callOf = async (jobId: string) =>
  (await server.ctx.db.one<{ id: string; outcome: string; rows: number; persons: number; kind: string }>(
    `select c.id, c.outcome, c.rows, c.persons, c.kind from data_call c join data_export_job j on j.call_id = c.id where j.id = $1`,
    [jobId],
  ))!;

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'dataofficer']) cookies[u] = await server.login(u);
  cookies.chen = await server.login('13800000001', 'Yiwang@2026citizen');
  population = (await api(`/api/data/resources?q=${encodeURIComponent('常住人口基本信息')}`, { cookie: cookies.dataofficer }))
    .body.items[0];
  const departments = {
    scjg: await cityDepartment(server, cookies.admin, '市场监督管理局'),
    mz: await cityDepartment(server, cookies.admin, '民政局'),
    jy: await cityDepartment(server, cookies.admin, '教育局'),
  };
  for (const [key, name] of [
    ['scjg', '市场监管许可系统'],
    ['mz', '民政救助系统'],
    ['jy', '教育学籍系统'],
  ] as const) {
    systems[key] = await systemToken(server, cookies.admin, `${key}-export`, name);
    const bound = await api('/api/data/systems', {
      method: 'POST',
      cookie: cookies.dataofficer,
      body: { clientId: `${key}-export`, departmentId: departments[key].id, rateLimit: 1000 },
    });
    assert.equal(bound.status, 201, JSON.stringify(bound.body));
  }
  const grant = (department: string, scope: Record<string, unknown>) =>
    approvedGrant(server, cookies, population.id, department, FIELDS, { dailyQuota: 100, ...scope });
  await grant(departments.scjg.id, { clearFields: ['name'], rowRegion: YUNCHENG, bulk: true });
  mzGrant = await grant(departments.mz.id, { bulk: true });
  await grant(departments.jy.id, {});
});
after(() => server.close());

describe('bulk export jobs', () => {
  test('a job runs to done; its file holds exactly the granted columns, masked, and the rows of the grant’s region', async () => {
    const started = await start(systems.scjg, { format: 'csv', purpose: '食品经营许可年检 EX-001' });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    assert.deepEqual([started.body.status, started.body.rows, started.body.file], ['queued', null, null]);
    assert.equal(started.headers.get('location'), `/api/data/gateway/export-jobs/${started.body.id}`);
    assert.equal((await file(systems.scjg, started.body.id)).body.error.code, 'DATA_EXPORT_JOB_NOT_DONE');

    // one event at a time: the first step marks it running where the system sees it, the second runs it
    const step = () =>
      processDueEvents(
        server.ctx.db,
        { 'data.export_job_due': moduleHandlers(MODULES, server.ctx)['data.export_job_due']! },
        { batchSize: 1 },
      );
    assert.equal(await step(), 1);
    assert.equal((await job(systems.scjg, started.body.id)).body.status, 'running');
    assert.equal(await step(), 1);
    const status = (await job(systems.scjg, started.body.id)).body;
    assert.equal(status.status, 'done', JSON.stringify(status));
    assert.ok(status.startedAt && status.finishedAt && status.lastChangedAt);
    const kept = Date.parse(status.expiresAt) - Date.parse(status.finishedAt);
    assert.ok(Math.abs(kept - 7 * 86_400_000) < 5_000, 'the file is kept seven days');

    const got = await file(systems.scjg, started.body.id);
    assert.equal(got.status, 200);
    assert.match(got.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(got.headers.get('content-disposition') ?? '', /attachment; filename=".+\.csv"/);
    const [head, ...lines] = String(got.body).trimEnd().split('\r\n');
    assert.equal(head, FIELDS.join(','));
    const inRegion = Number(
      (await server.ctx.db.one<{ n: string }>(
        `select count(*) as n from data_record where resource_id = $1 and region_code like '445302%'`,
        [population.id],
      ))!.n,
    );
    assert.equal(lines.length, inRegion, 'every row of 云城区, none other');
    assert.equal(status.rows, inRegion);
    for (const line of lines) {
      const [idNumber, name, , region] = line.split(',');
      assert.match(idNumber!, /\*{8}/, 'ID numbers masked');
      assert.doesNotMatch(name!, /\*/, 'names granted in clear');
      assert.ok(region!.startsWith('445302'), line);
    }
    assert.ok(
      lines.some((l) => l.startsWith(`${maskIdNumber(CHEN)},陈小云,1990-03-15,`)),
      'the demo citizen of 云城区, ID number masked',
    );
    assert.equal(status.file.size, Buffer.byteLength(String(got.body)));
  });

  test('one call is logged for the whole job, and every person touched reads it in their ledger', async () => {
    const before = Number(
      (await server.ctx.db.one<{ n: string }>(`select count(*) as n from data_call where client_id = 'scjg-export'`))!.n,
    );
    const done = await ran(systems.scjg, { format: 'json', purpose: '食品经营许可年检 EX-002' });
    const calls = Number(
      (await server.ctx.db.one<{ n: string }>(`select count(*) as n from data_call where client_id = 'scjg-export'`))!.n,
    );
    assert.equal(calls, before + 1, 'the start is no call of its own; the run is one');
    const call = await callOf(done.id);
    assert.deepEqual([call.kind, call.outcome, call.rows], ['export', 'ok', done.rows]);
    const ledger = await server.ctx.db.one<{ n: string; persons: string }>(
      `select count(*) as n, count(distinct person_index) as persons from data_use where call_id = $1 and kind = 'export'`,
      [call.id],
    );
    assert.deepEqual([Number(ledger!.n), Number(ledger!.persons)], [call.persons, call.persons], 'one entry per person');
    assert.equal(call.persons, done.rows, 'each row names its person');
    const mine = (await api('/api/my/data-uses?kind=export', { cookie: cookies.chen })).body.items;
    const use = mine.find((u: { purpose: string | null }) => u.purpose?.includes('EX-002'));
    assert.ok(use, JSON.stringify(mine));
    assert.deepEqual([use.system, use.resourceName], ['市场监管许可系统', '常住人口基本信息']);
    assert.deepEqual(use.fields, ['公民身份号码', '姓名', '出生日期', '户籍地行政区划代码']);

    const json = (await file(systems.scjg, done.id)).body;
    assert.deepEqual(json.fields, FIELDS);
    assert.equal(json.rows.length, done.rows);
    assert.deepEqual(Object.keys(json.rows[0]), FIELDS);
  });

  test('incremental by change time: only the rows changed since, still within the grant’s rows', async () => {
    const since = clock.now().toISOString();
    const rows = [
      populationRow(syntheticIdNumber(YUNCHENG, '19850505', 961), '增量甲', YUNCHENG),
      populationRow(syntheticIdNumber(LUODING, '19850505', 962), '增量乙', LUODING),
    ];
    const loaded = await api(`/api/data/resources/${population.id}/records`, {
      method: 'POST',
      cookie: cookies.admin,
      body: { format: 'json', content: JSON.stringify(rows) },
    });
    assert.equal(loaded.body.inserted, 2, JSON.stringify(loaded.body));
    const done = await ran(systems.scjg, { format: 'json', changedSince: since });
    assert.equal(done.status, 'done');
    assert.equal(done.changedSince, since);
    const json = (await file(systems.scjg, done.id)).body;
    assert.deepEqual(
      json.rows.map((r: { name: string }) => r.name),
      ['增量甲'],
      'the row of 罗定 is outside the grant',
    );
    const none = await ran(systems.scjg, { format: 'csv', changedSince: '2999-01-01T00:00:00Z' });
    assert.equal(none.rows, 0);
    assert.equal((await file(systems.scjg, none.id)).body, `${FIELDS.join(',')}\r\n`);
  });

  test('a grant without bulk is refused at the start, logged, and no job is made', async () => {
    const refused = await start(systems.jy, { format: 'csv' });
    assert.deepEqual([refused.status, refused.body.error.code], [403, 'DATA_GATEWAY_BULK_NOT_GRANTED']);
    const jobs = await server.ctx.db.one<{ n: string }>(
      `select count(*) as n from data_export_job where client_id = 'jy-export'`,
    );
    assert.equal(Number(jobs!.n), 0);
    const logged = await server.ctx.db.one<{ outcome: string }>(
      `select outcome from data_call where client_id = 'jy-export' order by id desc limit 1`,
    );
    assert.equal(logged?.outcome, 'DATA_GATEWAY_BULK_NOT_GRANTED');
  });

  test('a grant revoked between start and run: the job fails with the refusal’s code, nothing written, the refusal logged', async () => {
    const started = await start(systems.mz, { format: 'json' });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const revoked = await api(`/api/data/grants/${mzGrant.id}/revoke`, {
      method: 'POST',
      cookie: cookies.admin,
      body: { version: mzGrant.version, reason: '救助核验已改由省平台' },
    });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    const uses = async () =>
      Number((await server.ctx.db.one<{ n: string }>(`select count(*) as n from data_use where system = '民政救助系统'`))!.n);
    const usesBefore = await uses();
    await runOutbox();
    const failed = (await job(systems.mz, started.body.id)).body;
    assert.deepEqual(
      [failed.status, failed.errorCode, failed.rows, failed.file],
      ['failed', 'DATA_GATEWAY_GRANT_REVOKED', null, null],
    );
    assert.equal((await file(systems.mz, started.body.id)).body.error.code, 'DATA_EXPORT_JOB_NOT_DONE');
    const fileKey = await server.ctx.db.one<{ file_key: string | null }>(`select file_key from data_export_job where id = $1`, [
      started.body.id,
    ]);
    assert.equal(fileKey?.file_key, null, 'no file stored');
    assert.equal((await callOf(started.body.id)).outcome, 'DATA_GATEWAY_GRANT_REVOKED');
    assert.equal(await uses(), usesBefore, 'no ledger entry');
  });

  test('only the system that started a job reads it: another system 404, staff 403, anonymous 401', async () => {
    const done = await ran(systems.scjg, { format: 'csv' });
    for (const path of [`/api/data/gateway/export-jobs/${done.id}`, `/api/data/gateway/export-jobs/${done.id}/file`]) {
      const other = await api(path, { headers: systems.jy });
      assert.deepEqual([other.status, other.body.error.code], [404, 'NOT_FOUND'], path);
      assert.equal(JSON.stringify(other.body).includes('陈小云'), false);
      const staff = await api(path, { cookie: cookies.dataofficer });
      assert.deepEqual([staff.status, staff.body.error.code], [403, 'DATA_GATEWAY_CLIENT_ONLY'], path);
      assert.equal((await api(path)).status, 401, path);
    }
  });

  test('the same Idempotency-Key starts one job; the key used for another request is refused', async () => {
    const first = await start(systems.scjg, { format: 'csv', purpose: '年检' }, 'export-2026-key-1');
    const again = await start(systems.scjg, { format: 'csv', purpose: '年检' }, 'export-2026-key-1');
    assert.deepEqual([first.status, again.status, again.body.id], [202, 202, first.body.id]);
    const other = await start(systems.scjg, { format: 'json', purpose: '年检' }, 'export-2026-key-1');
    assert.deepEqual([other.status, other.body.error.code], [422, 'DATA_EXPORT_JOB_KEY_REUSED']);
    const keyed = await server.ctx.db.one<{ n: string }>(
      `select count(*) as n from data_export_job where idempotency_key = 'export-2026-key-1'`,
    );
    assert.equal(Number(keyed!.n), 1);
    await runOutbox();
  });

  test('seven days on, the file is deleted and the job says so (410)', async () => {
    const done = await ran(systems.scjg, { format: 'csv' });
    assert.equal((await file(systems.scjg, done.id)).status, 200);
    // the expiry timer as it would fall due (moving the whole clock would wake every other timer)
    await server.ctx.db.query(`update outbox_event set due_at = clock_now() where dedupe_key = $1`, [
      `data.export_file_expiry_due:${done.id}`,
    ]);
    await runOutbox();
    const expired = (await job(systems.scjg, done.id)).body;
    assert.deepEqual([expired.status, expired.rows, expired.file], ['done', done.rows, null]);
    const gone = await file(systems.scjg, done.id);
    assert.deepEqual([gone.status, gone.body.error.code], [410, 'DATA_EXPORT_FILE_EXPIRED']);
  });
});
