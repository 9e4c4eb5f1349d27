import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { clockState, setClock } from '../../src/kernel/clock.ts';
import { loadExcel } from '../../src/kernel/xlsx.ts';
import { systemToken } from '../support/data.ts';
import { CITIZEN_PASSWORD, CITY } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';

// #16 point 7: hot issues (bursts per category × place × hour, flagged once with a notice to the
// centre) and the daily and weekly reports (volumes, top categories and words, per-department
// on-time completion, the overdue list) as JSON and xlsx — and who may see them. The test runs
// in June 2026, before the demo's tickets (the runner's clock starts in November), so every
// figure below comes from the tickets made here.
const YUNCHENG = '445302000000';
let server: TestServer;
const who: Record<'agent' | 'citizen' | 'approver' | 'clerk' | 'admin' | 'leader' | 'grid' | 'countyLeader', string> =
  {} as never;
let appHeaders: Record<string, string> = {};
let towns: string[] = [];
const startOffset = clockState().offsetMs;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const at = (instant: string) => setClock(instant);

type Body = Record<string, unknown>;
async function intake(body: Body, cookie = who.agent) {
  const res = await api('/api/hotline/tickets', { method: 'POST', cookie, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.ticket as { id: string; version: number; dueDate: string; suggestion: { department: { id: string } } | null };
}
const noise = (regionCode: string, n: number) => ({
  kind: 'complaint',
  categoryCode: 'CG05',
  content: `小区旁工地凌晨还在打桩施工，噪音吵得睡不着（第${n}位来电）`,
  place: { regionCode },
  caller: { name: '周敏', phone: `139${String(10_000_000 + n).slice(-8)}` },
});
const step = async (id: string, action: string, cookie: string, body: Body) => {
  const res = await api(`/api/hotline/tickets/${id}/${action}`, { method: 'POST', cookie, body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { id: string; version: number };
};
const hotIssues = async (query: string, cookie = who.agent) => {
  const res = await api(`/api/hotline/hot-issues?${query}`, { cookie });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.items as {
    id: string;
    categoryCode: string;
    level: number;
    regionCode: string;
    tickets: number;
    words: string[];
  }[];
};
const report = async (query: string, cookie = who.agent) => {
  const res = await api(`/api/hotline/reports?${query}`, { cookie });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
};
const hotMessages = async (ref: string) =>
  (
    await server.ctx.db.query<{ staff_id: string }>(
      `select staff_id from staff_message where kind = 'hotline_hot_issue' and ref = $1`,
      [ref],
    )
  ).length;

before(async () => {
  server = await startTestServer();
  who.agent = await server.login('hotline');
  who.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  who.approver = await server.login('approver');
  who.clerk = await server.login('clerk');
  who.admin = await server.login('admin');
  who.leader = await server.login('leader');
  who.grid = await server.login('grid');
  who.countyLeader = await addStaff(server, who.admin, 'yunchengleader', '云城区', {
    role: 'leader',
    regionCode: YUNCHENG,
    sameDepartment: false,
  });
  appHeaders = { authorization: (await systemToken(server, who.admin, 'report-app', '报表应用')).authorization! };
  towns = (
    await server.ctx.db.query<{ code: string }>('select code from region where parent_code = $1 order by code limit 2', [
      YUNCHENG,
    ])
  ).map((r) => r.code);
});
after(async () => {
  setClock(new Date(Date.now() + startOffset));
  await server.close();
});

describe('hot issues', () => {
  test('the demo city starts with a burst of calls flagged', async () => {
    const n = (await server.ctx.db.one<{ n: number }>('select count(*)::int as n from hotline_hot_issue'))!.n;
    assert.ok(n >= 1, 'the demo tickets hold a cluster of 噪音扰民 calls in one town within an hour');
  });

  test('30 calls about one second-level category in one town within an hour: flagged once, the centre told once', async () => {
    const [town, other] = towns as [string, string];
    at('2026-06-17T10:05:00+08:00');
    for (let n = 1; n <= 29; n++) await intake(noise(town, n));
    // the same category elsewhere and the same place an hour later count apart
    for (let n = 1; n <= 3; n++) await intake(noise(other, 100 + n));
    assert.deepEqual(await hotIssues('date=2026-06-17'), [], 'below the threshold (30): nothing');
    await intake(noise(town, 30));
    const flagged = await hotIssues('date=2026-06-17');
    assert.equal(flagged.length, 1, JSON.stringify(flagged));
    const [burst] = flagged as [(typeof flagged)[number]];
    assert.deepEqual([burst.categoryCode, burst.level, burst.regionCode, burst.tickets], ['CG05', 2, town, 30]);
    assert.ok(burst.words.includes('噪音') || burst.words.includes('施工'), `top words of the burst: ${burst.words.join(' ')}`);
    assert.ok(!burst.words.some((w) => /^\d+$/.test(w)), 'numbers are no words');
    const told = await hotMessages(burst.id);
    assert.ok(told >= 1, 'the agents over the town get a staff message');
    const bell = (await api('/api/staff/messages?pageSize=50', { cookie: who.agent })).body.items.filter(
      (m: { kind: string; ref: string }) => m.kind === 'hotline_hot_issue' && m.ref === burst.id,
    );
    assert.equal(bell.length, 1, 'the agent reads it once');
    assert.match(bell[0].text, /噪音扰民（施工）/);
    // more calls in the same hour: the same burst, counted on, nobody told again
    await intake(noise(town, 31));
    await intake(noise(town, 32));
    const again = await hotIssues('date=2026-06-17');
    assert.deepEqual(
      again.map((h) => [h.id, h.tickets]),
      [[burst.id, 32]],
    );
    assert.equal(await hotMessages(burst.id), told);
    // the next hour is a new bucket: one call there is no burst
    at('2026-06-17T11:02:00+08:00');
    await intake(noise(town, 33));
    assert.equal((await hotIssues('date=2026-06-17')).length, 1);
    const counters = await server.ctx.db.query<{ region_code: string; tickets: number; hour: Date }>(
      `select region_code, tickets, hour from hotline_hot_counter where category_code = 'CG05' and hour >= '2026-06-17T00:00:00+08:00'
        and hour < '2026-06-18T00:00:00+08:00' order by hour, region_code`,
    );
    assert.deepEqual(
      counters.map((c) => [c.region_code, c.tickets, new Date(c.hour).toISOString()]),
      [
        [town, 32, '2026-06-17T02:00:00.000Z'],
        [other, 3, '2026-06-17T02:00:00.000Z'],
        [town, 1, '2026-06-17T03:00:00.000Z'],
      ],
    );
  });

  test('thresholds per category level: a node administrator sets them; a first-level burst of several children', async () => {
    const [, town] = towns as [string, string];
    const defaults = (await api('/api/hotline/hot-thresholds', { cookie: who.agent })).body;
    assert.deepEqual(defaults, { category: 30, parentCategory: 60 });
    const byAgent = await api('/api/hotline/hot-thresholds', {
      method: 'PUT',
      cookie: who.agent,
      body: { category: 5, parentCategory: 6 },
    });
    assert.deepEqual([byAgent.status, byAgent.body.error.code], [403, 'NODE_ADMIN_REQUIRED']);
    const wrong = await api('/api/hotline/hot-thresholds', {
      method: 'PUT',
      cookie: who.admin,
      body: { category: 6, parentCategory: 5 },
    });
    assert.equal(wrong.status, 400, 'a first-level threshold below the second-level one');
    assert.equal(
      (await api('/api/hotline/hot-thresholds', { method: 'PUT', cookie: who.admin, body: { category: 1, parentCategory: 6 } }))
        .status,
      400,
    );
    const set = await api('/api/hotline/hot-thresholds', {
      method: 'PUT',
      cookie: who.admin,
      body: { category: 5, parentCategory: 6 },
    });
    assert.equal(set.status, 200, JSON.stringify(set.body));
    try {
      at('2026-06-18T15:10:00+08:00');
      // 城市管理: 3 street-vending calls and 3 rubbish calls — no child reaches 5, the parent reaches 6
      for (let n = 0; n < 3; n++) {
        await intake({
          kind: 'complaint',
          categoryCode: 'CG01',
          content: '流动摊贩占道经营，行人只能走机动车道',
          place: { regionCode: town },
        });
        await intake({
          kind: 'complaint',
          categoryCode: 'CG03',
          content: '垃圾桶满了两天没人清运，气味很大',
          place: { regionCode: town },
        });
      }
      const found = await hotIssues('date=2026-06-18');
      assert.deepEqual(
        found.map((h) => [h.categoryCode, h.level, h.tickets]),
        [['CG', 1, 6]],
      );
    } finally {
      await api('/api/hotline/hot-thresholds', { method: 'PUT', cookie: who.admin, body: defaults });
    }
  });

  test('who sees hot issues: the centre and leaders of the region; nobody else', async () => {
    const week = 'period=week&date=2026-06-17';
    const all = await hotIssues(week, who.leader);
    assert.equal(all.length, 2, 'the city leader sees both bursts');
    assert.deepEqual(await hotIssues(week, who.countyLeader), all, 'both in 云城区: its leader sees them');
    const other = await addStaff(server, who.admin, 'yunanleader', '云安区', {
      role: 'leader',
      regionCode: '445303000000',
      sameDepartment: false,
    });
    assert.deepEqual(await hotIssues(week, other), [], 'another county’s leader sees none of them');
    for (const [cookie, status, code] of [
      [who.approver, 403, 'HOTLINE_REPORT_NOT_ALLOWED'],
      [who.grid, 403, 'HOTLINE_REPORT_NOT_ALLOWED'],
      [who.citizen, 403, 'ACTOR_KIND_NOT_ALLOWED'],
      ['', 401, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await api(`/api/hotline/hot-issues?${week}`, { cookie });
      assert.deepEqual([res.status, res.body.error.code], [status, code]);
    }
    const app = await api(`/api/hotline/hot-issues?${week}`, { headers: appHeaders });
    assert.deepEqual([app.status, app.body.error.code], [403, 'ACTOR_KIND_NOT_ALLOWED']);
    assert.equal((await api('/api/hotline/hot-issues?date=2026-13-40', { cookie: who.agent })).status, 400);
    assert.equal((await api('/api/hotline/hot-issues?date=2026-02-30', { cookie: who.agent })).status, 400, 'no such day');
  });
});

describe('reports', () => {
  // Friday 5 June 2026: a known set of tickets. Consultations are due in 3 working days, so over
  // the weekend on Wednesday 10 June; help in 5, on Friday 12 June.
  const ids: Record<string, string> = {};
  const department = async (code: string) =>
    (await server.ctx.db.one<{ id: string }>('select id from department where code = $1', [code]))!.id;

  before(async () => {
    at('2026-06-05T09:20:00+08:00');
    const consult = (n: number) => ({
      kind: 'consultation',
      categoryCode: 'ZW01',
      content: `咨询新生儿落户需要哪些材料（${n}）`,
      place: { regionCode: CITY },
    });
    const dispatch = async (t: Awaited<ReturnType<typeof intake>>, departmentId = t.suggestion!.department.id) =>
      step(t.id, 'dispatch', who.agent, { version: t.version, departmentId });
    const a = await intake(consult(1));
    const b = await intake(consult(2));
    assert.equal(a.dueDate, '2026-06-10', '3 working days from a Friday: Monday, Tuesday, Wednesday');
    ids.a = (await step(a.id, 'accept', who.clerk, { version: (await dispatch(a)).version })).id;
    ids.b = (await step(b.id, 'accept', who.clerk, { version: (await dispatch(b)).version })).id;
    const c = await intake({
      kind: 'complaint',
      categoryCode: 'SC01',
      content: '餐馆后厨卫生条件差',
      place: { regionCode: YUNCHENG },
    });
    ids.c = (await dispatch(c)).id;
    const d = await intake({ kind: 'complaint', categoryCode: 'SC01', content: '超市出售过期食品', place: { regionCode: CITY } });
    ids.d = (await dispatch(d, await department('445300-SCJGJ'))).id;
    const e = await intake(consult(3));
    await step(e.id, 'answer', who.agent, { version: e.version, reply: '按知识库答复：携带出生医学证明和户口簿办理。' });
    at('2026-06-05T14:40:00+08:00');
    const f = await intake(
      { kind: 'help', categoryCode: 'SW01', content: '小区连续两天停水', place: { regionCode: YUNCHENG } },
      who.citizen,
    );
    assert.equal(f.dueDate, '2026-06-12');
    ids.f = f.id;
  });

  test('a day: volumes by channel, kind, category and county, the trend by hour, top categories and words', async () => {
    at('2026-06-05T18:00:00+08:00');
    const r = await report('period=day&date=2026-06-05');
    assert.deepEqual([r.period, r.from, r.to], ['day', '2026-06-05', '2026-06-05']);
    assert.deepEqual(r.totals, {
      received: 6,
      answeredAtIntake: 1,
      dispatched: 4,
      completed: 0,
      onTime: 0,
      onTimeRate: null,
      open: 5,
      overdue: 0,
      satisfaction: null,
    });
    const counts = (list: { key: string; count: number }[]) =>
      Object.fromEntries(list.filter((x) => x.count).map((x) => [x.key, x.count]));
    assert.deepEqual(counts(r.byChannel), { phone: 5, portal: 1 });
    assert.deepEqual(counts(r.byKind), { consultation: 3, complaint: 2, help: 1 });
    assert.deepEqual(counts(r.byCategory), { ZW: 3, SC: 2, SW: 1 });
    assert.deepEqual(counts(r.byRegion), { '445300000000': 4, [YUNCHENG]: 2 });
    assert.deepEqual(
      r.trend.filter((x: { count: number }) => x.count),
      [
        { at: '2026-06-05 09:00', count: 5 },
        { at: '2026-06-05 14:00', count: 1 },
      ],
    );
    assert.equal(r.trend.length, 24);
    assert.deepEqual(r.topCategories[0], { key: 'ZW01', name: r.topCategories[0].name, count: 3 });
    const words = Object.fromEntries(r.topWords.map((w: { word: string; count: number }) => [w.word, w.count]));
    assert.equal(words['新生儿'], 3, JSON.stringify(r.topWords));
    assert.ok(!('需要' in words) && !('哪些' in words), 'stop-words are left out');
    assert.equal(r.wordsOver, 6);
    assert.deepEqual(r.hotIssues, [], 'no burst that day');
  });

  test('a week: on-time completion across the weekend, per department, the overdue list, satisfaction from the 回访', async () => {
    at('2026-06-10T16:00:00+08:00');
    const a = (await api(`/api/hotline/tickets/${ids.a}`, { cookie: who.clerk })).body;
    await step(a.id, 'complete', who.clerk, { version: a.version, reply: '已告知所需材料。' });
    at('2026-06-11T09:30:00+08:00');
    const b = (await api(`/api/hotline/tickets/${ids.b}`, { cookie: who.clerk })).body;
    const done = await step(b.id, 'complete', who.clerk, { version: b.version, reply: '已告知所需材料。' });
    // 回访: one caller satisfied, the other not — 满意率 0.5 for the department and the week
    at('2026-06-11T15:00:00+08:00');
    const first = (await api(`/api/hotline/tickets/${ids.a}`, { cookie: who.agent })).body;
    await step(first.id, 'callback', who.agent, { version: first.version, result: 'satisfied' });
    await step(done.id, 'callback', who.agent, { version: done.version, result: 'unsatisfied', note: '来电人认为材料清单不全' });
    at('2026-06-15T10:00:00+08:00');
    const r = await report('period=week&date=2026-06-11');
    assert.deepEqual([r.from, r.to], ['2026-06-08', '2026-06-14']);
    assert.equal(r.totals.received, 0, 'nothing came in that week');
    assert.deepEqual([r.totals.completed, r.totals.onTime, r.totals.onTimeRate], [2, 1, 0.5], 'Wednesday on time, Thursday late');
    assert.equal(r.totals.satisfaction, 0.5, 'one 满意, one 不满意');
    const row = (id: string) => {
      const found = r.departments.find((d: { departmentId: string }) => d.departmentId === id);
      assert.ok(found, JSON.stringify(r.departments));
      const { departmentId: _id, departmentName: _name, ...figures } = found;
      return figures;
    };
    assert.deepEqual(row(a.department.id), {
      received: 0,
      completed: 2,
      onTime: 1,
      onTimeRate: 0.5,
      open: 0,
      overdue: 0,
      satisfaction: 0.5,
    });
    // the county's 市场监管局 still holds the food complaint (13 working days: not due yet)
    assert.deepEqual(row(await department('445302-SCJGJ')), {
      received: 0,
      completed: 0,
      onTime: 0,
      onTimeRate: null,
      open: 1,
      overdue: 0,
      satisfaction: null,
    });
    assert.equal(r.trend.length, 7);
    // the help request (due Friday 12 June) still waits for the centre: overdue since, 3 days by Monday
    const f = r.overdue.find((x: { id: string }) => x.id === ids.f);
    assert.deepEqual([f.status, f.dueDate, f.daysOverdue, f.department], ['new', '2026-06-12', 3, null]);
    assert.equal(r.totals.overdue, r.overdue.length);
    assert.ok(r.overdue.every((x: { dueDate: string }) => x.dueDate < '2026-06-15'));
  });

  test('the same week as a workbook with zh-CN headings, read back', async () => {
    at('2026-06-15T10:00:00+08:00');
    const res = await fetch(`${server.url}/api/hotline/reports?period=week&date=2026-06-11&format=xlsx`, {
      headers: { cookie: who.agent },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    assert.match(res.headers.get('content-disposition') ?? '', /hotline-week-2026-06-08\.xlsx/);
    const excel = await loadExcel();
    const wb = new excel.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((s) => s.name),
      ['概况', '趋势', '分类统计', '热门分类', '热词', '部门办理', '超期工单', '热点'],
    );
    const rows = (name: string) => {
      const out: string[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return out;
    };
    const overview = Object.fromEntries(rows('概况').map(([k, v]) => [k, v]));
    assert.equal(overview['办结量'], '2');
    assert.equal(overview['按时办结率'], '50.0%');
    assert.equal(overview['满意率'], '50.0%');
    const [heading, ...departments] = rows('部门办理');
    assert.deepEqual(heading, ['承办部门', '派单量', '办结量', '按时办结', '按时办结率', '未办结', '超期', '满意率']);
    assert.ok(
      departments.some((d) => d[2] === '2' && d[3] === '1' && d[4] === '50.0%' && d[7] === '50.0%'),
      JSON.stringify(departments),
    );
    assert.ok(rows('超期工单').some((row) => row[3] === '待派单' && row[6] === '2026-06-12'));
  });

  test('who sees which rows: a department its own, a county leader the county, others nobody', async () => {
    at('2026-06-05T18:00:00+08:00');
    const day = 'period=day&date=2026-06-05';
    const scjgj = await department('445300-SCJGJ');
    const mine = await report(day, who.approver);
    assert.equal(mine.totals.received, 1, 'the one ticket dispatched to the city’s 市场监管局');
    assert.deepEqual(
      mine.departments.map((d: { departmentId: string }) => d.departmentId),
      [scjgj],
    );
    assert.deepEqual(mine.hotIssues, []);
    const clerk = await report(day, who.clerk);
    assert.ok(clerk.departments.every((d: { departmentId: string }) => d.departmentId !== scjgj));
    const county = await report(day, who.countyLeader);
    assert.equal(county.totals.received, 2, '云城区: the food complaint and the water request');
    assert.deepEqual(
      county.byRegion.map((x: { key: string }) => x.key),
      [YUNCHENG],
    );
    assert.equal((await report(day, who.leader)).totals.received, 6);
    for (const [cookie, status, code] of [
      [who.grid, 403, 'HOTLINE_REPORT_NOT_ALLOWED'],
      [who.citizen, 403, 'ACTOR_KIND_NOT_ALLOWED'],
      ['', 401, 'UNAUTHENTICATED'],
    ] as const) {
      const res = await api(`/api/hotline/reports?${day}`, { cookie });
      assert.deepEqual([res.status, res.body.error.code], [status, code]);
      const file = await api(`/api/hotline/reports?${day}&format=xlsx`, { cookie });
      assert.equal(file.status, status, 'no workbook either');
    }
    const app = await api(`/api/hotline/reports?${day}`, { headers: appHeaders });
    assert.deepEqual([app.status, app.body.error.code], [403, 'ACTOR_KIND_NOT_ALLOWED']);
    assert.equal((await api('/api/hotline/reports?period=month', { cookie: who.agent })).status, 400);
    assert.equal((await api('/api/hotline/reports?format=pdf', { cookie: who.agent })).status, 400);
  });
});
