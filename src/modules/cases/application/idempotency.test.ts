import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestHash } from './idempotency.ts';

test('a request hashes the same whatever the order of its keys, and differently when anything in it differs', () => {
  const a = requestHash('cases.draft', { item: 'X', formData: { a: 1, b: ['x', { c: 2, d: 3 }] }, actingFor: null });
  assert.equal(a, requestHash('cases.draft', { actingFor: null, formData: { b: ['x', { d: 3, c: 2 }], a: 1 }, item: 'X' }));
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.notEqual(a, requestHash('cases.draft', { item: 'X', formData: { a: 1, b: [{ c: 2, d: 3 }, 'x'] }, actingFor: null }), 'array order counts');
  assert.notEqual(a, requestHash('cases.draft', { item: 'X', formData: { a: '1', b: ['x', { c: 2, d: 3 }] }, actingFor: null }), '1 is not "1"');
  assert.notEqual(a, requestHash('cases.submit', { item: 'X', formData: { a: 1, b: ['x', { c: 2, d: 3 }] }, actingFor: null }), 'the operation counts');
});
