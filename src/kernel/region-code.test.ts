import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isWithinRegion, parentRegionCode, regionLevel, regionPrefix, toRegionCode } from './region-code.ts';

test('levels, prefixes and parents of 12-digit codes', () => {
  const cases: [string, number, string, string | null][] = [
    ['440000000000', 1, '44', null],
    ['445300000000', 2, '4453', '440000000000'],
    ['445302000000', 3, '445302', '445300000000'],
    ['445302001000', 4, '445302001', '445302000000'],
    ['445302001001', 5, '445302001001', '445302001000'],
  ];
  for (const [code, level, prefix, parent] of cases) {
    assert.equal(regionLevel(code), level, code);
    assert.equal(regionPrefix(code), prefix, code);
    assert.equal(parentRegionCode(code), parent, code);
  }
  assert.equal(toRegionCode('4453'), '445300000000');
});

test('subtree membership is by significant prefix, not by string prefix of the padded code', () => {
  assert.equal(isWithinRegion('445302001001', '445300000000'), true);
  assert.equal(isWithinRegion('445381000000', '445302000000'), false);
  assert.equal(isWithinRegion('445300000000', '445302000000'), false);
  assert.equal(isWithinRegion('441900003000', '440000000000'), true);
});
