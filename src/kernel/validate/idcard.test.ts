import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idNumberCheckChar, maskIdNumber, maskPhone, validateIdNumber } from './idcard.ts';

const TODAY = '2026-03-20';

test('accepts well-formed numbers and reports birth date and sex', () => {
  assert.deepEqual(validateIdNumber('11010519491231002X', TODAY), { ok: true, birthDate: '1949-12-31', sex: 'F' }); // GB 11643 example
  assert.deepEqual(validateIdNumber('11010519491231002x', TODAY), { ok: true, birthDate: '1949-12-31', sex: 'F' });
  assert.deepEqual(validateIdNumber('445302199001011235', TODAY), { ok: true, birthDate: '1990-01-01', sex: 'M' });
  assert.deepEqual(validateIdNumber('440106200002290024', TODAY), { ok: true, birthDate: '2000-02-29', sex: 'F' });
  assert.deepEqual(validateIdNumber('810000201001010019', TODAY), { ok: true, birthDate: '2010-01-01', sex: 'M' }); // 港澳居民居住证
  assert.equal(validateIdNumber('445302202603200011', TODAY).ok, true, 'born today');
});

test('check character follows ISO 7064 MOD 11-2', () => {
  assert.equal(idNumberCheckChar('11010519491231002'), 'X');
  assert.equal(idNumberCheckChar('44530219900101123'), '5');
  assert.throws(() => idNumberCheckChar('4453021990010112'), /17 digits/);
});

test('rejects with the reason that applies', () => {
  const cases: Array<[string, string]> = [
    ['445302199001011234', 'CHECK_CHAR'],
    ['110105194912310021', 'CHECK_CHAR'],
    ['44530219900101123', 'LENGTH'],
    ['4453021990010112355', 'LENGTH'],
    ['445302900101123', 'LENGTH'], // first-generation 15-digit number
    ['44530219900101123A', 'CHARSET'],
    ['4453021990010X1235', 'CHARSET'],
    ['４45302199001011235', 'CHARSET'], // full-width digit
    ['995302199001011232', 'REGION'],
    ['005302199001011232', 'REGION'],
    ['445302199002301232', 'BIRTH_DATE'], // 30 February
    ['445302190002290000', 'BIRTH_DATE'], // 1900 was not a leap year
    ['445302199013011232', 'BIRTH_DATE'], // month 13
    ['445302189912311232', 'BIRTH_DATE'], // before 1900
    ['445302202603210012', 'BIRTH_DATE'], // tomorrow
  ];
  for (const [id, reason] of cases) assert.deepEqual(validateIdNumber(id, TODAY), { ok: false, reason }, id);
});

test('the default "today" is the current day in Asia/Shanghai', () => {
  assert.equal(validateIdNumber('445302199001011235').ok, true);
  assert.deepEqual(validateIdNumber('445302210001011232'), { ok: false, reason: 'BIRTH_DATE' });
});

test('masks keep only what a receipt shows', () => {
  assert.equal(maskIdNumber('445302199001011234'), '4453**********1234');
  assert.equal(maskIdNumber('1234567'), '*******');
  assert.equal(maskPhone('13800138000'), '138****8000');
  assert.equal(maskPhone('07668888888'), '076****8888');
  assert.equal(maskPhone('12345'), '*****');
});
