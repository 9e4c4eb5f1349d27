import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeBundle } from './bundle-merge.ts';
import { sampleContent } from './fixtures.ts';
import type { ItemContent } from './content.ts';

const form = (
  fields: Record<
    string,
    { title: string; required?: boolean; prefill?: NonNullable<NonNullable<ItemContent['form']>['fields']>[string]['prefill'] }
  >,
): ItemContent['form'] => ({
  schema: {
    type: 'object',
    properties: Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, { type: 'string', title: f.title }])),
    required: Object.entries(fields).flatMap(([k, f]) => (f.required ? [k] : [])),
  },
  fields: Object.fromEntries(
    Object.entries(fields).map(([k, f], i) => [k, { order: i, ...(f.prefill ? { prefill: f.prefill } : {}) }]),
  ),
});

test('a field with the same name or the same prefill source is asked once; required wins', () => {
  const a = sampleContent({
    form: form({
      applicantName: { title: '申请人', prefill: { source: 'identity', claim: 'name' } },
      shopName: { title: '店名' },
      phone: { title: '电话' },
    }),
  });
  const b = sampleContent({
    form: form({
      name: { title: '姓名', required: true, prefill: { source: 'identity', claim: 'name' } },
      phone: { title: '联系电话', required: true },
      area: { title: '面积' },
    }),
  });
  const m = mergeBundle([
    { itemId: 'a', code: 'A', name: 'A', content: a },
    { itemId: 'b', code: 'B', name: 'B', content: b },
  ]);
  assert.equal(m.form.fieldsBeforeMerge, 6);
  assert.deepEqual(
    m.form.fields.map((f) => f.name),
    ['applicantName', 'shopName', 'phone', 'area'],
  );
  const name = m.form.fields[0]!;
  assert.deepEqual(
    name.askedBy.map((x) => `${x.code}.${x.field}`),
    ['A.applicantName', 'B.name'],
  );
  assert.equal(name.required, true, 'required in one item means required in the bundle');
  assert.equal(m.form.fields[2]!.askedBy.length, 2);
});

test('materials with the same name or the same replacing licence type are listed once, with the items that need them', () => {
  const base = sampleContent().materials!;
  const a = sampleContent({
    materials: [base[0]!, { ...base[1]!, name: '营业执照', replacedByLicenseType: 'LIC1', replacedByBaseField: undefined }],
  });
  const b = sampleContent({
    materials: [
      { ...base[1]!, name: '企业营业执照副本', replacedByLicenseType: 'LIC1', replacedByBaseField: undefined },
      { ...base[2]!, necessity: 'optional' },
      { ...base[0]!, name: ' 食品经营许可申请书 ', necessity: 'deferrable' },
    ],
  });
  const m = mergeBundle([
    { itemId: 'a', code: 'A', name: '甲', content: a },
    { itemId: 'b', code: 'B', name: '乙', content: b },
  ]);
  assert.equal(m.materialsBeforeMerge, 5);
  assert.deepEqual(
    m.materials.map((x) => x.name),
    ['食品经营许可申请书', '营业执照', '经营场所平面布局图'],
  );
  assert.deepEqual(
    m.materials[1]!.neededBy.map((n) => n.material),
    ['营业执照', '企业营业执照副本'],
  );
  assert.equal(m.materials[0]!.necessity, 'required', 'the stricter necessity wins');
  assert.equal(m.materials[0]!.neededBy.length, 2);
});

test('items without a form or materials merge to empty lists', () => {
  const m = mergeBundle([{ itemId: 'a', code: 'A', name: 'A', content: { name: 'x' } }]);
  assert.deepEqual(m, { form: { fields: [], fieldsBeforeMerge: 0 }, materials: [], materialsBeforeMerge: 0 });
});
