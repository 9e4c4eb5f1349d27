// The item editor's 办理结果 section in Chromium: a department administrator opens a new version of
// the 营业执照 item, turns its licence result into a 延续 of the licence the applicant holds and
// saves; the draft carries the operation. Screenshot: test-results/catalog-result-editor.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { IMMEDIATE } from '../support/demo.ts';

const bed = browserTestBed();
let itemId = '';

before(async () => {
  const server = await bed.start();
  itemId = (await server.api(`/api/catalog/published/${IMMEDIATE}`)).body.itemId;
});

test('admin editor: the licence result becomes a 延续 and is saved with the draft', { timeout: 180_000 }, async () => {
  const page = await bed.newPage();
  await withFailureShot(page, 'catalog-result', async () => {
    await signInAs(page, bed.server.url, 'deptadmin', 'Yiwang@2026deptadmin', `/admin/catalog/items/${itemId}`);
    await page.getByTestId('item-new-version').click();
    await page.getByTestId('item-save').waitFor();
    const section = page.getByTestId('result-editor');
    await section.scrollIntoViewIfNeeded();
    await section.getByText('营业执照（').first().waitFor();
    const operation = page.getByTestId('result-licence-operation');
    assert.match(await operation.innerText(), /新发/);
    await operation.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '延续' }).first().click();
    await page.getByTestId('item-save').click();
    await page.locator('.ant-message-notice').first().waitFor();
    await section.screenshot({ path: `${RESULTS}/catalog-result-editor.png` });

    const draft = await bed.server.ctx.db.one<{ content: { result?: { licenseOperation?: string; licenseTypeCode?: string } } }>(
      `select content from catalog_item_version where item_id = $1 and status = 'draft' order by version_no desc limit 1`,
      [itemId],
    );
    const result = draft!.content.result;
    assert.equal(result?.licenseOperation, '02');
    assert.ok(result?.licenseTypeCode, 'the licence type is kept');
  });
  assert.deepEqual(bed.pageErrors, []);
});
