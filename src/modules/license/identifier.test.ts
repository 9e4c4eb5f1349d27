import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildLicenceId, isValidLicenceId, mod3736CheckChar, parseLicenceId } from './identifier.ts';

// Identifiers issued by the national platform (STANDARDS.md §1.3 and the public code it cites).
const REAL = [
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.002.S',
  '1.2.156.3005.2.11100000000013338W087.11370800MB28559184.37080001202411010001.001.3',
  '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
];

test('MOD 37,36 matches the ISO/IEC 7064 reference vectors', () => {
  // Vectors of the standard's annex as used by independent implementations.
  assert.equal(mod3736CheckChar('A12425GABC1234002'), 'M');
  assert.equal(mod3736CheckChar('B159D8FA01240000'), 'K');
  assert.throws(() => mod3736CheckChar('ab'), /outside/);
});

test('the real identifiers of the national platform validate and parse into their parts', () => {
  for (const id of REAL) assert.ok(isValidLicenceId(id), id);
  const parsed = parseLicenceId(REAL[0]!);
  assert.deepEqual(parsed, {
    ok: true,
    typeCode: '11100000000013338W011',
    issuerUscc: '11430000006122244L',
    serial: '20230000403',
    version: 1,
    check: 'U',
  });
});

test('build reproduces the real identifiers from their parts', () => {
  for (const id of REAL) {
    const p = parseLicenceId(id);
    assert.ok(p.ok);
    assert.equal(buildLicenceId(p), id);
  }
});

test('a wrong check character is refused as such', () => {
  assert.deepEqual(parseLicenceId(REAL[0]!.replace(/U$/, 'V')), { ok: false, problem: 'check' });
  // A sample printed in an API document of the national platform carries 'M' where MOD 37,36
  // over its parts gives 'D': it is an illustration, not an issued identifier.
  assert.deepEqual(
    parseLicenceId('1.2.156.3005.2.11100000000013661B006.113700000045046442.209FA4E88F9E4C878F3E9BED2CE7EA49.001.M'),
    { ok: false, problem: 'check' },
  );
  // One changed character anywhere in the body breaks the check (single-substitution detection).
  const flipped = REAL[2]!.replace('37080001202411010001', '37080001202411010002');
  assert.deepEqual(parseLicenceId(flipped), { ok: false, problem: 'check' });
});

test('truncated and malformed identifiers name the failing part', () => {
  const id = REAL[0]!;
  assert.deepEqual(parseLicenceId(id.slice(0, id.lastIndexOf('.'))), { ok: false, problem: 'parts' });
  assert.deepEqual(parseLicenceId(id.slice(0, 30)), { ok: false, problem: 'parts' });
  assert.deepEqual(parseLicenceId('1.2.156.3005'), { ok: false, problem: 'root' });
  assert.deepEqual(parseLicenceId(''), { ok: false, problem: 'root' });
  assert.deepEqual(parseLicenceId('hello world'), { ok: false, problem: 'root' });
  assert.deepEqual(parseLicenceId(id.replace('.001.', '.01.')), { ok: false, problem: 'version' });
  assert.deepEqual(parseLicenceId(id.replace('11100000000013338W011', '11100000000013338W01')), { ok: false, problem: 'type' });
  assert.deepEqual(parseLicenceId(id.replace('11430000006122244L', '1143000000612224')), { ok: false, problem: 'issuer' });
  assert.deepEqual(parseLicenceId(id.replace('20230000403', '2023-0000403')), { ok: false, problem: 'serial' });
});

test('lower case and surrounding spaces are accepted as the same identifier', () => {
  assert.ok(isValidLicenceId(`  ${REAL[2]!.toLowerCase()} `));
});

test('build refuses parts it could never parse back', () => {
  const good = { typeCode: '11100000000013338W011', issuerUscc: '11430000006122244L', serial: 'A1', version: 1 };
  assert.throws(() => buildLicenceId({ ...good, version: 0 }), /version/);
  assert.throws(() => buildLicenceId({ ...good, version: 1000 }), /version/);
  assert.throws(() => buildLicenceId({ ...good, serial: 'a-1' }), /serial/);
  assert.throws(() => buildLicenceId({ ...good, typeCode: 'X' }), /type/);
  assert.throws(() => buildLicenceId({ ...good, issuerUscc: 'I1430000006122244L' }), /issuer/);
  assert.ok(isValidLicenceId(buildLicenceId({ ...good, version: 999 })));
});
