// Ratings of window cases roll up by the hall and window where the case was recorded; an
// overdue rectification task texts the department's heads, once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emit } from '../../src/kernel/events/outbox.ts';
import { personalData } from '../../src/kernel/pii.ts';
import { TASK_ESCALATED } from '../../src/modules/ratings/events.ts';
import { CITIZEN_PASSWORD as PASSWORD, CITY, IMMEDIATE } from '../support/demo.ts';
import { PDF, sendFile, uploadMaterial } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import * as clock from '../../src/kernel/clock.ts';

const PHONE = '13800000001';
const HEAD_PHONE = '13700000077';
const form = { entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云', agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: PHONE, reason: '遗失补领' };

let server: TestServer;
const cookies = {} as Record<'citizen' | 'clerk' | 'admin' | 'deptadmin', string>;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);
const month = () => clock.today().slice(0, 7);

async function drain() {
  while ((await server.deliverEvents()) > 0);
}

const smsTo = async (phone: string) => {
  await drain();
  return (await api(`/api/dev/sms?phone=${phone}`)).body.items as { text: string }[];
};

/** An online case of the citizen, finished (IMMEDIATE completes at acceptance), its invitation made. */
async function onlineFinishedCase(): Promise<{ id: string; number: string }> {
  const draft = await api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: IMMEDIATE, formData: form } });
  const id = draft.body.case.id as string;
  for (const k of ['m1', 'm2']) assert.equal((await uploadMaterial(server, cookies.citizen, id, k)).status, 201);
  const sub = await api(`/api/cases/${id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: draft.body.case.version } });
  await api(`/api/cases/${id}/actions/accept`, { method: 'POST', cookie: cookies.clerk, body: { version: sub.body.case.version } });
  await drain();
  return { id, number: sub.body.case.number };
}

before(async () => {
  server = await startTestServer();
  for (const u of ['clerk', 'admin', 'deptadmin'] as const) cookies[u] = await server.login(u);
  cookies.citizen = await server.login(PHONE, PASSWORD);
});
after(() => server.close());

describe('hall and window of window cases', () => {
  test('a case recorded at a window is rated by hall and window, whatever channel the rating came through', async () => {
    const pii = personalData(server.ctx.config.masterKey);
    const chenId = pii.decrypt((await server.ctx.db.one<{ enc: string }>('select id_number_enc as enc from person where name = $1', ['陈小云']))!.enc);
    const window = (await server.ctx.db.one<{ id: string; number: string; name: string; hall_id: string; hall: string }>(
      `select w.id, w.number, w.name, w.hall_id, h.name as hall from service_window w join hall h on h.id = w.hall_id
        where w.region_code = $1 order by w.number limit 1`,
      [CITY],
    ))!;
    const materials = [];
    for (const key of ['m1', 'm2']) {
      const s = await sendFile(server, cookies.clerk, `/api/cases/window/scans?name=${key}.pdf`, PDF, 'POST');
      assert.equal(s.status, 201, JSON.stringify(s.body));
      materials.push({ key, ticket: s.body.ticket as string });
    }
    const recorded = await api('/api/cases/window', {
      method: 'POST',
      cookie: cookies.clerk,
      body: { item: IMMEDIATE, applicant: { idNumber: chenId }, formData: form, materials, idempotencyKey: 'rating-window-01', windowId: window.id },
    });
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    const caseId = recorded.body.case.id as string;
    const stored = await server.ctx.db.one<{ window_id: string; hall_id: string }>('select window_id, hall_id from case_record where id = $1', [caseId]);
    assert.deepEqual({ ...stored }, { window_id: window.id, hall_id: window.hall_id });
    const accepted = await api(`/api/cases/${caseId}/actions/accept`, { method: 'POST', cookie: cookies.clerk, body: { version: recorded.body.case.version } });
    assert.equal(accepted.body.status, 'completed', JSON.stringify(accepted.body));
    await drain();

    const rated = await api('/api/ratings', { method: 'POST', cookie: cookies.citizen, body: { caseId, channel: 'portal', level: 4 } });
    assert.equal(rated.status, 201, JSON.stringify(rated.body));
    assert.equal(rated.body.hallName, window.hall);
    assert.equal(rated.body.windowName, `${window.number} ${window.name}`);

    const byWindow = await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}&by=window`, { cookie: cookies.admin });
    assert.equal(byWindow.status, 200, JSON.stringify(byWindow.body));
    const w = byWindow.body.groups.find((g: { key: string | null }) => g.key === window.id);
    assert.ok(w, JSON.stringify(byWindow.body.groups));
    assert.deepEqual({ name: w.name, valid: w.valid }, { name: `${window.number} ${window.name}`, valid: 1 });
    const byHall = await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}&by=hall`, { cookie: cookies.admin });
    const h = byHall.body.groups.find((g: { key: string | null }) => g.key === window.hall_id);
    assert.deepEqual({ name: h?.name, valid: h?.valid }, { name: window.hall, valid: 1 });
    const hallFilter = await api(`/api/ratings/results?month=${month()}&regionCode=${CITY}&hallId=${window.hall_id}`, { cookie: cookies.admin });
    assert.equal(hallFilter.body.summary.valid, 1);
  });

  test('an online case has no hall or window', async () => {
    const { id } = await onlineFinishedCase();
    const inv = await server.ctx.db.one<{ hall_id: string | null; window_id: string | null }>('select hall_id, window_id from rating_invitation where case_id = $1', [id]);
    assert.deepEqual({ ...inv }, { hall_id: null, window_id: null });
  });
});

describe('escalated rectification tasks', () => {
  test('the department admin is texted once when a bad rating goes unanswered past its deadline', async () => {
    const pii = personalData(server.ctx.config.masterKey);
    await server.ctx.db.query(`update staff set phone_enc = $1 where username = 'deptadmin'`, [pii.encrypt(HEAD_PHONE)]);
    const before = (await smsTo(HEAD_PHONE)).length;
    const { id, number } = await onlineFinishedCase();
    const bad = await api('/api/ratings', { method: 'POST', cookie: cookies.citizen, body: { caseId: id, channel: 'portal', level: 1, tags: ['attitude'] } });
    assert.equal(bad.status, 201, JSON.stringify(bad.body));
    const task = (await server.ctx.db.one<{ id: string; department_id: string; due_date: string }>(
      `select k.id, k.department_id, to_char(k.due_date, 'YYYY-MM-DD') as due_date from rating_task k join rating r on r.id = k.rating_id where r.case_id = $1`,
      [id],
    ))!;
    await drain();
    assert.equal((await smsTo(HEAD_PHONE)).length, before, 'nobody is texted before the deadline passes');
    await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'ratings.task_escalation_due' and payload->>'taskId' = $1`, [task.id]);
    const sms = await smsTo(HEAD_PHONE);
    assert.equal(sms.length, before + 1);
    assert.match(sms[0]!.text, new RegExp(`督办.*${number}`));
    const audited = await server.ctx.db.one<{ details: { sent: number } }>(`select details from audit_log where action = 'rating_task.heads_alerted' and object_id = $1`, [task.id]);
    assert.ok(audited!.details.sent >= 1);

    // the same event delivered again (a crash after sending, a replayed outbox row) texts nobody twice
    await server.ctx.db.transaction((tx) =>
      emit(tx, TASK_ESCALATED, { taskId: task.id, ratingId: bad.body.id, departmentId: task.department_id, dueDate: task.due_date }, { regionCode: CITY }),
    );
    assert.equal((await smsTo(HEAD_PHONE)).length, before + 1);
    const alerts = await server.ctx.db.one<{ n: number }>('select count(*)::int as n from rating_task_alert where task_id = $1', [task.id]);
    assert.ok(alerts!.n >= 1);
    // the rater is not among those texted about the escalation
    assert.equal((await smsTo(PHONE)).some((m) => m.text.includes('督办')), false);
  });
});
