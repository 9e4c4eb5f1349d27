// The README's "what a visitor can try" walk (issue #14), for the steps no other browser test takes
// through the pages (test/browser/README.md maps every step to its test), part 1: the clerk's 补正
// and 容缺 in the case drawer and the applicant's 撤回申请; 不动产权证书补发 worked by the demo clerk
// and approver in the workbench, paid and its result shown; 出示 in the wallet to /verify with the
// 核验包; department statistics of the department the picker finds as 不动产登记中心, e-seals, and
// the catalogue's Excel export and import. Part 2 (the demo items' own steps, 秒批 and the SMS
// rating, licences changed and revoked) is visitor-walk-items.test.ts.
// One server (outbox workers on, as `npm start` runs), one browser, a page per person kept open and
// moved between the app's pages as its links do (`navigate`), not loaded anew.
// Screenshots: test-results/visitor-walk-*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserTestBed, DESKTOP, navigate, PHONE_SCREEN, signInAs, waitGone, withFailureShot } from '../support/browser.ts';
import { submittedRewardCase } from '../support/cases.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { applyDemoItem, demoForm } from '../support/demo-items.ts';
import type { TestServer } from '../support/server.ts';
import { demoApplicant, item, openCase, pick, pickDepartment, reloadUntil, walkShot, type Chen } from '../support/visitor-walk.ts';

/** 不动产权证书补发、换发 (自然资源局): 公告, 审核, 登簿, then the 工本费 after the decision. */
const REISSUE = '000G1103000000-445300000000-000-11445300530000112G-1-00';

const bed = browserTestBed();
let server: TestServer;
let chen: Chen;
const pages = {} as Record<'clerk' | 'approver' | 'citizen', Page>;

before(async () => {
  server = await bed.start({ YIWANG_WORKERS: '1' });
  chen = await demoApplicant(server);
  pages.clerk = await bed.newPage(DESKTOP);
  await signInAs(pages.clerk, server.url, 'clerk', 'Yiwang@2026clerk', '/staff/todo');
  pages.approver = await bed.newPage(DESKTOP);
  await signInAs(pages.approver, server.url, 'approver', 'Yiwang@2026approver', '/staff/todo');
  pages.citizen = await bed.newPage(PHONE_SCREEN);
  await signInAs(pages.citizen, server.url, '13800000001', CITIZEN_PASSWORD, '/my-cases');
});

test('the clerk asks for 补正 and accepts with 容缺 in the drawer; the applicant withdraws before the decision', { timeout: 180_000 }, async () => {
  const corrected = await submittedRewardCase(server, 'JB2026-0301', chen.cookie);
  const deferred = await submittedRewardCase(server, 'JB2026-0302', chen.cookie);
  const { clerk, citizen } = pages;
  await withFailureShot(clerk, 'visitor-walk-clerk', async () => {
    let drawer = await openCase(clerk, server, corrected.number);
    await drawer.getByTestId('opinion').fill('银行账户信息须加盖开户银行印章');
    await pick(clerk, drawer.getByTestId('correction-pick'), '银行账户信息');
    await drawer.getByTestId('action-request_correction').click();
    await waitGone(clerk, 'case-drawer');

    drawer = await openCase(clerk, server, deferred.number);
    await pick(clerk, drawer.locator('.ant-select', { hasText: '选择容缺材料' }), '银行账户信息');
    await drawer.getByRole('button', { name: '容缺受理' }).click();
    await waitGone(clerk, 'case-drawer');
  });
  await withFailureShot(citizen, 'visitor-walk-withdraw', async () => {
    await navigate(citizen, server.url, `/my-cases/${corrected.id}`);
    assert.match(await citizen.getByTestId('correction-list').innerText(), /加盖开户银行印章/);
    await citizen.getByTestId('withdraw').click();
    await citizen.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();
    await citizen.getByTestId('case-status').getByText('已撤回').waitFor();
    assert.equal(await citizen.getByTestId('withdraw').count(), 0);

    await navigate(citizen, server.url, `/my-cases/${deferred.id}`);
    await citizen.getByTestId('deadline-deferred').waitFor();
    assert.match(await citizen.getByTestId('case-status-card').innerText(), /申请已容缺受理。请在 \d{4}-\d{2}-\d{2} 前补交容缺材料/);
    await walkShot(citizen, 'deferred-phone');
  });
  assert.deepEqual(bed.pageErrors, []);
});

test('不动产权证书补发 is worked by the demo clerk and approver in the workbench, paid, and its result shown', { timeout: 180_000 }, async () => {
  const reissue = await item(server, REISSUE);
  const c = await applyDemoItem(server, chen.cookie, reissue.code, reissue.content, demoForm(reissue.content, chen, false));
  const { clerk, approver, citizen } = pages;
  await withFailureShot(clerk, 'visitor-walk-property-clerk', async () => {
    const drawer = await openCase(clerk, server, c.number);
    await drawer.getByTestId('action-accept').click();
    await waitGone(clerk, 'case-drawer');
  });
  // the approver takes every step after acceptance, each from the 待办 list, until the fee is due
  const steps: string[] = [];
  await withFailureShot(approver, 'visitor-walk-property-approver', async () => {
    for (let i = 0; i < 6; i++) {
      const now = (await server.api(`/api/cases/${c.id}`, { cookie: chen.cookie })).body.case;
      if (now.currentStep?.kind === 'payment') break;
      const drawer = await openCase(approver, server, c.number);
      await drawer.getByText(now.currentStep.name, { exact: true }).first().waitFor();
      steps.push(now.currentStep.name);
      await drawer.getByTestId('opinion').fill('经审查，符合补发条件');
      await drawer.getByTestId('action-approve').click();
      await waitGone(approver, 'case-drawer');
    }
  });
  assert.deepEqual(steps, ['遗失声明公告', '审核', '登簿']);
  await withFailureShot(citizen, 'visitor-walk-property-citizen', async () => {
    await navigate(citizen, server.url, `/my-cases/${c.id}`);
    await citizen.getByTestId('payment-step').getByTestId('pay-notice').click();
    await citizen.getByTestId('pay-button').click();
    await citizen.waitForURL(/\/paysim\/[a-z-]+\/pay\//);
    await citizen.getByTestId('pay').click();
    await citizen.getByTestId('receipt').waitFor({ timeout: 30_000 });
    await navigate(citizen, server.url, `/my-cases/${c.id}`);
    const results = citizen.getByTestId('case-results');
    await reloadUntil(citizen, results.getByTestId('result-licence'));
    await results.getByTestId('result-approval').waitFor();
    assert.match(await citizen.getByTestId('case-status').innerText(), /已办结/);
    assert.match(await results.getByTestId('result-licence').innerText(), /已核发电子证照\s+1\.2\.156\.3005\.2\./);
    await walkShot(citizen, 'property-result-phone');
  });
  assert.deepEqual(bed.pageErrors, []);
});

test('the holder shows a licence from the wallet (出示, every field); /verify offers the 核验包', { timeout: 180_000 }, async () => {
  const { citizen } = pages;
  await withFailureShot(citizen, 'visitor-walk-present', async () => {
    await navigate(citizen, server.url, '/wallet');
    await citizen.getByTestId('wallet-licence').filter({ hasText: '不动产权证书' }).first().getByRole('button', { name: '出示二维码' }).click();
    const modal = citizen.locator('.ant-modal');
    const boxes = modal.locator('.ant-checkbox-group input[type=checkbox]');
    await boxes.first().waitFor();
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await modal.getByRole('button', { name: '生成二维码' }).click();
    const link = citizen.getByTestId('presentation-qr').locator('a');
    const url = new URL((await link.getAttribute('href'))!, server.url);
    await citizen.goto(`${server.url}${url.pathname}${url.search}`);
    const verdict = citizen.getByTestId('verify-result');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'valid');
    assert.match(await verdict.innerText(), /不动产权证书/);
    await citizen.getByTestId('verify-package').getByRole('button').waitFor();
  });
  assert.deepEqual(bed.pageErrors, []);
});

test('department statistics; e-seals; a department’s catalogue exported to Excel and imported back', { timeout: 180_000 }, async () => {
  const { approver } = pages;
  await withFailureShot(approver, 'visitor-walk-stats', async () => {
    // the department picker finds 自然资源局 by the name its guides print
    await navigate(approver, server.url, '/staff/case-stats');
    await pickDepartment(approver, approver.getByTestId('case-stats'), '不动产登记中心', '云浮市自然资源局（云浮市不动产登记中心）');
    const row = approver.getByTestId('case-stats').locator('tbody tr', { hasText: '不动产权证书补发' });
    await row.waitFor();
    assert.match(await row.innerText(), /不动产权证书补发、换发\s+1\s+1\s+1/);
  });

  const context = await bed.browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  const admin = await server.login('admin');
  await context.addCookies([{ name: 'yw_session', value: admin.split('=')[1]!.split(';')[0]!, url: server.url }]);
  const page = await context.newPage();
  page.on('pageerror', (err) => bed.pageErrors.push(err.message));
  await withFailureShot(page, 'visitor-walk-admin', async () => {
    await page.goto(`${server.url}/admin/seals`);
    const seals = page.getByTestId('seals-page');
    await seals.locator('.crud-toolbar input').fill('自然资源局');
    await seals.locator('.crud-toolbar input').press('Enter');
    const seal = seals.locator('tbody tr', { hasText: '云浮市自然资源局' }).first();
    await seal.getByText('启用').waitFor();
    await seals.locator('.ant-progress').waitFor();

    await navigate(page, server.url, '/admin/catalog/items');
    const items = page.getByTestId('catalog-items-page');
    await pickDepartment(page, items, '自然资源局', '云浮市自然资源局（云浮市不动产登记中心）');
    await items.getByTestId('catalog-item-link').filter({ hasText: '不动产权证书补发' }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), items.getByTestId('catalog-export').click()]);
    const file = (await download.path())!;
    assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx workbook');
    await items.locator('input[type=file]').setInputFiles({ name: 'zrzyj.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(file) });
    const report = page.locator('.ant-modal').getByText(/已导入：新增 0 个，更新 \d+ 个（均为草稿）/);
    await report.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await walkShot(page, 'catalog-import');
  });
  await context.close();
  assert.deepEqual(bed.pageErrors, []);
});
