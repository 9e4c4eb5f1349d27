import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import { test } from 'node:test';
import { hashPassword, needsRehash, verifyPassword } from './password.ts';

test('argon2id hashes verify, are salted and name their parameters', async () => {
  const a = await hashPassword('Correct-Horse-9');
  const b = await hashPassword('Correct-Horse-9');
  assert.match(a, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.notEqual(a, b);
  assert.equal(await verifyPassword('Correct-Horse-9', a), true);
  assert.equal(await verifyPassword('Correct-Horse-8', a), false);
  assert.equal(needsRehash(a), false);
});

test('full-width input is normalised (NFKC) so the same password typed on a Chinese IME matches', async () => {
  const stored = await hashPassword('Abc12345!');
  assert.equal(await verifyPassword('Ａｂｃ１２３４５！', stored), true);
});

test('scrypt hashes of earlier releases still verify and are marked for rehash', async () => {
  const salt = Buffer.from('0123456789abcdef');
  const key = scryptSync('old-password-1', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
  const stored = ['scrypt', 2 ** 14, 8, 1, salt.toString('base64'), key.toString('base64')].join('$');
  assert.equal(await verifyPassword('old-password-1', stored), true);
  assert.equal(await verifyPassword('old-password-2', stored), false);
  assert.equal(needsRehash(stored), true);
});

test('malformed stored values match nothing', async () => {
  for (const stored of ['', 'plain', '$argon2id$broken', 'scrypt$1$2']) {
    assert.equal(await verifyPassword('x', stored), false);
  }
});
