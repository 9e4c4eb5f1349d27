import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sm3Hex } from '../crypto/sm3.ts';
import { localFileStore } from './local.ts';
import { FileNotFoundError } from './store.ts';

const store = localFileStore(mkdtempSync(join(tmpdir(), 'yiwang-files-')));

test('put, get, exists, delete', async () => {
  const content = Buffer.from('受理回执 receipt');
  const stored = await store.put(content, { prefix: 'receipts' });
  assert.match(stored.key, /^receipts\/[0-9a-f-]{36}$/);
  assert.equal(stored.size, content.length);
  assert.equal(stored.sm3, sm3Hex(content));
  assert.deepEqual(await store.get(stored.key), content);
  assert.equal(await store.exists(stored.key), true);
  await store.delete(stored.key);
  assert.equal(await store.exists(stored.key), false);
  await assert.rejects(store.get(stored.key), FileNotFoundError);
});

test('keys cannot leave the store directory', async () => {
  for (const key of ['../etc/passwd', '/etc/passwd', 'a/../../x', 'A/B', '']) {
    await assert.rejects(store.get(key), FileNotFoundError, key);
    assert.equal(await store.exists(key), false);
  }
  const odd = await store.put(Buffer.from('x'), { prefix: '../Evil Prefix' });
  assert.match(odd.key, /^---evil-prefix\//);
});
