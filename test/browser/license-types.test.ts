// 证照目录 (#6 point 2) in Chromium: an administrator lists the licence types, creates one with
// its field schema, edits it, and looks at the catalogue items that produce a demo type.
// Screenshots: test-results/license-types-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, RESULTS } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
let admin = '';
let dept = { id: '', name: '', uscc: '' };

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  admin = await server.login('admin');
  const found = await server.api(`/api/org/departments?q=${encodeURIComponent('市场监督管理局')}&pageSize=5`, { cookie: admin });
  dept = found.body.items.find((d: { regionCode: string }) => d.regionCode === '445300000000');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Choose `option` in the remote department select inside `scope`. */
async function pickDepartment(page: Page, scope: Locator, option: string) {
  await scope.locator('.ant-select').first().click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
  await page.keyboard.type(option.slice(0, 6));
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  await item.waitFor();
  await item.click();
}

test('an administrator creates and edits a licence type with its field schema', { timeout: 150_000 }, async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
  // Administrators answer an authenticator step; the test client signs in and hands over the session.
  await context.addCookies([{ name: 'yw_session', value: admin.split('=')[1]!.split(';')[0]!, url: server.url }]);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`${err.message} ${err.stack ?? ''}`.slice(0, 600)));
  try {
    await page.goto(`${server.url}/admin/licence-types`);
    const list = page.getByTestId('licence-types-page');
    await list.locator('tbody tr').first().waitFor();
    assert.ok((await list.locator('tbody tr').count()) > 0);
    await page.screenshot({ path: `${RESULTS}/license-types-list.png`, fullPage: true });

    // create
    await list.getByRole('button', { name: /新增证照类型/ }).click();
    const form = page.getByTestId('type-form');
    await form.getByLabel('证照名称').fill('食品经营许可证（测试）');
    await pickDepartment(page, form.locator('.ant-form-item', { hasText: '定义部门' }), dept.name);
    await form.getByLabel('顺序号').fill('201');
    await page.getByTestId('type-code').getByText(`${dept.uscc}201`).waitFor();
    await form.getByLabel('法人和其他组织', { exact: true }).check();
    await pickDepartment(page, form.locator('.ant-form-item', { hasText: '发证部门' }), dept.name);
    await form.getByLabel('年').fill('5');
    await form.getByLabel('证面标题').fill('食品经营许可证');
    await page.screenshot({ path: `${RESULTS}/license-types-basics.png`, fullPage: true });
    await page.getByRole('tab', { name: '数据项' }).click();
    const fields = page.getByTestId('type-fields');
    await fields.getByRole('button', { name: /添加数据项/ }).click();
    await fields.getByLabel('字段标识').fill('Bad key');
    await fields.getByLabel('字段名称').fill('经营项目');
    await page.getByTestId('type-save').click();
    await fields.getByText('小写字母开头的英文驼峰名').waitFor();
    await fields.getByLabel('字段标识').fill('scope');
    await fields.getByText('必填').click();
    await fields.getByText('小写字母开头的英文驼峰名').waitFor({ state: 'detached' });
    await page.screenshot({ path: `${RESULTS}/license-types-create.png`, fullPage: true });
    await page.getByTestId('type-save').click();
    await page.getByText('已保存').waitFor();
    const created = (await server.api(`/api/licence-types?q=${encodeURIComponent('食品经营许可证（测试）')}`, { cookie: admin })).body.items[0];
    assert.equal(created.code, `${dept.uscc}201`);
    assert.equal(created.holderKind, 'enterprise');
    assert.deepEqual(created.issuingDepartmentIds, [dept.id]);
    assert.deepEqual(created.fields, [{ key: 'scope', label: '经营项目', type: 'text', required: true, personal: false }]);
    assert.deepEqual(created.validity, { years: 5 });

    // edit: one more field, a shorter validity (found by searching: the demo city keeps some 80 types)
    await list.getByPlaceholder('证照名称或代码').fill('食品经营许可证（测试）');
    await list.getByPlaceholder('证照名称或代码').press('Enter');
    await list.locator('tbody tr', { hasText: '食品经营许可证（测试）' }).click();
    await page.getByText('编辑证照类型：食品经营许可证（测试）').waitFor();
    await page.getByRole('tab', { name: '数据项' }).click();
    await fields.getByRole('button', { name: /添加数据项/ }).click();
    await fields.getByLabel('字段标识').nth(1).fill('area');
    await fields.getByLabel('字段名称').nth(1).fill('经营面积');
    await fields.getByLabel('类型').nth(1).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="数字"]').click();
    await page.getByRole('tab', { name: '基本信息' }).click();
    await form.getByLabel('年').fill('3');
    await page.getByTestId('type-save').click();
    await page.getByText('已保存').first().waitFor();
    await list.locator('tbody tr', { hasText: '食品经营许可证（测试）' }).getByText('3 年').waitFor();
    const edited = (await server.api(`/api/licence-types/${created.id}`, { cookie: admin })).body;
    assert.equal(edited.version, 2);
    assert.deepEqual(edited.fields.map((f: { key: string; type: string }) => [f.key, f.type]), [['scope', 'text'], ['area', 'number']]);

    // a demo type produced by catalogue items lists them, read-only
    const types = (await server.api('/api/licence-types', { cookie: admin })).body.items as { id: string; name: string }[];
    let producer: { name: string } | undefined;
    for (const t of types) {
      if ((await server.api(`/api/licence-types/${t.id}/items`, { cookie: admin })).body.items.length) {
        producer = t;
        break;
      }
    }
    assert.ok(producer, 'a demo type is produced by some item');
    await list.getByPlaceholder('证照名称或代码').fill(producer.name);
    await list.getByPlaceholder('证照名称或代码').press('Enter');
    await list.locator('tbody tr', { hasText: producer.name }).first().click();
    await page.getByRole('tab', { name: '关联事项' }).click();
    await page.getByTestId('producing-items').locator('.ant-list-item').first().waitFor();
    // let the drawer and tab transitions finish so the picture shows the settled page
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${RESULTS}/license-types-items.png`, fullPage: true });
  } catch (err) {
    await page.screenshot({ path: `${RESULTS}/license-types-failure.png`, fullPage: true }).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, []);
});
