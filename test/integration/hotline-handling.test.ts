import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as clock from '../../src/kernel/clock.ts';
import { emit } from '../../src/kernel/events/index.ts';
import { hotlineRates } from '../../src/modules/hotline/index.ts';
import { signedInbound } from '../../src/modules/identity/index.ts';
import { DEADLINE_DUE } from '../../src/modules/hotline/events.ts';
import { CITIZEN_PASSWORD, CITY } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// #16 points 5 and 6: after 签收 — 延期 (the department asks, the centre decides, the due date
// moves on the kernel calendar), yellow/red warnings and the overdue timer, 督办 and its reply,
// 重办, 回访 with its result, and the results in the ratings module's 12345 channel and in
// hotlineRates. The clock is set: Friday 2026-09-25 in 云浮, before the National Day break
// (10-01..10-07 holidays, Saturday 10-10 a make-up working day).
const YUNCHENG = '445302000000';
const START = '2026-09-25T09:00:00+08:00';
let server: TestServer;
let savedOffset = 0;
const who: Record<'agent' | 'approver' | 'clerk' | 'citizen' | 'admin', string> = {} as never;
let scjgj = '';
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);

type T = { id: string; version: number; status: string; dueDate: string; [k: string]: unknown };

/** Sessions do not outlive a clock moved by weeks: everyone signs in again at the new time. */
async function signIn() {
  who.agent = await server.login('hotline');
  who.approver = await server.login('approver');
  who.clerk = await server.login('clerk');
  who.admin = await server.login('admin');
  who.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
}
async function at(instant: string) {
  clock.setClock(instant);
  await signIn();
}
const drain = async () => {
  while ((await server.deliverEvents()) > 0);
};

const step = (t: Pick<T, 'id' | 'version'>, path: string, cookie: string, body: Record<string, unknown> = {}) =>
  api(`/api/hotline/tickets/${t.id}/${path}`, { method: 'POST', cookie, body: { version: t.version, ...body } });
const ok = async (t: Pick<T, 'id' | 'version'>, path: string, cookie: string, body: Record<string, unknown> = {}): Promise<T> => {
  const res = await step(t, path, cookie, body);
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  return res.body;
};
const refused = async (res: Promise<{ status: number; body: { error: { code: string } } }>, status: number, code: string) => {
  const r = await res;
  assert.deepEqual([r.status, r.body.error?.code], [status, code]);
};
const read = async (t: Pick<T, 'id'>, cookie = who.agent) => (await api(`/api/hotline/tickets/${t.id}`, { cookie })).body;

/** A consultation (3 working days) about food in 云城区, dispatched to the city's 市场监管局 (the approver's). */
async function dispatched(kind = 'consultation', phone = '13912340001'): Promise<T> {
  const created = await api('/api/hotline/tickets', {
    method: 'POST',
    cookie: who.agent,
    body: {
      kind,
      categoryCode: 'SC01',
      content: '想咨询小餐饮店办理食品经营许可需要哪些材料',
      place: { regionCode: YUNCHENG },
      caller: { name: '陈小云', phone },
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return ok(created.body.ticket, 'dispatch', who.agent, { departmentId: scjgj });
}
const accepted = async (kind?: string) => ok(await dispatched(kind), 'accept', who.approver);
const completed = async () => ok(await accepted(), 'complete', who.approver, { reply: '已电话告知所需材料清单。' });

before(async () => {
  server = await startTestServer();
  savedOffset = clock.clockState().offsetMs;
  await at(START);
  scjgj = (await server.ctx.db.one<{ id: string }>(`select id from department where code = '445300-SCJGJ'`))!.id;
});
after(async () => {
  clock.setClock(new Date(Date.now() + savedOffset));
  await server.close();
});

describe('延期', () => {
  test('the department asks, the centre approves: the due date moves by working days over the holiday, then over a weekend; at most two', async () => {
    await at(START);
    let t = await accepted();
    assert.equal(t.dueDate, '2026-09-30', 'Friday + 3 working days');
    t = await ok(t, 'extend-request', who.approver, { days: 3, reason: '需现场核查，涉及多个摊点' });
    assert.deepEqual(t.extension && { days: (t.extension as { days: number }).days }, { days: 3 });
    await refused(step(t, 'extend-request', who.approver, { days: 1, reason: '再申请' }), 409, 'HOTLINE_EXTENSION_OPEN');
    await refused(step(t, 'extend-approve', who.approver), 403, 'HOTLINE_STEP_NOT_ALLOWED');
    await refused(step(t, 'extend-approve', who.clerk), 404, 'NOT_FOUND');
    await refused(step({ ...t, version: t.version - 1 }, 'extend-approve', who.agent), 409, 'VERSION_CONFLICT');
    const approved = await ok(t, 'extend-approve', who.agent, { note: '同意' });
    // 09-30 + 3: 10-01..10-07 are the National Day break, 10-08, 10-09 and the make-up Saturday 10-10
    assert.equal(approved.dueDate, '2026-10-10');
    assert.equal(approved.extension, null);
    await refused(step(t, 'extend-approve', who.agent), 409, 'VERSION_CONFLICT'); // the second click
    await refused(step(approved, 'extend-approve', who.agent), 409, 'HOTLINE_EXTENSION_NONE_OPEN');
    t = await ok(approved, 'extend-request', who.approver, { days: 2, reason: '等待检测报告' });
    t = await ok(t, 'extend-approve', who.agent);
    assert.equal(t.dueDate, '2026-10-13', '10-10 + 2 over the ordinary weekend 10-11');
    assert.equal(t.extensionsUsed, 2);
    await refused(step(t, 'extend-request', who.approver, { days: 1, reason: '第三次' }), 409, 'HOTLINE_EXTENSION_LIMIT');
    const history = (await read(t)).history.map((h: { action: string }) => h.action);
    assert.deepEqual(history.slice(-4), ['extend_request', 'extend_approve', 'extend_request', 'extend_approve']);
  });

  test('the centre refuses with a reason: the due date stays; bad input and the wrong actors are refused', async () => {
    await at(START);
    const t = await accepted();
    for (const days of [0, 11, 1.5])
      assert.equal((await step(t, 'extend-request', who.approver, { days, reason: '需要时间' })).status, 400, `days ${days}`);
    assert.equal((await step(t, 'extend-request', who.approver, { days: 2, reason: '   ' })).status, 400);
    await refused(step(t, 'extend-request', who.agent, { days: 2, reason: '中心代申请' }), 403, 'HOTLINE_STEP_NOT_ALLOWED');
    await refused(step(t, 'extend-request', who.citizen, { days: 2, reason: '我想延期' }), 404, 'NOT_FOUND');
    const asked = await ok(t, 'extend-request', who.approver, { days: 2, reason: '需要时间' });
    assert.equal((await step(asked, 'extend-refuse', who.agent, {})).status, 400, 'a refusal needs its reason');
    const kept = await ok(asked, 'extend-refuse', who.agent, { reason: '咨询类诉求可当日答复' });
    assert.equal(kept.dueDate, t.dueDate);
    assert.equal(kept.extension, null);
    assert.equal((await read(kept)).history.at(-1).note, '咨询类诉求可当日答复');
    // from a status other than 已签收
    const fresh = await dispatched();
    await refused(step(fresh, 'extend-request', who.approver, { days: 2, reason: '未签收' }), 409, 'HOTLINE_STATUS_CONFLICT');
    // an open request lapses when the department finishes the ticket
    const open = await ok(await accepted(), 'extend-request', who.approver, { days: 1, reason: '再等一天' });
    const done = await ok(open, 'complete', who.approver, { reply: '已答复' });
    assert.equal(done.extension, null);
    await refused(step(done, 'extend-approve', who.agent), 409, 'HOTLINE_STATUS_CONFLICT');
  });

  test('the caller follows the due date, not the exchange between the department and the centre', async () => {
    await at(START);
    const created = await api('/api/hotline/tickets', {
      method: 'POST',
      cookie: who.citizen,
      body: { kind: 'help', categoryCode: 'SC01', content: '小区门口早餐店无证经营', place: { regionCode: YUNCHENG } },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const t = await ok(
      await ok(await ok(created.body.ticket, 'dispatch', who.agent, { departmentId: scjgj }), 'accept', who.approver),
      'extend-request',
      who.approver,
      {
        days: 2,
        reason: '内部协调中',
      },
    );
    const mine = await read(t, who.citizen);
    assert.equal(mine.extension, null);
    assert.ok(mine.history.every((h: { note: string | null }) => h.note === null));
    assert.equal((await read(t, who.agent)).extension.reason, '内部协调中');
  });
});

describe('warnings, the overdue timer and 督办', () => {
  test('签收 yellow on its due day, red after it; 办结 yellow a working day ahead, red after; each overdue recorded and told once', async () => {
    await at(START);
    const t = await dispatched();
    assert.equal(t.acceptDue, '2026-09-28');
    assert.deepEqual(t.warning, { accept: 'none', complete: 'none' });
    await refused(step(t, 'supervise', who.agent, { note: '请加快办理' }), 409, 'HOTLINE_SUPERVISION_NOT_DUE');

    await at('2026-09-28T10:00:00+08:00');
    assert.deepEqual((await read(t)).warning, { accept: 'yellow', complete: 'none' });
    const yellow = (await api('/api/hotline/tickets?warning=yellow&pageSize=100', { cookie: who.approver })).body.items;
    assert.ok(
      yellow.some((x: T) => x.id === t.id),
      'listed as yellow for the department',
    );
    await drain();
    assert.equal(
      (await read(t)).history.filter((h: { action: string }) => h.action.endsWith('_overdue')).length,
      0,
      'not overdue yet',
    );

    await at('2026-09-29T10:00:00+08:00');
    assert.deepEqual((await read(t)).warning, { accept: 'red', complete: 'yellow' });
    await drain();
    await drain();
    // the same timer again (a redelivery): nothing more
    await server.ctx.db.transaction((tx) =>
      emit(tx, DEADLINE_DUE, { ticketId: t.id, deadline: 'accept', due: '2026-09-28' }, { dedupeKey: `again:${t.id}` }),
    );
    await drain();
    const overdue = (await read(t)).history.filter((h: { action: string }) => h.action === 'accept_overdue');
    assert.deepEqual(
      overdue.map((h: { note: string }) => h.note),
      ['2026-09-28'],
    );
    const approverId = (await server.ctx.db.one<{ id: string }>(`select id from staff where username = 'approver'`))!.id;
    const told = await server.ctx.db.query<{ kind: string }>(`select kind from staff_message where ref = $1 and staff_id = $2`, [
      t.id,
      approverId,
    ]);
    assert.deepEqual(
      told.map((m) => m.kind),
      ['hotline_accept_overdue'],
    );
    const red = (await api('/api/hotline/tickets?warning=red&pageSize=100', { cookie: who.agent })).body.items;
    assert.ok(red.some((x: T) => x.id === t.id));

    // 督办 of the overdue ticket: the department's heads are told, it must reply
    const cur = await read(t);
    await refused(step(cur, 'supervise', who.approver, { note: '自己督办' }), 403, 'HOTLINE_STEP_NOT_ALLOWED');
    const sup = await ok(cur, 'supervise', who.agent, { note: '签收已超期，请立即签收办理' });
    assert.equal((sup.supervision as { note: string }).note, '签收已超期，请立即签收办理');
    await refused(step(sup, 'supervise', who.agent, { note: '再次督办' }), 409, 'HOTLINE_SUPERVISION_OPEN');
    const listed = (await api('/api/hotline/tickets?queue=supervised&pageSize=100', { cookie: who.approver })).body.items;
    assert.ok(listed.some((x: T) => x.id === t.id));
    assert.equal(
      (await server.ctx.db.one<{ n: number }>(
        `select count(*)::int as n from staff_message where ref = $1 and kind = 'hotline_supervised'`,
        [t.id],
      ))!.n >= 1,
      true,
    );
    await refused(step(sup, 'supervise-reply', who.agent, { reply: '中心代回复' }), 403, 'HOTLINE_STEP_NOT_ALLOWED');
    const replied = await ok(sup, 'supervise-reply', who.approver, { reply: '已签收，今日安排人员核查' });
    assert.equal(replied.supervision, null);
    await refused(step(replied, 'supervise-reply', who.approver, { reply: '再回复' }), 409, 'HOTLINE_SUPERVISION_NONE_OPEN');

    // 办结 overdue after the break: recorded once, for the due date timed
    const took = await ok(replied, 'accept', who.approver);
    await at('2026-10-08T10:00:00+08:00');
    assert.deepEqual((await read(took)).warning, { accept: 'none', complete: 'red' });
    await drain();
    await drain();
    const history = (await read(took)).history.map((h: { action: string }) => h.action);
    assert.equal(history.filter((a: string) => a === 'complete_overdue').length, 1);
    assert.equal(history.filter((a: string) => a === 'accept_overdue').length, 1);
    const rows = await server.ctx.db.query(
      `select deadline, due::text as due from hotline_overdue where ticket_id = $1 order by deadline`,
      [t.id],
    );
    assert.deepEqual(
      rows.map((r) => ({ ...r })),
      [
        { deadline: 'accept', due: '2026-09-28' },
        { deadline: 'complete', due: '2026-09-30' },
      ],
    );
  });

  test('a ticket finished in time, or whose due date moved by 延期, is not recorded overdue', async () => {
    await at(START);
    const inTime = await completed();
    const extended = await ok(
      await ok(await accepted(), 'extend-request', who.approver, { days: 3, reason: '现场核查' }),
      'extend-approve',
      who.agent,
    );
    await at('2026-10-08T10:00:00+08:00');
    await drain();
    for (const t of [inTime, extended]) {
      const history = (await read(t)).history.map((h: { action: string }) => h.action);
      assert.ok(!history.includes('complete_overdue'), `${t.id}: ${history.join(',')}`);
    }
    assert.deepEqual((await read(extended)).warning, { accept: 'none', complete: 'none' }, 'due 10-10: yellow from 10-09');
  });
});

describe('回访, 重办 and the 12345 channel of ratings', () => {
  test('the centre calls back once per round; 不满意 → 待重办 → 重办 to the same department with new due dates; the feed and rates are exact', async () => {
    await at('2026-10-12T09:00:00+08:00');
    const from = clock.now();
    const t = await completed();
    const queue = async (name: string) =>
      (await api(`/api/hotline/tickets?queue=${name}&pageSize=100`, { cookie: who.agent })).body.items.map((x: T) => x.id);
    assert.ok((await queue('callback')).includes(t.id));
    await refused(step(t, 'callback', who.approver, { result: 'satisfied' }), 403, 'HOTLINE_STEP_NOT_ALLOWED');
    assert.equal((await step(t, 'callback', who.agent, { result: 'happy' })).status, 400);
    const called = await ok(t, 'callback', who.agent, { result: 'unsatisfied', note: '答复内容不具体' });
    assert.equal((called.callback as { result: string }).result, 'unsatisfied');
    await refused(step(t, 'callback', who.agent, { result: 'satisfied' }), 409, 'VERSION_CONFLICT');
    await refused(step(called, 'callback', who.agent, { result: 'satisfied' }), 409, 'HOTLINE_CALLBACK_RECORDED');
    assert.ok(!(await queue('callback')).includes(t.id));
    assert.ok((await queue('reopen')).includes(t.id));

    // 回访 不满意 also allows 督办
    const sup = await ok(called, 'supervise', who.agent, { note: '来电人不满意，请重新核实' });
    const rep = await ok(sup, 'supervise-reply', who.approver, { reply: '将重新核实' });
    await refused(step(rep, 'reopen', who.approver, { reason: '自己重办' }), 403, 'HOTLINE_STEP_NOT_ALLOWED');
    const reopened = await ok(rep, 'reopen', who.agent, { reason: '来电人不满意：答复不具体' });
    assert.equal(reopened.status, 'dispatched');
    assert.equal((reopened.department as { id: string }).id, scjgj, 'the same department');
    assert.equal(reopened.reopenCount, 1);
    assert.equal(reopened.acceptDue, '2026-10-13');
    assert.equal(reopened.dueDate, '2026-10-15', 'Monday 10-12 + 3 working days');
    assert.equal(reopened.callback, null, 'a new round waits for its own 回访');
    await refused(step(reopened, 'reopen', who.agent, { reason: '再重办' }), 409, 'HOTLINE_STATUS_CONFLICT');
    await refused(step(reopened, 'callback', who.agent, { result: 'basic' }), 409, 'HOTLINE_STATUS_CONFLICT');
    const again = await ok(await ok(reopened, 'accept', who.approver), 'complete', who.approver, {
      reply: '已重新核实并书面答复。',
    });
    const second = await ok(again, 'callback', who.agent, { result: 'basic' });
    assert.equal((second.callback as { result: string }).result, 'basic');
    assert.ok(!(await queue('reopen')).includes(t.id));

    // two more: one satisfied, one completed late (extension refused) and not called back
    const other = await completed();
    await ok(other, 'callback', who.agent, { result: 'satisfied' });
    const late = await accepted();
    await at('2026-10-16T09:00:00+08:00');
    await ok(await read(late), 'complete', who.approver, { reply: '已答复（超期）' });
    const to = new Date(clock.nowMs() + 1000);
    await drain();

    const rows = await server.ctx.db.query<{ round: number; result: string; channel: string; department_name: string }>(
      `select round, result, channel, department_name from rating_hotline_callback where ticket_id = any($1::uuid[]) order by ticket_id, round`,
      [[t.id, other.id]],
    );
    assert.deepEqual(
      rows.map((r) => ({ ...r })),
      [
        { round: 0, result: 'unsatisfied', channel: 'hotline', department_name: '云浮市市场监督管理局' },
        { round: 1, result: 'basic', channel: 'hotline', department_name: '云浮市市场监督管理局' },
        { round: 0, result: 'satisfied', channel: 'hotline', department_name: '云浮市市场监督管理局' },
      ],
    );
    const results = await api(`/api/ratings/results?month=2026-10&regionCode=${CITY}&by=department&departmentId=${scjgj}`, {
      cookie: who.admin,
    });
    assert.equal(results.status, 200, JSON.stringify(results.body));
    assert.deepEqual(results.body.hotline.summary, {
      total: 3,
      satisfied: 1,
      basic: 1,
      unsatisfied: 1,
      satisfactionRate: 0.6667,
    });
    assert.deepEqual(
      results.body.hotline.groups.map((g: { key: string; total: number }) => [g.key, g.total]),
      [[scjgj, 3]],
    );
    // the 好差评 figures are the case ratings' alone
    assert.equal(results.body.summary.byChannel.hotline, 0);

    // hotlineRates over the period: completed 3 (t, other, late), on time 2, called back 2, satisfied 2 of 3, first time 2 of 3
    assert.deepEqual(await hotlineRates(server.ctx.db, { from, to, departmentId: scjgj }), {
      onTime: { numerator: 2, denominator: 3 },
      satisfied: { numerator: 2, denominator: 3 },
      calledBack: { numerator: 2, denominator: 3 },
      firstTime: { numerator: 2, denominator: 3 },
    });
    assert.deepEqual(await hotlineRates(server.ctx.db, { from, to, regionCode: '445381000000' }), {
      onTime: { numerator: 0, denominator: 0 },
      satisfied: { numerator: 0, denominator: 0 },
      calledBack: { numerator: 0, denominator: 0 },
      firstTime: { numerator: 0, denominator: 0 },
    });
  });
});

describe('短信回访', () => {
  const PHONE = '13912349876';
  let seq = 0;
  const reply = (text: string) => {
    const msg = { messageId: `hl-${clock.nowMs()}-${++seq}`, from: PHONE, text, sentAt: clock.now().toISOString() };
    const signed = signedInbound(server.ctx.config.masterKey, 'dev-inbox', msg);
    return api('/api/sms/inbound/dev-inbox', { method: 'POST', rawBody: signed.body, headers: signed.headers });
  };
  const lastSms = async () => {
    await drain();
    return (await api(`/api/dev/sms?phone=${PHONE}`)).body.items[0]?.text ?? '';
  };

  test('办结 sends the survey; the caller’s reply is recorded once as the 回访 (channel sms); a second reply is not, and says so', async () => {
    await at('2026-10-19T09:00:00+08:00');
    const t = await ok(await ok(await dispatched('help', PHONE), 'accept', who.approver), 'complete', who.approver, {
      reply: '已安排维修。',
    });
    assert.match(await lastSms(), /1满意 2基本满意 3不满意/);
    assert.equal((await reply('好')).status, 200);
    assert.match(await lastSms(), /未能识别/);
    assert.equal((await read(t)).callback, null, 'nothing recorded for a reply that is no 1–3');
    assert.equal((await reply('２ 修好了但等了两天')).status, 200);
    assert.match(await lastSms(), /基本满意/);
    const called = await read(t);
    assert.deepEqual(
      { result: called.callback.result, channel: called.callback.channel, note: called.callback.note },
      {
        result: 'basic',
        channel: 'sms',
        note: '修好了但等了两天',
      },
    );
    assert.ok(
      !(await api('/api/hotline/tickets?queue=callback&pageSize=100', { cookie: who.agent })).body.items.some(
        (x: T) => x.id === t.id,
      ),
    );
    assert.equal((await reply('3')).status, 200);
    assert.match(await lastSms(), /已记录/);
    assert.equal((await read(t)).callback.result, 'basic', 'the second reply changes nothing');
    await refused(step(called, 'callback', who.agent, { result: 'satisfied' }), 409, 'HOTLINE_CALLBACK_RECORDED');
    await drain();
    const fed = await server.ctx.db.query<{ result: string; channel: string }>(
      'select result, channel from rating_hotline_callback where ticket_id = $1',
      [t.id],
    );
    assert.deepEqual(
      fed.map((r) => ({ ...r })),
      [{ result: 'basic', channel: 'sms' }],
    );
  });
});
