import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idNumberCheckChar } from '../../../kernel/validate/index.ts';
import { applicantFacts, evaluateInstantRules } from './instant.ts';

const id = (first17: string) => first17 + idNumberCheckChar(first17);
const senior = id('44200019600315123'); // born 1960-03-15 in 442000
const RULES = [
  { fact: 'applicant.age', op: 'gte' as const, value: 60, label: '年满60周岁' },
  { fact: 'applicant.idRegion', op: 'prefix' as const, value: '4420', label: '户籍在本市' },
  { fact: 'form.count', op: 'lte' as const, value: 2, label: '申领数量不超过2' },
];

test('秒批: age counts whole years on the day, birthday included', () => {
  assert.equal(applicantFacts('person', senior, '2020-03-14').age, 59);
  assert.equal(applicantFacts('person', senior, '2020-03-15').age, 60);
  assert.deepEqual(applicantFacts('enterprise', senior, '2020-03-15'), { kind: 'enterprise' });
  assert.deepEqual(applicantFacts('person', '123', '2020-03-15'), { kind: 'person' });
});

test('秒批: all rules hold → approved, with every value seen', () => {
  const r = evaluateInstantRules(RULES, { count: '1' }, applicantFacts('person', senior, '2026-11-23'));
  assert.equal(r.approved, true);
  assert.deepEqual(r.rules.map((x) => [x.label, x.actual, x.passed]), [
    ['年满60周岁', 66, true],
    ['户籍在本市', '442000', true],
    ['申领数量不超过2', '1', true],
  ]);
});

test('秒批: one failing or missing fact declines, and says which', () => {
  const young = evaluateInstantRules(RULES, { count: 1 }, applicantFacts('person', senior, '2019-01-01'));
  assert.equal(young.approved, false);
  assert.deepEqual(young.rules.filter((x) => !x.passed).map((x) => x.label), ['年满60周岁']);
  const missing = evaluateInstantRules(RULES, {}, applicantFacts('person', senior, '2026-11-23'));
  assert.deepEqual(missing.rules.filter((x) => !x.passed).map((x) => x.label), ['申领数量不超过2']);
  const enterprise = evaluateInstantRules(RULES, { count: 1 }, applicantFacts('enterprise', null, '2026-11-23'));
  assert.equal(enterprise.approved, false);
  assert.equal(evaluateInstantRules([], {}, { kind: 'person' }).approved, false);
});

test('秒批: in / eq / ne / gt / lt and non-numbers', () => {
  const facts = { kind: 'person' as const };
  const one = (op: 'in' | 'eq' | 'ne' | 'gt' | 'lt', value: unknown, actual: unknown) =>
    evaluateInstantRules([{ fact: 'form.x', op, value: value as string, label: 'x' }], { x: actual }, facts).approved;
  assert.equal(one('in', ['a', 'b'], 'b'), true);
  assert.equal(one('in', ['a', 'b'], 'c'), false);
  assert.equal(one('eq', true, true), true);
  assert.equal(one('ne', 'a', 'b'), true);
  assert.equal(one('gt', 5, 'abc'), false);
  assert.equal(one('lt', 5, 4), true);
});
