// The portal's catalogue in Chromium: search from the home page on a phone-sized screen and open
// the 办事指南 of the first hit. Screenshots: test-results/catalog-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { sampleContent } from '../../src/modules/catalog/fixtures.ts';
import { browserTestBed, RESULTS, signInAs } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;
let browser: Browser;

before(async () => {
  server = await bed.start();
  browser = bed.browser;
  // One published item of our own, whatever the demo content holds.
  await server.ctx.db.query(
    `insert into catalog_base_field (key, label, library, provider) values ('legal_entity.registration', '登记注册信息', 'legal_entity', 'SCJGJ') on conflict (key) do nothing`,
  );
  // The department administrator creates it, so that `admin` first signs in in the browser (TOTP enrolment).
  const admin = await server.login('deptadmin');
  const bureau = await server.login('dataofficer');
  const dept = (await server.ctx.db.one<{ id: string; uscc: string }>(`select id, uscc from department where code = '445300-SCJGJ'`))!;
  const created = await server.api('/api/catalog/items', {
    method: 'POST',
    cookie: admin,
    body: { code: `440A9001001000-445300000000-000-${dept.uscc}-1-00`, departmentId: dept.id, content: sampleContent({ name: '小餐饮经营许可（浏览器测试）' }) },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  for (const [cookie, action] of [[admin, 'submit'], [bureau, 'approve'], [bureau, 'publish']]) {
    const r = await server.api(`/api/catalog/items/${created.body.item.id}/transitions`, { method: 'POST', cookie, body: { action } });
    assert.equal(r.status, 200);
  }
});

test('portal: search from the home page and open the guide (phone screen)', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.url + '/');
  const box = page.getByTestId('portal-search').locator('input');
  await box.fill('小餐饮浏览器测试');
  await box.press('Enter');
  await page.waitForURL(/\/search\?q=/);
  const hit = page.getByTestId('search-hit').first();
  await hit.waitFor();
  await page.screenshot({ path: `${RESULTS}/catalog-search.png`, fullPage: true });
  assert.match(await hit.innerText(), /小餐饮经营许可/);
  await hit.locator('a').click();
  await page.getByTestId('guide').waitFor();
  await page.getByTestId('guide-materials').waitFor();
  assert.match(await page.getByTestId('guide').innerText(), /食品经营许可申请书/);
  assert.match(await page.getByTestId('guide').innerText(), /免提交/);
  assert.ok(await page.getByTestId('apply-online').isVisible());
  await page.screenshot({ path: `${RESULTS}/catalog-guide.png`, fullPage: true });
  await page.close();
});

test('portal: a 一件事 found by search shows its steps and one merged list of materials', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}/search?q=${encodeURIComponent('出生一件事')}`);
  const hit = page.getByTestId('search-hit').filter({ hasText: '出生一件事' }).first();
  await hit.locator('a').click();
  await page.getByTestId('bundle-guide').waitFor();
  const materials = await page.getByTestId('bundle-materials').innerText();
  assert.match(materials, /合并材料/);
  await page.screenshot({ path: `${RESULTS}/catalog-bundle-guide.png`, fullPage: true });
  await page.close();
});

test('admin: edit an item with the quality rules live, then submit, approve and publish it', { timeout: 120_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.setDefaultTimeout(15_000);
  try {
    await signInAs(page, server.url, 'admin', 'Yiwang@2026admin', '/admin/catalog/items');

    await page.getByTestId('catalog-items-search').locator('input').fill('浏览器测试');
    await page.getByTestId('catalog-items-search').locator('input').press('Enter');
    const link = page.getByTestId('catalog-item-link').filter({ hasText: '小餐饮经营许可' });
    await link.first().click();
    await page.getByTestId('catalog-item-editor').waitFor();

    // Published versions are read-only: start a new draft.
    await page.getByTestId('item-new-version').click();
    await page.getByTestId('item-save').waitFor();
    const name = page.getByTestId('item-name');
    await name.fill('小餐饮经营许可（浏览器修订）');
    // A rule broken on purpose shows live, and clears when fixed.
    await page.getByTestId('item-visits').fill('2');
    await page.getByTestId('quality-error').first().waitFor();
    await page.getByTestId('item-visits').fill('0');
    await page.getByTestId('quality-ok').waitFor();
    await page.screenshot({ path: `${RESULTS}/catalog-admin-editor.png`, fullPage: true });

    await page.getByTestId('item-submit').click();
    await page.getByTestId('item-approve').click();
    await page.getByTestId('item-publish').click();
    await page.getByTestId('item-new-version').waitFor();
    await page.getByTestId('diff-compare').click();
    await page.getByTestId('diff-table').waitFor();
    assert.match(await page.getByTestId('diff-table').innerText(), /name/);
    await page.screenshot({ path: `${RESULTS}/catalog-admin-published.png`, fullPage: true });

    const guide = await server.api(`/api/catalog/search?q=${encodeURIComponent('小餐饮经营许可浏览器修订')}&limit=3`);
    const published = await server.api(`/api/catalog/guide/${guide.body.items[0].id}`);
    assert.equal(published.status, 200);
    assert.equal(published.body.content.name, '小餐饮经营许可（浏览器修订）');
    assert.equal(published.body.versionNo, 2);

    // The other catalogue pages open from the menu: bundles (with the merged view), synonyms, consistency.
    await page.goto(server.url + '/admin/catalog/bundles');
    await page.getByTestId('catalog-bundles-page').locator('.ant-table-row').first().click();
    await page.getByText(/合并表单/).waitFor();
    await page.screenshot({ path: `${RESULTS}/catalog-admin-bundle.png`, fullPage: true });
    await page.goto(server.url + '/admin/catalog/synonyms');
    await page.getByTestId('catalog-synonyms-page').locator('.ant-tag').first().waitFor();
    await page.goto(server.url + '/admin/catalog/consistency');
    await page.getByTestId('consistency-table').waitFor();
    assert.deepEqual(errors, []);
  } catch (err) {
    await page.screenshot({ path: `${RESULTS}/catalog-admin-failure.png`, fullPage: true }).catch(() => undefined);
    throw err;
  } finally {
    await page.close();
  }
});
