import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldsFromForm, isCaseLicenceOperation } from './case-issue.ts';

test('the operations a case may produce: 新发, 延续, 变更 — not the status operations staff make', () => {
  assert.deepEqual(['01', '02', '09'].map(isCaseLicenceOperation), [true, true, true]);
  assert.deepEqual(['03', '05', '06', '10', '', undefined, 2].map(isCaseLicenceOperation), [false, false, false, false, false, false, false]);
});

test('form fields by the type keys, camelCase or snake_case; blanks do not overwrite the old licence', () => {
  const form = { legal_representative: '陈小云', entityAddress: '新城大道8号', business_scope: '', reason: '毁损换发' };
  assert.deepEqual(fieldsFromForm(['legalRepresentative', 'entityAddress', 'businessScope'], form), {
    legalRepresentative: '陈小云',
    entityAddress: '新城大道8号',
  });
});
