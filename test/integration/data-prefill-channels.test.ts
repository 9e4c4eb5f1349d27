import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { personalData } from '../../src/kernel/pii.ts';
import { getPublishedVersion, type ItemContent } from '../../src/modules/catalog/index.ts';
import { openForm, type SealedForm } from '../../src/modules/cases/personal-form.ts';
import { demoForm, demoMaterialKeys } from '../support/demo-items.ts';
import { CITIZEN_PASSWORD, LUODING } from '../support/demo.ts';
import { PDF, sendFile } from '../support/files.ts';
import {
  ALLOWANCE,
  CHEN_ID,
  forgetInLibrary,
  HOUSEHOLD_ADDRESS_SOURCE,
  ledger,
  LI_ID,
  PENSION_ENROLMENT,
  POPULATION,
  RETIREMENT,
  SOCIAL_INSURANCE,
} from '../support/libraries.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { addStaff } from '../support/staff.ts';
import { publishBundle } from './cases-bundles-fixture.ts';

// 免填报 / 免提交 from the base libraries at the window (一窗受理) and in 一件事 bundles, as online
// drafts have them (data-prefill.test.ts): the platform fills 户籍地址 from 常住人口基本信息 and keeps
// its source on the case, the read is in the citizen's ledger, and a material the 社会保险参保信息
// library replaces is obtained only for someone it holds. 陈小云 is held by every library; 李浮生 is
// forgotten by both at the start, so he gets nothing filled and hands the material in.

/** 最低生活保障申请 of 罗定市民政局: an item the 罗定 clerk may take. */
const LUODING_ASSISTANCE = '000E0710000000-445381000000-000-1144538153810061XY-1-00';
const BUNDLE = 'BDT-LIBRARIES-01';
/** 社会保障卡卡号 (高龄津贴): not from a library. */
const BANK_ACCOUNT = '6222020000000000777';

let server: TestServer;
const cookies = {} as Record<'admin' | 'dataofficer' | 'clerk' | 'luodingClerk' | 'hrApprover' | 'chen' | 'li', string>;
const api = (...a: Parameters<TestServer['api']>) => server.api(...a);
const content = async (code: string) => (await getPublishedVersion(server.ctx.db, code)).content;

before(async () => {
  server = await startTestServer();
  cookies.admin = await server.login('admin');
  cookies.dataofficer = await server.login('dataofficer');
  cookies.clerk = await server.login('clerk');
  cookies.chen = await server.login('13800000001', CITIZEN_PASSWORD);
  cookies.li = await server.login('13800000002', CITIZEN_PASSWORD);
  cookies.luodingClerk = await addStaff(server, cookies.admin, 'ldlibraries', '云浮市市场监督管理局', {
    role: 'window_clerk',
    regionCode: LUODING,
    sameDepartment: false,
  });
  cookies.hrApprover = await addStaff(server, cookies.admin, 'hrlibraries', '云浮市人力资源和社会保障局', {
    role: 'approver',
    regionCode: '445300000000',
    sameDepartment: true,
  });
  await forgetInLibrary(server, POPULATION, LI_ID);
  await forgetInLibrary(server, SOCIAL_INSURANCE, LI_ID);
  await publishBundle(server, cookies.dataofficer, BUNDLE, [ALLOWANCE, PENSION_ENROLMENT, RETIREMENT]);
});
after(() => server.close());

/** The scans the clerk makes for these materials: one ticket each. */
async function scans(keys: string[]) {
  const out = [];
  for (const key of keys) {
    const s = await sendFile(server, cookies.clerk, `/api/cases/window/scans?name=${key}.pdf`, PDF, 'POST');
    assert.equal(s.status, 201, JSON.stringify(s.body));
    out.push({ key, ticket: s.body.ticket as string });
  }
  return out;
}

const windowForm = (item: string, idNumber: string, cookie = cookies.clerk) =>
  api(`/api/cases/window/form?item=${item}&idNumber=${idNumber}`, { cookie });

const record = async (item: string, idNumber: string, formData: Record<string, unknown>, materials: string[], key: string) =>
  api('/api/cases/window', {
    method: 'POST',
    cookie: cookies.clerk,
    body: { item, applicant: { idNumber }, formData, materials: await scans(materials), idempotencyKey: key, commitment: true },
  });

/** 高龄津贴 at the window with the ID card scanned: the clerk types the card number and a 户籍地址. */
const recordAllowance = (idNumber: string, householdAddress: string, key: string) =>
  record(ALLOWANCE, idNumber, { bank_account: BANK_ACCOUNT, household_address: householdAddress }, ['m1'], key);

/** The case as stored: its clear form and the sources of its prefilled fields. */
async function stored(caseId: string) {
  const row = await server.ctx.db.one<{
    form_data: Record<string, unknown>;
    form_pii: SealedForm;
    prefilled_from: Record<string, unknown>;
  }>('select form_data, form_pii, prefilled_from from case_record where id = $1', [caseId]);
  return { form: openForm(personalData(server.ctx.config.masterKey), row!), prefilledFrom: row!.prefilled_from };
}

describe('免填报 / 免提交 at the window (一窗受理)', () => {
  test('the clerk sees 户籍地址 from the population library masked, with its source; the citizen’s ledger shows the read', async () => {
    const form = await windowForm(ALLOWANCE, CHEN_ID);
    assert.equal(form.status, 200, JSON.stringify(form.body));
    assert.equal(form.body.prefill.household_address, '云浮市云城区****', 'a personal field is masked for the clerk');
    assert.match(form.body.prefill.applicant_id_number, /^\d{4}\*{10}[\dX]{4}$/, 'the identity values stay masked');
    assert.deepEqual(form.body.prefilledFrom, { household_address: HOUSEHOLD_ADDRESS_SOURCE });
    const uses = await ledger(server, cookies.chen, 'prefill');
    assert.equal(uses.length, 1);
    assert.deepEqual(
      [uses[0]!.resourceName, uses[0]!.departmentName, uses[0]!.system, uses[0]!.fields],
      [POPULATION, '云城区民政局', '一网通办（窗口受理）', ['户籍地址']],
    );
    assert.match(uses[0]!.purpose!, /80周岁以上老年人高龄津贴申领.*免填报/);
    assert.match(uses[0]!.legalBasis!, /广东省老年人权益保障条例/);
  });

  test('the recorded case holds the library’s 户籍地址 in clear with its source, and the read is in the ledger', async () => {
    // the clerk types only what nobody holds; a 户籍地址 typed over the library's does not reach the case
    const res = await recordAllowance(CHEN_ID, '随便写的地址', 'window-library-0001');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const c = res.body.case;
    assert.equal(c.formData, undefined, 'the clerk’s answer carries no form');
    assert.deepEqual(c.prefilledFrom, { household_address: HOUSEHOLD_ADDRESS_SOURCE });
    const row = await stored(c.id);
    assert.match(String(row.form.household_address), /^云浮市云城区.+号$/);
    assert.equal(row.form.bank_account, BANK_ACCOUNT);
    const mine = await api(`/api/cases/${c.id}`, { cookie: cookies.chen });
    assert.deepEqual(
      mine.body.case.prefilledFrom,
      { household_address: HOUSEHOLD_ADDRESS_SOURCE },
      'the citizen’s case page says where it came from',
    );
    const uses = await ledger(server, cookies.chen, 'prefill');
    assert.equal(uses.length, 2, 'the clerk’s form and the recorded case each read the library');
    assert.equal(uses[0]!.system, '一网通办（窗口受理）');
  });

  test('someone the population library does not hold gets nothing filled and no ledger entry; the clerk types 户籍地址', async () => {
    const form = await windowForm(ALLOWANCE, LI_ID);
    assert.equal(form.status, 200, JSON.stringify(form.body));
    assert.equal(form.body.prefill.household_address, undefined);
    assert.deepEqual(form.body.prefilledFrom, {});
    const res = await recordAllowance(LI_ID, '云浮市云城区河滨路1号', 'window-library-0002');
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const row = await stored(res.body.case.id);
    assert.equal(row.form.household_address, '云浮市云城区河滨路1号');
    assert.deepEqual(row.prefilledFrom, {});
    assert.equal((await ledger(server, cookies.li, 'prefill')).length, 0);
  });

  test('参保缴费记录 is obtained for a citizen the social-insurance library holds; the clerk scans it for one it does not', async () => {
    const retirement = await content(RETIREMENT);
    const scanned = demoMaterialKeys(retirement);
    assert.ok(!scanned.includes('m2'));
    const m2 = (body: { item: { materials: { key: string; skipped: boolean; dataMissing: unknown }[] } }) =>
      body.item.materials.find((m) => m.key === 'm2')!;

    const chenForm = await windowForm(RETIREMENT, CHEN_ID);
    assert.deepEqual([m2(chenForm.body).skipped, m2(chenForm.body).dataMissing], [true, null]);
    const chen = await record(
      RETIREMENT,
      CHEN_ID,
      demoForm(retirement, { idNumber: CHEN_ID, uscc: '' }, false),
      scanned,
      'window-library-0003',
    );
    assert.equal(chen.status, 201, JSON.stringify(chen.body));
    const materialUses = await ledger(server, cookies.chen, 'material');
    assert.equal(materialUses.length, 1);
    assert.deepEqual(
      [materialUses[0]!.resourceName, materialUses[0]!.departmentName, materialUses[0]!.system],
      [SOCIAL_INSURANCE, '云浮市人力资源和社会保障局', '一网通办（窗口受理）'],
    );
    assert.match(materialUses[0]!.purpose!, /免提交/);

    const liForm = await windowForm(RETIREMENT, LI_ID);
    assert.deepEqual(
      [m2(liForm.body).skipped, m2(liForm.body).dataMissing],
      [false, { resourceName: SOCIAL_INSURANCE, providerName: '云浮市人力资源和社会保障局' }],
    );
    const liData = demoForm(retirement, { idNumber: LI_ID, uscc: '' }, false);
    const missing = await record(RETIREMENT, LI_ID, liData, scanned, 'window-library-0004');
    assert.deepEqual([missing.status, missing.body.error?.code], [422, 'MATERIALS_MISSING'], JSON.stringify(missing.body));
    assert.deepEqual(
      missing.body.error.details.materials.map((m: { key: string }) => m.key),
      ['m2'],
    );
    const withScan = await record(RETIREMENT, LI_ID, liData, [...scanned, 'm2'], 'window-library-0005');
    assert.equal(withScan.status, 201, JSON.stringify(withScan.body));
    assert.equal((await ledger(server, cookies.li, 'material')).length, 0);
  });

  test('the clerk’s scope is checked before any library is read: other region or department, nothing in the ledger', async () => {
    const before = (await ledger(server, cookies.chen, 'prefill')).length;
    const otherRegion = await windowForm(ALLOWANCE, CHEN_ID, cookies.luodingClerk);
    assert.deepEqual([otherRegion.status, otherRegion.body.error.code], [403, 'WINDOW_ITEM_OUT_OF_SCOPE']);
    // 陈小云 is registered in 云城区: outside the 罗定 clerk's region she is nobody
    const notTheirs = await windowForm(LUODING_ASSISTANCE, CHEN_ID, cookies.luodingClerk);
    assert.deepEqual([notTheirs.status, notTheirs.body.error.code], [404, 'APPLICANT_NOT_FOUND']);
    const otherDepartment = await windowForm(ALLOWANCE, CHEN_ID, cookies.hrApprover);
    assert.deepEqual([otherDepartment.status, otherDepartment.body.error.code], [403, 'WINDOW_ITEM_OUT_OF_SCOPE']);
    const citizen = await windowForm(ALLOWANCE, CHEN_ID, cookies.chen);
    assert.equal(citizen.status, 403);
    assert.equal((await ledger(server, cookies.chen, 'prefill')).length, before);
  });
});

describe('免填报 / 免提交 in a 一件事 bundle', () => {
  const upload = (cookie: string, id: string, key: string) =>
    sendFile(server, cookie, `/api/case-bundles/${id}/materials/${key}?name=${key}.pdf`, PDF);
  type Material = { key: string; skipped: boolean; dataMissing: unknown; neededBy: { itemName: string; materialKey: string }[] };
  const retirementRecord = (materials: Material[]) =>
    materials.find((m) => m.neededBy.some((n) => n.materialKey === 'm2' && n.itemName.includes('退休')))!;
  const submit = (cookie: string, id: string, version: number) =>
    api(`/api/case-bundles/${id}/submit`, { method: 'POST', cookie, body: { version, commitment: true } });

  /**
   * The draft completed as its applicant would: the form's other fields filled in (the platform's
   * values kept), every material the platform does not obtain uploaded but `withheld`; the saved version.
   */
  async function completeDraft(
    cookie: string,
    d: { bundleCase: { id: string; version: number; formData: object }; form: unknown; materials: Material[] },
    idNumber: string,
    withheld?: string,
  ) {
    for (const m of d.materials.filter((x) => !x.skipped && x.key !== withheld))
      assert.equal((await upload(cookie, d.bundleCase.id, m.key)).status, 201);
    const formData = { ...demoForm({ form: d.form } as ItemContent, { idNumber, uscc: '' }, false), ...d.bundleCase.formData };
    const saved = await api(`/api/case-bundles/${d.bundleCase.id}/form`, {
      method: 'PUT',
      cookie,
      body: { version: d.bundleCase.version, formData },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    return saved.body.bundleCase.version as number;
  }

  test('the merged form takes 户籍地址 from the library once for every member: one ledger entry, the source on each member case', async () => {
    const draft = await api('/api/case-bundles', { method: 'POST', cookie: cookies.chen, body: { bundle: BUNDLE } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const d = draft.body;
    assert.match(String(d.bundleCase.formData.household_address), /^云浮市云城区.+号$/);
    assert.deepEqual(d.bundleCase.prefilledFrom, { household_address: HOUSEHOLD_ADDRESS_SOURCE });
    const reads = (await ledger(server, cookies.chen, 'prefill')).filter((u) => u.purpose?.includes(`测试并联一件事 ${BUNDLE}`));
    assert.equal(reads.length, 1, 'two members ask for 户籍地址: the library is read once');
    assert.deepEqual(
      [reads[0]!.resourceName, reads[0]!.departmentName, reads[0]!.system, reads[0]!.fields],
      [POPULATION, '云城区民政局', '一网通办', ['户籍地址']],
    );
    const record = retirementRecord(d.materials);
    assert.deepEqual([record.skipped, record.dataMissing], [true, null]);

    const version = await completeDraft(cookies.chen, d, CHEN_ID);
    const before = (await ledger(server, cookies.chen, 'prefill')).length;
    const submitted = await submit(cookies.chen, d.bundleCase.id, version);
    assert.equal(submitted.status, 200, JSON.stringify(submitted.body));

    assert.equal((await ledger(server, cookies.chen, 'prefill')).length, before, 'the members read no library again');
    const cases = Object.fromEntries(
      submitted.body.members.map((m: { itemCode: string; case: { id: string } }) => [m.itemCode, m.case.id]),
    );
    for (const code of [ALLOWANCE, PENSION_ENROLMENT]) {
      const row = await stored(cases[code]);
      assert.deepEqual(row.prefilledFrom, { household_address: HOUSEHOLD_ADDRESS_SOURCE }, code);
      assert.equal(row.form.household_address, d.bundleCase.formData.household_address);
    }
    assert.deepEqual((await stored(cases[RETIREMENT])).prefilledFrom, {});
    // 免提交: the retirement member's department obtained 参保缴费记录 at its submission
    const material = (await ledger(server, cookies.chen, 'material')).filter((u) => u.purpose?.includes('退休申请'));
    assert.equal(material.length, 2, 'the window case above and this member');
  });

  test('someone the libraries do not hold: nothing filled, no ledger entry, and 参保缴费记录 is to be uploaded', async () => {
    const draft = await api('/api/case-bundles', { method: 'POST', cookie: cookies.li, body: { bundle: BUNDLE } });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    const d = draft.body;
    assert.equal(d.bundleCase.formData.household_address, undefined);
    assert.deepEqual(d.bundleCase.prefilledFrom, {});
    assert.equal((await ledger(server, cookies.li, 'prefill')).length, 0);
    const record = retirementRecord(d.materials);
    assert.deepEqual(
      [record.skipped, record.dataMissing],
      [false, { resourceName: SOCIAL_INSURANCE, providerName: '云浮市人力资源和社会保障局' }],
    );

    const version = await completeDraft(cookies.li, d, LI_ID, record.key);
    const early = await submit(cookies.li, d.bundleCase.id, version);
    assert.deepEqual([early.status, early.body.error?.code], [422, 'MATERIALS_MISSING'], JSON.stringify(early.body));
    assert.equal(early.body.error.details.member.itemCode, RETIREMENT);
    assert.ok(
      early.body.error.details.materials.some((m: { key: string }) => m.key === record.key),
      JSON.stringify(early.body.error.details),
    );
    assert.equal((await upload(cookies.li, d.bundleCase.id, record.key)).status, 201);
    const done = await submit(cookies.li, d.bundleCase.id, version);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal((await ledger(server, cookies.li, 'material')).length, 0);
  });
});
