import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ItemContent } from './content.ts';
import { diffContent } from './diff.ts';
import { classifyCode, parseBasicCode, parseHandleItemCode, parseImplementationCode } from './codes.ts';
import { sampleContent } from './fixtures.ts';
import { checkQuality, RULES, type RuleContext } from './rules.ts';
import { contentErrors } from './validate-content.ts';
import { orgCodeCheckChar, usccCheckChar } from '../../kernel/validate/uscc.ts';

const ctx: RuleContext = {
  typeCodes: new Set(['01', '07', '21']),
  licenseTypes: new Set(['11100000000013338W011']),
  baseFields: new Set(['legal_entity.registration', 'population.birth_record']),
};
const rulesOf = (c: ItemContent) => checkQuality(c, ctx).errors.map((e) => e.rule);
const warningsOf = (c: ItemContent) => checkQuality(c, ctx).warnings.map((e) => e.rule);

/** Each case: a mutation of the valid sample and the rule it must trip. */
const CASES: [string, (c: ItemContent) => void, string][] = [
  ['missing conditions', (c) => delete c.conditions, 'REQUIRED_FIELDS'],
  ['missing complaint phone', (c) => (c.contact = { consultPhone: '0766-8224101' }), 'REQUIRED_FIELDS'],
  ['unknown type', (c) => (c.typeCode = '99'), 'TYPE_UNKNOWN'],
  ['licensing without legal basis', (c) => (c.legalBasis = []), 'LEGAL_BASIS'],
  ['promised limit but 即办件', (c) => (c.caseType = 'immediate'), 'CASE_TYPE_LIMIT'],
  ['immediate with days', (c) => (c.statutoryLimit = { immediate: true, days: 3 }), 'LIMIT_SHAPE'],
  ['promised beyond statutory', (c) => (c.promisedLimit = { immediate: false, days: 30 }), 'PROMISED_EXCEEDS_STATUTORY'],
  ['result …证 but 出文办结', (c) => (c.result = { type: 'document', name: '食品经营许可证' }), 'RESULT_TYPE_NAME'],
  ['延续 of no licence type', (c) => (c.result = { type: 'certificate', name: '营业执照', licenseOperation: '02' }), 'RESULT_LICENSE_OPERATION'],
  ['registration named by a field the form lacks', (c) => (c.result = { type: 'certificate', name: '营业执照', licenseTypeCode: '11100000000010049A001', registers: { subject: 'individual_business', nameField: 'no_such_field' } }), 'RESULT_REGISTERS'],
  ['registration of no licence type', (c) => (c.result = { type: 'certificate', name: '营业执照', registers: { subject: 'enterprise', nameField: 'company_name' } }), 'RESULT_REGISTERS'],
  ['holder named by a field the form lacks', (c) => (c.result = { type: 'certificate', name: '外国人工作许可证', licenseTypeCode: '11100000000010217C001', holder: { nameField: 'entity_name', codeField: 'passport_number', codeType: 'passport' } }), 'RESULT_HOLDER'],
  ['holder named by the form for no licence type', (c) => (c.result = { type: 'certificate', name: '外国人工作许可证', holder: { nameField: 'entity_name', codeField: 'address', codeType: 'passport' } }), 'RESULT_HOLDER'],
  [
    'a registration held by a person the form names',
    (c) => (c.result = { type: 'certificate', name: '营业执照', licenseTypeCode: '11100000000013338W011', registers: { subject: 'enterprise', nameField: 'entity_name' }, holder: { nameField: 'entity_name', codeField: 'address', codeType: 'id_card' } }),
    'RESULT_HOLDER',
  ],
  ['visits without reason', (c) => Object.assign(c, { visits: 1, visitReason: '', onlineDepth: { national: [1, 2, 3], level: 3 }, flags: { ...c.flags, noTrip: false } }), 'VISIT_REASON'],
  ['zero visits with a reason', (c) => (c.visitReason = '需核验原件'), 'VISIT_REASON_ZERO'],
  ['depth Ⅳ with visits', (c) => Object.assign(c, { visits: 1, visitReason: '核验原件', flags: { ...c.flags, noTrip: false } }), 'DEPTH4_VISITS'],
  [
    'zero visits, offline, no mail',
    (c) => Object.assign(c, { channels: ['window'], onlineDepth: { national: [], level: 0 }, flags: { ...c.flags, sso: false, mobile: false } }),
    'ZERO_VISITS_CHANNEL',
  ],
  ['depth Ⅳ without 受理/办理 codes', (c) => (c.onlineDepth = { national: [1, 2, 3], level: 4 }), 'DEPTH_SCHEMES'],
  ['online channel with depth Ⅱ', (c) => Object.assign(c, { onlineDepth: { national: [1, 2], level: 2 }, visits: 1, visitReason: '现场核验', flags: { ...c.flags, noTrip: false } }), 'ONLINE_CHANNEL_DEPTH'],
  ['free item listing fees', (c) => (c.fees = { charged: false, items: [{ name: '工本费', amountFen: 1000 }] }), 'FEE_ITEMS_UNCHARGED'],
  ['charged without items', (c) => (c.fees = { charged: true, onlinePayment: true }), 'FEE_ITEMS'],
  ['fee without basis', (c) => (c.fees = { charged: true, onlinePayment: true, items: [{ name: '工本费', amountFen: 2000 }] }), 'FEE_BASIS'],
  ['fee without standard', (c) => (c.fees = { charged: true, onlinePayment: true, items: [{ name: '工本费', basis: '发改价格〔2003〕2322号' }] }), 'FEE_STANDARD'],
  ['fee without payment answer', (c) => (c.fees = { charged: true, items: [{ name: '工本费', amountFen: 2000, basis: '发改价格〔2003〕2322号' }] }), 'FEE_ONLINE_PAYMENT'],
  ['phone without area code', (c) => (c.contact = { consultPhone: '8224101', complaintPhone: '0766-8224109' }), 'PHONE_FORMAT'],
  ['same phones', (c) => (c.contact = { consultPhone: '0766-8224101', complaintPhone: '07668224101' }), 'PHONES_SAME'],
  ['sharing without source', (c) => (c.materials![0] = { ...c.materials![0]!, source: 'data_sharing' }), 'MATERIAL_SHARING_SOURCE'],
  ['two replacement sources', (c) => (c.materials![1] = { ...c.materials![1]!, replacedByLicenseType: '11100000000013338W011' }), 'MATERIAL_TWO_SOURCES'],
  ['unknown licence type', (c) => (c.materials![1] = { ...c.materials![1]!, replacedByBaseField: undefined, replacedByLicenseType: 'NOPE' }), 'MATERIAL_LICENSE_TYPE_UNKNOWN'],
  ['unknown base field', (c) => (c.materials![1] = { ...c.materials![1]!, replacedByBaseField: 'population.nope' }), 'MATERIAL_BASE_FIELD_UNKNOWN'],
  ['duplicate material', (c) => c.materials!.push({ ...c.materials![0]!, key: 'again' }), 'MATERIAL_DUPLICATE'],
  ['免跑 with visits', (c) => Object.assign(c, { visits: 1, visitReason: '核验', onlineDepth: { national: [1, 2, 3], level: 3 } }), 'FOUR_FREE_TRIP'],
  [
    '免证 with a government-issued paper licence',
    (c) => {
      c.flags = { ...c.flags, noLicense: true };
      c.materials!.push({ name: '卫生许可证', necessity: 'required', kind: 'original', form: 'paper', count: 1, source: 'government' });
    },
    'FOUR_FREE_LICENSE',
  ],
  ['免交 with a paper material', (c) => Object.assign(c, { flags: { ...c.flags, noSubmit: true }, materials: [{ ...c.materials![0]!, form: 'paper' }] }), 'FOUR_FREE_SUBMIT'],
  ['免填 without prefill', (c) => (c.form = { schema: { type: 'object', properties: { a: { type: 'string' } } }, fields: { a: {} } }), 'FOUR_FREE_FILL'],
  ['a workflow without a decision', (c) => (c.workflow = [{ key: 'accept', name: '受理', kind: 'accept' }, { key: 'review', name: '审查', kind: 'review' }]), 'WORKFLOW_ONE_DECIDE'],
  ['跨省通办 within the province', (c) => (c.flags = { ...c.flags, crossProvince: true, crossScope: 'province' }), 'CROSS_PROVINCE_SCOPE'],
  ['秒批 with a 5-day promise', (c) => (c.flags = { ...c.flags, instantApproval: true }), 'INSTANT_APPROVAL_LIMIT'],
  ['掌上办 without the mobile channel', (c) => (c.channels = ['window', 'online']), 'MOBILE_CHANNEL'],
  ['form schema invalid', (c) => (c.form = { schema: { type: 'object', properties: { a: { type: 'nonsense' } } } }), 'FORM_SCHEMA'],
  ['required field not in form', (c) => (c.form!.schema.required = ['entity_name', 'ghost']), 'FORM_REQUIRED_UNKNOWN'],
  ['layout hint for an unknown field', (c) => (c.form!.fields!.ghost = { order: 9 }), 'FORM_FIELD_UNKNOWN'],
  ['prefill without its claim', (c) => (c.form!.fields!.address = { prefill: { source: 'identity' } }), 'FORM_PREFILL'],
];

test('the sample item passes every rule', () => {
  const report = checkQuality(sampleContent(), ctx);
  assert.deepEqual(report.errors, []);
  assert.equal(report.ok, true);
  assert.deepEqual(contentErrors(sampleContent()), []);
});

for (const [name, mutate, rule] of CASES) {
  test(`rule ${rule}: ${name}`, () => {
    const c = structuredClone(sampleContent());
    mutate(c);
    assert.ok(rulesOf(c).includes(rule), `expected ${rule}, got ${rulesOf(c).join(', ') || 'nothing'}`);
    assert.equal(checkQuality(c, ctx).ok, false);
  });
}

test('every rule is exercised by a case above', () => {
  const covered = new Set<string>();
  for (const [, mutate, issue] of CASES) {
    const c = structuredClone(sampleContent());
    mutate(c);
    for (const r of RULES) if (r.check(c, ctx).some((i) => i.rule === issue)) covered.add(r.id);
  }
  assert.deepEqual(RULES.map((r) => r.id).filter((id) => !covered.has(id)), []);
});

test('warnings do not block: 公共服务 without legal basis, SSO item not online, electronic material with paper count', () => {
  const c = sampleContent({ typeCode: '21', legalBasis: [] });
  c.materials![1] = { ...c.materials![1]!, count: 2 };
  assert.ok(warningsOf(c).includes('LEGAL_BASIS'));
  assert.ok(warningsOf(c).includes('MATERIAL_COUNT'));
  assert.ok(!rulesOf(c).includes('LEGAL_BASIS'));
  const offline = sampleContent({
    channels: ['window', 'mail', 'mobile'],
    onlineDepth: { national: [1, 2], level: 2 },
    flags: { sso: true, mobile: true },
  });
  assert.ok(warningsOf(offline).includes('SSO_NOT_ONLINE'));
});

test('content structure: enumerations, integer fen, unknown properties are refused', () => {
  assert.notDeepEqual(contentErrors({ ...sampleContent(), caseType: 'soon' }), []);
  assert.notDeepEqual(contentErrors({ ...sampleContent(), fees: { charged: true, items: [{ name: 'x', amountFen: 1.5 }] } }), []);
  assert.notDeepEqual(contentErrors({ ...sampleContent(), surprise: 1 }), []);
  assert.equal(contentErrors({ ...sampleContent(), surprise: 1 })[0]!.field, 'surprise');
});

test('codes are parsed per segment', () => {
  const basic = parseBasicCode('440A0007001000');
  assert.ok(basic.ok);
  assert.deepEqual(basic.ok && { s: basic.value.source, t: basic.value.typeLetter, m: basic.value.main, c: basic.value.child }, { s: '44', t: 'A', m: '0007', c: '001' });
  const uscc = '11445300MB2C95154H'.slice(0, 0) + '114453000000000000';
  assert.equal(parseImplementationCode(`440A0007001000-445300000000-000-${uscc}`).ok, false, 'invalid USCC check character');
  const body = '53000001';
  const first17 = `11445300${body}${orgCodeCheckChar(body)}`;
  const good = `440A0007001000-445300000000-000-${first17}${usccCheckChar(first17)}`;
  const impl = parseImplementationCode(good);
  assert.ok(impl.ok, impl.ok ? '' : impl.reason);
  const handle = parseHandleItemCode(`${good}-1-02`);
  assert.ok(handle.ok && handle.value.sequence === '02' && handle.value.implementation.regionCode === '445300000000');
  assert.equal(classifyCode(`${good}-1-02`)?.kind, 'handle');
  assert.equal(classifyCode(good)?.kind, 'implementation');
  assert.equal(classifyCode('440A0007001000')?.kind, 'basic');
  assert.equal(classifyCode('hello'), undefined);
  assert.equal(parseBasicCode('440a0007001000').ok, false);
});

test('diff: nested fields, materials matched by key, order changes', () => {
  const a = sampleContent();
  const b = structuredClone(a);
  b.name = '食品经营许可（新办，告知承诺）';
  b.materials = [b.materials![1]!, { ...b.materials![0]!, count: 2 }, b.materials![2]!];
  b.aliases = [...(b.aliases ?? []), '餐馆执照'];
  const changes = diffContent(a, b);
  const paths = changes.map((c) => `${c.op} ${c.path}`);
  assert.ok(paths.includes('changed name'));
  assert.ok(paths.includes('changed materials[application].count'));
  assert.ok(paths.includes('changed materials.order'));
  assert.ok(paths.includes('changed aliases'));
  assert.deepEqual(diffContent(a, structuredClone(a)), []);
});

test('a registration named, housed and represented by fields of the form passes', () => {
  const c = sampleContent();
  c.result = { type: 'certificate', name: '营业执照', licenseTypeCode: '11100000000013338W011', registers: { subject: 'enterprise', nameField: 'entity_name', addressField: 'address' } };
  assert.deepEqual(checkQuality(c, ctx).errors, []);
  assert.deepEqual(contentErrors(c), []);
});

test('a licence held by a person named by fields of the form passes; an unknown document type does not', () => {
  const c = sampleContent();
  c.result = { type: 'certificate', name: '外国人工作许可证', licenseTypeCode: '11100000000010217C001', holder: { nameField: 'entity_name', codeField: 'address', codeType: 'passport' } };
  assert.deepEqual(checkQuality(c, ctx).errors, []);
  assert.deepEqual(contentErrors(c), []);
  (c.result.holder as { codeType: string }).codeType = 'driving_licence';
  assert.notDeepEqual(contentErrors(c), []);
});
