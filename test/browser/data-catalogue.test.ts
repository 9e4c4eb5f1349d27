// 政务信息资源目录 in Chromium. The data officer finds the demo's 一数一源 conflict (出生日期, claimed as
// authoritative by 公安's 常住人口基本信息 and 卫健's 出生医学证明信息) in the list and in the resource's
// drawer, creates a resource with two fields through the form (a personal field shared 无条件 is
// refused beside the field), publishes it, finds it 已发布 in the list and stops sharing it with a
// reason. The 市场监督管理局's department administrator reads the catalogue on a phone: the page
// fits the screen, the drawer takes all of it, a new resource starts with their own department.
// Screenshots: test-results/data-catalogue-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import {
  assertFitsScreen,
  browserTestBed,
  PHONE_SCREEN,
  RESULTS,
  signInAs,
  waitGone,
  withFailureShot,
} from '../support/browser.ts';

const bed = browserTestBed();
/** 云浮市市场监督管理局, the city's own (not a county's). */
let market = { id: '', name: '' };

before(async () => {
  const server = await bed.start();
  const cookie = await server.login('admin');
  const found = await server.api(`/api/org/departments?q=${encodeURIComponent('市场监督管理局')}&pageSize=20`, { cookie });
  market = found.body.items.find((d: { regionCode: string }) => d.regionCode === '445300000000');
  assert.ok(market, 'the city has a 市场监督管理局');
});

/** Picks `option` (its visible text) in the antd Select of the form item labelled `label`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await scope.locator('.ant-form-item', { hasText: label }).locator('.ant-select', { hasText: option }).first().waitFor();
}

/** Closes the resource's drawer by its close button. */
async function closeDrawer(page: Page) {
  await page.getByTestId('resource-drawer').locator('.ant-drawer-close').click();
  await waitGone(page, 'resource-drawer');
}

/** Searches the list and waits for the row of `name`. */
async function findRow(page: Page, name: string) {
  await page.getByTestId('resource-search').locator('input').fill(name);
  await page.getByTestId('resource-search').locator('input').press('Enter');
  const row = page.getByTestId('resource-table').locator('tbody tr', { hasText: name });
  await row.waitFor();
  return row;
}

test(
  'the data officer sees the 一数一源 conflict, creates a resource with two fields and publishes it',
  { timeout: 180_000 },
  async () => {
    const page = await bed.newPage();
    await signInAs(page, bed.server.url, 'dataofficer', 'Yiwang@2026dataofficer', '/staff/data');
    await withFailureShot(page, 'data-catalogue', async () => {
      const table = page.getByTestId('resource-table');
      const population = table.locator('tbody tr', { hasText: '常住人口基本信息' });
      await population.getByTestId('conflict-tag').waitFor();
      await table.locator('tbody tr', { hasText: '出生医学证明信息' }).getByTestId('conflict-tag').waitFor();
      // the data officer keeps the whole city's catalogue: drafts too
      assert.match(await table.locator('tbody tr', { hasText: '预防接种记录' }).innerText(), /草稿/);
      assert.match(await population.innerText(), /有条件共享/);
      await page.screenshot({ path: `${RESULTS}/data-catalogue-list.png`, fullPage: true });

      // only the conflicted ones
      await page.getByTestId('filter-conflicted').click();
      await page.waitForURL(/conflicted=true/);
      await table.locator('tbody tr', { hasText: '市场主体登记信息' }).waitFor({ state: 'detached' });
      const names = await table.locator('tbody tr.ant-table-row').allInnerTexts();
      assert.equal(names.length, 2, names.join(' | '));
      await page.getByTestId('filter-conflicted').click();
      await page.waitForURL((url) => !url.search.includes('conflicted'));

      // the resource: the conflict named, the fields with their personal class and source claims
      await population.click();
      const drawer = page.getByTestId('resource-drawer');
      const alert = drawer.getByTestId('source-conflicts');
      await alert.waitFor();
      const conflict = await alert.innerText();
      assert.match(conflict, /出生日期/);
      assert.match(conflict, /出生医学证明信息/);
      const fields = drawer.getByTestId('resource-fields');
      assert.match(await fields.locator('tbody tr', { hasText: '公民身份号码' }).innerText(), /身份证件号码/);
      assert.match(await fields.getByTestId('authoritative-birth_date').innerText(), /冲突/);
      assert.match(await drawer.getByTestId('resource-metadata').innerText(), /公安人口管理信息系统/);
      await drawer.getByTestId('resource-versions').getByText('第 1 版').waitFor();
      await page.screenshot({ path: `${RESULTS}/data-catalogue-detail.png` });
      await closeDrawer(page);

      // a new resource of the market regulator, shared unconditionally, with two fields
      await page.getByTestId('resource-create').click();
      const form = page.getByTestId('resource-form');
      await form.locator('.ant-form-item', { hasText: '提供方' }).locator('.ant-select').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
      await page.keyboard.type(market.name.slice(0, 6));
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: market.name }).first().click();
      await form.locator('.ant-form-item', { hasText: '分类码' }).locator('.ant-select').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '102 法人单位' }).click();
      await form.getByLabel('目（及细目）').fill('901');
      await form.getByLabel('信息资源名称').fill('食品经营许可信息（测试）');
      await form.getByLabel('信息资源摘要').fill('本市食品经营许可的经营者、许可事项和有效期信息。');
      await form.getByLabel('来源系统').fill('食品经营许可审批系统');
      await choose(page, form, '共享类型', '无条件共享');
      for (const [i, name, key] of [
        [0, '经营者名称', 'operator_name'],
        [1, '法定代表人身份证号码', 'legal_rep_id'],
      ] as const) {
        await page.getByTestId('field-add').click();
        const row = page.getByTestId(`field-row-${i}`);
        await row.getByLabel('信息项名称').fill(name);
        await row.getByLabel('字段标识').fill(key);
        await row.getByLabel('长度').fill(i === 0 ? '200' : '18');
      }
      const idRow = page.getByTestId('field-row-1');
      await choose(page, idRow, '个人信息', '身份证件号码');
      await idRow.getByLabel('数据元').fill('公民身份号码');
      // a personal field shared 无条件 (the row took the resource's sharing type): refused at the field
      await page.getByTestId('resource-save').click();
      await idRow.getByText('个人信息只能有条件共享或不予共享').waitFor();
      await page.screenshot({ path: `${RESULTS}/data-catalogue-form-error.png` });
      await choose(page, idRow, '共享类型', '有条件共享');
      await page.getByTestId('resource-save').click();
      await page.getByText('已保存为草稿').waitFor();

      // the new draft opens: publish it
      await waitGone(page, 'resource-form');
      await drawer.getByText('食品经营许可信息（测试）').first().waitFor();
      assert.match(await drawer.getByTestId('resource-code').innerText(), /^102901\/000001/);
      assert.equal(await drawer.getByTestId('source-conflicts').count(), 0);
      await drawer.getByTestId('resource-publish').click();
      await page.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();
      await drawer.getByTestId('resource-versions').getByText('第 1 版').waitFor();
      assert.match(await drawer.getByTestId('resource-status').first().innerText(), /已发布/);
      await drawer.getByTestId('resource-versions').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${RESULTS}/data-catalogue-new-detail.png` });
      await closeDrawer(page);
      const created = await findRow(page, '食品经营许可信息（测试）');
      await created.getByText('已发布').waitFor();
      assert.match(await created.innerText(), /云浮市市场监督管理局[\s\S]*无条件共享[\s\S]*\b2\b/);
      await page.screenshot({ path: `${RESULTS}/data-catalogue-published.png`, fullPage: true });

      const saved = (
        await bed.server.api(`/api/data/resources?q=${encodeURIComponent('食品经营许可信息（测试）')}`, {
          cookie: await bed.server.login('dataofficer'),
        })
      ).body.items[0];
      assert.equal(saved.status, 'published');
      const full = (await bed.server.api(`/api/data/resources/${saved.id}`, { cookie: await bed.server.login('dataofficer') }))
        .body;
      assert.deepEqual(full.fields, [
        { key: 'operator_name', name: '经营者名称', type: 'string', length: 200, sharingType: 'unconditional' },
        {
          key: 'legal_rep_id',
          name: '法定代表人身份证号码',
          type: 'string',
          length: 18,
          personal: 'id_number',
          sharingType: 'conditional',
          dataItem: '公民身份号码',
        },
      ]);
      assert.equal(full.providerDepartmentId, market.id);

      // and stops sharing it: the reason is asked for and kept in its history
      await created.click();
      await drawer.getByTestId('resource-retire').click();
      await page.getByTestId('retire-confirm').click();
      await page.getByText('请填写停止共享原因').waitFor();
      await page.getByTestId('retire-reason').fill('测试数据，停止共享');
      await page.getByTestId('retire-confirm').click();
      await drawer.getByTestId('resource-versions').getByText('原因：测试数据，停止共享').waitFor();
      assert.match(await drawer.getByTestId('resource-status').first().innerText(), /已停止共享/);
      assert.equal(await drawer.getByTestId('resource-edit').count(), 0);
    });
    await page.context().close();
    assert.deepEqual(bed.pageErrors, []);
  },
);

test('the department administrator reads the catalogue on a phone', { timeout: 120_000 }, async () => {
  const page = await bed.newPage(PHONE_SCREEN);
  // administrators answer an authenticator step: the API signs in, the browser carries the session
  const [name, ...value] = (await bed.server.login('deptadmin')).split(';')[0]!.split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: bed.server.url }]);
  await page.goto(`${bed.server.url}/staff/data`);
  await withFailureShot(page, 'data-catalogue-phone', async () => {
    const row = page.getByTestId('resource-table').locator('tbody tr', { hasText: '市场主体登记信息' });
    await row.waitFor();
    await assertFitsScreen(page, 'the resource list');
    await page.screenshot({ path: `${RESULTS}/data-catalogue-phone-list.png`, fullPage: true });

    await row.click();
    const drawer = page.getByTestId('resource-drawer');
    await drawer.getByTestId('resource-fields').waitFor();
    const box = await drawer.boundingBox();
    assert.ok(
      box && box.width <= PHONE_SCREEN.width && box.width >= PHONE_SCREEN.width - 1,
      `the drawer is ${box?.width}px wide`,
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${RESULTS}/data-catalogue-phone-detail.png` });
    await drawer.getByTestId('resource-fields').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${RESULTS}/data-catalogue-phone-fields.png` });
    await closeDrawer(page);

    // their own department is the provider of what they add
    await page.getByTestId('resource-create').click();
    const form = page.getByTestId('resource-form');
    await form.locator('.ant-form-item', { hasText: '提供方' }).locator('.ant-select', { hasText: market.name }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${RESULTS}/data-catalogue-phone-form.png` });
    await page.getByTestId('field-add').click();
    await page.getByTestId('field-row-0').scrollIntoViewIfNeeded();
    await assertFitsScreen(page, 'the resource form');
    await page.screenshot({ path: `${RESULTS}/data-catalogue-phone-field.png` });
  });
  await page.context().close();
  assert.deepEqual(bed.pageErrors, []);
});
