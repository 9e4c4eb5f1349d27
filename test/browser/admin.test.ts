// The built web app in Debian's Chromium against the real server with the demo city: login
// redirect, creating and finding a department, the language switch, and the portal on a phone.
// Screenshots go to test-results/ (admin-*.png, portal-*.png) for a human to look at.
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { demoUscc } from '../../src/seed/demo-city.ts';
import { assertFitsScreen, browserTestBed, enrolAuthenticator, RESULTS, withFailureShot } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

const ADMIN = { username: 'admin', password: 'Yiwang@2026admin' };

/** A valid 统一社会信用代码 no demo department uses (the seed numbers them from 1). */
const makeUscc = () => demoUscc('445300000000', randomInt(5000, 9999));

// ---- browser ----
const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;

before(async () => {
  server = await bed.start();
});

/** An entry of the area's sider menu by its exact text. */
const menu = (page: Page, text: string) => page.getByTestId('area-menu').getByText(text, { exact: true });

test('admin: login redirect, create and find a department, switch to English', { timeout: 120_000 }, async () => {
  const page = await newPage();
  await withFailureShot(page, 'admin', () => adminSteps(page));
  await page.context().close();
  assert.deepEqual(pageErrors, []);
});

/** Choose an option of an antd Select and wait until the form shows it chosen. */
async function pickOption(page: Page, form: Locator, label: string, option: string) {
  const chosen = form.locator('.ant-form-item', { hasText: label }).locator('.ant-select', { hasText: option });
  for (let attempt = 0; attempt < 3 && !(await chosen.isVisible()); attempt++) {
    await form.getByLabel(label, { exact: true }).click();
    // the options arrive from the server: type only once some are listed, into an empty search
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(option.slice(0, 4));
    const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
    await item.waitFor();
    await item.click();
    await chosen.waitFor({ timeout: 3000 }).catch(() => {});
  }
  await chosen.waitFor();
}

async function adminSteps(page: Page) {
  await page.goto(`${server.url}/admin`);
  // The unified identity provider's own sign-in page (统一身份认证), then back to /admin.
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.locator('#username').fill(ADMIN.username);
  await page.locator('#password').fill(ADMIN.password);
  await page.screenshot({ path: `${RESULTS}/sso-login-zh.png` });
  await page.locator('button[type=submit]').click();
  // administrators must use an authenticator: the first sign-in enrols one
  await page.locator('code#totp-secret').waitFor();
  await page.screenshot({ path: `${RESULTS}/sso-enrol-zh.png` });
  await enrolAuthenticator(page);
  await page.waitForURL(/\/admin(\/|$)/);

  await menu(page, '部门').click();
  await page.waitForURL(/\/admin\/departments/);
  await page.getByTestId('departments-table').waitFor();

  const suffix = `${Date.now().toString(36)}${randomInt(1000)}`.toUpperCase();
  const code = `BT-${suffix}`;
  const name = `浏览器测试局${suffix}`;
  const uscc = makeUscc();

  await page.getByTestId('departments-create').click();
  const form = page.getByTestId('departments-form');
  await form.getByLabel('部门编码', { exact: true }).fill(code);
  await form.getByLabel('部门名称', { exact: true }).fill(name);
  await form.getByLabel('统一社会信用代码', { exact: true }).fill(uscc);
  // 行政区划: open the tree select and pick the city itself.
  await form.getByLabel('行政区划', { exact: true }).click();
  await page.locator('.ant-select-tree [title="云浮市"]').first().click();
  // 所属领域: type to filter (the option list is virtual), pick the option.
  await pickOption(page, form, '所属领域', '政务服务和数据管理');
  await page.getByTestId('departments-save').click();
  // The drawer closes only when the server created the department.
  await form.waitFor({ state: 'detached' });

  const search = page.getByTestId('departments-search').locator('input');
  await search.fill(name);
  await search.press('Enter');
  const row = page.getByTestId('departments-table').locator('tbody tr', { hasText: name });
  await row.waitFor();
  assert.match(await row.innerText(), new RegExp(uscc));
  await page.screenshot({ path: `${RESULTS}/admin-departments-zh.png`, fullPage: true });

  // A duplicate USCC is refused by the server and shown on the field, in the UI language.
  await page.getByTestId('departments-create').click();
  await form.getByLabel('部门编码', { exact: true }).fill(`${code}-2`);
  await form.getByLabel('部门名称', { exact: true }).fill(`${name}二`);
  await form.getByLabel('统一社会信用代码', { exact: true }).fill(uscc);
  await form.getByLabel('行政区划', { exact: true }).click();
  await page.locator('.ant-select-tree [title="云浮市"]').first().click();
  await pickOption(page, form, '所属领域', '政务服务和数据管理');
  await page.getByTestId('departments-save').click();
  const fieldError = form.locator('.ant-form-item-has-error .ant-form-item-explain-error');
  await fieldError.first().waitFor();
  assert.match(await fieldError.first().innerText(), /\S/);
  await page.screenshot({ path: `${RESULTS}/admin-department-error-zh.png` });
  // Close with the drawer's own button: Escape is swallowed when focus sits in a select.
  await page.locator('.ant-drawer-close').click();
  await form.waitFor({ state: 'detached' });

  await page.getByTestId('lang-switch').click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.locator('.ant-dropdown-menu').waitFor({ state: 'hidden' });
  await menu(page, 'Departments').waitFor();
  await menu(page, 'Service halls').waitFor();
  await row.waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('yiwang.lang')), 'en-US');
  await page.screenshot({ path: `${RESULTS}/admin-departments-en.png`, fullPage: true });

  await menu(page, 'Regions').click();
  await page.getByTestId('region-detail').waitFor();
  await page.screenshot({ path: `${RESULTS}/admin-regions-en.png`, fullPage: true });
}

test('portal on a phone (390×844) and the 404 page', { timeout: 60_000 }, async () => {
  const page = await newPage({ width: 390, height: 844 });
  await page.goto(`${server.url}/`);
  await page.getByTestId('theme-person-birth').waitFor();
  await page.getByTestId('theme-entity-start_business').waitFor();
  await page.getByText('云浮市', { exact: false }).first().waitFor();
  await assertFitsScreen(page, 'the portal');
  await page.screenshot({ path: `${RESULTS}/portal-mobile-zh.png`, fullPage: true });

  await page.getByTestId('theme-person-birth').click();
  await page.getByTestId('theme-list').getByTestId('search-hit').first().waitFor();

  await page.goto(`${server.url}/no-such-page`);
  await page.getByTestId('not-found').waitFor();

  await page.context().close();
  assert.deepEqual(pageErrors, []);
});

test('a person who asked their system for reduced motion gets no animations', { timeout: 60_000 }, async () => {
  /** Ant Design's mid motion duration where the language menu opens, with the system asking for `reducedMotion`. */
  const motionWith = async (reducedMotion: 'reduce' | 'no-preference') => {
    const context = await bed.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', reducedMotion });
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${server.url}/`);
    await page.getByTestId('lang-switch').click();
    const dropdown = page.locator('.ant-dropdown');
    await dropdown.waitFor();
    const duration = await dropdown.evaluate((el) => getComputedStyle(el).getPropertyValue('--ant-motion-duration-mid').trim());
    await context.close();
    return duration;
  };
  assert.equal(await motionWith('reduce'), '0s');
  assert.notEqual(await motionWith('no-preference'), '0s', 'everyone else keeps the animations');
  assert.deepEqual(pageErrors, []);
});
