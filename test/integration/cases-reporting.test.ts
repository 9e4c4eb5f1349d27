import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { uuidv7 } from '../../src/kernel/ids.ts';
import { caseIndicatorInputs } from '../../src/modules/cases/index.ts';
import { CITIZEN_PASSWORD, CITY, LUODING, REWARD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';
import * as clock from '../../src/kernel/clock.ts';

const TODAY = clock.today();

let server: TestServer;
type Who = 'citizen' | 'clerk' | 'approver' | 'deptadmin' | 'leader' | 'countyadmin' | 'admin' | 'hradmin' | 'hrapprover';
const cookies = {} as Record<Who, string>;
let scjgj: string;
let hrDept: string;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);

async function act(who: Who, id: string, action: string, body: Record<string, unknown> = {}) {
  const current = await api(`/api/cases/${id}`, { cookie: cookies[who] });
  const res = await api(`/api/cases/${id}/actions/${action}`, { method: 'POST', cookie: cookies[who], body: { version: current.body.case.version, ...body } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** A reward case taken through the whole workflow over HTTP: submit, accept, review, decide. */
async function completedCase(): Promise<{ id: string; number: string }> {
  const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, formData: { report_number: 'JB2026-0009', bank_account: '6222020000000000009' } } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const id = draft.body.case.id as string;
  for (const key of ['m1', 'm2', 'm3']) assert.equal((await uploadMaterial(server, cookies.citizen, id, key)).status, 201);
  const sub = await api(`/api/cases/${id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  await act('clerk', id, 'accept');
  await act('approver', id, 'approve', { opinion: '材料齐全' });
  await act('approver', id, 'approve', { opinion: '准予奖励' });
  return { id, number: sub.body.case.number };
}

before(async () => {
  server = await startTestServer();
  for (const u of ['admin', 'clerk', 'approver', 'deptadmin', 'leader', 'countyadmin'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  const inHr = { role: 'department_admin', regionCode: CITY, sameDepartment: true };
  cookies.hradmin = await addStaff(server, cookies.admin, 'hradmin', '云浮市人力资源和社会保障局', inHr);
  hrDept = (await api('/api/auth/me', { cookie: cookies.hradmin })).body.user.departmentId;
  cookies.hrapprover = await addStaff(server, cookies.admin, 'hrapprover2', '云浮市人力资源和社会保障局', { ...inHr, role: 'approver' });
  scjgj = (await api('/api/auth/me', { cookie: cookies.deptadmin })).body.user.departmentId;
  assert.match(scjgj, /^[0-9a-f-]{36}$/);
});

after(() => server.close());

describe('records export (STANDARDS §2.6)', () => {
  test('one case: acceptance, process, special procedure, result and material records with the standard field names', async () => {
    const c = await completedCase();
    // special procedures arrive as events; plant a pair the way the workflow will write them
    for (const [kind, opinion, details, minutes] of [
      ['special_procedure_started', '需专家论证', { procedure: 'expert_review', name: '专家评审', pausesClock: true }, 1],
      ['special_procedure_ended', '专家同意', { procedure: 'expert_review', name: '专家评审', pausedDays: 0 }, 2],
    ] as const) {
      await server.ctx.db.query(
        `insert into case_event (id, case_id, at, kind, step_key, actor_kind, actor_name, opinion, details) values ($1, $2, clock_now() + ($3 || ' minutes')::interval, $4, 'review', 'staff', '审批员', $5, $6)`,
        [uuidv7(), c.id, String(minutes), kind, opinion, JSON.stringify(details)],
      );
    }
    let res = await api(`/api/cases/${c.id}/records`, { cookie: cookies.deptadmin });
    assert.equal(res.body.结果信息.满意度, null, 'not rated yet');
    // the applicant rates the finished case: the record carries the satisfaction
    const rated = await api('/api/ratings', { method: 'POST', cookie: cookies.citizen, body: { caseId: c.id, channel: 'portal', level: 4 } });
    assert.equal(rated.status, 201, JSON.stringify(rated.body));
    res = await api(`/api/cases/${c.id}/records`, { cookie: cookies.deptadmin });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const r = res.body;
    assert.deepEqual(Object.keys(r), ['受理信息', '过程信息', '特别程序', '结果信息', '材料信息']);
    const a = r.受理信息;
    assert.equal(a.办件编号, c.number);
    assert.equal(a.业务办理项编码, REWARD);
    assert.equal(a.申请人名称, '陈小云');
    assert.equal(a.申请人类型, '自然人');
    assert.equal(a.证件类型, '居民身份证');
    assert.match(a.证件号码, /^\d{4}\*{10}[\dX]{4}$/);
    assert.match(a.联系人手机, /^1\d{2}\*{4}\d{4}$/);
    assert.equal(a.办理类型, '承诺件');
    assert.equal(a.申请类型, '网上申报');
    assert.ok(a.受理部门.includes('市场监督管理局'));
    assert.match(a.受理时间, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    assert.match(a.承诺办结时间, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(a.受理人员, (await api('/api/auth/me', { cookie: cookies.clerk })).body.user.name);
    assert.deepEqual(
      r.过程信息.map((p: { 业务动作: string }) => p.业务动作),
      ['申报', '受理', '审查通过', '决定:准予'],
    );
    assert.deepEqual(
      r.过程信息.map((p: { 办理环节名称: string }) => p.办理环节名称),
      ['申报', '受理', '审查', '决定'],
    );
    assert.equal(r.过程信息[3].办理意见, '准予奖励');
    assert.equal(r.过程信息[1].环节开始时间, r.过程信息[0].环节结束时间);
    assert.equal(r.特别程序.length, 1);
    assert.equal(r.特别程序[0].种类, '专家评审');
    assert.equal(r.特别程序[0].启动理由或依据, '需专家论证');
    assert.equal(r.特别程序[0].结果, '专家同意');
    assert.ok(r.特别程序[0].结束时间 > r.特别程序[0].开始时间);
    assert.equal(r.结果信息.办结结果, '准予许可');
    assert.equal(r.结果信息.结果描述, '准予奖励');
    assert.equal(r.结果信息.满意度, '满意');
    assert.deepEqual([r.结果信息.结果证照名称, r.结果信息.结果证照编号], [null, null], 'the item issues no licence');
    assert.equal(r.材料信息.length, 3);
    assert.ok(r.材料信息.every((m: { 收取数量: number; 收取方式: string; 材料名称: string }) => m.收取数量 === 1 && m.收取方式 === '电子上传' && !/^m\d$/.test(m.材料名称)));
    // the leader and the administrator of the city may export it too
    assert.equal((await api(`/api/cases/${c.id}/records`, { cookie: cookies.leader })).status, 200);
    assert.equal((await api(`/api/cases/${c.id}/records`, { cookie: cookies.admin })).status, 200);
    const audited = await server.ctx.db.query(`select 1 from audit_log where action = 'case.records_export' and details->>'caseId' = $1`, [c.id]);
    assert.equal(audited.length, 4, 'the department twice, the leader, the administrator');
  });

  test('per-case export is refused outside the reporting roles and scope', async () => {
    const c = await completedCase();
    const citizen = await api(`/api/cases/${c.id}/records`, { cookie: cookies.citizen });
    assert.equal(citizen.status, 403);
    assert.equal((await api(`/api/cases/${c.id}/records`)).status, 401);
    assert.equal((await api(`/api/cases/${c.id}/records`, { cookie: cookies.clerk })).status, 403);
    assert.equal((await api(`/api/cases/${c.id}/records`, { cookie: cookies.approver })).status, 403);
    assert.equal((await api(`/api/cases/${c.id}/records`, { cookie: cookies.hradmin })).status, 403);
    const county = await api(`/api/cases/${c.id}/records`, { cookie: cookies.countyadmin });
    assert.equal(county.status, 404);
    assert.equal((await api(`/api/cases/${uuidv7()}/records`, { cookie: cookies.deptadmin })).status, 404);
  });

  test('bulk export pages through a period with a cursor; the NDJSON stream has the same cases; others see none', async () => {
    await completedCase();
    await completedCase();
    const expected = (
      await server.ctx.db.query<{ number: string }>(
        `select number from case_record where number is not null and department_id = $1 and (submitted_at at time zone 'Asia/Shanghai')::date = $2::date order by submitted_at, id`,
        [scjgj, TODAY],
      )
    ).map((r) => r.number);
    assert.ok(expected.length >= 3);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await api(`/api/cases/records?from=${TODAY}&to=${TODAY}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { cookie: cookies.deptadmin });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.ok(res.body.items.length <= 2);
      seen.push(...res.body.items.map((i: { 受理信息: { 办件编号: string } }) => i.受理信息.办件编号));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    assert.deepEqual(seen, expected);

    const stream = await fetch(`${server.url}/api/cases/records.ndjson?from=${TODAY}&to=${TODAY}&departmentId=${scjgj}`, { headers: { cookie: cookies.deptadmin } });
    assert.equal(stream.status, 200);
    assert.match(stream.headers.get('content-type') ?? '', /ndjson/);
    const lines = (await stream.text()).trim().split('\n').map((l) => JSON.parse(l) as { 受理信息: { 办件编号: string } });
    assert.deepEqual(lines.map((l) => l.受理信息.办件编号), expected);

    for (const who of ['countyadmin', 'hradmin'] as const) {
      const res = await api(`/api/cases/records?from=${TODAY}&to=${TODAY}`, { cookie: cookies[who] });
      assert.equal(res.status, 200);
      assert.equal(res.body.items.some((i: { 受理信息: { 办件编号: string } }) => expected.includes(i.受理信息.办件编号)), false, who);
    }
    assert.equal((await api(`/api/cases/records?from=${TODAY}&to=${TODAY}`, { cookie: cookies.citizen })).status, 403);
    assert.equal((await fetch(`${server.url}/api/cases/records.ndjson?from=${TODAY}&to=${TODAY}`, { headers: { cookie: cookies.clerk } })).status, 403);
  });

  test('bad periods, filters and cursors are 4xx with a stable code', async () => {
    const cases: [string, number, string][] = [
      ['from=2026-02-30&to=2026-03-01', 422, 'REPORT_PERIOD_INVALID'],
      ['from=2026-13-01&to=2026-13-02', 422, 'REPORT_PERIOD_INVALID'],
      ['from=yesterday&to=2026-03-01', 422, 'REPORT_PERIOD_INVALID'],
      ['from=2026-03-02&to=2026-03-01', 422, 'REPORT_PERIOD_INVALID'],
      ['from=2000-01-01&to=2026-03-01', 422, 'REPORT_PERIOD_INVALID'],
      ['to=2026-03-01', 400, 'VALIDATION_FAILED'],
      ['from=2026-03-01&to=2026-03-02&cursor=bm9wZQ', 422, 'RECORDS_CURSOR_INVALID'],
      ['from=2026-03-01&to=2026-03-02&regionCode=4453', 400, 'VALIDATION_FAILED'],
      ['from=2026-03-01&to=2026-03-02&limit=0', 400, 'VALIDATION_FAILED'],
    ];
    for (const [qs, status, code] of cases) {
      const res = await api(`/api/cases/records?${qs}`, { cookie: cookies.deptadmin });
      assert.equal(res.status, status, `${qs}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, code, qs);
    }
    const field = await api('/api/cases/stats?from=2026-02-30&to=2026-03-01', { cookie: cookies.deptadmin, lang: 'en-US' });
    assert.equal(field.status, 422);
    assert.equal(field.body.error.details.field, 'from');
    assert.match(field.body.error.message, /from/);
    assert.equal((await api('/api/cases/indicators?from=2026-03-01&to=2026-02-01', { cookie: cookies.leader })).status, 422);
    assert.equal((await fetch(`${server.url}/api/cases/records.ndjson?from=2026-02-30&to=2026-03-01`, { headers: { cookie: cookies.deptadmin } })).status, 422);
  });
});

describe('indicator inputs and department statistics', () => {
  const ITEM_A = uuidv7();
  const ITEM_B = uuidv7();
  const ITEM_C = uuidv7();
  const period = { from: '2025-03-01', to: '2025-04-30' };

  /** A case row as the workflow would have left it, at fixed times (Asia/Shanghai). */
  async function plant(c: {
    item: string;
    department?: string;
    type?: 'immediate' | 'promised';
    status: string;
    submitted: string;
    accepted?: string;
    completed?: string;
    overdue?: boolean;
    paused?: number;
    due?: string;
  }) {
    const at = (s?: string) => (s ? `${s}+08:00` : null);
    await server.ctx.db.query(
      `insert into case_record (id, number, status, outcome, item_id, item_version_id, item_code, item_name, case_type, region_code, department_id,
         applicant_kind, applicant_name, owner_person_id, steps, clock_start, paused_days, promised_days, promised_due, overdue, submitted_at, accepted_at, completed_at)
       values ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9, $10, 'person', '测试', $1, '[]', $11::date, $12, $13, $14::date, $15, $16, $17, $18)`,
      [
        uuidv7(), `${LUODING.slice(0, 6)}${Math.random().toString().slice(2, 16)}`, c.status, c.status === 'completed' ? 'approved' : null, c.item,
        `CODE-${c.item.slice(-4)}`, c.item === ITEM_B ? '即办事项' : '承诺事项', c.type ?? 'promised', LUODING, c.department ?? scjgj,
        c.submitted.slice(0, 10), c.paused ?? 0, c.type === 'immediate' ? 0 : 5, c.due ?? null, c.overdue ?? false,
        at(c.submitted), at(c.accepted), at(c.completed),
      ],
    );
  }

  before(async () => {
    // item A (承诺件)
    await plant({ item: ITEM_A, status: 'completed', submitted: '2025-03-03T10:00:00', accepted: '2025-03-03T11:00:00', completed: '2025-03-07T15:00:00' });
    await plant({ item: ITEM_A, status: 'completed', submitted: '2025-03-10T09:00:00', accepted: '2025-03-11T09:00:00', completed: '2025-03-24T16:00:00', overdue: true, paused: 2 });
    await plant({ item: ITEM_A, status: 'refused', submitted: '2025-03-20T09:00:00', completed: '2025-03-21T09:00:00' });
    await plant({ item: ITEM_A, status: 'processing', submitted: '2025-03-25T09:00:00', accepted: '2025-03-26T09:00:00', due: '2025-03-31' });
    await plant({ item: ITEM_A, status: 'completed', submitted: '2025-02-27T09:00:00', accepted: '2025-02-28T09:00:00', completed: '2025-03-04T09:00:00' });
    // item B (即办件) and a withdrawn one
    await plant({ item: ITEM_B, type: 'immediate', status: 'completed', submitted: '2025-04-01T09:00:00', accepted: '2025-04-01T09:30:00', completed: '2025-04-01T09:30:00' });
    await plant({ item: ITEM_B, type: 'immediate', status: 'completed', submitted: '2025-04-02T09:00:00', accepted: '2025-04-02T10:00:00', completed: '2025-04-02T10:00:00' });
    await plant({ item: ITEM_B, type: 'immediate', status: 'withdrawn', submitted: '2025-04-07T09:00:00', completed: '2025-04-08T09:00:00' });
    // another department's case in the same county
    await plant({ item: ITEM_C, department: hrDept, status: 'completed', submitted: '2025-03-05T09:00:00', accepted: '2025-03-05T10:00:00', completed: '2025-03-06T09:00:00' });
  });

  test('figures per department, item and month match the hand count', async () => {
    const r = await caseIndicatorInputs(server.ctx.db, { ...period, departmentId: scjgj });
    // received: 7 submitted in March–April (one was submitted in February); accepted 5; completed 5
    // (one submitted in February); on time 4 of 5; immediate 2 of 5; working days 4 + (10 − 2 paused) + 3 + 0 + 0
    // = 15 over 5; natural days 4 + 14 + 5 + 0 + 0 = 23 over 5; one still open past its 2025-03-31 due date.
    const t = r.totals;
    assert.deepEqual(
      { received: t.received, accepted: t.accepted, completed: t.completed, refused: t.refused, onTime: t.onTime, immediate: t.immediate, overdueCompleted: t.overdueCompleted, overdueOpen: t.overdueOpen },
      { received: 7, accepted: 5, completed: 5, refused: 1, onTime: 4, immediate: 2, overdueCompleted: 1, overdueOpen: 1 },
    );
    assert.equal(t.onTimeRate, 80);
    assert.equal(t.immediateRate, 40);
    assert.equal(t.avgWorkingDays, 3);
    assert.equal(t.avgNaturalDays, 4.6);
    assert.deepEqual(r.indicators.map((i) => [i.key, i.numerator, i.denominator, i.value]), [
      ['on_time_rate', 4, 5, 80],
      ['immediate_rate', 2, 5, 40],
    ]);
    const row = (item: string, month: string) => r.rows.find((x) => x.itemId === item && x.period === month)!;
    const aMarch = row(ITEM_A, '2025-03');
    assert.deepEqual([aMarch.received, aMarch.accepted, aMarch.completed, aMarch.refused, aMarch.overdueCompleted], [4, 3, 3, 1, 1]);
    assert.equal(aMarch.avgWorkingDays, 5); // (4 + 8 + 3) / 3
    assert.equal(aMarch.regionCode, LUODING);
    assert.equal(row(ITEM_A, '2025-04').overdueOpen, 1);
    const bApril = row(ITEM_B, '2025-04');
    assert.deepEqual([bApril.received, bApril.accepted, bApril.completed, bApril.immediate, bApril.immediateRate, bApril.avgWorkingDays], [3, 2, 2, 2, 100, 0]);
    assert.equal(r.rows.some((x) => x.itemId === ITEM_C), false);

    // the county without a department: both departments; one item; an empty period
    const county = await caseIndicatorInputs(server.ctx.db, { ...period, regionCode: LUODING });
    assert.equal(county.totals.received, 8);
    assert.equal(county.totals.completed, 6);
    const onlyB = await caseIndicatorInputs(server.ctx.db, { ...period, itemId: ITEM_B });
    assert.equal(onlyB.totals.received, 3);
    assert.equal(onlyB.totals.onTimeRate, 100);
    const empty = await caseIndicatorInputs(server.ctx.db, { from: '2024-01-01', to: '2024-01-31', regionCode: LUODING });
    assert.equal(empty.rows.length, 0);
    assert.equal(empty.totals.onTimeRate, null);
    assert.equal(empty.totals.avgWorkingDays, null);
  });

  test('department statistics: own department for its staff, leaders across the city, denials elsewhere', async () => {
    const qs = `from=${period.from}&to=${period.to}`;
    for (const who of ['deptadmin', 'approver'] as const) {
      const res = await api(`/api/cases/stats?${qs}`, { cookie: cookies[who] });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.equal(res.body.departmentId, scjgj);
      assert.equal(res.body.totals.received, 7, who);
      assert.equal(res.body.totals.avgWorkingDays, 3);
      assert.deepEqual(res.body.byMonth.map((m: { period: string }) => m.period), ['2025-03', '2025-04']);
      const a = res.body.byItem.find((i: { itemId: string }) => i.itemId === ITEM_A);
      assert.deepEqual([a.received, a.completed, a.overdueOpen, a.avgWorkingDays], [4, 3, 1, 5]);
    }
    const leader = await api(`/api/cases/stats?${qs}&departmentId=${hrDept}`, { cookie: cookies.leader });
    assert.equal(leader.status, 200);
    assert.equal(leader.body.totals.completed, 1);
    // another department's staff may not ask for this one; for their own they see only theirs
    const other = await api(`/api/cases/stats?${qs}&departmentId=${scjgj}`, { cookie: cookies.hrapprover });
    assert.equal(other.status, 403);
    const own = await api(`/api/cases/stats?${qs}`, { cookie: cookies.hrapprover });
    assert.equal(own.body.totals.received, 1);
    // a county administrator elsewhere sees nothing of 罗定
    const county = await api(`/api/cases/stats?${qs}&departmentId=${scjgj}`, { cookie: cookies.countyadmin });
    assert.equal(county.status, 200);
    assert.equal(county.body.totals.received, 0);
    assert.equal((await api(`/api/cases/stats?${qs}`, { cookie: cookies.citizen })).status, 403);
    assert.equal((await api(`/api/cases/stats?${qs}`, { cookie: cookies.clerk })).status, 403);
  });

  test('the statistics page’s department picker: an approver lists the departments its grant covers, nothing more', async () => {
    const listed = async (who: Who, q = '') => {
      const res = await api(`/api/org/departments?pageSize=100&q=${encodeURIComponent(q)}`, { cookie: cookies[who] });
      const items = (res.body.items ?? []) as { id: string; name: string }[];
      return { status: res.status, ids: items.map((d) => d.id), names: items.map((d) => d.name) };
    };
    // the demo approver works for every department of the city: the picker finds 不动产登记中心 as
    // the 自然资源局 of the city and its counties
    const city = await listed('approver', '不动产登记中心');
    assert.equal(city.status, 200);
    assert.ok(city.names.length > 0 && city.names.every((n) => n.includes('自然资源局')), city.names.join());
    // an approver narrowed to 人社局 sees that department alone, whatever it asks for
    assert.deepEqual((await listed('hrapprover')).ids, [hrDept]);
    assert.deepEqual((await listed('hrapprover', '不动产登记中心')).ids, []);
    assert.equal((await api(`/api/org/departments/${scjgj}`, { cookie: cookies.hrapprover })).status, 404);
    // roles without the statistics page still may not read the list
    assert.equal((await listed('clerk')).status, 403);
    assert.equal((await listed('citizen')).status, 403);
  });

  test('the indicators route gives the same figures to leaders, not to citizens or department staff', async () => {
    const res = await api(`/api/cases/indicators?from=${period.from}&to=${period.to}&regionCode=${LUODING}`, { cookie: cookies.leader });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.totals.received, 8);
    assert.equal(res.body.indicators[0].key, 'on_time_rate');
    assert.equal((await api(`/api/cases/indicators?from=${period.from}&to=${period.to}`, { cookie: cookies.citizen })).status, 403);
    assert.equal((await api(`/api/cases/indicators?from=${period.from}&to=${period.to}`, { cookie: cookies.deptadmin })).status, 403);
    // an administrator of another county: allowed, but nothing of 罗定 is in scope
    const county = await api(`/api/cases/indicators?from=${period.from}&to=${period.to}&regionCode=${LUODING}`, { cookie: cookies.countyadmin });
    assert.equal(county.status, 200);
    assert.equal(county.body.totals.received, 0);
  });
});
