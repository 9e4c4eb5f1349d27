import assert from 'node:assert/strict';
import { test } from 'node:test';
import { personalData } from '../../kernel/pii.ts';
import { declaredKinds, openForm, sealForm } from './personal-form.ts';

const pii = personalData('00112233445566778899aabbccddeeff');
// a valid 公民身份号码 (check character computed by the GB 11643 rule)
const ID = '445302199003070028';

test('declared, claim-implied and shape-detected fields are sealed; the rest stays as given', () => {
  const kinds = declaredKinds({
    schema: { type: 'object' },
    fields: {
      account: { personal: 'bank_account' },
      applicant_phone: { prefill: { source: 'identity', claim: 'phone' } },
      applicant_name: { prefill: { source: 'identity', claim: 'name' } },
    },
  });
  assert.deepEqual(kinds, { account: 'bank_account', applicant_phone: 'phone' });
  const data = { account: '6222020000000004321', applicant_phone: '13800000001', note: ID, family: [{ id: ID }], amount: 12, empty: '', applicant_name: '陈小云' };
  const stored = sealForm(pii, kinds, data);
  assert.deepEqual(Object.keys(stored.form_pii).sort(), ['account', 'applicant_phone', 'family', 'note']);
  assert.equal(stored.form_pii.note!.kind, 'id_number');
  assert.equal(stored.form_pii.family!.kind, 'other');
  assert.equal(stored.form_pii.family!.index, null);
  assert.equal(stored.form_pii.applicant_phone!.index, pii.index('13800000001'));
  assert.deepEqual({ amount: stored.form_data.amount, empty: stored.form_data.empty, name: stored.form_data.applicant_name }, { amount: 12, empty: '', name: '陈小云' });
  const text = JSON.stringify(stored);
  for (const clear of ['6222020000000004321', '13800000001', ID]) assert.ok(!text.includes(clear));
  assert.deepEqual(openForm(pii, stored), data);
});

test('a masked value sent back keeps the stored one; a new value replaces it; a sealed field stays personal', () => {
  const first = sealForm(pii, { phone: 'phone' }, { phone: '13800000001', note: ID });
  const again = sealForm(pii, {}, { ...first.form_data, phone: '13900000002' }, first);
  assert.deepEqual(openForm(pii, again), { phone: '13900000002', note: ID });
  const renamed = sealForm(pii, {}, { phone: 'not a phone any more' }, first);
  assert.equal(renamed.form_pii.phone!.kind, 'phone', 'once personal, the field stays sealed');
});
