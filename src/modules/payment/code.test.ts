import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPaymentCode, luhnDigit, newPaymentCode } from './code.ts';

test('payment codes are 20 digits with the region and a valid check digit', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 1000; i++) {
    const code = newPaymentCode('445302000000');
    assert.match(code, /^445302\d{14}$/);
    assert.ok(isPaymentCode(code));
    seen.add(code);
  }
  assert.equal(seen.size, 1000);
});

test('a mistyped digit fails the check', () => {
  assert.equal(luhnDigit('7992739871'), 3);
  const code = newPaymentCode('445300000000');
  const wrong = code.slice(0, 10) + String((Number(code[10]) + 1) % 10) + code.slice(11);
  assert.equal(isPaymentCode(wrong), false);
  assert.equal(isPaymentCode('12345'), false);
});
