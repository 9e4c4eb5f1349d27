// The portal browsed like 粤省事 (issue #14): from the home page a theme tile, a department and a
// 一件事 open real lists; search results carry tags and filters; the phone has a bottom tab bar
// and quick entries; the wallet tells two licences of one type apart by number. Screenshots at
// 390×844 and 1366×768: test-results/portal-browse-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertFitsScreen, browserTestBed, PHONE_SCREEN, RESULTS, withFailureShot } from '../support/browser.ts';
import { issuePersonLicences } from '../support/licence.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
const DESKTOP_768 = { width: 1366, height: 768 };
let server: TestServer;
let citizenCookie = '';

before(async () => {
  server = await bed.start();
  // two licences of one type for the demo citizen, alike but for their numbers
  citizenCookie = (await issuePersonLicences(server, '031', 2))[0]!.cookies.citizen;
});

const noOverflow = (page: Page) => assertFitsScreen(page, page.url());

test('phone: a theme tile, a department and a 一件事 open from the home page; filters and tags', { timeout: 120_000 }, async () => {
  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'portal-browse-phone-failure', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('quick-cases').waitFor();
    assert.ok(await page.getByTestId('portal-tabbar').isVisible());
    assert.ok(await page.getByTestId('quick-progress').isVisible());
    await noOverflow(page);
    await page.screenshot({ path: `${RESULTS}/portal-browse-home-phone.png`, fullPage: true });

    // theme tile → its published items, with tags; 可网办 narrows to online items
    await page.getByTestId('theme-person-birth').click();
    await page.waitForURL(/\/services\/person\/birth$/);
    const list = page.getByTestId('theme-list');
    await list.getByTestId('search-hit').first().waitFor();
    assert.match(await list.locator('h1').innerText(), /生育收养/);
    assert.ok((await list.getByTestId('hit-tags').count()) > 0, 'items show their tags');
    await noOverflow(page);
    await page.screenshot({ path: `${RESULTS}/portal-browse-theme-phone.png`, fullPage: true });
    const total = Number((await list.locator('.result-count').innerText()).replace(/\D/g, ''));
    await page.getByTestId('filter-online').click();
    await page.waitForURL(/online=1/);
    await page.waitForFunction((n) => Number(document.querySelector('.result-count')?.textContent?.replace(/\D/g, '')) < n, total);
    const hits = list.getByTestId('search-hit');
    for (let i = 0; i < (await hits.count()); i++) assert.match(await hits.nth(i).innerText(), /可网办/);

    // 办事 tab → 部门 → a department's list
    await page.getByTestId('portal-tabbar').getByText('办事').click();
    await page.getByTestId('services-tab-department').click();
    const firstDept = page.getByTestId('browse-department').locator('a').first();
    const deptName = (await firstDept.locator('.browse-row-name').innerText()).trim();
    await page.screenshot({ path: `${RESULTS}/portal-browse-departments-phone.png`, fullPage: true });
    await firstDept.click();
    await page.getByTestId('department-list').getByTestId('search-hit').first().waitFor();
    assert.match(await page.getByTestId('department-list').locator('h1').innerText(), new RegExp(deptName));

    // 一件事 tab → the bundle's guide
    await page.goto(`${server.url}/`);
    await page.getByTestId('themes-more').first().click();
    await page.getByTestId('services-page').waitFor();
    await page.getByTestId('services-tab-bundle').click();
    await page.getByTestId('browse-bundle').getByText('出生一件事').click();
    await page.getByTestId('bundle-guide').waitFor();
  });
  await page.context().close();
  assert.deepEqual(bed.pageErrors, []);
});

test('search with filters and tags, on a phone and on a desktop', { timeout: 120_000 }, async () => {
  for (const [name, viewport] of [['phone', PHONE_SCREEN], ['desktop', DESKTOP_768]] as const) {
    const page = await bed.newPage(viewport);
    await withFailureShot(page, `portal-browse-search-${name}-failure`, async () => {
      await page.goto(`${server.url}/search?q=${encodeURIComponent('证明')}`);
      await page.getByTestId('search-hit').first().waitFor();
      const before = await page.locator('.result-count').innerText();
      await page.getByTestId('filter-department').click();
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
      const label = await option.innerText();
      await option.click();
      await page.waitForURL(/dept=/);
      const count = label.match(/\((\d+)\)$/)![1];
      await page.waitForFunction((c) => document.querySelector('.result-count')?.textContent?.includes(c), count!);
      assert.notEqual(await page.locator('.result-count').innerText(), before === `共 ${count} 项` ? '' : before);
      await noOverflow(page);
      assert.equal(await page.getByTestId('portal-tabbar').isVisible(), name === 'phone', 'the tab bar is for phones');
      await page.screenshot({ path: `${RESULTS}/portal-browse-search-${name}.png`, fullPage: true });
      if (name === 'desktop') {
        for (const [path, shot] of [['/', 'home'], ['/services/entity/start_business', 'theme'], ['/services?tab=bundle', 'services']] as const) {
          await page.goto(`${server.url}${path}`);
          await page.locator(shot === 'home' ? '.theme-card' : shot === 'theme' ? '[data-testid=search-hit]' : '.browse-row').first().waitFor();
          await noOverflow(page);
          await page.screenshot({ path: `${RESULTS}/portal-browse-${shot}-desktop.png`, fullPage: true });
        }
      }
    });
    await page.context().close();
  }
  assert.deepEqual(bed.pageErrors, []);
});

test('wallet: two licences of one type differ by number, the identifier is folded away', { timeout: 60_000 }, async () => {
  for (const [name, viewport] of [['phone', PHONE_SCREEN], ['desktop', DESKTOP_768]] as const) {
    const context = await bed.browser.newContext({ viewport, locale: 'zh-CN' });
    await context.addCookies([{ name: 'yw_session', value: citizenCookie.split('=')[1]!.split(';')[0]!, url: server.url }]);
    const page = await context.newPage();
    await page.goto(`${server.url}/wallet`);
    const cards = page.getByTestId('wallet-licence').filter({ hasText: '特种设备安全管理和作业人员证' });
    await cards.nth(1).waitFor();
    const numbers = await page.getByTestId('wallet-number').allInnerTexts();
    assert.equal(new Set(numbers).size, numbers.length, 'each licence shows its own number');
    assert.ok(numbers.every((n) => n.length <= 40), 'the number, not the 60-character identifier');
    assert.equal(await cards.first().locator('.wallet-card-id code').isVisible(), false, 'the identifier is folded');
    await noOverflow(page);
    await page.screenshot({ path: `${RESULTS}/portal-browse-wallet-${name}.png`, fullPage: true });
    await context.close();
  }
});

test('unknown theme or department: a 404 page or a clear error, never 即将上线', async () => {
  const page = await bed.newPage(PHONE_SCREEN);
  await page.goto(`${server.url}/services/person/start_business`);
  await page.getByTestId('not-found').waitFor();
  await page.goto(`${server.url}/services/department/00000000-0000-7000-8000-000000000000`);
  await page.getByTestId('results-error').waitFor();
  assert.match(await page.getByTestId('results-error').innerText(), /没有该部门/);
  assert.equal(await page.getByTestId('coming-soon').count(), 0);
  await page.context().close();
});
