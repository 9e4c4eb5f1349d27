import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateUscc } from '../../../../kernel/validate/uscc.ts';
import { demoUscc } from '../../../../seed/uscc.ts';
import { CITY_DEPARTMENTS, COUNTY_DEPARTMENTS } from '../../../../seed/departments.ts';
import { CHANNELS, ENTITY_THEMES, ITEM_TYPES, PERSON_THEMES, SERVICE_OBJECTS, type DemoItem } from '../types.ts';
import { parseHandleItemCode } from '../../codes.ts';
import {
  BASE_FIELDS,
  CITY,
  COUNTIES,
  DEMO_BUNDLES,
  DEMO_CATALOG,
  DEMO_COUNTY_COPIES,
  DEMO_ITEMS,
  DEMO_QUERIES,
  LICENSE_TYPES,
  departmentUscc,
  generateItems,
  itemByKey,
} from './index.ts';

const ALL = [...DEMO_ITEMS, ...DEMO_COUNTY_COPIES];
const cityAbbrs = new Set(CITY_DEPARTMENTS.map((d) => d.abbr));
const countyAbbrs = new Set(COUNTY_DEPARTMENTS.map((d) => d.abbr));
const licenceCodes = new Set(LICENSE_TYPES.map((l) => l.code));
const baseFields = new Set(BASE_FIELDS.map((b) => b.key));
const PHONE = /^0\d{2,3}-\d{7,8}$/;

/** The basic quality rules of STANDARDS.md §2.5 plus the consistency the catalogue relies on. */
function problems(item: DemoItem): string[] {
  const out: string[] = [];
  const fail = (what: string) => out.push(`${item.key}: ${what}`);
  // 网办深度 Ⅳ级 ⇒ 到现场次数 = 0; 次数 > 0 ⇒ 原因; = 0 ⇒ 原因 "无".
  if (item.onlineDepthLevel === 4 && item.visits !== 0) fail('depth IV needs 0 visits');
  if (item.visits > 0 && (item.visitReason.trim() === '' || item.visitReason === '无')) fail('visits > 0 needs a reason');
  if (item.visits === 0 && item.visitReason !== '无') fail('visits = 0 needs reason 无');
  // = 0 and not online ⇒ 办理形式 includes 邮寄申请.
  if (item.visits === 0 && !item.channels.includes('online') && !item.channels.includes('mail'))
    fail('zero visits without online or mail');
  // 收费 ⇒ 收费依据 and 标准.
  for (const fee of item.fees) {
    if (!fee.basis.trim()) fail(`fee ${fee.name} without basis`);
    if (!fee.rule.trim() && fee.amountFen === undefined) fail(`fee ${fee.name} without standard`);
    if (fee.amountFen !== undefined && (!Number.isInteger(fee.amountFen) || fee.amountFen <= 0)) fail(`fee ${fee.name} amount`);
  }
  // 咨询 and 投诉 phones present, different, with area code.
  if (!PHONE.test(item.consultPhone)) fail(`consult phone ${item.consultPhone}`);
  if (!PHONE.test(item.complaintPhone)) fail(`complaint phone ${item.complaintPhone}`);
  if (item.consultPhone === item.complaintPhone) fail('consult and complaint phones are the same');
  // 承诺时限非即办 ⇒ 承诺件; 承诺 ≤ 法定.
  if ((item.promisedLimit === 0) !== (item.caseType === 'immediate')) fail('case type does not match the promised limit');
  if (item.promisedLimit > item.statutoryLimit) fail('promised limit exceeds statutory limit');
  if (!Number.isInteger(item.statutoryLimit) || !Number.isInteger(item.promisedLimit) || item.promisedLimit < 0)
    fail('limits are whole working days');
  // Online channel ⇔ depth ≥ Ⅲ; the national scheme agrees with the four levels.
  if (item.channels.includes('online') !== item.onlineDepthLevel >= 3) fail('online channel vs depth');
  const nat = new Set<number>(item.onlineDepthNational);
  if (item.onlineDepthLevel === 4 && !(nat.has(4) && nat.has(5))) fail('depth IV needs national 4 and 5');
  if (item.onlineDepthLevel === 3 && !nat.has(3)) fail('depth III needs national 3');
  if (item.onlineDepthNational.some((n) => n < 1 || n > 8)) fail('national depth code out of range');
  for (const c of item.channels) if (!(c in CHANNELS)) fail(`unknown channel ${c}`);
  // Flags.
  if (item.flags.crossProvince && item.flags.crossScope !== 'nation' && item.flags.crossScope !== 'pan_prd')
    fail('跨省通办 needs a national scope');
  if (item.flags.instantApproval && item.promisedLimit !== 0) fail('秒批 must be 即办');
  if (item.flags.mobile && !item.channels.includes('mobile')) fail('mobile flag without mobile channel');
  if (item.flags.noTrip !== (item.visits === 0)) fail('免跑 flag vs visits');
  if (item.flags.sso && item.onlineDepthLevel < 3) fail('SSO on an item that is not online');
  // Result type by name (…证 ⇒ 出证, …批复 ⇒ 审批, …文 ⇒ 出文).
  if (/证$/.test(item.resultName) && item.resultType !== 'certificate') fail('result …证 must be certificate');
  if (/批复$/.test(item.resultName) && item.resultType !== 'approval') fail('result …批复 must be approval');
  if (item.resultLicenseType && !licenceCodes.has(item.resultLicenseType)) fail('unknown result licence type');
  // Materials.
  const names = new Set<string>();
  for (const mat of item.materials) {
    if (names.has(mat.name)) fail(`duplicate material ${mat.name}`);
    names.add(mat.name);
    if (mat.replacedByLicenseType && !licenceCodes.has(mat.replacedByLicenseType))
      fail(`material ${mat.name}: unknown licence type`);
    if (mat.replacedByBaseField && !baseFields.has(mat.replacedByBaseField)) fail(`material ${mat.name}: unknown base field`);
    if (mat.replacedByBaseField && mat.replacedByLicenseType) fail(`material ${mat.name}: two replacements`);
    if (mat.source === 'data_sharing' && !mat.replacedByBaseField && !mat.replacedByLicenseType)
      fail(`material ${mat.name}: shared without source`);
    if (!Number.isInteger(mat.count) || mat.count < 0) fail(`material ${mat.name}: count`);
    if (mat.form === 'electronic' && mat.count > 0) fail(`material ${mat.name}: electronic with paper count`);
    if (mat.necessity !== 'required' && !mat.note) fail(`material ${mat.name}: optional or deferrable without a note`);
  }
  // 四免 flags backed by content.
  if (
    item.flags.noLicense &&
    item.materials.some(
      (x) => x.necessity === 'required' && x.source === 'government' && !x.replacedByLicenseType && !x.replacedByBaseField,
    )
  )
    fail('免证 while a government material is not replaced');
  if (item.flags.noSubmit && item.materials.some((x) => x.necessity === 'required' && x.form === 'paper'))
    fail('免交 while a paper material is required');
  if (item.flags.noFill && !item.form.some((x) => x.prefill)) fail('免填 without prefill');
  // Form.
  const keys = new Set<string>();
  for (const field of item.form) {
    if (keys.has(field.key)) fail(`duplicate form field ${field.key}`);
    keys.add(field.key);
    if (!/^[a-z][a-z0-9_]*$/.test(field.key)) fail(`form key ${field.key}`);
    if ((field.type === 'select' || field.type === 'radio') && !field.options?.length)
      fail(`form field ${field.key} without options`);
    const p = field.prefill;
    if (p?.source === 'base' && !baseFields.has(p.field)) fail(`form field ${field.key}: unknown base field`);
    if (p?.source === 'license') {
      const lt = LICENSE_TYPES.find((l) => l.code === p.licenseType);
      if (!lt) fail(`form field ${field.key}: unknown licence type`);
      else if (!(p.field in lt.fields)) fail(`form field ${field.key}: licence has no field ${p.field}`);
    }
  }
  // Guide completeness.
  if (!item.name.trim()) fail('name');
  if (!(item.type in ITEM_TYPES)) fail(`type ${item.type}`);
  if (!item.conditions.length) fail('conditions');
  if (!item.materials.length) fail('materials');
  if (!item.process.length) fail('process');
  if (!item.legalBasis.length || item.legalBasis.some((b) => !b.law.trim() || !b.text.trim())) fail('legal basis');
  if (!item.serviceObjects.length || item.serviceObjects.some((o) => !(o in SERVICE_OBJECTS))) fail('service objects');
  for (const t of item.personThemes) if (!(t in PERSON_THEMES)) fail(`person theme ${t}`);
  for (const t of item.entityThemes) if (!(t in ENTITY_THEMES)) fail(`entity theme ${t}`);
  for (const j of item.jointDepartments ?? []) if (!cityAbbrs.has(j)) fail(`joint department ${j}`);
  return out;
}

test('the catalogue is big enough: >= 200 items, >= 25 departments, every common type', () => {
  assert.ok(DEMO_ITEMS.length >= 200, `${DEMO_ITEMS.length} items`);
  const departments = new Set(DEMO_ITEMS.map((i) => i.department));
  assert.ok(departments.size >= 25, `${departments.size} departments`);
  const types = new Set(DEMO_ITEMS.map((i) => i.type));
  for (const t of Object.keys(ITEM_TYPES)) assert.ok(types.has(t as keyof typeof ITEM_TYPES), `type ${t} missing`);
  assert.ok(DEMO_BUNDLES.length >= 10, `${DEMO_BUNDLES.length} bundles`);
  assert.ok(DEMO_QUERIES.length >= 50, `${DEMO_QUERIES.length} queries`);
  assert.equal(DEMO_CATALOG.items.length, ALL.length);
});

test('the high-frequency items citizens need are present', () => {
  for (const key of [
    'gaj.id-card.replace',
    'gaj.hukou.move-in',
    'gaj.hukou.birth',
    'rsj.si-card.apply',
    'ybj.resident.enrol',
    'gjj.withdraw.purchase',
    'zrzyj.re.transfer-second-hand',
    'scjgj.company.establish',
    'scjgj.food.business-licence',
    'jtj.freight-licence',
    'zrzyj.planning.building-permit',
    'zjj.construction-permit',
    'mzj.marriage.register',
    'rsj.pension.retire',
    'mzj.disability.certificate',
    'mzj.relief.low-income',
    'gaj.exit.passport',
    'gaj.traffic.driving-licence-renew',
  ]) {
    assert.ok(itemByKey(key).flags.highFrequency || key === 'zjj.construction-permit' || key.startsWith('zrzyj.planning'), key);
  }
});

test('every key and code is unique and well formed', () => {
  const seen = { key: new Set<string>(), impl: new Set<string>(), handle: new Set<string>() };
  const basicOwner = new Map<string, string>();
  for (const item of ALL) {
    assert.ok(!seen.key.has(item.key), `duplicate key ${item.key}`);
    assert.ok(!seen.impl.has(item.implementationCode), `duplicate implementation code ${item.key}`);
    assert.ok(!seen.handle.has(item.handleItemCode), `duplicate handle code ${item.key}`);
    seen.key.add(item.key);
    seen.impl.add(item.implementationCode);
    seen.handle.add(item.handleItemCode);
    // the catalogue module's own parser (codes.ts) is the grammar the content must follow
    const parsed = parseHandleItemCode(item.handleItemCode);
    assert.ok(parsed.ok, `${item.key}: ${parsed.ok ? '' : parsed.reason}`);
    const { implementation } = parsed.value;
    assert.equal(implementation.code, item.implementationCode);
    assert.equal(implementation.basic.code, item.basicCode);
    assert.equal(implementation.basic.typeLetter, ITEM_TYPES[item.type].letter, `${item.key}: type letter`);
    assert.equal(implementation.regionCode, item.regionCode);
    assert.equal(implementation.uscc, departmentUscc(item.regionCode, item.department));
    // A basic code belongs to one item (county copies share their original's).
    const base = item.key.replace(/@\d{6}$/, '');
    const owner = basicOwner.get(item.basicCode);
    assert.ok(owner === undefined || owner === base, `basic code ${item.basicCode} shared by ${owner} and ${item.key}`);
    basicOwner.set(item.basicCode, base);
  }
});

test('departments exist in src/seed/departments.ts and USCCs match the seed', () => {
  for (const item of ALL) {
    if (item.regionCode === CITY.code) {
      assert.ok(cityAbbrs.has(item.department), `${item.key}: ${item.department}`);
      assert.equal(item.level, '3', item.key);
    } else {
      assert.ok(
        COUNTIES.some((c) => c.code === item.regionCode),
        `${item.key}: region ${item.regionCode}`,
      );
      assert.ok(countyAbbrs.has(item.department), `${item.key}: county department ${item.department}`);
      assert.equal(item.level, '4', item.key);
    }
  }
  for (const l of LICENSE_TYPES) assert.ok(cityAbbrs.has(l.department), l.name);
  for (const b of BASE_FIELDS) assert.ok(cityAbbrs.has(b.provider), b.key);
  for (const b of DEMO_BUNDLES) assert.ok(cityAbbrs.has(b.leadDepartment), b.code);
  // The seed numbers city departments first, then each county's in code order.
  CITY_DEPARTMENTS.forEach((d, i) => assert.equal(departmentUscc(CITY.code, d.abbr), demoUscc(CITY.code, i + 1)));
  COUNTIES.forEach((c, ci) =>
    COUNTY_DEPARTMENTS.forEach((d, di) =>
      assert.equal(
        departmentUscc(c.code, d.abbr),
        demoUscc(c.code, CITY_DEPARTMENTS.length + ci * COUNTY_DEPARTMENTS.length + di + 1),
      ),
    ),
  );
});

test('every item passes the quality rules of STANDARDS.md §2.5', () => {
  const all = ALL.flatMap(problems);
  assert.deepEqual(all, []);
});

test('reference data: licence type codes and base fields are unique and well formed', () => {
  const codes = new Set<string>();
  for (const l of LICENSE_TYPES) {
    assert.match(l.code, /^[0-9A-HJ-NPQRTUWXY]{18}\d{3}$/, l.name);
    assert.deepEqual(validateUscc(l.code.slice(0, 18)), { ok: true }, l.name);
    assert.ok(!codes.has(l.code), `duplicate licence type ${l.code}`);
    codes.add(l.code);
    assert.ok(Object.keys(l.fields).length >= 4, l.name);
  }
  assert.equal(new Set(BASE_FIELDS.map((b) => b.key)).size, BASE_FIELDS.length);
});

test('county copies implement the same basic item in another county', () => {
  assert.ok(DEMO_COUNTY_COPIES.length > 0);
  for (const copy of DEMO_COUNTY_COPIES) {
    const original = itemByKey(copy.key.replace(/@\d{6}$/, ''));
    assert.equal(copy.basicCode, original.basicCode);
    assert.notEqual(copy.implementationCode, original.implementationCode);
    assert.notEqual(copy.regionCode, original.regionCode);
    assert.ok(copy.key.endsWith(`@${copy.regionCode.slice(0, 6)}`));
  }
});

test('every bundle references existing items in a valid order', () => {
  const codes = new Set<string>();
  for (const b of DEMO_BUNDLES) {
    assert.match(b.code, /^YJS-445300-\d{3}$/);
    assert.ok(!codes.has(b.code), `duplicate bundle ${b.code}`);
    codes.add(b.code);
    assert.ok(b.items.length >= 2, b.name);
    assert.ok(b.guide.length >= 80, `${b.name}: guide too short`);
    assert.ok(
      b.items.some((x) => !x.optional),
      `${b.name}: needs a mandatory item`,
    );
    assert.equal(new Set(b.items.map((x) => x.itemKey)).size, b.items.length, `${b.name}: duplicate member`);
    if (b.audience === 'person') assert.ok(b.personTheme && b.personTheme in PERSON_THEMES, b.name);
    else assert.ok(b.entityTheme && b.entityTheme in ENTITY_THEMES, b.name);
    let previous = 0;
    for (const member of b.items) {
      const item = itemByKey(member.itemKey);
      assert.equal(member.itemCode, item.implementationCode, `${b.name}: ${member.itemKey}`);
      assert.ok(member.step >= previous, `${b.name}: steps go forward`);
      previous = member.step;
      const sameStep = b.items.filter((x) => x.step === member.step).length;
      assert.equal(member.mode, sameStep > 1 ? 'parallel' : 'sequence', `${b.name}: ${member.itemKey} mode`);
      if (member.optional) assert.ok(member.condition, `${b.name}: optional ${member.itemKey} needs a condition`);
    }
  }
  for (const name of [
    '开办企业一件事',
    '出生一件事',
    '退休一件事',
    '二手房转移登记及水电气过户一件事',
    '企业注销一件事',
    '身后一件事',
    '入学一件事',
    '开饭店一件事',
    '军人退役一件事',
  ]) {
    assert.ok(
      DEMO_BUNDLES.some((b) => b.name === name),
      name,
    );
  }
});

test('every query expects 1 to 3 existing items', () => {
  const texts = new Set<string>();
  for (const q of DEMO_QUERIES) {
    assert.ok(q.text.trim().length > 0);
    assert.ok(!texts.has(q.text), `duplicate query ${q.text}`);
    texts.add(q.text);
    assert.ok(q.expectedKeys.length >= 1 && q.expectedKeys.length <= 3, q.text);
    assert.equal(new Set(q.expectedKeys).size, q.expectedKeys.length, q.text);
    q.expectedKeys.forEach((k, i) => {
      assert.equal(q.expectedCodes[i], itemByKey(k).implementationCode, `${q.text}: ${k}`);
      assert.equal(q.expectedBasicCodes?.[i], itemByKey(k).basicCode, `${q.text}: ${k}`);
    });
  }
  const kinds = new Set(DEMO_QUERIES.map((q) => q.kind));
  for (const k of ['colloquial', 'typo', 'pinyin', 'initials', 'synonym'] as const) assert.ok(kinds.has(k), k);
  for (const t of ['孩子出生要办什么', '开饭店需要什么证', 'sfz补办', '公积金怎么取']) assert.ok(texts.has(t), t);
});

test('the generator is deterministic and yields valid, varied items', () => {
  const a = generateItems(5000, 7);
  const b = generateItems(5000, 7);
  assert.equal(a.length, 5000);
  assert.deepEqual(a, b);
  assert.notDeepEqual(generateItems(50, 8), a.slice(0, 50));
  assert.deepEqual(generateItems(0, 1), []);
  assert.throws(() => generateItems(-1, 1));
  const keys = new Set(a.map((i) => i.key));
  const codes = new Set(a.map((i) => i.handleItemCode));
  assert.equal(keys.size, a.length);
  assert.equal(codes.size, a.length);
  const handWritten = new Set(ALL.map((i) => i.basicCode));
  assert.ok(
    a.every((i) => !handWritten.has(i.basicCode)),
    'generated basic codes collide with the demo catalogue',
  );
  assert.ok(new Set(a.map((i) => i.name)).size > 3000, 'names are varied');
  assert.ok(new Set(a.map((i) => i.department)).size >= 30);
  assert.ok(new Set(a.map((i) => i.regionCode)).size === 1 + COUNTIES.length);
  assert.equal(new Set(a.map((i) => i.type)).size, Object.keys(ITEM_TYPES).length);
  for (const item of a) {
    assert.ok(parseHandleItemCode(item.handleItemCode).ok, item.key);
    assert.ok(item.regionCode === CITY.code ? cityAbbrs.has(item.department) : countyAbbrs.has(item.department), item.key);
  }
  assert.deepEqual(a.flatMap(problems), []);
});
