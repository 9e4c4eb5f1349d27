// 上行短信: a rater answers the rating invitation SMS with 1–5. The carrier calls our signed
// callback, retries (same message id), may deliver out of order; identity hands the reply to
// ratings through the outbox, and every reply that records nothing gets a help SMS back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signedInbound } from '../../src/modules/identity/index.ts';
import { CITIZEN_PASSWORD as PASSWORD, IMMEDIATE } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import * as clock from '../../src/kernel/clock.ts';

const PHONE = '13800000001';
const PHONE2 = '13800000002';
const GATEWAY = 'dev-inbox';

let server: TestServer;
const cookies = {} as Record<'citizen' | 'citizen2' | 'clerk', string>;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
let seq = 0;

async function drain() {
  while ((await server.deliverEvents()) > 0);
}

/** A finished case of the citizen (IMMEDIATE completes at acceptance), its invitation SMS sent. */
async function finishedCase(cookie = cookies.citizen): Promise<{ id: string; number: string }> {
  const form = { entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云', agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: PHONE, reason: '遗失补领' };
  const draft = await api('/api/cases', { method: 'POST', cookie, body: { item: IMMEDIATE, formData: form } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  for (const k of ['m1', 'm2']) assert.equal((await uploadMaterial(server, cookie, draft.body.case.id, k)).status, 201);
  const sub = await api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  const done = await api(`/api/cases/${draft.body.case.id}/actions/accept`, { method: 'POST', cookie: cookies.clerk, body: { version: sub.body.case.version } });
  assert.equal(done.body.status, 'completed', JSON.stringify(done.body));
  await drain();
  return { id: draft.body.case.id, number: sub.body.case.number };
}

/** The carrier delivering a reply, signed with the gateway's key. */
function deliver(from: string, text: string, opts: { messageId?: string; sentAt?: Date; tamper?: boolean } = {}) {
  const msg = { messageId: opts.messageId ?? `m-${clock.nowMs()}-${++seq}`, from, text, sentAt: (opts.sentAt ?? clock.now()).toISOString() };
  const signed = signedInbound(server.ctx.config.masterKey, GATEWAY, msg);
  const body = opts.tamper ? signed.body.replace(`"text":"${text}"`, '"text":"1"') : signed.body;
  return api(`/api/sms/inbound/${GATEWAY}`, { method: 'POST', rawBody: body, headers: signed.headers });
}

/** The newest SMS the gateway sent to a phone, once the outbox has delivered everything. */
async function lastSms(phone: string): Promise<string> {
  await drain();
  const inbox = await api(`/api/dev/sms?phone=${phone}`);
  return inbox.body.items[0]?.text ?? '';
}

const ratingsOf = (caseId: string) =>
  server.ctx.db.query<{ level: number; channel: string; tags: string[]; comment: string; defaulted: boolean }>(
    'select level, channel, tags, comment, defaulted from rating where case_id = $1',
    [caseId],
  );

before(async () => {
  server = await startTestServer();
  cookies.clerk = await server.login('clerk');
  cookies.citizen = await server.login(PHONE, PASSWORD);
  cookies.citizen2 = await server.login(PHONE2, PASSWORD);
});
after(() => server.close());

describe('SMS reply to a rating invitation', () => {
  test('a signed reply "5 很好" rates the case once, channel sms; the carrier retrying the message id changes nothing', async () => {
    const c = await finishedCase();
    assert.match(await lastSms(PHONE), /回复数字/, 'the invitation tells how to reply');
    const messageId = `retry-${clock.nowMs()}`;
    const first = await deliver(`+86${PHONE}`, '5 很好', { messageId });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { code: 'SUCCESS', duplicate: false });
    const again = await deliver(PHONE, '5 很好', { messageId });
    assert.deepEqual({ status: again.status, body: again.body }, { status: 200, body: { code: 'SUCCESS', duplicate: true } });
    await drain();
    assert.deepEqual(
      (await ratingsOf(c.id)).map((r) => ({ ...r })),
      [{ level: 5, channel: 'sms', tags: [], comment: '很好', defaulted: false }],
    );
    assert.match(await lastSms(PHONE), new RegExp(`${c.number}.*非常满意`));
    const stored = await server.ctx.db.one<{ n: number }>('select count(*)::int as n from sms_inbound where message_id = $1', [messageId]);
    assert.equal(stored!.n, 1);
    const mine = await api('/api/ratings/mine', { cookie: cookies.citizen });
    assert.ok(mine.body.ratings.some((r: { caseId: string; channel: string }) => r.caseId === c.id && r.channel === 'sms'));
  });

  test('a bad rating needs a tag number: "2" gets the tag list back, "2 7 等太久" rates and opens a task', async () => {
    const c = await finishedCase();
    assert.equal((await deliver(PHONE, '2')).status, 200);
    const help = await lastSms(PHONE);
    assert.match(help, /标签编号/);
    assert.match(help, /7排队等候时间过长/);
    assert.equal((await ratingsOf(c.id)).length, 0);
    assert.equal((await deliver(PHONE, '2 7 等太久')).status, 200);
    await drain();
    assert.deepEqual(
      (await ratingsOf(c.id)).map((r) => ({ level: r.level, tags: r.tags, comment: r.comment })),
      [{ level: 2, tags: ['long_wait'], comment: '等太久' }],
    );
    const task = await server.ctx.db.one('select k.id from rating_task k join rating r on r.id = k.rating_id where r.case_id = $1', [c.id]);
    assert.ok(task, 'a bad SMS rating opens its rectification task');
  });

  test('a bad signature is 401 with an audit entry; nothing is stored or answered', async () => {
    const c = await finishedCase();
    const before = await lastSms(PHONE);
    const tampered = await deliver(PHONE, '5', { tamper: true });
    assert.equal(tampered.status, 401);
    assert.equal(tampered.body.error.code, 'SMS_SIGNATURE_INVALID');
    const unsigned = await api(`/api/sms/inbound/${GATEWAY}`, { method: 'POST', rawBody: JSON.stringify({ messageId: 'x1', from: PHONE, text: '1', sentAt: clock.now().toISOString() }) });
    assert.equal(unsigned.status, 401);
    const audited = await server.ctx.db.query(`select 1 from audit_log where action = 'sms.inbound.refused'`);
    assert.ok(audited.length >= 2);
    const unknownGateway = await api('/api/sms/inbound/nobody', { method: 'POST', rawBody: '{}' });
    assert.equal(unknownGateway.status, 404);
    assert.equal(unknownGateway.body.error.code, 'SMS_GATEWAY_UNKNOWN');
    assert.equal((await ratingsOf(c.id)).length, 0);
    assert.equal(await lastSms(PHONE), before);
    // leave no open invitation behind for the next tests
    assert.equal((await deliver(PHONE, '4')).status, 200);
    await drain();
    assert.equal((await ratingsOf(c.id)).length, 1);
  });

  test('signed but malformed bodies are 400 with a stable code', async () => {
    for (const bad of [
      { messageId: 'bad-1', from: '12345', text: '5', sentAt: clock.now().toISOString() },
      { messageId: 'bad 2 !', from: PHONE, text: '5', sentAt: clock.now().toISOString() },
      { messageId: 'bad-3', from: PHONE, text: 'x'.repeat(501), sentAt: clock.now().toISOString() },
      { messageId: 'bad-4', from: PHONE, text: '5', sentAt: 'yesterday' },
    ]) {
      const signed = signedInbound(server.ctx.config.masterKey, GATEWAY, bad as never);
      const res = await api(`/api/sms/inbound/${GATEWAY}`, { method: 'POST', rawBody: signed.body, headers: signed.headers });
      assert.equal(res.status, 400, JSON.stringify(bad));
      assert.equal(res.body.error.code, 'SMS_INBOUND_INVALID');
    }
  });

  test('an unknown phone, or a person with no open invitation, gets how-to-rate back; nothing is recorded', async () => {
    const count = async () => (await server.ctx.db.one<{ n: number }>('select count(*)::int as n from rating'))!.n;
    const before = await count();
    assert.equal((await deliver('13912345678', '5')).status, 200);
    assert.match(await lastSms('13912345678'), /没有待评价的办件/);
    assert.equal((await deliver(PHONE2, '1')).status, 200);
    assert.match(await lastSms(PHONE2), /没有待评价的办件/);
    assert.equal(await count(), before);
  });

  test('a malformed reply ("7", "好") gets the help text and leaves the invitation open', async () => {
    const c = await finishedCase();
    for (const text of ['7', '好']) {
      assert.equal((await deliver(PHONE, text)).status, 200);
      const help = await lastSms(PHONE);
      assert.match(help, new RegExp(`未能识别.*${c.number}`));
    }
    assert.equal((await ratingsOf(c.id)).length, 0);
    const open = await api('/api/ratings/mine', { cookie: cookies.citizen });
    assert.ok(open.body.invitations.some((i: { caseId: string }) => i.caseId === c.id));
    assert.equal((await deliver(PHONE, '３')).status, 200);
    await drain();
    assert.deepEqual((await ratingsOf(c.id)).map((r) => r.level), [3]);
  });

  test('a reply sent before the invitation SMS (delivered late, out of order) does not rate it', async () => {
    const c = await finishedCase(cookies.citizen2);
    assert.equal((await deliver(PHONE2, '1 8', { sentAt: new Date(clock.nowMs() - 3_600_000) })).status, 200);
    assert.match(await lastSms(PHONE2), /没有待评价的办件/);
    assert.equal((await ratingsOf(c.id)).length, 0);
    assert.equal((await deliver(PHONE2, '4')).status, 200);
    await drain();
    assert.deepEqual((await ratingsOf(c.id)).map((r) => r.level), [4]);
  });

  test('a reply after the rating was defaulted (基本满意) is refused with a help reply', async () => {
    const c = await finishedCase();
    await server.ctx.db.query(
      `update outbox_event set due_at = clock_now() where topic = 'ratings.default_due' and (payload->>'invitationId')::uuid in (select id from rating_invitation where case_id = $1)`,
      [c.id],
    );
    await drain();
    assert.equal((await deliver(PHONE, '1 8 态度差')).status, 200);
    assert.match(await lastSms(PHONE), new RegExp(`${c.number}.*已评价或已超过评价期限`));
    assert.deepEqual(
      (await ratingsOf(c.id)).map((r) => ({ level: r.level, channel: r.channel, defaulted: r.defaulted })),
      [{ level: 3, channel: 'default', defaulted: true }],
    );
  });

  test('the development page sends a signed reply as the embedded carrier', async () => {
    const c = await finishedCase();
    const form = await fetch(`${server.url}/dev/sms/reply`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /name="phone"/);
    const sent = await fetch(`${server.url}/dev/sms/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ phone: PHONE, text: '4' }).toString(),
      redirect: 'manual',
    });
    assert.equal(sent.status, 303);
    await drain();
    assert.deepEqual((await ratingsOf(c.id)).map((r) => ({ level: r.level, channel: r.channel })), [{ level: 4, channel: 'sms' }]);
    const bad = await fetch(`${server.url}/dev/sms/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ phone: 'abc', text: '4' }).toString(),
    });
    assert.equal(bad.status, 400);
  });
});
