// The item editor's 办理结果 section in Chromium: a department administrator opens a new version of
// the 营业执照 item, turns its licence result into a 延续 of the licence the applicant holds and
// saves; the draft carries the operation. 企业设立登记's result registers the company: the editor shows
// whose the licence is and which form fields name the company, and a field taken off is saved so.
// A licence held by a person the form names (外国人工作许可证's worker, by passport) is chosen and undone.
// Screenshots: test-results/catalog-result-editor.png, catalog-result-registers.png, catalog-result-named.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, RESULTS, withFailureShot } from '../support/browser.ts';
import { IMMEDIATE } from '../support/demo.ts';

const bed = browserTestBed();
let itemId = '';
/** 企业设立登记（有限责任公司）, of the same department. */
const SETUP = '000A2401001000-445300000000-000-11445300530000243C-1-00';
let setupId = '';
/** 药品零售企业经营许可, of the same department (the first test leaves a draft of IMMEDIATE open). */
const PHARMACY = '000A2411000000-445300000000-000-11445300530000243C-1-00';
let pharmacyId = '';

before(async () => {
  const server = await bed.start();
  itemId = (await server.api(`/api/catalog/published/${IMMEDIATE}`)).body.itemId;
  setupId = (await server.api(`/api/catalog/published/${SETUP}`)).body.itemId;
  pharmacyId = (await server.api(`/api/catalog/published/${PHARMACY}`)).body.itemId;
});

/**
 * A page of the department administrator at `path`. Administrators sign in with an authenticator
 * step, accepted once per code: the API signs in (enrolling the authenticator the first time, and
 * keeping the session) and the browser carries its session.
 */
async function deptadminPage(path: string) {
  const page = await bed.newPage();
  const [name, ...value] = (await bed.server.login('deptadmin')).split(';')[0]!.split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: bed.server.url }]);
  await page.goto(`${bed.server.url}${path}`);
  return page;
}

/** The department administrator's page of item `id` with a new version open: its 办理结果 section. */
async function newVersionResult(id: string) {
  const page = await deptadminPage(`/admin/catalog/items/${id}`);
  await page.getByTestId('item-new-version').click();
  await page.getByTestId('item-save').waitFor();
  const section = page.getByTestId('result-editor');
  await section.scrollIntoViewIfNeeded();
  return { page, section };
}

const draftResult = async (id: string) =>
  (
    await bed.server.ctx.db.one<{ content: { result?: Record<string, unknown> } }>(
      `select content from catalog_item_version where item_id = $1 and status = 'draft' order by version_no desc limit 1`,
      [id],
    )
  )!.content.result;

test('admin editor: the licence result becomes a 延续 and is saved with the draft', { timeout: 180_000 }, async () => {
  const { page, section } = await newVersionResult(itemId);
  await withFailureShot(page, 'catalog-result', async () => {
    await section.getByText('营业执照（').first().waitFor();
    const operation = page.getByTestId('result-licence-operation');
    assert.match(await operation.innerText(), /新发/);
    await operation.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '延续' }).first().click();
    await page.getByTestId('item-save').click();
    await page.locator('.ant-message-notice').first().waitFor();
    await section.screenshot({ path: `${RESULTS}/catalog-result-editor.png` });

    const result = await draftResult(itemId);
    assert.equal(result?.licenseOperation, '02');
    assert.ok(result?.licenseTypeCode, 'the licence type is kept');
  });
  assert.deepEqual(bed.pageErrors, []);
});

test('admin editor: a 设立登记 shows the company as the licence holder, named from the form; a field taken off is saved', { timeout: 180_000 }, async () => {
  const { page, section } = await newVersionResult(setupId);
  await withFailureShot(page, 'catalog-result-registers', async () => {
    assert.match(await page.getByTestId('result-holder').innerText(), /新登记的企业/);
    assert.match(await page.getByTestId('result-registers-nameField').innerText(), /企业名称（自主申报）（company_name）/);
    assert.match(await page.getByTestId('result-registers-typeField').innerText(), /企业类型（company_type）/);
    // a registration issues a new licence: no 延续 or 变更 to choose
    assert.match((await page.getByTestId('result-licence-operation').getAttribute('class')) ?? '', /ant-select-disabled/);
    await section.screenshot({ path: `${RESULTS}/catalog-result-registers.png` });
    await page.getByTestId('result-registers-typeField').hover();
    await page.getByTestId('result-registers-typeField').locator('.ant-select-clear').click();
    await page.getByTestId('item-save').click();
    await page.locator('.ant-message-notice').first().waitFor();
    assert.deepEqual((await draftResult(setupId))?.registers, { subject: 'enterprise', nameField: 'company_name', addressField: 'company_address', legalRepField: 'legal_representative_name' });
  });
  assert.deepEqual(bed.pageErrors, []);
});

test('admin editor: a licence held by a person the form names, by passport; back to the applicant clears it', { timeout: 180_000 }, async () => {
  const { page, section } = await newVersionResult(pharmacyId);
  await withFailureShot(page, 'catalog-result-named', async () => {
    const choose = async (testId: string, option: RegExp | string) => {
      await page.getByTestId(testId).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    };
    await choose('result-holder', '申请表中填写的人');
    assert.match(await page.getByTestId('result-holder-codeType').innerText(), /护照/);
    await choose('result-holder-nameField', /（entity_name）/);
    await choose('result-holder-codeField', /（legal_representative）/);
    await section.screenshot({ path: `${RESULTS}/catalog-result-named.png` });
    await page.getByTestId('item-save').click();
    await page.locator('.ant-message-notice').first().waitFor();
    assert.deepEqual((await draftResult(pharmacyId))?.holder, { nameField: 'entity_name', codeField: 'legal_representative', codeType: 'passport' });

    await choose('result-holder', '申请人');
    await page.getByTestId('result-holder-nameField').waitFor({ state: 'detached' });
    await page.getByTestId('item-save').click();
    let holder = (await draftResult(pharmacyId))?.holder;
    for (let i = 0; i < 40 && holder; i++) {
      await page.waitForTimeout(250);
      holder = (await draftResult(pharmacyId))?.holder;
    }
    assert.equal(holder, undefined);
  });
  assert.deepEqual(bed.pageErrors, []);
});
