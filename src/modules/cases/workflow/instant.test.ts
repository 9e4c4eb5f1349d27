import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn, applicantFacts, evaluateInstantRules } from './instant.ts';

/** A person as the population base records them: born 1960-03-15, registered in 442000. */
const senior = { birthDate: '1960-03-15', householdRegionCode: '442000000000' };
const RULES = [
  { fact: 'applicant.age', op: 'gte' as const, value: 60, label: '年满60周岁' },
  { fact: 'applicant.idRegion', op: 'prefix' as const, value: '4420', label: '户籍在本市' },
  { fact: 'form.count', op: 'lte' as const, value: 2, label: '申领数量不超过2' },
];

test('秒批: age counts whole years on the day, birthday included', () => {
  assert.equal(ageOn('1960-03-15', '2020-03-14'), 59);
  assert.equal(ageOn('1960-03-15', '2020-03-15'), 60);
  assert.equal(ageOn('1960-03-15', '2021-01-01'), 60);
  assert.equal(applicantFacts('person', senior, '2020-03-14').age, 59);
  assert.equal(applicantFacts('person', senior, '2020-03-15').age, 60);
});

test('秒批: the facts are the population base\'s; without a record, or a field of it, they are missing', () => {
  assert.deepEqual(applicantFacts('person', senior, '2020-03-15'), { kind: 'person', age: 60, idRegion: '442000000000' });
  assert.deepEqual(applicantFacts('enterprise', senior, '2020-03-15'), { kind: 'enterprise' });
  assert.deepEqual(applicantFacts('person', undefined, '2020-03-15'), { kind: 'person' });
  assert.deepEqual(applicantFacts('person', { birthDate: null, householdRegionCode: '442000000000' }, '2020-03-15'), { kind: 'person', idRegion: '442000000000' });
  assert.deepEqual(applicantFacts('person', { birthDate: '1960-03-15', householdRegionCode: null }, '2020-03-15'), { kind: 'person', age: 60 });
});

test('秒批: all rules hold → approved, with every value seen', () => {
  const r = evaluateInstantRules(RULES, { count: '1' }, applicantFacts('person', senior, '2026-11-23'));
  assert.equal(r.approved, true);
  assert.deepEqual(r.rules.map((x) => [x.label, x.actual, x.passed]), [
    ['年满60周岁', 66, true],
    ['户籍在本市', '442000000000', true],
    ['申领数量不超过2', '1', true],
  ]);
});

test('秒批: 户籍地 is where the base says the person is registered, whatever region an ID number was issued in', () => {
  const movedAway = applicantFacts('person', { ...senior, householdRegionCode: '440300000000' }, '2026-11-23');
  const r = evaluateInstantRules(RULES, { count: 1 }, movedAway);
  assert.equal(r.approved, false);
  assert.deepEqual(r.rules.filter((x) => !x.passed).map((x) => [x.label, x.actual]), [['户籍在本市', '440300000000']]);
});

test('秒批: one failing or missing fact declines, and says which', () => {
  const young = evaluateInstantRules(RULES, { count: 1 }, applicantFacts('person', senior, '2019-01-01'));
  assert.equal(young.approved, false);
  assert.deepEqual(young.rules.filter((x) => !x.passed).map((x) => x.label), ['年满60周岁']);
  const missing = evaluateInstantRules(RULES, {}, applicantFacts('person', senior, '2026-11-23'));
  assert.deepEqual(missing.rules.filter((x) => !x.passed).map((x) => x.label), ['申领数量不超过2']);
  // not in the population base: both applicant rules fail, with no value seen
  const unknown = evaluateInstantRules(RULES, { count: 1 }, applicantFacts('person', undefined, '2026-11-23'));
  assert.deepEqual(unknown.rules.filter((x) => !x.passed).map((x) => [x.label, x.actual]), [['年满60周岁', null], ['户籍在本市', null]]);
  const enterprise = evaluateInstantRules(RULES, { count: 1 }, applicantFacts('enterprise', undefined, '2026-11-23'));
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
