import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskPassportNumber, validatePassportNumber } from './passport.ts';

test('passport numbers as the machine-readable zone prints them', () => {
  for (const ok of ['E12345678', 'C03005988', 'L898902C3', '123456789', 'AB1234567890']) assert.deepEqual(validatePassportNumber(ok), { ok: true }, ok);
  assert.deepEqual(validatePassportNumber('E123'), { ok: false, reason: 'LENGTH' });
  assert.deepEqual(validatePassportNumber('E1234567890123456789'), { ok: false, reason: 'LENGTH' });
  assert.deepEqual(validatePassportNumber('e12345678'), { ok: false, reason: 'CHARSET' }, 'callers upper-case first');
  assert.deepEqual(validatePassportNumber('E1234 678'), { ok: false, reason: 'CHARSET' });
  assert.deepEqual(validatePassportNumber("E1'; drop"), { ok: false, reason: 'CHARSET' });
  assert.deepEqual(validatePassportNumber('SMITHJOHN'), { ok: false, reason: 'NO_DIGIT' });
});

test('a masked passport number keeps two characters at each end', () => {
  assert.equal(maskPassportNumber('E12345678'), 'E1*****78');
  assert.equal(maskPassportNumber('E1234'), '*****');
});
