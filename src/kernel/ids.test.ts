import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UUID_PATTERN, uuidv7 } from './ids.ts';

test('UUIDv7: version 7, variant 10, ordered by time, unique', () => {
  const a = uuidv7(1_700_000_000_000);
  const b = uuidv7(1_700_000_000_001);
  assert.match(a, new RegExp(UUID_PATTERN));
  assert.equal(a[14], '7');
  assert.ok(['8', '9', 'a', 'b'].includes(a[19]!));
  assert.ok(a < b);
  assert.equal(new Set(Array.from({ length: 1000 }, () => uuidv7())).size, 1000);
});
