import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkQuality } from '../modules/catalog/rules.ts';
import { parseHandleItemCode } from '../modules/catalog/codes.ts';
import { contentErrors } from '../modules/catalog/validate-content.ts';
import { COLUMNS } from '../modules/catalog/transfer/template.ts';
import type { DepartmentRef } from '../modules/org/index.ts';
import { demoBaseFields, demoItemFiles, demoLicenseTypes } from './catalog-data.ts';
import { generateRows } from './catalog-generate.ts';
import { CITY_DEPARTMENTS, COUNTY_DEPARTMENTS } from './departments.ts';
import { demoUscc } from './uscc.ts';

const CITY = '445300000000';
const COUNTIES = ['445302000000', '445303000000', '445321000000', '445322000000', '445381000000'];
let sequence = 0;
const department = (regionCode: string, abbr: string, shortName: string): DepartmentRef => ({
  id: `${regionCode}-${abbr}`,
  code: `${regionCode.slice(0, 6)}-${abbr}`,
  name: shortName,
  shortName,
  uscc: demoUscc(regionCode, ++sequence),
  regionCode,
});
const DEPARTMENTS = [
  ...CITY_DEPARTMENTS.map((d) => department(CITY, d.abbr, d.shortName)),
  ...COUNTIES.flatMap((c) => COUNTY_DEPARTMENTS.map((d) => department(c, d.abbr, d.shortName))),
];
const rules = {
  licenseTypes: new Set(demoLicenseTypes().map((l) => l.code)),
  baseFields: new Set(demoBaseFields().map((f) => f.key)),
};

/** A row's content, as the import reads it. */
function contentOf(row: Record<string, unknown>) {
  const content: Record<string, unknown> = {};
  for (const c of COLUMNS) {
    const cell = row[c.key];
    if (cell === undefined || !c.contentKeys) continue;
    if (c.kind === 'text') content[c.contentKeys[0]!] = cell;
    else Object.assign(content, cell);
  }
  return content;
}

test('the generator is deterministic and yields valid, varied rows of the import template', () => {
  const a = generateRows(5000, DEPARTMENTS, 7);
  assert.equal(a.length, 5000);
  assert.deepEqual(a, generateRows(5000, DEPARTMENTS, 7));
  assert.notDeepEqual(generateRows(50, DEPARTMENTS, 8), a.slice(0, 50));
  assert.deepEqual(generateRows(0, DEPARTMENTS), []);
  assert.throws(() => generateRows(-1, DEPARTMENTS));
  const keys = new Set(COLUMNS.map((c) => c.key));
  assert.ok(a.every((row) => Object.keys(row).every((k) => keys.has(k))), 'only template columns');
  assert.equal(new Set(a.map((r) => r.code)).size, a.length);
  const demoBasicCodes = new Set(demoItemFiles().flatMap((f) => (JSON.parse(f.data.toString()) as { code: string }[]).map((r) => r.code.slice(0, 14))));
  assert.ok(
    a.every((r) => !demoBasicCodes.has(String(r.code).slice(0, 14))),
    'generated basic codes collide with the demo catalogue',
  );
  assert.ok(new Set(a.map((r) => r.name)).size > 3000, 'names are varied');
  assert.ok(new Set(a.map((r) => r.department)).size >= 30);
  assert.equal(new Set(a.map((r) => String(r.code).split('-')[1])).size, 1 + COUNTIES.length);
  assert.equal(new Set(a.map((r) => r.typeCode)).size, 11);
  const byCode = new Map(DEPARTMENTS.map((d) => [d.code, d]));
  for (const row of a) {
    const parsed = parseHandleItemCode(String(row.code));
    assert.ok(parsed.ok, String(row.code));
    const dept = byCode.get(String(row.department))!;
    assert.equal(parsed.value.implementation.uscc, dept.uscc);
    assert.equal(parsed.value.implementation.regionCode, dept.regionCode);
    const content = contentOf(row);
    assert.deepEqual(contentErrors(content), [], String(row.code));
    assert.deepEqual(checkQuality(content as never, rules).errors, [], String(row.code));
  }
});
