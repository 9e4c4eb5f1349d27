// 离我最近的办事大厅 on the guide page, in Chromium with a mocked position: standing in 罗定 the
// 罗定 centre is highlighted as the nearest hall; without permission a message and the plain list.
// Screenshots: test-results/catalog-halls-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, PHONE_SCREEN, RESULTS } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { publishTestItem } from '../integration/catalog-publish-fixture.ts';

let server: TestServer;
let browser: Browser;
let code: string;
let hallCount: number;
const pageErrors: string[] = [];

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  // 全市通办: every hall of the city handles it, so there is a nearest one to choose.
  const item = await publishTestItem(server, 301, {
    name: '小餐饮登记（最近大厅）',
    flags: { highFrequency: true, noFill: true, noSubmit: false, noLicense: false, noTrip: true, generalWindow: true, sso: true, mobile: true, crossScope: 'city' },
  });
  code = item.code;
  hallCount = Number((await server.ctx.db.one<{ n: number }>(`select count(*) as n from hall where region_code like '4453%'`))!.n);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openGuide(options: BrowserContextOptions) {
  const context = await browser.newContext({ viewport: PHONE_SCREEN, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(`${server.url}/guide/${encodeURIComponent(code)}`);
  await page.getByTestId('nearest-hall').waitFor();
  return { context, page };
}

/** The card cut from a full-page shot: an element shot scrolls it under the sticky header. */
async function cardShot(page: Page, name: string) {
  const box = (await page.getByTestId('nearest-hall').boundingBox())!;
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.screenshot({ path: `${RESULTS}/${name}.png`, fullPage: true, clip: { ...box, y: box.y + scrollY } });
}

test('standing in 罗定 with location allowed, the 罗定 centre is the nearest hall, with its distance and a map link', async () => {
  const { context, page } = await openGuide({ geolocation: { latitude: 22.775, longitude: 111.58 }, permissions: ['geolocation'] });
  // Nothing is asked before the click.
  assert.equal(await page.getByTestId('nearest-hall-item').count(), 0);
  await page.getByTestId('locate-me').click();
  const nearest = page.getByTestId('nearest-hall-item');
  await nearest.waitFor();
  const text = await nearest.innerText();
  assert.match(text, /罗定市政务服务中心/);
  assert.match(text, /离您最近/);
  assert.match(text, /约 \d+ 米|约 [\d.]+ 公里/);
  const href = await nearest.getByTestId('hall-map-link').getAttribute('href');
  assert.match(href ?? '', /^https:\/\/uri\.amap\.com\/marker\?position=111\.57,22\.768&name=.+&coordinate=wgs84/);
  assert.equal(await page.getByTestId('hall-item').count(), hallCount - 1, 'the other halls follow');
  // Distances grow down the list.
  const km = (await page.getByTestId('hall-distance').allInnerTexts()).map((s) => Number(s.match(/[\d.]+/)![0]) * (s.includes('公里') ? 1000 : 1));
  assert.deepEqual(km, [...km].sort((a, b) => a - b));
  await cardShot(page, 'catalog-halls-nearest');
  await context.close();
});

test('without location permission: a clear message and the halls as listed', async () => {
  const { context, page } = await openGuide({});
  await page.getByTestId('locate-me').click();
  const message = page.getByTestId('locate-message');
  await message.waitFor();
  assert.match(await message.innerText(), /未允许获取位置|无法获取您的位置/);
  assert.equal(await page.getByTestId('nearest-hall-item').count(), 0);
  assert.equal(await page.getByTestId('hall-item').count(), hallCount);
  await cardShot(page, 'catalog-halls-denied');
  await context.close();
  assert.deepEqual(pageErrors, []);
});
