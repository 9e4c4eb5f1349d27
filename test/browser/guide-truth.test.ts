// #14 in Chromium: the 办事指南 of 不动产权证书补发 shows the workflow a case runs (the 15-day
// 公告 not counted, the fee after the decision) and claims 免提交 for nothing the platform cannot
// obtain; the citizen's draft of it offers 删除草稿 (not 撤回申请) and deletes it.
// Screenshots: test-results/guide-truth-*.png at 1366×768 and 390×844.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import type { TestServer } from '../support/server.ts';

const REISSUE = '000G1103000000-445300000000-000-11445300530000112G-1-00'; // 不动产权证书补发、换发
const SIZES = { desktop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };

const bed = browserTestBed();
let server: TestServer;
let itemId = '';

before(async () => {
  server = await bed.start();
  itemId = (await server.ctx.db.one<{ id: string }>('select id from catalog_item where code = $1', [REISSUE]))!.id;
});

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`the guide's 办理流程 and 时限 come from the workflow (${size})`, async () => {
    const page = await bed.newPage(viewport);
    await withFailureShot(page, `guide-truth-guide-${size}`, async () => {
      await page.goto(`${server.url}/guide/${itemId}`);
      const process = page.getByTestId('guide-process');
      await process.waitFor();
      const text = await process.innerText();
      for (const step of ['受理', '遗失声明公告', '审核', '登簿', '缴纳工本费']) assert.match(text, new RegExp(step));
      assert.match(await page.getByTestId('guide-step-notice').innerText(), /约 15 个工作日，不计入办理时限/);
      assert.match(await page.getByTestId('guide-step-payment').innerText(), /应缴 10\.00 元.*准予后缴费/);
      assert.match(await page.getByTestId('guide-limits').innerText(), /法定时限\s*30 个工作日/);
      // 免提交 is shown exactly for what the guide's answer claims (e-licences the platform keeps)
      const claims = (await server.api(`/api/catalog/guide/${itemId}`)).body.noSubmit as unknown[];
      assert.equal(await page.getByTestId('guide-materials').getByTestId('no-submit').count(), claims.length);
      await page.screenshot({ path: `${RESULTS}/guide-truth-guide-${size}.png`, fullPage: true });
    });
    await page.close();
  });
}

test('a draft offers 删除草稿 and not 撤回申请; deleting it leaves 我的办件', async () => {
  const page = await bed.newPage(SIZES.phone);
  await withFailureShot(page, 'guide-truth-draft', async () => {
    await signInAs(page, server.url, '13800000002', CITIZEN_PASSWORD, '/my-cases');
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const d = await server.api('/api/cases', { method: 'POST', cookie, body: { item: itemId } });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    await page.goto(`${server.url}/my-cases/${d.body.case.id}`);
    await page.getByTestId('delete-draft').waitFor();
    assert.equal(await page.getByTestId('withdraw').count(), 0);
    assert.doesNotMatch(await page.getByTestId('case-timeline').innerText(), /system/);
    await page.screenshot({ path: `${RESULTS}/guide-truth-draft-phone.png`, fullPage: true });
    await page.setViewportSize(SIZES.desktop);
    await page.screenshot({ path: `${RESULTS}/guide-truth-draft-desktop.png`, fullPage: true });
    await page.getByTestId('delete-draft').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.waitForURL((url) => url.pathname === '/my-cases');
    assert.equal((await server.api(`/api/cases/${d.body.case.id}`, { cookie })).status, 404);
  });
  await page.close();
  assert.deepEqual(bed.pageErrors, []);
});
