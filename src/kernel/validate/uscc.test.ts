import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import { assignUscc, orgCodeCheckChar, usccCheckChar, validateUscc } from './uscc.ts';

test('accepts published codes of real organisations', () => {
  for (const code of [
    '11100000000013338W', // central-level 机关 (region 100000)
    '91350100M000100Y43', // GB 32100 worked example
    '914403001922038216', // enterprise registered in Shenzhen
    '91440300708461136T', // enterprise registered in Shenzhen, letter check char
    '91110000600037341L', // enterprise registered in Beijing
  ]) {
    assert.deepEqual(validateUscc(code), { ok: true }, code);
  }
});

test('check characters can be computed for synthetic demo data', () => {
  assert.equal(orgCodeCheckChar('19220382'), '1');
  assert.equal(orgCodeCheckChar('M000100Y'), '4');
  assert.equal(usccCheckChar('91350100M000100Y4'), '3');
  // A synthetic 事业单位 in 云浮市云城区, built only from the helpers, must validate.
  const orgBody = 'MB2C0001';
  const first17 = `12445302${orgBody}${orgCodeCheckChar(orgBody)}`;
  assert.equal(first17 + usccCheckChar(first17), '12445302MB2C000139');
  assert.deepEqual(validateUscc(first17 + usccCheckChar(first17)), { ok: true });
  assert.throws(() => usccCheckChar('91350100M000100Y'), /17/);
  assert.throws(() => usccCheckChar('91350100M000100IO'), /alphabet/);
  assert.throws(() => orgCodeCheckChar('1922038'), /8 characters/);
});

test('rejects with the reason that applies', () => {
  const cases: Array<[string, string]> = [
    ['91350100M000100Y4', 'LENGTH'],
    ['91350100M000100Y433', 'LENGTH'],
    ['', 'LENGTH'],
    ['91350100M000100I43', 'CHARSET'], // I is excluded from the alphabet
    ['91350100m000100y43', 'CHARSET'], // lower case is not canonical
    ['91350100M0001 0Y43', 'CHARSET'],
    ['94350100M000100Y43', 'AUTHORITY'], // 工商 has no institution type 4
    ['B1350100M000100Y43', 'AUTHORITY'], // no registration authority B
    ['Y2350100M000100Y43', 'AUTHORITY'], // 其他 is not subdivided
    ['91990100M000100Y43', 'REGION'], // 99 is no province
    ['9135A100M000100Y43', 'REGION'],
    ['91350100M000100Y53', 'ORG_CODE_CHECK'],
    ['91350100M000101Y43', 'ORG_CODE_CHECK'],
    ['91350100M000100Y44', 'CHECK_CHAR'],
    ['914403001922038217', 'CHECK_CHAR'],
  ];
  for (const [code, reason] of cases) assert.deepEqual(validateUscc(code), { ok: false, reason }, code);
});

test('a code assigned at registration is valid, starts with its authority, type and region, and is the same for the same seed', () => {
  const seeds = Array.from({ length: 200 }, (_, i) => createHash('sha256').update(`case-${i}`).digest());
  const codes = seeds.map((seed, i) => assignUscc('9', String((i % 3) + 1), '445302', seed));
  for (const [i, code] of codes.entries()) {
    assert.deepEqual(validateUscc(code), { ok: true }, code);
    assert.equal(code.slice(0, 8), `9${(i % 3) + 1}445302`);
  }
  assert.equal(new Set(codes).size, codes.length);
  assert.equal(assignUscc('9', '2', '445302', seeds[7]!), assignUscc('9', '2', '445302', seeds[7]!));
  assert.throws(() => assignUscc('9', '4', '445302', seeds[0]!), /authority and institution type/);
  assert.throws(() => assignUscc('9', '1', '4453', seeds[0]!), /6-digit/);
});
