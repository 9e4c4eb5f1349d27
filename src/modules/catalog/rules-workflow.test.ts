import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ItemContent, WorkflowStep } from './content.ts';
import { sampleContent } from './fixtures.ts';
import { checkQuality, workflowShape } from './rules.ts';
import { contentErrors } from './validate-content.ts';

const step = (key: string, kind: WorkflowStep['kind'], extra: Partial<WorkflowStep> = {}): WorkflowStep => ({ key, name: key, kind, ...extra });
const DEFAULT: WorkflowStep[] = [step('accept', 'accept'), step('review', 'review'), step('decide', 'decide')];
const CHARGED: ItemContent['fees'] = { charged: true, onlinePayment: true, items: [{ name: '工本费', amountFen: 2000, basis: '粤发改价格〔2017〕1号' }] };

const rulesOf = (c: ItemContent) => workflowShape.check(c, {}).map((i) => i.rule);
const only = (c: ItemContent) => [...new Set(rulesOf(c))].sort();

test('a full workflow (受理 → 现场勘查 → 审查 → 决定 → 缴费) on a charged item passes', () => {
  const c = sampleContent({
    fees: CHARGED,
    workflow: [
      step('accept', 'accept', { roles: ['window_clerk'] }),
      step('site', 'special', { procedure: 'on_site', name: '现场勘查' }),
      step('review', 'review'),
      step('decide', 'decide', { roles: ['leader'] }),
      step('pay', 'payment'),
    ],
  });
  assert.deepEqual(contentErrors(c), []);
  assert.deepEqual(rulesOf(c), []);
  assert.equal(checkQuality(c).ok, true, JSON.stringify(checkQuality(c).errors));
});

test('no workflow field: the default steps apply and nothing is reported', () => {
  assert.deepEqual(rulesOf(sampleContent()), []);
});

const BAD: [string, WorkflowStep[], string][] = [
  ['starts with review', [step('review', 'review'), step('accept', 'accept'), step('decide', 'decide')], 'WORKFLOW_ACCEPT_FIRST'],
  ['accepts twice', [...DEFAULT, step('again', 'accept')], 'WORKFLOW_ACCEPT_FIRST'],
  ['no decision', [step('accept', 'accept'), step('review', 'review')], 'WORKFLOW_ONE_DECIDE'],
  ['two decisions', [...DEFAULT, step('decide2', 'decide')], 'WORKFLOW_ONE_DECIDE'],
  ['duplicate keys', [step('accept', 'accept'), step('review', 'review'), step('review', 'decide')], 'WORKFLOW_UNIQUE_KEYS'],
  ['special without procedure', [step('accept', 'accept'), step('site', 'special'), step('decide', 'decide')], 'WORKFLOW_PROCEDURE'],
];

for (const [name, workflow, rule] of BAD) {
  test(`${rule}: ${name}`, () => {
    const c = sampleContent({ workflow });
    assert.deepEqual(only(c), [rule]);
    const report = checkQuality(c);
    assert.equal(report.ok, false);
    const found = report.errors.find((e) => e.rule === rule);
    assert.equal(found?.field, 'workflow');
    assert.equal(found?.severity, 'error');
  });
}

test('WORKFLOW_PAYMENT: payment before the decision, or on an item that charges nothing', () => {
  const early = sampleContent({ fees: CHARGED, workflow: [step('accept', 'accept'), step('pay', 'payment'), step('decide', 'decide')] });
  assert.deepEqual(only(early), ['WORKFLOW_PAYMENT']);
  const free = sampleContent({ workflow: [...DEFAULT, step('pay', 'payment')] });
  assert.deepEqual(only(free), ['WORKFLOW_PAYMENT']);
  const fine = sampleContent({ fees: CHARGED, workflow: [...DEFAULT, step('pay', 'payment')] });
  assert.deepEqual(rulesOf(fine), []);
});

test('several faults are all reported at once', () => {
  const c = sampleContent({ workflow: [step('x', 'review'), step('x', 'special')] });
  assert.deepEqual(only(c), ['WORKFLOW_ACCEPT_FIRST', 'WORKFLOW_ONE_DECIDE', 'WORKFLOW_PROCEDURE', 'WORKFLOW_UNIQUE_KEYS']);
});

const instant = (rules: ItemContent['instantRules'], on = true) =>
  sampleContent({ flags: { ...sampleContent().flags, instantApproval: on }, instantRules: rules });

test('秒批 rules over known facts pass: applicant age, household region, applicant kind, a form field', () => {
  const c = instant([
    { fact: 'applicant.age', op: 'gte', value: 80, label: '年满80周岁' },
    { fact: 'applicant.idRegion', op: 'prefix', value: '4453', label: '云浮市户籍' },
    { fact: 'applicant.kind', op: 'eq', value: 'person', label: '本人申请' },
    { fact: 'form.address', op: 'ne', value: '', label: '填写了经营场所' },
  ]);
  assert.deepEqual(contentErrors(c), []);
  assert.deepEqual(rulesOf(c), []);
});

test('INSTANT_RULE_FACT: a form field the form does not have, or an unknown applicant fact, names the row', () => {
  const c = instant([
    { fact: 'applicant.age', op: 'gte', value: 60, label: '年满60周岁' },
    { fact: 'form.ghost', op: 'eq', value: 'x', label: '不存在的字段' },
    { fact: 'applicant.income', op: 'lt', value: 1000, label: '低收入' },
  ]);
  const issues = workflowShape.check(c, {});
  assert.deepEqual(
    issues.map((i) => [i.rule, i.field, i.params?.fact, i.severity]),
    [
      ['INSTANT_RULE_FACT', 'instantRules.1.fact', 'form.ghost', 'error'],
      ['INSTANT_RULE_FACT', 'instantRules.2.fact', 'applicant.income', 'error'],
    ],
  );
  // An item without a form has no form facts at all.
  const formless = instant([{ fact: 'form.address', op: 'eq', value: 'x', label: '地址' }]);
  delete formless.form;
  assert.deepEqual(rulesOf(formless), ['INSTANT_RULE_FACT']);
});

test('INSTANT_RULES_FLAG: rules on an item not marked 秒批 are a warning, which does not block', () => {
  const c = instant([{ fact: 'applicant.age', op: 'gte', value: 60, label: '年满60周岁' }], false);
  const issues = workflowShape.check(c, {});
  assert.deepEqual(issues.map((i) => [i.rule, i.field, i.severity]), [['INSTANT_RULES_FLAG', 'instantRules', 'warning']]);
  const report = checkQuality(c);
  assert.equal(report.ok, true);
  assert.ok(report.warnings.some((w) => w.rule === 'INSTANT_RULES_FLAG'));
  // No rules, no warning, whatever the flag.
  assert.deepEqual(rulesOf(instant([], false)), []);
});

test('structure is the schema’s job: a bad step key, an unknown kind, a one-step workflow, an unknown operator', () => {
  assert.notDeepEqual(contentErrors(sampleContent({ workflow: [step('Accept', 'accept'), step('decide', 'decide')] })), []);
  assert.notDeepEqual(contentErrors({ ...sampleContent(), workflow: [step('accept', 'accept'), { key: 'x', name: 'x', kind: 'sign' }] }), []);
  assert.notDeepEqual(contentErrors(sampleContent({ workflow: [step('decide', 'decide')] })), []);
  assert.notDeepEqual(contentErrors({ ...sampleContent(), instantRules: [{ fact: 'applicant.age', op: 'between', value: 1, label: 'x' }] }), []);
  assert.notDeepEqual(contentErrors({ ...sampleContent(), commitmentCheckDays: 0 }), []);
});
