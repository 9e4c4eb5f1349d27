import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as clock from '../../src/kernel/clock.ts';
import { HOTLINE_SMS_NUMBER, retrainClassifier } from '../../src/modules/hotline/index.ts';
import { signedInbound } from '../../src/modules/identity/index.ts';
import { CITIZEN_PASSWORD, CITY } from '../support/demo.ts';
import { sendFile } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// #16 points 1 and 2 (intake): duplicates of an open matter found while the agent types and at
// intake, with why; 合并 into the open ticket (its caller follows the main one, a department
// never sees the other caller); photos a citizen attaches (checked by their bytes, counted,
// nothing written when refused); a text to 12345's SMS number becomes a ticket of channel sms.
const YUNCHENG = '445302000000';
const CALLER = '13923456789';
const OTHER_CALLER = '13587654321';
const CITIZEN = '13800000001';
let server: TestServer;
const who: Record<'agent' | 'citizen' | 'other' | 'approver' | 'clerk', string> = {} as never;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const intake = (body: Record<string, unknown>, cookie = who.agent) =>
  api('/api/hotline/tickets', { method: 'POST', cookie, body });
const smoke = (extra: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  categoryCode: 'HJ01',
  content: '兴云东路18号的烧烤店每天晚上油烟很大，熏得楼上住户没法开窗',
  place: { address: '云城区兴云东路18号', regionCode: YUNCHENG, lat: 22.9251, lng: 112.0452 },
  caller: { name: '黄小芳', phone: CALLER },
  ...extra,
});
const duplicates = (body: Record<string, unknown>, cookie = who.agent) =>
  api('/api/hotline/tickets/duplicates', { method: 'POST', cookie, body });
const act = (id: string, step: string, body: Record<string, unknown>, cookie = who.agent) =>
  api(`/api/hotline/tickets/${id}/${step}`, { method: 'POST', cookie, body });
const department = async (code: string) =>
  (await server.ctx.db.one<{ id: string }>('select id from department where code = $1', [code]))!.id;
const count = async (table: string) => (await server.ctx.db.one<{ n: number }>(`select count(*)::int as n from ${table}`))!.n;

before(async () => {
  server = await startTestServer();
  who.agent = await server.login('hotline');
  who.citizen = await server.login(CITIZEN, CITIZEN_PASSWORD);
  who.other = await server.login('13800000002', CITIZEN_PASSWORD);
  who.approver = await server.login('approver');
  who.clerk = await server.login('clerk');
});
after(() => server.close());

describe('duplicates', () => {
  test('at intake the agent is shown the open ticket of the same caller and place saying the same thing, with why', async () => {
    const first = (await intake(smoke())).body.ticket;
    const again = await intake(smoke({ content: '兴云东路18号烧烤店油烟太大，楼上住户无法开窗' }));
    assert.equal(again.status, 201, JSON.stringify(again.body));
    const found = again.body.duplicates.find((d: { id: string }) => d.id === first.id);
    assert.ok(found, JSON.stringify(again.body.duplicates));
    assert.deepEqual(found.reasons, ['same_caller', 'same_place', 'similar_text']);
    assert.ok(found.similarity >= 0.3 && found.similarity <= 1, String(found.similarity));
    assert.equal(found.distance, 0);
    assert.ok(!again.body.duplicates.some((d: { id: string }) => d.id === again.body.ticket.id), 'never itself');
  });

  test('while typing: another caller 60 m away about the same thing is the same place; other words or another place are not', async () => {
    const first = (await intake(smoke({ content: '人民路与兴云东路交界处井盖缺失，晚上很危险', categoryCode: 'CG01' }))).body
      .ticket;
    // about 60 m north of the first ticket's point, another caller, no address
    const near = { regionCode: YUNCHENG, lat: 22.9256, lng: 112.0452 };
    const same = await duplicates({
      content: '人民路与兴云东路交界有个井盖丢了，晚上很危险',
      callerPhone: OTHER_CALLER,
      place: near,
    });
    assert.equal(same.status, 200, JSON.stringify(same.body));
    const hit = same.body.items.find((d: { id: string }) => d.id === first.id);
    assert.deepEqual(hit?.reasons, ['same_place', 'similar_text'], JSON.stringify(same.body.items));
    assert.ok(hit.distance > 40 && hit.distance < 80, String(hit.distance));
    const otherWords = await duplicates({ content: '小区门口路灯坏了一个星期没人修', callerPhone: OTHER_CALLER, place: near });
    assert.ok(!otherWords.body.items.some((d: { id: string }) => d.id === first.id), 'the same place, another matter');
    const far = await duplicates({
      content: '人民路与兴云东路交界有个井盖丢了，晚上很危险',
      callerPhone: OTHER_CALLER,
      place: { regionCode: YUNCHENG, lat: 22.935, lng: 112.0452 },
    });
    assert.ok(!far.body.items.some((d: { id: string }) => d.id === first.id), 'a kilometre away is another place');
    const outsideWindow = await server.ctx.db.one<{ n: number }>(
      "select count(*)::int as n from hotline_ticket where created_at < clock_now() - interval '7 days'",
    );
    assert.equal(outsideWindow!.n, 0, 'all tickets of this run are within the window');
  });

  test('only the centre looks: departments and citizens are refused', async () => {
    const body = { content: '兴云东路烧烤店油烟扰民', callerPhone: CALLER };
    for (const cookie of [who.approver, who.citizen]) {
      const res = await duplicates(body, cookie);
      assert.deepEqual([res.status, res.body.error.code], [403, 'HOTLINE_DUPLICATES_CENTRE_ONLY']);
    }
    assert.equal((await duplicates(body, '')).status, 401);
    const portal = await intake(
      { kind: 'complaint', categoryCode: 'HJ01', content: smoke().content, place: smoke().place },
      who.citizen,
    );
    assert.equal(portal.status, 201, JSON.stringify(portal.body));
    assert.deepEqual(portal.body.duplicates, [], 'a citizen is never shown other callers’ tickets');
  });
});

describe('merge (合并)', () => {
  test('a new ticket merged into the open one: closed as merged, its caller follows the main ticket; the department sees no other caller', async () => {
    const main = (await intake(smoke({ content: '云城区河滨路垃圾桶满了三天没人清运，臭味很大', categoryCode: 'CG01' }))).body
      .ticket;
    const created = (
      await intake(
        smoke({
          content: '河滨路垃圾桶三天没人清运，臭味很大',
          categoryCode: 'CG01',
          caller: { name: '林大伟', phone: OTHER_CALLER },
        }),
      )
    ).body;
    const dup = created.ticket;
    assert.ok(
      created.duplicates.some((d: { id: string }) => d.id === main.id),
      'offered at intake',
    );
    const merged = await act(dup.id, 'merge', { version: dup.version, intoId: main.id });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    assert.equal(merged.body.status, 'merged');
    assert.deepEqual([merged.body.mergedInto.number, merged.body.mergedInto.status], [main.number, 'new']);
    const mainSeen = (await api(`/api/hotline/tickets/${main.id}`, { cookie: who.agent })).body;
    assert.deepEqual(
      mainSeen.history.filter((h: { action: string }) => h.action === 'merged_in').map((h: { note: string }) => h.note),
      [dup.number],
      'the main ticket lists the merged one',
    );
    // the main ticket goes to the county's 城管 and is finished: the merged caller follows it
    const sent = await act(main.id, 'dispatch', { version: mainSeen.version, departmentId: mainSeen.suggestion.department.id });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    const tracked = (await api(`/api/hotline/track?number=${dup.number}&code=${created.queryCode}`)).body;
    assert.equal(tracked.status, 'merged');
    assert.deepEqual([tracked.mergedInto.number, tracked.mergedInto.status], [main.number, 'dispatched']);
    assert.ok(tracked.mergedInto.department, 'the department handling the main ticket');
    const inDb = await server.ctx.db.one<{ merged_into_id: string }>('select merged_into_id from hotline_ticket where id = $1', [
      dup.id,
    ]);
    assert.equal(inDb!.merged_into_id, main.id);
  });

  test('refusals: into itself 422, into a finished ticket 409, a dispatched ticket 409, a department 403 — nothing changes', async () => {
    const open = (await intake(smoke({ content: '兴云东路公交站站牌倒了', categoryCode: 'CG01' }))).body.ticket;
    const dup = (await intake(smoke({ content: '兴云东路公交站站牌倒在地上', categoryCode: 'CG01' }))).body.ticket;
    const itself = await act(dup.id, 'merge', { version: dup.version, intoId: dup.id });
    assert.deepEqual([itself.status, itself.body.error.code], [422, 'HOTLINE_MERGE_INTO_ITSELF']);
    const answered = (await intake(smoke({ content: '咨询兴云东路公交线路', kind: 'consultation', categoryCode: 'CG01' }))).body
      .ticket;
    await act(answered.id, 'answer', { version: answered.version, reply: '请拨打公交热线查询' });
    const intoClosed = await act(dup.id, 'merge', { version: dup.version, intoId: answered.id });
    assert.deepEqual([intoClosed.status, intoClosed.body.error.code], [409, 'HOTLINE_MERGE_TARGET_CLOSED']);
    const unknown = await act(dup.id, 'merge', { version: dup.version, intoId: '01900000-0000-7000-8000-000000000000' });
    assert.equal(unknown.status, 404);
    // a ticket dispatched to 市场监管局: its staff may not merge it, nor may the centre any more
    const scjgj = await department('445300-SCJGJ');
    const food = (await intake(smoke({ content: '某餐馆卖过期食品', categoryCode: 'SC01', place: { regionCode: CITY } }))).body
      .ticket;
    const sent = (await act(food.id, 'dispatch', { version: food.version, departmentId: scjgj })).body;
    const byDepartment = await act(food.id, 'merge', { version: sent.version, intoId: open.id }, who.approver);
    assert.deepEqual([byDepartment.status, byDepartment.body.error.code], [403, 'HOTLINE_STEP_NOT_ALLOWED']);
    const dispatched = await act(food.id, 'merge', { version: sent.version, intoId: open.id });
    assert.deepEqual([dispatched.status, dispatched.body.error.code], [409, 'HOTLINE_STATUS_CONFLICT']);
    const stale = await act(dup.id, 'merge', { version: dup.version + 1, intoId: open.id });
    assert.deepEqual([stale.status, stale.body.error.code], [409, 'VERSION_CONFLICT']);
    const after = await server.ctx.db.one<{ status: string; version: number; merged_into_id: string | null }>(
      'select status, version, merged_into_id from hotline_ticket where id = $1',
      [dup.id],
    );
    assert.deepEqual({ ...after }, { status: 'new', version: dup.version, merged_into_id: null }, 'nothing written');
    assert.equal((await api(`/api/hotline/tickets/${dup.id}`, { cookie: who.citizen })).status, 404, 'not the citizen’s');
  });

  test('the department handling the main ticket sees the merged ticket’s number only, never its caller', async () => {
    const scjgj = await department('445300-SCJGJ');
    const place = { regionCode: CITY, address: '云浮市区新市街1号' };
    const main = (await intake(smoke({ content: '新市街1号超市卖变质猪肉', categoryCode: 'SC01', place }))).body.ticket;
    const dup = (
      await intake(
        smoke({
          content: '新市街1号超市卖的猪肉变质了',
          categoryCode: 'SC01',
          place,
          caller: { name: '周秘密', phone: OTHER_CALLER },
        }),
      )
    ).body.ticket;
    assert.equal((await act(dup.id, 'merge', { version: dup.version, intoId: main.id })).status, 200);
    assert.equal((await act(main.id, 'dispatch', { version: main.version, departmentId: scjgj })).status, 200);
    const seen = await api(`/api/hotline/tickets/${main.id}`, { cookie: who.approver });
    assert.equal(seen.status, 200, JSON.stringify(seen.body));
    const text = JSON.stringify(seen.body);
    assert.ok(!text.includes('周') && !text.includes(OTHER_CALLER) && !text.includes('4321'), 'no trace of the other caller');
    assert.ok(seen.body.history.some((h: { action: string; note: string }) => h.action === 'merged_in' && h.note === dup.number));
    assert.equal(
      (await api(`/api/hotline/tickets/${dup.id}`, { cookie: who.approver })).status,
      404,
      'the merged ticket is not theirs',
    );
  });
});

// Images as their magic bytes say: the upload checks the content, never the name or header.
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 2)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(200, 3)]);
const upload = (cookie: string, content: Buffer) => sendFile(server, cookie, '/api/hotline/photos', content);

describe('photos', () => {
  const portal = (photoIds: string[]) => ({
    kind: 'help',
    categoryCode: 'CG01',
    content: '小区门口的路灯坏了，晚上很黑',
    place: { regionCode: YUNCHENG, address: '云城区星岩四路' },
    photoIds,
  });

  test('a citizen attaches jpeg, png and webp photos; the centre, the department and the caller see them, nobody else', async () => {
    const ids: string[] = [];
    for (const content of [JPEG, PNG, WEBP]) {
      const res = await upload(who.citizen, content);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids.push(res.body.id);
    }
    const created = await intake(portal(ids), who.citizen);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const ticket = created.body.ticket;
    assert.deepEqual(
      ticket.photos.map((p: { mime: string }) => p.mime),
      ['image/jpeg', 'image/png', 'image/webp'],
    );
    const photo = (cookie: string, id = ids[0]) =>
      fetch(`${server.url}/api/hotline/tickets/${ticket.id}/photos/${id}`, { headers: { cookie } });
    const mine = await photo(who.citizen);
    assert.equal(mine.status, 200);
    assert.equal(mine.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(Buffer.from(await mine.arrayBuffer()), JPEG);
    assert.equal((await photo(who.agent, ids[2])).status, 200);
    assert.equal((await photo(who.other)).status, 404, 'another citizen');
    assert.equal((await photo(who.approver)).status, 404, 'not dispatched to them');
    const cg = (await api(`/api/hotline/tickets/${ticket.id}`, { cookie: who.agent })).body;
    const sent = await act(ticket.id, 'dispatch', { version: cg.version, departmentId: cg.suggestion.department.id });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal((await photo(who.clerk)).status, 404, 'another department');
    const reused = await intake(portal([ids[0]!]), who.citizen);
    assert.deepEqual([reused.status, reused.body.error.code], [422, 'HOTLINE_PHOTO_UNKNOWN'], 'already sent with a ticket');
  });

  test('wrong type, too large, empty, too many, someone else’s: stable codes, nothing written', async () => {
    const photos = await count('hotline_photo');
    const gif = await upload(who.citizen, Buffer.from('GIF89a' + 'x'.repeat(100)));
    assert.deepEqual([gif.status, gif.body.error.code], [415, 'HOTLINE_PHOTO_TYPE_REFUSED']);
    const renamedPdf = await upload(who.citizen, Buffer.from('%PDF-1.4 not a photo'));
    assert.deepEqual([renamedPdf.status, renamedPdf.body.error.code], [415, 'HOTLINE_PHOTO_TYPE_REFUSED']);
    const big = await upload(who.citizen, Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]));
    assert.deepEqual([big.status, big.body.error.code], [413, 'HOTLINE_PHOTO_TOO_LARGE']);
    const huge = await upload(who.citizen, Buffer.concat([JPEG, Buffer.alloc(11 * 1024 * 1024)]));
    assert.deepEqual([huge.status, huge.body.error.code], [413, 'PAYLOAD_TOO_LARGE'], 'not read beyond twice the limit');
    const empty = await upload(who.citizen, Buffer.alloc(0));
    assert.deepEqual([empty.status, empty.body.error.code], [422, 'HOTLINE_PHOTO_EMPTY']);
    assert.equal((await upload('', JPEG)).status, 401);
    assert.deepEqual((await upload(who.approver, JPEG)).body.error.code, 'HOTLINE_CHANNEL_NOT_ALLOWED');
    assert.equal(await count('hotline_photo'), photos, 'no refused photo recorded');

    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await upload(who.citizen, JPEG)).body.id);
    const tickets = await count('hotline_ticket');
    const tooMany = await intake(portal(ids), who.citizen);
    assert.deepEqual([tooMany.status, tooMany.body.error.code], [422, 'HOTLINE_PHOTO_TOO_MANY']);
    const othersPhoto = (await upload(who.other, PNG)).body.id;
    const notMine = await intake(portal([ids[0]!, othersPhoto]), who.citizen);
    assert.deepEqual([notMine.status, notMine.body.error.code], [422, 'HOTLINE_PHOTO_UNKNOWN']);
    assert.equal(await count('hotline_ticket'), tickets, 'no ticket written');
    const attached = await server.ctx.db.one<{ n: number }>(
      'select count(*)::int as n from hotline_photo where id = any($1) and ticket_id is not null',
      [[...ids, othersPhoto]],
    );
    assert.equal(attached!.n, 0, 'the photos stay unattached');
    const fine = await intake(portal(ids.slice(0, 4)), who.citizen);
    assert.equal(fine.status, 201, 'four is the limit');
  });
});

describe('SMS to 12345', () => {
  let seq = 0;
  const text = (
    from: string,
    body: string,
    messageId = `hl-${clock.nowMs()}-${++seq}`,
    to: string | null = HOTLINE_SMS_NUMBER,
  ) => {
    const signed = signedInbound(server.ctx.config.masterKey, 'dev-inbox', {
      messageId,
      from,
      text: body,
      sentAt: clock.now().toISOString(),
      ...(to ? { to } : {}),
    });
    return api('/api/sms/inbound/dev-inbox', { method: 'POST', rawBody: signed.body, headers: signed.headers });
  };
  const inbox = async (phone: string): Promise<string[]> => {
    while ((await server.deliverEvents()) > 0);
    return (await api(`/api/dev/sms?phone=${phone}`)).body.items.map((m: { text: string }) => m.text);
  };

  test('a text becomes a ticket of channel sms; the sender gets the number and query code; a redelivery is one ticket', async () => {
    // the text is read in the event's transaction, by the model as held: have one
    await retrainClassifier(server.ctx);
    const before = (await inbox(CITIZEN)).length;
    const messageId = `hl-once-${clock.nowMs()}`;
    assert.equal((await text(`+86${CITIZEN}`, '星岩四路的下水道堵了，污水漫到路面上', messageId)).status, 200);
    assert.deepEqual((await text(CITIZEN, '星岩四路的下水道堵了，污水漫到路面上', messageId)).body.duplicate, true);
    const messages = await inbox(CITIZEN);
    assert.equal(messages.length, before + 1, 'one answer, from 12345 only (ratings leaves texts to 12345 alone)');
    const m = /工单编号 (\d{14})，查询码 (\d{6})/.exec(messages[0]!);
    assert.ok(m, messages[0]);
    const tracked = await api(`/api/hotline/track?number=${m[1]}&code=${m[2]}`);
    assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
    assert.deepEqual([tracked.body.status, tracked.body.categoryName], ['new', null]);
    const rows = await server.ctx.db.query<{ id: string; channel: string; category_code: string | null; kind: string }>(
      `select id, channel, category_code, kind from hotline_ticket where number = $1`,
      [m[1]],
    );
    assert.deepEqual(
      rows.map((r) => [r.channel, r.category_code, r.kind]),
      [['sms', null, 'help']],
    );
    const mine = (await api('/api/hotline/tickets', { cookie: who.citizen })).body.items;
    assert.ok(
      mine.some((t: { number: string }) => t.number === m[1]),
      'the registered sender finds it in 我的诉求',
    );

    // the centre classifies it as it dispatches: a category is required, the deadline follows the kind settled on
    const seen = (await api(`/api/hotline/tickets/${rows[0]!.id}`, { cookie: who.agent })).body;
    assert.deepEqual([seen.channel, seen.caller.phone, seen.suggestion.department], ['sms', CITIZEN, null]);
    // no category, so no 派单目录 department: the classifier's hint of what the text is about
    assert.ok(seen.suggestion.classifier, JSON.stringify(seen.suggestion));
    assert.match(seen.suggestion.reasons[0], /^文本分类：内容像“.+”（置信度 \d+%）/);
    const cgj = (await server.ctx.db.one<{ id: string }>(
      "select id from department where code like '445300-%' order by code limit 1",
    ))!.id;
    const unclassified = await act(seen.id, 'dispatch', { version: seen.version, departmentId: cgj });
    assert.deepEqual([unclassified.status, unclassified.body.error.code], [422, 'HOTLINE_CATEGORY_REQUIRED']);
    const badCategory = await act(seen.id, 'dispatch', { version: seen.version, departmentId: cgj, categoryCode: 'CG' });
    assert.deepEqual([badCategory.status, badCategory.body.error.code], [422, 'HOTLINE_CATEGORY_UNKNOWN']);
    const sent = await act(seen.id, 'dispatch', {
      version: seen.version,
      departmentId: cgj,
      categoryCode: 'SW01',
      kind: 'complaint',
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.deepEqual([sent.body.status, sent.body.categoryCode, sent.body.kind], ['dispatched', 'SW01', 'complaint']);
    assert.ok(sent.body.dueDate > seen.dueDate, 'a complaint has 13 working days, a request for help 5');
  });

  test('an empty text gets how to write in and no ticket; a text to the platform’s own number is not a ticket', async () => {
    const tickets = await count('hotline_ticket');
    assert.equal((await text(OTHER_CALLER, '   ')).status, 200);
    const answers = await inbox(OTHER_CALLER);
    assert.match(answers[0]!, /请直接发送您要反映的问题/);
    assert.equal((await text(OTHER_CALLER, '路灯坏了', undefined, null)).status, 200);
    await inbox(OTHER_CALLER);
    assert.equal(await count('hotline_ticket'), tickets);
    const badTo = await text(OTHER_CALLER, '路灯坏了', undefined, '12a45');
    assert.deepEqual([badTo.status, badTo.body.error.code], [400, 'SMS_INBOUND_INVALID']);
  });
});
