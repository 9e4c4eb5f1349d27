// The catalogue side of the case workflow: an item's 办理流程, 秒批 rules and 告知承诺 settings are
// saved as data in the item version, checked by the quality rules (WORKFLOW_*, INSTANT_RULE_*),
// published through the catalogue's workflow, and a case drafted for the item runs those steps.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ItemContent, WorkflowStep } from '../../src/modules/catalog/content.ts';
import { sampleContent } from '../../src/modules/catalog/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const cookies: Record<string, string> = {};
let scjg: { id: string; uscc: string };
const CITY = '445300000000';
const codeFor = (main: string) => `440A${main}001000-${CITY}-000-${scjg.uscc}-1-00`;

const FEES: ItemContent['fees'] = {
  charged: true,
  onlinePayment: true,
  items: [{ name: '许可证工本费', amountFen: 1000, basis: '粤发改价格〔2017〕1号' }],
};
const WORKFLOW: WorkflowStep[] = [
  { key: 'accept', name: '受理', kind: 'accept', roles: ['window_clerk'] },
  { key: 'site', name: '现场勘查', kind: 'special', procedure: 'on_site', roles: ['approver'] },
  { key: 'review', name: '审查', kind: 'review' },
  { key: 'decide', name: '决定', kind: 'decide', roles: ['approver', 'leader'] },
  { key: 'payment', name: '缴纳工本费', kind: 'payment' },
];
/** A valid item a person may apply for, with its own workflow and a fee. */
const good = (overrides: Partial<ItemContent> = {}) =>
  sampleContent({ name: '小型餐饮经营许可（流程测试）', serviceObjects: ['natural_person', 'enterprise'], fees: FEES, workflow: WORKFLOW, ...overrides });

const rulesOf = (quality: { errors: { rule: string }[]; warnings: { rule: string }[] }) => ({
  errors: quality.errors.map((e) => e.rule).sort(),
  warnings: quality.warnings.map((e) => e.rule).sort(),
});

before(async () => {
  server = await startTestServer();
  for (const u of ['deptadmin', 'dataofficer', 'clerk']) cookies[u] = await server.login(u);
  cookies.citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  scjg = (await server.ctx.db.one<{ id: string; uscc: string }>(`select id, uscc from department where code = '445300-SCJGJ'`))!;
  await server.ctx.db.query(
    `insert into catalog_base_field (key, label, library, provider) values ('legal_entity.registration', '登记注册信息', 'legal_entity', 'SCJGJ')
     on conflict (key) do nothing`,
  );
});
after(() => server?.close());

const quality = (content: unknown, cookie = cookies.deptadmin, lang?: string) =>
  server.api('/api/catalog/quality', { method: 'POST', cookie, lang, body: { content } });

test('live quality check: each workflow fault is reported with its rule, field and a message in the editor’s language', async () => {
  const ok = await quality(good());
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.deepEqual(rulesOf(ok.body), { errors: [], warnings: [] });

  const broken = good({
    workflow: [
      { key: 'review', name: '审查', kind: 'review' },
      { key: 'payment', name: '缴费', kind: 'payment' },
      { key: 'decide', name: '决定', kind: 'decide' },
      { key: 'decide_again', name: '复核决定', kind: 'decide' },
      { key: 'site', name: '现场勘查', kind: 'special' },
      { key: 'site', name: '专家评审', kind: 'special', procedure: 'expert_review' },
    ],
  });
  const zh = await quality(broken);
  assert.equal(zh.status, 200);
  assert.deepEqual(rulesOf(zh.body).errors, ['WORKFLOW_ACCEPT_FIRST', 'WORKFLOW_ONE_DECIDE', 'WORKFLOW_PAYMENT', 'WORKFLOW_PROCEDURE', 'WORKFLOW_UNIQUE_KEYS']);
  assert.ok(zh.body.errors.every((e: { field: string }) => e.field === 'workflow'));
  assert.match(zh.body.errors.find((e: { rule: string }) => e.rule === 'WORKFLOW_PROCEDURE').message, /特别程序/);
  const en = await quality(broken, cookies.deptadmin, 'en-US');
  assert.match(en.body.errors.find((e: { rule: string }) => e.rule === 'WORKFLOW_PROCEDURE').message, /special-procedure/i);

  // 秒批 rules: over a field the form lacks (error, on that row) and on an item not marked 秒批 (warning).
  const rules = await quality(
    good({
      instantRules: [
        { fact: 'applicant.age', op: 'gte', value: 60, label: '年满60周岁' },
        { fact: 'form.ghost', op: 'eq', value: '是', label: '不存在的字段' },
      ],
    }),
  );
  assert.deepEqual(rulesOf(rules.body), { errors: ['INSTANT_RULE_FACT'], warnings: ['INSTANT_RULES_FLAG'] });
  assert.equal(rules.body.errors[0].field, 'instantRules.1.fact');
  assert.match(rules.body.errors[0].message, /form\.ghost/);
});

test('access and bad input on the quality check: catalogue readers only, structure refused with 400', async () => {
  assert.equal((await quality(good(), cookies.citizen)).status, 403);
  assert.equal((await server.api('/api/catalog/quality', { method: 'POST', body: { content: good() } })).status, 401);
  for (const bad of [
    { ...good(), workflow: [WORKFLOW[0], { key: 'x', name: '签字', kind: 'sign' }] },
    { ...good(), workflow: [WORKFLOW[3]] },
    { ...good(), workflow: [WORKFLOW[0], { ...WORKFLOW[3]!, key: 'Decide' }] },
    { ...good(), instantRules: [{ fact: 'applicant.age', op: 'between', value: 1, label: 'x' }] },
    { ...good(), instantRules: [{ fact: 'applicant.age', op: 'gte', value: 60, label: '' }] },
    { ...good(), commitmentCheckDays: 0 },
    // a theme code outside the portal's dictionary (an individual's list has 医疗卫生 'medical', no 'health')
    { ...good(), themes: { person: ['health'] } },
    { ...good(), themes: { entity: ['birth'] } },
  ]) {
    const res = await quality(bad);
    assert.equal(res.status, 400, JSON.stringify(bad.workflow ?? bad.instantRules ?? bad.commitmentCheckDays ?? bad.themes));
    assert.equal(res.body.error.code, 'VALIDATION_FAILED');
    assert.match(res.body.error.details.field, /^content\.(workflow|instantRules|commitmentCheckDays|themes\.(person|entity))/);
  }
});

test('a department administrator saves a workflow; a bad one is kept as a draft but cannot be submitted; published, a case runs its steps', async () => {
  const code = codeFor('7101');
  const created = await server.api('/api/catalog/items', {
    method: 'POST',
    cookie: cookies.deptadmin,
    body: { code, departmentId: scjg.id, content: good({ flags: { ...sampleContent().flags, commitment: true }, commitmentCheckDays: 15 }) },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.version.quality.ok, true, JSON.stringify(created.body.version.quality.errors));
  const id = created.body.item.id as string;
  const draft = () => server.api(`/api/catalog/items/${id}`, { cookie: cookies.deptadmin });
  const saveDraft = (content: unknown, lockVersion: number, cookie = cookies.deptadmin) =>
    server.api(`/api/catalog/items/${id}/draft`, { method: 'PUT', cookie, body: { content, lockVersion } });
  const stored = (await draft()).body.current;
  assert.deepEqual(stored.content.workflow, WORKFLOW);
  assert.equal(stored.content.commitmentCheckDays, 15);

  // A payment step on an item that charges nothing, and a decision that is missing: saved, reported, not submittable.
  const bad = good({ fees: { charged: false }, workflow: [WORKFLOW[0]!, WORKFLOW[1]!, WORKFLOW[4]!] });
  const saved = await saveDraft(bad, stored.lockVersion);
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.deepEqual(rulesOf(saved.body.version.quality).errors, ['WORKFLOW_ONE_DECIDE', 'WORKFLOW_PAYMENT']);
  const refused = await server.api(`/api/catalog/items/${id}/transitions`, { method: 'POST', cookie: cookies.deptadmin, body: { action: 'submit' } });
  assert.equal(refused.status, 422);
  assert.equal(refused.body.error.code, 'ITEM_QUALITY_FAILED');
  assert.equal((await draft()).body.current.status, 'draft');

  // Structure errors write nothing; other staff cannot save at all.
  const lock = saved.body.version.lockVersion as number;
  const invalid = await saveDraft({ ...good(), workflow: [{ key: 'accept', name: '', kind: 'accept' }, WORKFLOW[3]] }, lock);
  assert.equal(invalid.status, 400);
  assert.equal((await saveDraft(good(), lock, cookies.clerk)).status, 403);
  const unchanged = (await draft()).body.current;
  assert.equal(unchanged.lockVersion, lock);
  assert.equal(unchanged.content.workflow.length, 3);

  // Fixed, submitted, approved and published by the data bureau.
  const fixed = await saveDraft(good(), lock);
  assert.equal(fixed.status, 200);
  assert.equal(fixed.body.version.quality.ok, true, JSON.stringify(fixed.body.version.quality.errors));
  for (const [who, action] of [['deptadmin', 'submit'], ['dataofficer', 'approve'], ['dataofficer', 'publish']] as const) {
    const r = await server.api(`/api/catalog/items/${id}/transitions`, { method: 'POST', cookie: cookies[who], body: { action } });
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
  }

  // A citizen's case for the item carries the item's steps, in order, with their kinds.
  const started = await server.api('/api/cases', {
    method: 'POST',
    cookie: cookies.citizen,
    body: { item: code, formData: { entity_name: '陈小云小吃店', uscc: '92445302MA4UJ0001X', address: '云浮市云城区建设北路1号' } },
  });
  assert.equal(started.status, 201, JSON.stringify(started.body));
  const read = await server.api(`/api/cases/${started.body.case.id}`, { cookie: cookies.citizen });
  assert.equal(read.status, 200);
  assert.deepEqual(
    read.body.case.steps.map((s: { key: string; name: string; kind: string }) => [s.key, s.name, s.kind]),
    WORKFLOW.map((s) => [s.key, s.name, s.kind]),
  );
});

test('the demo catalogue publishes items with their own workflows, 秒批 rules and a commitment check period', async () => {
  const published = async (name: string) => {
    const row = await server.ctx.db.one<{ content: ItemContent; status: string; quality_ok: boolean }>(
      `select v.content, v.status, v.quality_ok from catalog_item_version v join catalog_item i on i.id = v.item_id
        where v.name = $1 and i.region_code in ('445300000000', '445302000000') order by i.region_code limit 1`,
      [name],
    );
    assert.ok(row, name);
    assert.equal(row.status, 'published', name);
    assert.equal(row.quality_ok, true, name);
    return row.content;
  };
  const procedures = async (name: string) => (await published(name)).workflow?.map((s) => s.procedure ?? s.kind);
  assert.deepEqual(await procedures('药品零售企业经营许可'), ['accept', 'review', 'on_site', 'decide']);
  assert.deepEqual(await procedures('特殊建设工程消防设计审查'), ['accept', 'review', 'expert_review', 'decide']);
  assert.deepEqual(await procedures('建设工程规划许可证核发'), ['accept', 'review', 'publicity', 'decide']);
  const reissue = await published('不动产权证书补发、换发');
  assert.equal(reissue.workflow?.at(-1)?.kind, 'payment');
  assert.ok(reissue.fees?.charged && reissue.fees.items?.every((f) => Number.isInteger(f.amountFen)));
  const allowance = await published('80周岁以上老年人高龄津贴申领');
  assert.equal(allowance.flags?.instantApproval, true);
  assert.equal(allowance.promisedLimit?.immediate, true);
  assert.deepEqual(
    allowance.instantRules?.map((r) => [r.fact, r.op, r.value]),
    [
      ['applicant.age', 'gte', 80],
      ['applicant.idRegion', 'prefix', '4453'],
    ],
  );
  const food = await published('食品经营许可（新办）');
  assert.equal(food.flags?.commitment, true);
  assert.equal(food.commitmentCheckDays, 20);
});
