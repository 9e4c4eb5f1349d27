import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CITIZEN_PASSWORD, CITY } from '../support/demo.ts';
import { systemToken } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// #16 points 1, 5 and 8, first part: one ticket model and creation path for every channel (the
// agent's phone intake, the citizen's portal, Open311 apps), numbering and query code, deadlines
// in working days, the suggestion from the responsibility catalogue (派单目录), the centre's
// dispatch or direct answer, the department's 签收 / 退回 / 办结 — and who sees what.
const YUNCHENG = '445302000000';
let server: TestServer;
const who: Record<'agent' | 'citizen' | 'other' | 'approver' | 'clerk' | 'admin', string> = {} as never;
let appKey = '';
let otherAppKey = '';
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const intake = (body: Record<string, unknown>, cookie = who.agent) =>
  api('/api/hotline/tickets', { method: 'POST', cookie, body });
const food = (extra: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  categoryCode: 'SC01',
  content: '某餐馆后厨卫生条件差，就餐后腹泻',
  place: { address: '云城区兴云东路18号', regionCode: YUNCHENG },
  caller: { name: '刘小明', phone: '13912345678' },
  ...extra,
});
const department = async (code: string) =>
  (await server.ctx.db.one<{ id: string; name: string }>('select id, name from department where code = $1', [code]))!;

before(async () => {
  server = await startTestServer();
  who.agent = await server.login('hotline');
  who.citizen = await server.login('13800000001', CITIZEN_PASSWORD);
  who.other = await server.login('13800000002', CITIZEN_PASSWORD);
  who.approver = await server.login('approver');
  who.clerk = await server.login('clerk');
  who.admin = await server.login('admin');
  appKey = (await systemToken(server, who.admin, 'yss-app', '粤省心应用')).authorization!.replace('Bearer ', '');
  otherAppKey = (await systemToken(server, who.admin, 'other-app', '另一应用')).authorization!.replace('Bearer ', '');
});
after(() => server.close());

describe('intake', () => {
  test('the categories: two levels, each second-level one a service', async () => {
    const { items } = (await api('/api/hotline/categories')).body;
    assert.ok(items.filter((c: { parentCode: string | null }) => !c.parentCode).length >= 12);
    assert.ok(items.filter((c: { parentCode: string | null }) => c.parentCode).length >= 50);
  });

  test('an agent takes a call: a number, a query code, the deadline by kind in working days, and the department the catalogue names, with why', async () => {
    const res = await intake(food());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { ticket, queryCode } = res.body;
    assert.match(ticket.number, /^\d{14}$/);
    assert.match(queryCode, /^\d{6}$/);
    assert.equal(ticket.channel, 'phone');
    assert.equal(ticket.status, 'new');
    assert.equal(ticket.categoryName, '食品安全');
    const county = await department('445302-SCJGJ');
    assert.equal(ticket.suggestion.department.id, county.id, 'the county has its own 市场监管局: the exception to the city');
    assert.ok(
      ticket.suggestion.reasons.some((r: string) => r.includes('派单目录')),
      JSON.stringify(ticket.suggestion),
    );
    assert.deepEqual(ticket.caller, { name: '刘小明', phone: '13912345678' }, 'the centre sees whom to call back');
    // a complaint: 13 working days, so more than 13 calendar days away
    const days = (Date.parse(ticket.dueDate) - Date.parse(ticket.createdAt.slice(0, 10))) / 86_400_000;
    assert.ok(days >= 13 && days <= 25, `${ticket.dueDate} from ${ticket.createdAt}`);
    const consult = (await intake(food({ kind: 'consultation', categoryCode: 'ZW01', place: { regionCode: CITY } }))).body.ticket;
    assert.ok(consult.dueDate < ticket.dueDate, 'a consultation is due sooner');
    assert.equal(consult.suggestion.department.id, (await department('445300-ZSJ')).id);
  });

  test('a citizen writes in from the portal: theirs alone, followed by number and code without signing in', async () => {
    const res = await intake(
      { kind: 'help', categoryCode: 'SW01', content: '小区连续两天停水', place: { regionCode: YUNCHENG } },
      who.citizen,
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { ticket, queryCode } = res.body;
    assert.equal(ticket.channel, 'portal');
    assert.equal(ticket.caller.name, '陈小云');
    const mine = (await api('/api/hotline/tickets', { cookie: who.citizen })).body.items;
    assert.ok(mine.some((t: { id: string }) => t.id === ticket.id));
    assert.ok(
      !(await api('/api/hotline/tickets', { cookie: who.other })).body.items.some((t: { id: string }) => t.id === ticket.id),
    );
    assert.equal((await api(`/api/hotline/tickets/${ticket.id}`, { cookie: who.other })).status, 404);
    const tracked = await api(`/api/hotline/track?number=${ticket.number}&code=${queryCode}`);
    assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
    assert.deepEqual([tracked.body.status, tracked.body.categoryName], ['new', '停水与水压']);
    const wrong = await api(`/api/hotline/track?number=${ticket.number}&code=${queryCode === '000000' ? '000001' : '000000'}`);
    assert.deepEqual([wrong.status, wrong.body.error.code], [404, 'HOTLINE_TICKET_NOT_FOUND']);
  });

  test('bad input and callers who may not post: stable codes, nothing written', async () => {
    const count = async () => (await server.ctx.db.one<{ n: number }>('select count(*)::int as n from hotline_ticket'))!.n;
    const before = await count();
    assert.deepEqual(
      [
        (await intake(food({ categoryCode: 'SC' }))).body.error.code,
        (await intake(food({ categoryCode: 'XX99' }))).body.error.code,
      ],
      ['HOTLINE_CATEGORY_UNKNOWN', 'HOTLINE_CATEGORY_UNKNOWN'],
      'a first-level category or none at all',
    );
    assert.equal((await intake(food({ place: { regionCode: '445399999000' } }))).body.error.code, 'HOTLINE_REGION_UNKNOWN');
    assert.equal((await intake(food({ place: { lat: 22.9 } }))).status, 400);
    assert.equal((await intake(food({ kind: 'rumour' }))).status, 400);
    assert.equal((await intake(food({ content: '   ' }))).status, 400);
    assert.equal((await intake(food({ content: 'a\u0000b' }))).status, 400);
    assert.equal((await intake(food(), '')).status, 401);
    assert.deepEqual(
      [(await intake(food(), who.approver)).status, (await intake(food(), who.approver)).body.error.code],
      [403, 'HOTLINE_CHANNEL_NOT_ALLOWED'],
    );
    const app = await api('/api/hotline/tickets', {
      method: 'POST',
      headers: { authorization: `Bearer ${appKey}` },
      body: food(),
    });
    assert.equal(app.body.error.code, 'HOTLINE_CHANNEL_NOT_ALLOWED', 'apps post through Open311');
    assert.equal(await count(), before);
  });
});

describe('dispatch and handling', () => {
  test('dispatched to 市场监管局: its staff see it with the caller masked, take it, finish it; the caller follows the reply', async () => {
    const { ticket, queryCode } = (await intake(food({ place: { regionCode: CITY, address: '云浮市区某路' } }))).body;
    const scjgj = await department('445300-SCJGJ');
    const sent = await api(`/api/hotline/tickets/${ticket.id}/dispatch`, {
      method: 'POST',
      cookie: who.agent,
      body: { version: ticket.version, departmentId: scjgj.id },
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.status, 'dispatched');
    assert.ok(sent.body.acceptDue, '签收 due within a working day');
    const listed = (await api('/api/hotline/tickets', { cookie: who.approver })).body.items.find(
      (t: { id: string }) => t.id === ticket.id,
    );
    assert.ok(listed, 'in the department inbox');
    const seen = (await api(`/api/hotline/tickets/${ticket.id}`, { cookie: who.approver })).body;
    assert.deepEqual(seen.caller, { name: '刘**', phone: '139****5678' });
    assert.equal(seen.suggestion, null, 'the suggestion is the centre’s');
    assert.equal((await api(`/api/hotline/tickets/${ticket.id}`, { cookie: who.clerk })).status, 404, 'another department');
    const early = await api(`/api/hotline/tickets/${ticket.id}/complete`, {
      method: 'POST',
      cookie: who.approver,
      body: { version: seen.version, reply: '已处理' },
    });
    assert.deepEqual([early.status, early.body.error.code], [409, 'HOTLINE_STATUS_CONFLICT'], '办结 only after 签收');
    const stale = await api(`/api/hotline/tickets/${ticket.id}/accept`, {
      method: 'POST',
      cookie: who.approver,
      body: { version: seen.version - 1 },
    });
    assert.deepEqual([stale.status, stale.body.error.code], [409, 'VERSION_CONFLICT']);
    const taken = await api(`/api/hotline/tickets/${ticket.id}/accept`, {
      method: 'POST',
      cookie: who.approver,
      body: { version: seen.version },
    });
    assert.equal(taken.body.status, 'accepted');
    const byAgent = await api(`/api/hotline/tickets/${ticket.id}/complete`, {
      method: 'POST',
      cookie: who.agent,
      body: { version: taken.body.version, reply: 'x' },
    });
    assert.deepEqual([byAgent.status, byAgent.body.error.code], [403, 'HOTLINE_STEP_NOT_ALLOWED']);
    const done = await api(`/api/hotline/tickets/${ticket.id}/complete`, {
      method: 'POST',
      cookie: who.approver,
      body: { version: taken.body.version, reply: '经现场检查，责令该餐馆停业整改并处罚款。' },
    });
    assert.equal(done.body.status, 'completed');
    const tracked = (await api(`/api/hotline/track?number=${ticket.number}&code=${queryCode}`)).body;
    assert.equal(tracked.reply, '经现场检查，责令该餐馆停业整改并处罚款。');
    assert.deepEqual(
      tracked.history.map((h: { action: string }) => h.action),
      ['created', 'dispatch', 'accept', 'complete'],
    );
  });

  test('a department gives a ticket back with its reason; the centre dispatches it again', async () => {
    const { ticket } = (await intake(food({ place: { regionCode: CITY } }))).body;
    const scjgj = await department('445300-SCJGJ');
    const sent = (
      await api(`/api/hotline/tickets/${ticket.id}/dispatch`, {
        method: 'POST',
        cookie: who.agent,
        body: { version: ticket.version, departmentId: scjgj.id },
      })
    ).body;
    const back = await api(`/api/hotline/tickets/${ticket.id}/return`, {
      method: 'POST',
      cookie: who.approver,
      body: { version: sent.version, reason: '属卫生健康部门职责' },
    });
    assert.equal(back.body.status, 'returned');
    assert.equal((await api(`/api/hotline/tickets/${ticket.id}`, { cookie: who.approver })).status, 404, 'no longer theirs');
    const centre = (await api(`/api/hotline/tickets/${ticket.id}`, { cookie: who.agent })).body;
    assert.ok(
      centre.history.some((h: { action: string; note: string }) => h.action === 'return' && h.note === '属卫生健康部门职责'),
    );
    const wjj = await department('445300-WJJ');
    const again = await api(`/api/hotline/tickets/${ticket.id}/dispatch`, {
      method: 'POST',
      cookie: who.agent,
      body: { version: centre.version, departmentId: wjj.id },
    });
    assert.equal(again.body.department.id, wjj.id);
    const county = await department('445302-SCJGJ');
    const elsewhere = (await intake(food({ place: { regionCode: '445381000000' } }))).body.ticket;
    const outside = await api(`/api/hotline/tickets/${elsewhere.id}/dispatch`, {
      method: 'POST',
      cookie: who.agent,
      body: { version: elsewhere.version, departmentId: county.id },
    });
    assert.deepEqual(
      [outside.status, outside.body.error.code],
      [422, 'HOTLINE_DEPARTMENT_OUT_OF_REGION'],
      '云城区 does not serve 罗定市',
    );
  });

  test('the centre answers at once (直接答复): closed at intake', async () => {
    const { ticket } = (await intake({ kind: 'consultation', categoryCode: 'ZW01', content: '身份证补领需要带什么材料？' })).body;
    const answered = await api(`/api/hotline/tickets/${ticket.id}/answer`, {
      method: 'POST',
      cookie: who.agent,
      body: { version: ticket.version, reply: '携带户口簿到户籍窗口办理。' },
    });
    assert.deepEqual([answered.body.status, answered.body.answeredAtIntake], ['closed', true]);
    const twice = await api(`/api/hotline/tickets/${ticket.id}/answer`, {
      method: 'POST',
      cookie: who.agent,
      body: { version: answered.body.version, reply: '再答' },
    });
    assert.equal(twice.body.error.code, 'HOTLINE_STATUS_CONFLICT');
  });

  test('转现场处置: the centre hands on-site work to city governance through the documented event, once, without the caller', async () => {
    const { ticket } = (await intake(food({ content: '兴云东路18号门前井盖缺失，夜间很危险' }))).body;
    const onsite = (body: Record<string, unknown>, cookie = who.agent, id = ticket.id) =>
      api(`/api/hotline/tickets/${id}/onsite`, { method: 'POST', cookie, body });
    // another department does not even see it, nor a citizen; a ticket without a place cannot be gone to
    const dispatched = (
      await api(`/api/hotline/tickets/${ticket.id}/dispatch`, {
        method: 'POST',
        cookie: who.agent,
        body: { version: ticket.version, departmentId: ticket.suggestion.department.id },
      })
    ).body;
    assert.equal((await onsite({ version: dispatched.version }, who.approver)).status, 404);
    assert.equal((await onsite({ version: dispatched.version }, who.citizen)).status, 404);
    const nowhere = (await intake({ kind: 'help', categoryCode: 'CG01', content: '路灯不亮' })).body.ticket;
    const noPlace = await onsite({ version: nowhere.version }, who.agent, nowhere.id);
    assert.deepEqual([noPlace.status, noPlace.body.error.code], [422, 'HOTLINE_ONSITE_PLACE_MISSING']);

    const handed = await onsite({ version: dispatched.version, note: '请网格员现场核实并设置警示' });
    assert.equal(handed.status, 200, JSON.stringify(handed.body));
    assert.ok(handed.body.onsiteRequestedAt);
    assert.equal(handed.body.status, 'dispatched', 'the department still answers the caller');
    const again = await onsite({ version: handed.body.version });
    assert.deepEqual([again.status, again.body.error.code], [409, 'HOTLINE_ONSITE_REQUESTED']);

    const events = await server.ctx.db.query<{ payload: Record<string, unknown> }>(
      `select payload from outbox_event where topic = 'hotline.onsite_requested' and payload->>'ticketId' = $1`,
      [ticket.id],
    );
    assert.equal(events.length, 1);
    const e = events[0]!.payload;
    assert.deepEqual(
      [e.number, e.categoryCode, e.regionCode, e.address, e.note, e.departmentId],
      [ticket.number, 'SC01', YUNCHENG, '云城区兴云东路18号', '请网格员现场核实并设置警示', ticket.suggestion.department.id],
    );
    assert.ok(!JSON.stringify(e).includes('13912345678') && !JSON.stringify(e).includes('刘小明'), 'never the caller');
    const history = (await api(`/api/hotline/tickets/${ticket.id}`, { cookie: who.agent })).body.history;
    assert.ok(history.some((h: { action: string }) => h.action === 'onsite'));
  });

  test('an anonymous report never shows the caller to the department; the centre keeps whom to call back', async () => {
    const { ticket } = (await intake(food({ kind: 'report', anonymous: true, place: { regionCode: CITY } }))).body;
    const scjgj = await department('445300-SCJGJ');
    await api(`/api/hotline/tickets/${ticket.id}/dispatch`, {
      method: 'POST',
      cookie: who.agent,
      body: { version: ticket.version, departmentId: scjgj.id },
    });
    assert.equal((await api(`/api/hotline/tickets/${ticket.id}`, { cookie: who.approver })).body.caller, null);
    assert.equal((await api(`/api/hotline/tickets/${ticket.id}`, { cookie: who.agent })).body.caller.phone, '13912345678');
    const stored = await server.ctx.db.one<{ text: string }>(
      'select row_to_json(t)::text as text from hotline_ticket t where id = $1',
      [ticket.id],
    );
    assert.ok(!stored!.text.includes('13912345678') && !stored!.text.includes('刘小明'), 'the caller encrypted at rest');
  });

  test('the centre finds a caller’s history by phone; nobody else may', async () => {
    const history = (await api('/api/hotline/tickets?callerPhone=13912345678', { cookie: who.agent })).body;
    assert.ok(history.total >= 3, JSON.stringify(history.total));
    assert.ok(
      history.items.every((t: { caller: { phone: string } | null }) => !t.caller || t.caller.phone.includes('*')),
      'masked in lists',
    );
    assert.equal(
      (await api('/api/hotline/tickets?callerPhone=13912345678', { cookie: who.approver })).body.error.code,
      'HOTLINE_CALLER_LOOKUP_CENTRE_ONLY',
    );
  });
});

describe('Open311 GeoReport v2', () => {
  const post = (form: Record<string, string>) =>
    api('/open311/v2/requests.json', {
      method: 'POST',
      rawBody: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  test('services are the second-level categories', async () => {
    const services = (await api('/open311/v2/services.json')).body;
    const food311 = services.find((s: { service_code: string }) => s.service_code === 'SC01');
    assert.deepEqual(
      [food311.service_name, food311.group, food311.type, food311.metadata],
      ['食品安全', '市场监管', 'realtime', true],
    );
    const definition = (await api('/open311/v2/services/SC01.json')).body;
    assert.equal(definition.service_code, 'SC01');
    const kind = definition.attributes.find((a: { code: string }) => a.code === 'kind');
    assert.deepEqual(
      kind.values.map((v: { key: string }) => v.key),
      ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'],
    );
    const unknown = await api('/open311/v2/services/SC.json');
    assert.equal(unknown.status, 404, 'a first-level category is no service');
    assert.ok(String(unknown.body[0].description).startsWith('OPEN311_SERVICE_UNKNOWN'));
  });

  test('an app posts a request with its api_key: the same ticket path; read back by it alone; the same key twice is one ticket', async () => {
    const form = {
      api_key: appKey,
      service_code: 'CG01',
      description: '人行道被摊贩占用',
      lat: '22.9165',
      long: '112.0446',
      address_string: '云城区人民路',
      jurisdiction_id: YUNCHENG,
      'attribute[idempotency_key]': 'yss-000000001',
    };
    const created = await post(form);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body[0].service_request_id;
    assert.match(id, /^\d{14}$/);
    assert.equal((await post(form)).body[0].service_request_id, id, 'posted twice, one ticket');
    const ticket = await server.ctx.db.one<{ channel: string; status: string; suggested: string | null }>(
      'select channel, status, suggested_department_id as suggested from hotline_ticket where number = $1',
      [id],
    );
    assert.deepEqual([ticket!.channel, ticket!.status], ['open311', 'new']);
    assert.ok(ticket!.suggested, 'classified and suggested like any ticket');
    const read = await api(`/open311/v2/requests/${id}.json?api_key=${appKey}`);
    assert.deepEqual([read.status, read.body[0].status, read.body[0].lat], [200, 'open', 22.9165]);
    assert.equal((await api(`/open311/v2/requests/${id}.json?api_key=${otherAppKey}`)).status, 404, 'another app');
    const list = (await api(`/open311/v2/requests.json?api_key=${appKey}&status=open`)).body;
    assert.ok(list.some((r: { service_request_id: string }) => r.service_request_id === id));
  });

  test('errors are the spec’s array with our codes', async () => {
    const base = { api_key: appKey, service_code: 'CG01', description: '占道', address_string: '人民路' };
    const cases: [Record<string, string>, number, string][] = [
      [{ ...base, api_key: '' }, 403, 'OPEN311_API_KEY_INVALID'],
      [{ ...base, api_key: 'not-a-token-at-all-000000' }, 403, 'OPEN311_API_KEY_INVALID'],
      [{ ...base, service_code: 'ZZ99' }, 422, 'HOTLINE_CATEGORY_UNKNOWN'],
      [{ ...base, service_code: '' }, 400, 'OPEN311_SERVICE_CODE_MISSING'],
      [{ ...base, lat: '95', long: '112' }, 400, 'OPEN311_COORDINATES_INVALID'],
      [{ ...base, lat: '22.9' }, 400, 'OPEN311_COORDINATES_INVALID'],
      [{ api_key: appKey, service_code: 'CG01', description: '占道' }, 400, 'OPEN311_LOCATION_MISSING'],
    ];
    for (const [form, status, code] of cases) {
      const res = await post(form);
      assert.equal(res.status, status, `${code}: ${JSON.stringify(res.body)}`);
      assert.ok(Array.isArray(res.body) && String(res.body[0].description).startsWith(code), JSON.stringify(res.body));
      assert.equal(res.body[0].code, status);
    }
  });
});
