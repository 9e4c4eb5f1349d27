import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskPersonal, personalKindByShape } from './mask.ts';

// a valid 公民身份号码 (check character computed by the GB 11643 rule)
const ID = '445302199003070028';

test('masks by kind: recognisable, never usable', () => {
  assert.equal(maskPersonal('id_number', ID), '4453**********0028');
  assert.equal(maskPersonal('phone', '13800000001'), '138****0001');
  assert.equal(maskPersonal('bank_account', '6222020000000004321'), '***************4321');
  assert.equal(maskPersonal('address', '广东省云浮市云城区建设北路1号'), '广东省云浮市****');
  assert.equal(maskPersonal('email', 'chen@example.cn'), 'c***@example.cn');
  assert.equal(maskPersonal('name', '陈小云'), '陈**');
  assert.equal(maskPersonal('other', 'anything'), '******');
  assert.equal(maskPersonal('bank_account', { no: 1 }), '******');
});

test('an ID number or a mobile number is personal by its shape, also inside a structure', () => {
  assert.equal(personalKindByShape(` ${ID} `), 'id_number');
  assert.equal(personalKindByShape('13800000001'), 'phone');
  assert.equal(personalKindByShape({ contact: { mobile: '13800000001' } }), 'other');
  // a number with a wrong check character, a landline, a USCC: not personal by shape
  assert.equal(personalKindByShape('445302199003070027'), undefined);
  assert.equal(personalKindByShape('07668888888'), undefined);
  assert.equal(personalKindByShape('91445300MA4W000001'), undefined);
});
