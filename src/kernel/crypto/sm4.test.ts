import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Sm4AuthError, blindIndex, sm4Decrypt, sm4Encrypt } from './sm4.ts';

const KEY = '0123456789abcdeffedcba9876543210';
const OTHER_KEY = 'ffeeddccbbaa99887766554433221100';

test('SM4 round-trips text, including Chinese and the empty string', () => {
  for (const value of ['445302199001011234', '广东省云浮市云城区', '', 'x'.repeat(1000)]) {
    const stored = sm4Encrypt(KEY, value);
    assert.match(stored, /^v1:[A-Za-z0-9+/]+=*$/);
    assert.equal(sm4Decrypt(KEY, stored), value);
  }
});

test('SM4 uses a fresh IV: equal plaintexts give different ciphertexts', () => {
  assert.notEqual(sm4Encrypt(KEY, '13800138000'), sm4Encrypt(KEY, '13800138000'));
});

test('SM4 detects any flipped byte, a wrong key, truncation and a foreign format', () => {
  const stored = sm4Encrypt(KEY, '445302199001011234');
  const raw = Buffer.from(stored.slice(3), 'base64');
  for (let i = 0; i < raw.length; i++) {
    const tampered = Buffer.from(raw);
    tampered[i]! ^= 0x01;
    assert.throws(() => sm4Decrypt(KEY, `v1:${tampered.toString('base64')}`), Sm4AuthError, `byte ${i}`);
  }
  assert.throws(() => sm4Decrypt(OTHER_KEY, stored), Sm4AuthError);
  assert.throws(() => sm4Decrypt(KEY, `v1:${raw.subarray(0, raw.length - 1).toString('base64')}`), Sm4AuthError);
  assert.throws(() => sm4Decrypt(KEY, `v2:${raw.toString('base64')}`), Sm4AuthError);
  assert.throws(() => sm4Decrypt(KEY, '445302199001011234'), Sm4AuthError);
});

test('SM4 rejects keys that are not 128 bits of hex', () => {
  assert.throws(() => sm4Encrypt('abc', 'x'), /32 hex/);
  assert.throws(() => sm4Encrypt(`${KEY}00`, 'x'), /32 hex/);
});

test('blind index is stable, keyed and value-sensitive', () => {
  const a = blindIndex(KEY, '445302199001011234');
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.equal(blindIndex(KEY, '445302199001011234'), a);
  // Pinned so an accidental change of construction (which would orphan every stored index) fails here.
  assert.equal(a, 'e79761476277b76f2006da477044941eaf0d60fc07c8652d955c7212649fe5e4');
  assert.equal(blindIndex(KEY.toUpperCase(), '445302199001011234'), a);
  assert.notEqual(blindIndex(OTHER_KEY, '445302199001011234'), a);
  assert.notEqual(blindIndex(KEY, '445302199001011235'), a);
});
