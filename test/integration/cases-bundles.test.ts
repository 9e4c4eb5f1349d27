import assert from 'node:assert/strict';
import { personalData } from '../../src/kernel/pii.ts';
import { openForm, type SealedForm } from '../../src/modules/cases/personal-form.ts';
import { after, before, describe, test } from 'node:test';
import { CITIZEN_PASSWORD as PASSWORD } from '../support/demo.ts';
import { PDF, sendFile } from '../support/files.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';
import { CITY, decide, FOOD_REWARD, publishBundle, SAFETY_REWARD, WATER_TRANSFER } from './cases-bundles-fixture.ts';

const REWARDS = 'BDT-REWARDS-01';
const WATER = 'BDT-WATER-01';
/** The same two items, the safety one in a second step after the food one. */
const STEPPED = 'BDT-STEPPED-01';

let server: TestServer;
const cookies: Record<'admin' | 'dataofficer' | 'citizen' | 'citizen2' | 'food' | 'safety', string> = {} as never;
const api = (path: string, init: Parameters<TestServer['api']>[1] = {}) => server.api(path, init);

const upload = (cookie: string, id: string, key: string, content = PDF) =>
  sendFile(server, cookie, `/api/case-bundles/${id}/materials/${key}?name=${encodeURIComponent(`${key}.pdf`)}`, content);

const rewardForm = { report_number: 'JB2026-0042', bank_account: '6222020000000000042' };

/** A draft of the two-department bundle with the form filled and every material uploaded once. */
async function readyDraft(bundle = REWARDS, formData: Record<string, unknown> = rewardForm, cookie = cookies.citizen) {
  const draft = await api('/api/case-bundles', { method: 'POST', cookie, body: { bundle, formData } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  for (const m of draft.body.materials.filter((x: { skipped: boolean }) => !x.skipped)) assert.equal((await upload(cookie, draft.body.bundleCase.id, m.key)).status, 201);
  return (await api(`/api/case-bundles/${draft.body.bundleCase.id}`, { cookie })).body;
}

async function submitted(bundle = REWARDS) {
  const d = await readyDraft(bundle);
  const res = await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.bundleCase.version } });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

const memberCase = (detail: any, itemCode: string) => detail.members.find((m: { itemCode: string }) => m.itemCode === itemCode).case;
const detailOf = async (id: string, cookie = cookies.citizen) => (await api(`/api/case-bundles/${id}`, { cookie })).body;

before(async () => {
  server = await startTestServer();
  cookies.admin = await server.login('admin');
  cookies.dataofficer = await server.login('dataofficer');
  cookies.citizen = await server.login('13800000001', PASSWORD);
  cookies.citizen2 = await server.login('13800000002', PASSWORD);
  // the demo approver works for every department: each member's department gets a narrowed approver
  cookies.food = await addStaff(server, cookies.admin, 'foodapprover', '云浮市市场监督管理局', { role: 'approver', regionCode: CITY, sameDepartment: true });
  cookies.safety = await addStaff(server, cookies.admin, 'safetyapprover', '云浮市应急管理局', { role: 'approver', regionCode: CITY, sameDepartment: true });
  await publishBundle(server, cookies.dataofficer, REWARDS, [FOOD_REWARD, SAFETY_REWARD]);
  // the water item in a second step: its form is checked at submission all the same
  await publishBundle(server, cookies.dataofficer, WATER, [FOOD_REWARD, WATER_TRANSFER], [1, 2]);
  await publishBundle(server, cookies.dataofficer, STEPPED, [FOOD_REWARD, SAFETY_REWARD], [1, 2]);
});
after(() => server.close());

describe('applying for a bundle (一件事)', () => {
  test('one draft: the merged form prefilled, a material two items need asked once; submit creates one bundle case and a case per department', async () => {
    const draft = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle: REWARDS } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const d = draft.body;
    assert.equal(d.bundleCase.status, 'draft');
    assert.equal(d.bundleCase.number, null);
    assert.equal(d.bundleCase.formData.applicant_name, '陈小云');
    assert.match(d.bundleCase.formData.applicant_id_number, /^\d{17}[\dX]$/);
    assert.deepEqual(d.members.map((m: { case: unknown }) => m.case), [null, null]);
    // 举报人居民身份证 is needed by both items: one entry, needed by two
    assert.equal(d.materials.length, 4);
    const idCard = d.materials.find((m: { name: string }) => m.name === '举报人居民身份证');
    assert.equal(idCard.neededBy.length, 2);
    assert.deepEqual(d.actions, ['save', 'upload', 'submit', 'withdraw']);

    const saved = await api(`/api/case-bundles/${d.bundleCase.id}/form`, { method: 'PUT', cookie: cookies.citizen, body: { version: d.bundleCase.version, formData: { ...d.bundleCase.formData, ...rewardForm } } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const early = await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: saved.body.bundleCase.version } });
    assert.equal(early.status, 422);
    assert.equal(early.body.error.code, 'MATERIALS_MISSING');
    assert.equal(early.body.error.details.member.itemCode, FOOD_REWARD);
    assert.ok(early.body.error.details.materials.some((m: { key: string }) => m.key === idCard.key), JSON.stringify(early.body.error.details));

    for (const m of d.materials) assert.equal((await upload(cookies.citizen, d.bundleCase.id, m.key)).status, 201);
    const res = await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: saved.body.bundleCase.version } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const b = res.body;
    assert.equal(b.bundleCase.status, 'submitted');
    assert.match(b.bundleCase.number, /^445300\d{14}$/);
    assert.match(b.bundleCase.queryCode, /^[A-Z0-9]{8}$/);
    const food = memberCase(b, FOOD_REWARD);
    const safety = memberCase(b, SAFETY_REWARD);
    assert.equal(food.status, 'submitted');
    assert.equal(safety.status, 'submitted');
    assert.notEqual(food.number, safety.number);
    assert.notEqual(food.number, b.bundleCase.number);
    assert.ok(food.promisedDue && safety.promisedDue);
    const rows = await server.ctx.db.query<{ department_id: string; region_code: string; form_data: Record<string, unknown> }>(
      'select department_id, region_code, form_data from case_record where id = any($1::uuid[])',
      [[food.id, safety.id]],
    );
    assert.equal(new Set(rows.map((r) => r.department_id)).size, 2);
    assert.ok(rows.every((r) => r.region_code === '445300000000' && r.form_data.report_number === rewardForm.report_number));
    // the ID card was uploaded once and reached both members
    const files = await server.ctx.db.query<{ case_id: string; file_key: string }>(
      `select case_id, file_key from case_material where case_id = any($1::uuid[]) and material_key = 'm1'`,
      [[food.id, safety.id]],
    );
    assert.equal(files.length, 2);
    assert.equal(files[0]!.file_key, files[1]!.file_key);
    // each member is in its own department's inbox
    const foodInbox = await api('/api/cases/inbox?view=all&pageSize=100', { cookie: cookies.food });
    assert.ok(foodInbox.body.items.some((i: { id: string }) => i.id === food.id));
    assert.equal(foodInbox.body.items.some((i: { id: string }) => i.id === safety.id), false);
    const safetyInbox = await api('/api/cases/inbox?view=all&pageSize=100', { cookie: cookies.safety });
    assert.ok(safetyInbox.body.items.some((i: { id: string }) => i.id === safety.id));
  });

  test('two departments in parallel: the bundle completes only after both approve', async () => {
    const b = await submitted();
    const food = memberCase(b, FOOD_REWARD);
    const safety = memberCase(b, SAFETY_REWARD);
    const foodDone = await decide(server, cookies.food, food.id, 'approve');
    assert.equal(foodDone.status, 'completed');
    let now = await detailOf(b.bundleCase.id);
    assert.equal(now.bundleCase.status, 'processing');
    assert.equal(now.bundleCase.outcome, null);
    assert.equal(memberCase(now, SAFETY_REWARD).status, 'submitted');
    await decide(server, cookies.safety, safety.id, 'approve');
    now = await detailOf(b.bundleCase.id);
    assert.equal(now.bundleCase.status, 'completed');
    assert.equal(now.bundleCase.outcome, 'approved');
    assert.ok(now.bundleCase.completedAt);
    // one timeline: the bundle's submission and both departments' decisions
    const kinds = now.timeline.map((e: { kind: string; itemName: string | null }) => `${e.kind}:${e.itemName ?? ''}`);
    assert.equal(kinds[0], 'draft_created:');
    assert.ok(kinds.includes('submitted:'));
    assert.ok(now.timeline.some((e: { kind: string; itemName: string }) => e.kind === 'approved' && e.itemName.includes('食品安全')));
    assert.ok(now.timeline.some((e: { kind: string; itemName: string }) => e.kind === 'approved' && e.itemName.includes('安全生产')));
  });

  test('one department disapproves: the bundle is final with a partial outcome', async () => {
    const b = await submitted();
    await decide(server, cookies.food, memberCase(b, FOOD_REWARD).id, 'approve');
    const no = await decide(server, cookies.safety, memberCase(b, SAFETY_REWARD).id, 'disapprove');
    assert.equal(no.outcome, 'disapproved');
    const now = await detailOf(b.bundleCase.id);
    assert.equal(now.bundleCase.status, 'completed');
    assert.equal(now.bundleCase.outcome, 'partial');
    assert.deepEqual(now.actions, []);
  });

  test('a bad form for one member creates nothing: no member case, no number, the draft unchanged', async () => {
    const before = Number((await server.ctx.db.one<{ n: number }>('select count(*) as n from case_record'))!.n);
    // 供水过户 also needs account number, property location and original holder: left empty
    const d = await readyDraft(WATER);
    const res = await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.bundleCase.version } });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'FORM_INVALID');
    assert.equal(res.body.error.details.member.itemCode, WATER_TRANSFER);
    assert.ok(res.body.error.details.errors.some((e: { field: string }) => e.field === 'account_number'));
    assert.equal(Number((await server.ctx.db.one<{ n: number }>('select count(*) as n from case_record'))!.n), before);
    const after = await detailOf(d.bundleCase.id);
    assert.equal(after.bundleCase.status, 'draft');
    assert.equal(after.bundleCase.number, null);
    assert.equal(after.bundleCase.version, d.bundleCase.version);
    assert.ok(after.members.every((m: { case: unknown }) => m.case === null));
  });

  test('a double-clicked submit creates one bundle and one case per member', async () => {
    const d = await readyDraft();
    const key = 'bundle-click-0001';
    const body = { version: d.bundleCase.version, idempotencyKey: key };
    const [x, y] = await Promise.all([
      api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body }),
      api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body }),
    ]);
    assert.equal(x.status, 200, JSON.stringify(x.body));
    assert.equal(y.status, 200, JSON.stringify(y.body));
    assert.deepEqual([x.body.replayed, y.body.replayed].sort(), [false, true]);
    assert.equal(x.body.bundleCase.number, y.body.bundleCase.number);
    const members = await server.ctx.db.query('select case_id from case_bundle_member where bundle_case_id = $1 and case_id is not null', [d.bundleCase.id]);
    assert.equal(members.length, 2);
    const again = await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: x.body.bundleCase.version } });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'CASE_BUNDLE_NOT_DRAFT');
    // the same key on the draft gives the same draft
    const k = { bundle: REWARDS, idempotencyKey: 'bundle-draft-0001' };
    const first = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: k });
    const second = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: k });
    assert.deepEqual([first.status, second.status], [201, 200]);
    assert.equal(first.body.bundleCase.id, second.body.bundleCase.id);
  });
});

describe('bundle idempotency keys (#13.10)', () => {
  test('a draft key with another form, and a submit key with another version or commitment, are a 422', async () => {
    const reused = (res: { status: number; body: any }, what: string) => {
      assert.equal(res.status, 422, `${what}: ${JSON.stringify(res.body)}`);
      assert.equal(res.body.error.code, 'IDEMPOTENCY_KEY_REUSED', what);
    };
    const draftBody = { bundle: REWARDS, formData: rewardForm, idempotencyKey: 'bundle-draft-reuse-01' };
    const first = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: draftBody });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const same = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { ...draftBody } });
    assert.equal(same.status, 200);
    assert.equal(same.body.bundleCase.id, first.body.bundleCase.id);
    reused(await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { ...draftBody, formData: { ...rewardForm, report_number: 'JB2026-0777' } } }), 'another form');
    reused(await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle: WATER, idempotencyKey: draftBody.idempotencyKey } }), 'another bundle');

    const d = await readyDraft();
    const submit = { version: d.bundleCase.version, idempotencyKey: 'bundle-submit-reuse-01' };
    const done = await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: submit });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    const again = await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: submit });
    assert.equal(again.status, 200);
    assert.equal(again.body.replayed, true);
    reused(await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { ...submit, commitment: true } }), 'a commitment');
    reused(await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { ...submit, version: submit.version + 5 } }), 'another version');
    const other = await readyDraft();
    reused(await api(`/api/case-bundles/${other.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: other.bundleCase.version, idempotencyKey: submit.idempotencyKey } }), 'another bundle case');
    assert.equal((await detailOf(other.bundleCase.id)).bundleCase.status, 'draft');
  });
});

/** Runs the outbox handlers until nothing is due (test servers start without workers). */
async function deliverAll() {
  for (let i = 0; i < 20 && (await server.deliverEvents()) > 0; i++);
}

describe('bundle steps', () => {
  test('a later step starts when the earlier step is approved; the bundle completes after it', async () => {
    const b = await submitted(STEPPED);
    assert.equal(b.bundleCase.status, 'submitted');
    const food = memberCase(b, FOOD_REWARD);
    const safety = memberCase(b, SAFETY_REWARD);
    assert.equal(food.status, 'submitted');
    assert.equal(safety.status, 'draft');
    const inbox = await api('/api/cases/inbox?view=all&pageSize=100', { cookie: cookies.safety });
    assert.equal(inbox.body.items.some((i: { id: string }) => i.id === safety.id), false);
    // the second step waits for the first, whatever the events delivered so far
    await deliverAll();
    assert.equal(memberCase(await detailOf(b.bundleCase.id), SAFETY_REWARD).status, 'draft');

    await decide(server, cookies.food, food.id, 'approve');
    await deliverAll();
    let now = await detailOf(b.bundleCase.id);
    assert.equal(memberCase(now, SAFETY_REWARD).status, 'submitted');
    assert.match(memberCase(now, SAFETY_REWARD).number, /^445300\d{14}$/);
    assert.equal(now.bundleCase.status, 'processing');
    assert.ok(now.timeline.some((e: { kind: string }) => e.kind === 'step_started'));
    // delivered again (at-least-once): nothing more happens
    await server.ctx.db.query(`update outbox_event set status = 'pending' where topic = 'cases.approved'`);
    await deliverAll();
    const started = await server.ctx.db.query(`select 1 from case_bundle_event where bundle_case_id = $1 and kind = 'step_started'`, [b.bundleCase.id]);
    assert.equal(started.length, 1);

    await decide(server, cookies.safety, safety.id, 'approve');
    await deliverAll();
    now = await detailOf(b.bundleCase.id);
    assert.equal(now.bundleCase.status, 'completed');
    assert.equal(now.bundleCase.outcome, 'approved');
  });

  test('an earlier step not approved stops the later one: the bundle ends without it', async () => {
    const b = await submitted(STEPPED);
    await decide(server, cookies.food, memberCase(b, FOOD_REWARD).id, 'disapprove');
    await deliverAll();
    const now = await detailOf(b.bundleCase.id);
    assert.equal(memberCase(now, SAFETY_REWARD).status, 'withdrawn');
    assert.equal(now.bundleCase.status, 'completed');
    assert.equal(now.bundleCase.outcome, 'disapproved');
    assert.ok(now.timeline.some((e: { kind: string; itemName: string | null }) => e.kind === 'bundle_stopped' && e.itemName));
  });
});

describe('bundle steps and corrections', () => {
  test('a corrected field reaches the member in correction and the member still waiting for its step', async () => {
    const b = await submitted(STEPPED);
    const food = memberCase(b, FOOD_REWARD);
    const asked = await api(`/api/cases/${food.id}/actions/request_correction`, {
      method: 'POST',
      cookie: cookies.food,
      body: { version: food.version, items: [{ field: 'bank_account', note: '收款账户须为本人一类账户' }] },
    });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    const d = await detailOf(b.bundleCase.id);
    assert.equal(d.correction[0].field, 'bank_account');
    const saved = await api(`/api/case-bundles/${b.bundleCase.id}/form`, {
      method: 'PUT',
      cookie: cookies.citizen,
      body: { version: d.bundleCase.version, formData: { ...d.bundleCase.formData, bank_account: '6222020000000000099' } },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    const rows = await server.ctx.db.query<{ status: string; form_data: Record<string, unknown>; form_pii: SealedForm }>(
      'select status, form_data, form_pii from case_record where id = any($1::uuid[]) order by status',
      [[food.id, memberCase(b, SAFETY_REWARD).id]],
    );
    // the account is sealed at rest (personal-form.ts): read back in clear
    const pii = personalData(server.ctx.config.masterKey);
    assert.deepEqual(rows.map((r) => [r.status, openForm(pii, r).bank_account]), [['correction', '6222020000000000099'], ['draft', '6222020000000000099']]);
    const res = await api(`/api/case-bundles/${b.bundleCase.id}/resubmit`, { method: 'POST', cookie: cookies.citizen, body: { version: saved.body.bundleCase.version } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(memberCase(res.body, FOOD_REWARD).status, 'submitted');
    assert.equal(memberCase(res.body, SAFETY_REWARD).status, 'draft');
  });
});

describe('a demo bundle with optional members', () => {
  test('optional items join only when chosen; each member keeps the catalogue step', async () => {
    const guide = (await api('/api/catalog/bundles/YJS-445300-002')).body;
    const members = guide.steps.flatMap((s: { step: number; members: { code: string; optional: boolean; published: boolean }[] }) => s.members.map((m) => ({ ...m, step: s.step })));
    const optional = members.filter((m: { optional: boolean; published: boolean }) => m.optional && m.published);
    assert.ok(optional.length > 0, 'the demo 出生一件事 has optional items');
    const required = members.filter((m: { optional: boolean }) => !m.optional);
    const plain = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle: 'YJS-445300-002' } });
    assert.equal(plain.status, 201, JSON.stringify(plain.body));
    assert.deepEqual(plain.body.members.map((m: { itemCode: string }) => m.itemCode).sort(), required.map((m: { code: string }) => m.code).sort());
    const chosen = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle: 'YJS-445300-002', optionalItems: [optional[0].code] } });
    assert.equal(chosen.status, 201, JSON.stringify(chosen.body));
    const added = chosen.body.members.find((m: { itemCode: string }) => m.itemCode === optional[0].code);
    assert.equal(added.optional, true);
    assert.equal(added.step, optional[0].step);
    assert.ok(chosen.body.materials.length > 0);
    assert.ok(Object.keys(chosen.body.form.schema.properties).length > 0);
  });
});

describe('correction in the bundle view', () => {
  test('a member asks for 补正: the applicant corrects once in the bundle and that member resumes', async () => {
    const b = await submitted();
    const safety = memberCase(b, SAFETY_REWARD);
    const asked = await api(`/api/cases/${safety.id}/actions/request_correction`, {
      method: 'POST',
      cookie: cookies.safety,
      body: { version: safety.version, items: [{ materialKey: 'm2', note: '申领表需本人签名' }] },
    });
    assert.equal(asked.status, 200, JSON.stringify(asked.body));
    const d = await detailOf(b.bundleCase.id);
    assert.equal(d.bundleCase.status, 'correction');
    assert.deepEqual(d.actions, ['save', 'upload', 'resubmit', 'withdraw']);
    assert.equal(d.correction.length, 1);
    const key = d.correction[0].materialKey;
    assert.equal(key, '2.m2');
    // 举报奖励申请 is the food item's own material; the safety member did not ask for it
    const notAsked = await upload(cookies.citizen, b.bundleCase.id, '1.m2');
    assert.equal(notAsked.status, 409);
    assert.equal(notAsked.body.error.code, 'CASE_BUNDLE_MATERIAL_NOT_ASKED');
    const early = await api(`/api/case-bundles/${b.bundleCase.id}/resubmit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.bundleCase.version } });
    assert.equal(early.status, 422);
    assert.equal(early.body.error.code, 'CORRECTION_INCOMPLETE');
    assert.deepEqual(early.body.error.details.materials, ['2.m2']);
    assert.equal((await upload(cookies.citizen, b.bundleCase.id, key)).status, 201);
    const res = await api(`/api/case-bundles/${b.bundleCase.id}/resubmit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.bundleCase.version } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.bundleCase.status, 'submitted');
    assert.equal(memberCase(res.body, SAFETY_REWARD).status, 'submitted');
    const got = await server.ctx.db.query(`select 1 from case_material where case_id = $1 and stage = 'correction' and material_key = 'm2'`, [safety.id]);
    assert.equal(got.length, 1);
    const none = await api(`/api/case-bundles/${b.bundleCase.id}/resubmit`, { method: 'POST', cookie: cookies.citizen, body: { version: res.body.bundleCase.version } });
    assert.equal(none.body.error.code, 'CASE_BUNDLE_NOT_IN_CORRECTION');
  });

  test('withdrawing the bundle withdraws the members not yet decided', async () => {
    const b = await submitted();
    await decide(server, cookies.food, memberCase(b, FOOD_REWARD).id, 'approve');
    const res = await api(`/api/case-bundles/${b.bundleCase.id}/withdraw`, { method: 'POST', cookie: cookies.citizen, body: { version: b.bundleCase.version, reason: '不再需要' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(memberCase(res.body, SAFETY_REWARD).status, 'withdrawn');
    assert.equal(res.body.bundleCase.status, 'completed');
    assert.equal(res.body.bundleCase.outcome, 'partial');
  });
});

describe('access and bad input', () => {
  test('another citizen gets 404; staff of one department cannot act on the other department’s member (403)', async () => {
    const b = await submitted();
    const id = b.bundleCase.id;
    assert.equal((await api(`/api/case-bundles/${id}`, { cookie: cookies.citizen2 })).status, 404);
    assert.equal((await api(`/api/case-bundles/${id}`)).status, 401);
    assert.equal((await api(`/api/case-bundles/${id}`, { cookie: cookies.food })).status, 404);
    assert.equal((await upload(cookies.citizen2, id, '1.m1')).status, 404);
    const stranger = await api(`/api/case-bundles/${id}/withdraw`, { method: 'POST', cookie: cookies.citizen2, body: { version: b.bundleCase.version } });
    assert.equal(stranger.status, 404);
    const safety = memberCase(b, SAFETY_REWARD);
    assert.equal((await api(`/api/cases/${safety.id}`, { cookie: cookies.citizen2 })).status, 404);
    const cross = await api(`/api/cases/${safety.id}/actions/accept`, { method: 'POST', cookie: cookies.food, body: { version: safety.version } });
    assert.equal(cross.status, 403);
    const crossBack = await api(`/api/cases/${memberCase(b, FOOD_REWARD).id}/actions/accept`, { method: 'POST', cookie: cookies.safety, body: { version: 1 } });
    assert.equal(crossBack.status, 403);
    const mine = await api('/api/case-bundles/mine', { cookie: cookies.citizen });
    const listed = mine.body.items.find((i: { id: string }) => i.id === id);
    assert.deepEqual(listed.members.map((m: { caseId: string }) => m.caseId).sort(), [memberCase(b, FOOD_REWARD).id, safety.id].sort());
    assert.equal((await api('/api/case-bundles/mine', { cookie: cookies.citizen2 })).body.items.some((i: { id: string }) => i.id === id), false);
    assert.equal((await api('/api/case-bundles/mine', { cookie: cookies.food })).status, 403);
  });

  test('public progress by bundle number and query code, without personal data', async () => {
    const b = await submitted();
    const ok = await api(`/api/public/bundle-progress?number=${b.bundleCase.number}&code=${b.bundleCase.queryCode}`);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.members.length, 2);
    assert.ok(ok.body.members.every((m: { departmentName: string }) => m.departmentName));
    const text = JSON.stringify(ok.body);
    assert.equal(text.includes('陈小云'), false);
    assert.equal(text.includes(rewardForm.bank_account), false);
    const wrong = await api(`/api/public/bundle-progress?number=${b.bundleCase.number}&code=AAAAAAAA`);
    assert.equal(wrong.status, 404);
    assert.equal(wrong.body.error.code, 'CASE_BUNDLE_PROGRESS_NOT_FOUND');
    assert.equal((await api('/api/public/bundle-progress?number=1&code=AAAAAAAA')).status, 400);
  });

  test('bad input gets a 4xx with a stable code and writes nothing', async () => {
    const count = async () => Number((await server.ctx.db.one<{ n: number }>('select count(*) as n from case_bundle'))!.n);
    const n = await count();
    const unknown = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle: 'NO-SUCH-BUNDLE' } });
    assert.equal(unknown.status, 404);
    const optional = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle: REWARDS, optionalItems: [WATER_TRANSFER] } });
    assert.equal(optional.status, 422);
    assert.equal(optional.body.error.code, 'CASE_BUNDLE_OPTIONAL_UNKNOWN');
    const extra = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle: REWARDS, members: [] } });
    assert.equal(extra.status, 400);
    // 开办企业一件事 serves enterprises: a citizen acting as themselves is told so
    const entity = await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle: 'YJS-445300-001' } });
    assert.equal(entity.status, 422);
    assert.equal(entity.body.error.code, 'APPLICANT_KIND_NOT_SERVED');
    const staff = await api('/api/case-bundles', { method: 'POST', cookie: cookies.food, body: { bundle: REWARDS } });
    assert.equal(staff.status, 403);
    assert.equal((await api('/api/case-bundles', { method: 'POST', body: { bundle: REWARDS } })).status, 401);
    assert.equal(await count(), n);

    const d = (await api('/api/case-bundles', { method: 'POST', cookie: cookies.citizen, body: { bundle: REWARDS } })).body;
    const badKey = await upload(cookies.citizen, d.bundleCase.id, '9.m9');
    assert.equal(badKey.status, 422);
    assert.equal(badKey.body.error.code, 'MATERIAL_UNKNOWN');
    const exe = await upload(cookies.citizen, d.bundleCase.id, '1.m1', Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(100)]));
    assert.equal(exe.status, 415);
    assert.equal(exe.body.error.code, 'MATERIAL_TYPE_REFUSED');
    const stale = await api(`/api/case-bundles/${d.bundleCase.id}/form`, { method: 'PUT', cookie: cookies.citizen, body: { version: d.bundleCase.version + 5, formData: {} } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'VERSION_CONFLICT');
    assert.equal((await api('/api/case-bundles/not-a-uuid')).status, 400);
    const files = await server.ctx.db.query('select 1 from case_bundle_file where bundle_case_id = $1', [d.bundleCase.id]);
    assert.equal(files.length, 0);
    // a withdrawn draft cannot be submitted
    const gone = await api(`/api/case-bundles/${d.bundleCase.id}/withdraw`, { method: 'POST', cookie: cookies.citizen, body: { version: d.bundleCase.version } });
    assert.equal(gone.body.bundleCase.status, 'withdrawn');
    const late = await api(`/api/case-bundles/${d.bundleCase.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: gone.body.bundleCase.version } });
    assert.equal(late.status, 409);
  });
});
