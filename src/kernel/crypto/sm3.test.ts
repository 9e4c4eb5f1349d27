import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hmacSm3, sm3Hex } from './sm3.ts';

test('SM3 matches the GB/T 32905 test vectors', () => {
  assert.equal(sm3Hex('abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  assert.equal(sm3Hex('abcd'.repeat(16)), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  assert.equal(sm3Hex(Buffer.from('abc')), sm3Hex('abc'));
});

test('HMAC-SM3 is keyed and deterministic', () => {
  const a = hmacSm3('key-1', 'message');
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.equal(hmacSm3('key-1', 'message'), a);
  assert.notEqual(hmacSm3('key-2', 'message'), a);
  assert.notEqual(a, sm3Hex('message'));
});
