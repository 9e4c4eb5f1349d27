import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateUscc } from '../kernel/validate/uscc.ts';
import type { ItemContent } from '../modules/catalog/index.ts';
import { parseHandleItemCode } from '../modules/catalog/codes.ts';
import { checkQuality } from '../modules/catalog/rules.ts';
import { contentErrors } from '../modules/catalog/validate-content.ts';
import { COLUMNS } from '../modules/catalog/transfer/template.ts';
import { DEMO_CATALOG_CITY, demoBaseFields, demoBundles, demoItemFiles, demoLicenseTypes, demoQueries, startingSynonyms } from './catalog-data.ts';
import { CITY_DEPARTMENTS, COUNTY_DEPARTMENTS } from './departments.ts';

/**
 * The demo catalogue data (src/seed/catalog/) is what a city would import: these checks keep it
 * loadable and consistent before it reaches the catalogue, whose own import and quality rules
 * check it again when the city is seeded (test/integration/catalog-demo.test.ts).
 */
interface Row {
  code: string;
  department: string;
  file: string;
  content: ItemContent;
}

const TYPE_LETTERS: Record<string, string> = { '01': 'A', '02': 'B', '03': 'C', '04': 'D', '05': 'E', '06': 'F', '07': 'G', '08': 'H', '09': 'I', '20': 'J', '21': 'K' };
const columnKeys = new Set(COLUMNS.map((c) => c.key));

const ROWS: Row[] = demoItemFiles().flatMap((file) =>
  (JSON.parse(file.data.toString('utf8')) as Record<string, unknown>[]).map((cells) => {
    const unknown = Object.keys(cells).filter((k) => !columnKeys.has(k));
    assert.deepEqual(unknown, [], `${file.name}: ${String(cells.code)} has keys outside the template`);
    const content: Record<string, unknown> = {};
    for (const c of COLUMNS) {
      if (cells[c.key] === undefined || !c.contentKeys) continue;
      if (c.kind === 'text') content[c.contentKeys[0]!] = cells[c.key];
      else Object.assign(content, cells[c.key]);
    }
    return { code: String(cells.code), department: String(cells.department), file: file.name, content: content as unknown as ItemContent };
  }),
);
const byCode = new Map(ROWS.map((r) => [r.code, r]));
const cityAbbrs = new Set(CITY_DEPARTMENTS.map((d) => d.abbr));
const countyAbbrs = new Set(COUNTY_DEPARTMENTS.map((d) => d.abbr));
const abbrOf = (departmentCode: string) => departmentCode.slice(departmentCode.indexOf('-') + 1);
const isCity = (row: Row) => row.department.startsWith(`${DEMO_CATALOG_CITY.slice(0, 6)}-`);
const rules = {
  typeCodes: new Set(Object.keys(TYPE_LETTERS)),
  licenseTypes: new Set(demoLicenseTypes().map((l) => l.code)),
  baseFields: new Set(demoBaseFields().map((f) => f.key)),
};
const AREA_PHONE = /^0\d{2,3}-\d{7,8}$/;

test('the catalogue is big enough: >= 200 city items, >= 25 departments, every item type, bundles and >= 200 queries', () => {
  assert.equal(ROWS.length, 248);
  assert.ok(ROWS.filter(isCity).length >= 200);
  assert.ok(new Set(ROWS.map((r) => abbrOf(r.department))).size >= 25);
  assert.deepEqual(new Set(ROWS.map((r) => r.content.typeCode)), rules.typeCodes);
  assert.ok(demoBundles().length >= 10);
  assert.ok(demoQueries().length >= 200);
});

test('the high-frequency items citizens need are present and marked so', () => {
  for (const name of [
    '居民身份证补领（丢失补领）',
    '户口迁入（市外迁入，含跨省迁移“一站式”办理）',
    '出生登记（户口申报）',
    '社会保障卡申领',
    '城乡居民基本医疗保险参保登记',
    '住房公积金提取（购买自住住房）',
    '国有建设用地使用权及房屋所有权转移登记（存量房买卖）',
    '企业设立登记（有限责任公司）',
    '食品经营许可（新办）',
    '道路货物运输经营许可（危险货物运输除外）',
    '建设工程规划许可证核发',
    '建筑工程施工许可证核发',
    '内地居民结婚登记',
    '企业职工基本养老保险待遇申领（退休申请）',
    '残疾人证新办',
    '最低生活保障申请',
    '普通护照签发（首次申请、换发、补发）',
    '机动车驾驶证有效期满换证',
  ]) {
    const row = ROWS.find((r) => r.content.name === name);
    assert.ok(row, name);
    assert.equal(row.content.flags?.highFrequency, true, name);
  }
});

test('codes are unique and agree with the department, the level and the item type', () => {
  assert.equal(byCode.size, ROWS.length, 'duplicate codes');
  const nameOfBasic = new Map<string, string>();
  for (const row of ROWS) {
    const parsed = parseHandleItemCode(row.code);
    assert.ok(parsed.ok, `${row.code}: ${parsed.ok ? '' : parsed.reason}`);
    const impl = parsed.value.implementation;
    assert.equal(row.department, `${impl.regionCode.slice(0, 6)}-${abbrOf(row.department)}`, row.code);
    assert.ok((isCity(row) ? cityAbbrs : countyAbbrs).has(abbrOf(row.department)), `${row.code}: ${row.department}`);
    assert.equal(row.content.level, isCity(row) ? '3' : '4', row.code);
    assert.equal(impl.basic.typeLetter, TYPE_LETTERS[row.content.typeCode!], `${row.code}: type letter`);
    // A basic code is one item: the counties' implementations of it (十统一) carry its name.
    const name = nameOfBasic.get(impl.basic.code);
    assert.ok(name === undefined || name === row.content.name, `basic code ${impl.basic.code} names ${name} and ${row.content.name}`);
    nameOfBasic.set(impl.basic.code, row.content.name);
  }
  assert.ok(nameOfBasic.size < ROWS.length, 'some items are implemented by several counties');
});

test('every item matches the content model and passes every quality rule', () => {
  for (const row of ROWS) {
    assert.deepEqual(contentErrors(structuredClone(row.content)), [], row.code);
    assert.deepEqual(checkQuality(row.content, rules).errors, [], row.code);
  }
});

test('what the quality rules leave open is consistent too: phones, notes of optional materials, form keys, joint departments', () => {
  for (const { code, content } of ROWS) {
    assert.match(content.contact!.consultPhone!, AREA_PHONE, code);
    assert.match(content.contact!.complaintPhone!, AREA_PHONE, code);
    for (const m of content.materials ?? []) {
      if (m.necessity !== 'required') assert.ok(m.notes, `${code}: ${m.name} is optional or deferrable without a note`);
      assert.ok(!(m.form === 'electronic' && (m.count ?? 0) > 0), `${code}: ${m.name} is electronic with a paper count`);
    }
    for (const key of Object.keys(content.form?.schema.properties ?? {})) assert.match(key, /^[a-z][a-z0-9_]*$/, `${code}: form key ${key}`);
    for (const j of content.jointDepartments ?? []) assert.ok(cityAbbrs.has(j), `${code}: joint department ${j}`);
  }
});

test('reference data: licence type codes and base fields are unique, well formed and provided by city departments', () => {
  const codes = new Set<string>();
  for (const l of demoLicenseTypes()) {
    assert.match(l.code, /^[0-9A-HJ-NPQRTUWXY]{18}\d{3}$/, l.name);
    assert.deepEqual(validateUscc(l.code.slice(0, 18)), { ok: true }, l.name);
    assert.ok(!codes.has(l.code), `duplicate licence type ${l.code}`);
    codes.add(l.code);
    assert.ok(Object.keys(l.fields).length >= 4, l.name);
    assert.ok(cityAbbrs.has(l.departmentCode), l.name);
  }
  const fields = demoBaseFields();
  assert.equal(new Set(fields.map((f) => f.key)).size, fields.length);
  for (const f of fields) assert.ok(cityAbbrs.has(f.provider), f.key);
});

test('every bundle names existing items in steps that go forward', () => {
  const codes = new Set<string>();
  for (const b of demoBundles()) {
    assert.match(b.code, /^YJS-445300-\d{3}$/);
    assert.ok(!codes.has(b.code), `duplicate bundle ${b.code}`);
    codes.add(b.code);
    assert.ok(cityAbbrs.has(abbrOf(b.leadDepartment)), b.name);
    assert.ok(b.members.length >= 2, b.name);
    assert.ok(b.content.guide.length >= 80, `${b.name}: guide too short`);
    assert.ok(b.content.theme, b.name);
    assert.ok(
      b.members.some((m) => !m.optional),
      `${b.name}: needs a mandatory item`,
    );
    assert.equal(new Set(b.members.map((m) => m.itemCode)).size, b.members.length, `${b.name}: duplicate member`);
    let previous = 0;
    for (const m of b.members) {
      assert.ok(m.itemCode && byCode.has(m.itemCode), `${b.name}: ${m.itemCode}`);
      assert.ok(m.step >= previous, `${b.name}: steps go forward`);
      previous = m.step;
      if (m.optional) assert.ok(m.condition, `${b.name}: optional ${m.itemCode} needs a condition`);
    }
  }
  for (const name of ['开办企业一件事', '出生一件事', '退休一件事', '二手房转移登记及水电气过户一件事', '企业注销一件事', '身后一件事', '入学一件事', '开饭店一件事', '军人退役一件事']) {
    assert.ok(
      demoBundles().some((b) => b.name === name),
      name,
    );
  }
});

test('every query expects 1 to 3 existing items; the set covers the hard kinds of query', () => {
  const texts = new Set<string>();
  for (const q of demoQueries()) {
    assert.ok(q.text.trim().length > 0);
    assert.ok(!texts.has(q.text), `duplicate query ${q.text}`);
    texts.add(q.text);
    assert.ok(q.expectedCodes.length >= 1 && q.expectedCodes.length <= 3, q.text);
    assert.equal(new Set(q.expectedCodes).size, q.expectedCodes.length, q.text);
    for (const code of q.expectedCodes) assert.ok(byCode.has(code), `${q.text}: ${code}`);
  }
  const kinds = new Set(demoQueries().map((q) => q.kind));
  for (const k of ['colloquial', 'typo', 'pinyin', 'initials', 'synonym'] as const) assert.ok(kinds.has(k), k);
  for (const t of ['孩子出生要办什么', '开饭店需要什么证', 'sfz补办', '公积金怎么取']) assert.ok(texts.has(t), t);
});

test('the starting synonym groups have two or more different words each', () => {
  for (const words of startingSynonyms()) {
    assert.ok(new Set(words).size >= 2, words.join(' '));
    assert.ok(
      words.every((w) => w === w.trim().toLowerCase()),
      words.join(' '),
    );
  }
});
