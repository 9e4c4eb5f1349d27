import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../kernel/errors.ts';
import { bundleKeyOf, inBundleTerms, memberForm, mergedValues, type BundlePlan } from './plan.ts';

// Two members: both ask the applicant's name (merged), one names the ID number `id_no`, the other
// `applicant_id_number` but from the same identity claim (merged under the first name).
const plan: BundlePlan = {
  members: [],
  form: { schema: { type: 'object', properties: {}, required: [] }, fields: {} },
  fieldMap: new Map([
    ['applicant_name', [{ position: 1, field: 'applicant_name' }, { position: 2, field: 'applicant_name' }]],
    ['id_no', [{ position: 1, field: 'id_no' }, { position: 2, field: 'applicant_id_number' }]],
    ['account_number', [{ position: 2, field: 'account_number' }]],
  ]),
  materials: [
    { key: '1.m1', name: '居民身份证', necessity: 'required', source: 'applicant', skipped: false, dataMissing: null, neededBy: [{ position: 1, itemName: 'A', materialKey: 'm1' }, { position: 2, itemName: 'B', materialKey: 'm3' }] },
    { key: '2.m1', name: '户口簿', necessity: 'required', source: 'applicant', skipped: false, dataMissing: null, neededBy: [{ position: 2, itemName: 'B', materialKey: 'm1' }] },
  ],
};
const member = { position: 2, itemId: 'b', itemCode: 'B-CODE', itemName: 'B', step: 1, optional: false };

test("each member gets the merged values under its own field names, and nothing it does not ask", () => {
  const data = { applicant_name: '陈小云', id_no: '445302199003159006', account_number: 'W-1' };
  assert.deepEqual(memberForm(plan, 1, data), { applicant_name: '陈小云', id_no: '445302199003159006' });
  assert.deepEqual(memberForm(plan, 2, data), { applicant_name: '陈小云', applicant_id_number: '445302199003159006', account_number: 'W-1' });
});

test('prefill fills the merged form from any member, without overwriting what is there', () => {
  const into: Record<string, unknown> = { applicant_name: '已填' };
  mergedValues(plan, 2, { applicant_name: '陈小云', applicant_id_number: 'X' }, into);
  assert.deepEqual(into, { applicant_name: '已填', id_no: 'X' });
});

test("a member's own material key maps to the one bundle material that stands for it", () => {
  assert.equal(bundleKeyOf(plan, 2, 'm3'), '1.m1');
  assert.equal(bundleKeyOf(plan, 2, 'm1'), '2.m1');
  assert.equal(bundleKeyOf(plan, 1, 'm9'), undefined);
});

test("a member's error is told in the bundle's field names and material keys, with the same code", () => {
  const form = inBundleTerms(new AppError('FORM_INVALID', 422, { count: 1 }, { errors: [{ field: 'applicant_id_number', keyword: 'pattern' }] }), plan, member) as AppError;
  assert.equal(form.code, 'FORM_INVALID');
  assert.equal(form.status, 422);
  assert.deepEqual(form.details, { errors: [{ field: 'id_no', keyword: 'pattern' }], member: { position: 2, itemCode: 'B-CODE', itemName: 'B' } });
  const missing = inBundleTerms(new AppError('MATERIALS_MISSING', 422, {}, { materials: [{ key: 'm3', name: '身份证' }] }), plan, member) as AppError;
  assert.deepEqual((missing.details as { materials: unknown }).materials, [{ key: '1.m1', name: '身份证' }]);
  const plain = new Error('boom');
  assert.equal(inBundleTerms(plain, plan, member), plain);
});
