// The portal's catalogue in Chromium: search from the home page on a phone-sized screen and open
// the 办事指南 of the first hit. Screenshots: test-results/catalog-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { sampleContent } from '../../src/modules/catalog/fixtures.ts';
import { startTestServer } from '../support/server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = 'test-results';
let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: Browser;

before(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await startTestServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  // One published item of our own, whatever the demo content holds.
  await server.ctx.db.query(
    `insert into catalog_base_field (key, label, library, provider) values ('legal_entity.registration', '登记注册信息', 'legal_entity', 'SCJGJ') on conflict (key) do nothing`,
  );
  const admin = await server.login('admin');
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
after(async () => {
  await browser?.close();
  await server?.close();
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
