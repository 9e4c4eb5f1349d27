// 共享需求 in Chromium. The data officer asks, for 云浮市公安局, for two fields of a 有条件共享
// resource of 市场监管 from the resource's drawer (the 不予共享 field cannot be ticked; naming 市场监管
// itself as the requester is refused beside the department); the department administrator of
// 市场监管 finds it in 收到的 with its due date and clock, approves it for one county's rows with a
// daily quota; the data officer finds it approved in 发出的 with the grant's scope, confirms 满意 and
// sees the grant under 已获授权. Asking for 市场主体登记信息 (无条件共享) is granted at once. On a phone
// the department administrator reads 收到的 and refuses a demand with a reason.
// Screenshots: test-results/data-demands-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { cityDepartment, foodLicenceResource } from '../support/data.ts';
import {
  assertFitsScreen,
  browserTestBed,
  navigate,
  PHONE_SCREEN,
  RESULTS,
  signInAs,
  waitGone,
  withFailureShot,
} from '../support/browser.ts';

const bed = browserTestBed();
let market = { id: '', name: '' };
let police = { id: '', name: '' };
let civil = { id: '' };
/** The 有条件共享 resource of 市场监管 made for this file. */
let food = { id: '', name: '' };
const RESOURCE = '食品经营许可信息';

before(async () => {
  const server = await bed.start();
  const admin = await server.login('admin');
  market = { ...(await cityDepartment(server, admin, '市场监督管理局')), name: '云浮市市场监督管理局' };
  police = { ...(await cityDepartment(server, admin, '云浮市公安局')), name: '云浮市公安局' };
  civil = await cityDepartment(server, admin, '民政局');
  assert.ok(market.id && police.id && civil.id, 'the city has a 市场监督管理局, a 公安局 and a 民政局');
  // its department administrator enters and publishes it: two conditional fields, one not shared
  const deptadmin = await server.login('deptadmin');
  const created = await server.api('/api/data/resources', {
    method: 'POST',
    cookie: deptadmin,
    body: foodLicenceResource(market.id, [
      { key: 'licence_number', name: '许可证编号', type: 'string', sharingType: 'conditional' },
      { key: 'operator_name', name: '经营者名称', type: 'string', sharingType: 'conditional' },
      { key: 'person_in_charge_id', name: '负责人公民身份号码', type: 'string', personal: 'id_number', sharingType: 'none' },
    ]),
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const published = await server.api(`/api/data/resources/${created.body.id}/publish`, {
    method: 'POST',
    cookie: deptadmin,
    body: { version: created.body.version },
  });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  food = { id: created.body.id, name: created.body.name };
});

/** A page signed in as the department administrator of 市场监管 (the API answers the authenticator step). */
async function deptAdminPage(viewport?: typeof PHONE_SCREEN) {
  const page = await bed.newPage(viewport);
  const [name, ...value] = (await bed.server.login('deptadmin')).split(';')[0]!.split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: bed.server.url }]);
  return page;
}

/** Opens a resource of the catalogue tab by its name. */
async function openResource(page: Page, name: string) {
  await page.getByTestId('resource-search').locator('input').fill(name);
  await page.getByTestId('resource-search').locator('input').press('Enter');
  await page.getByTestId('resource-table').locator('tbody tr', { hasText: name }).first().click();
  await page.getByTestId('resource-drawer').getByTestId('resource-metadata').waitFor();
}

/** Picks a department in the DepartmentSelect of the form item labelled `label`. */
async function chooseDepartment(page: Page, scope: Locator, label: string, name: string) {
  await scope.locator('.ant-form-item', { hasText: label }).locator('.ant-select').click();
  await page.keyboard.type(name.slice(-5));
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
  await scope.locator('.ant-form-item', { hasText: label }).locator('.ant-select', { hasText: name }).waitFor();
}

test(
  'a conditional demand is asked for, approved with its scope and confirmed; an unconditional one is granted at once',
  { timeout: 240_000 },
  async () => {
    const page = await bed.newPage();
    await signInAs(page, bed.server.url, 'dataofficer', 'Yiwang@2026dataofficer', '/staff/data');
    await withFailureShot(page, 'data-demands', async () => {
      // the catalogue is the first tab, as before
      await page.getByTestId('data-tabs').getByRole('tab', { name: '资源目录', selected: true }).waitFor();
      await openResource(page, RESOURCE);
      await page.getByTestId('resource-demand').click();
      const form = page.getByTestId('demand-form');
      // the requester starts as the user's own department (政数局); the 不予共享 field cannot be asked for
      await form
        .locator('.ant-form-item', { hasText: '申请部门' })
        .locator('.ant-select', { hasText: '政务服务和数据管理局' })
        .waitFor();
      assert.equal(await form.getByRole('checkbox', { name: /负责人公民身份号码/ }).isDisabled(), true);
      await form.getByRole('checkbox', { name: /许可证编号/ }).check();
      await form.getByRole('checkbox', { name: /经营者名称/ }).check();
      await form.getByLabel('用途').fill('办理户籍业务时核验申请人的食品经营许可');
      await form.getByLabel('法律依据').fill('《中华人民共和国食品安全法》第三十五条');
      // the provider itself as the requester: refused beside the department
      await chooseDepartment(page, form, '申请部门', market.name);
      await page.getByTestId('demand-submit').click();
      await form.getByText('不能申请共享本部门自己的信息资源').waitFor();
      await chooseDepartment(page, form, '申请部门', police.name);
      await page.screenshot({ path: `${RESULTS}/data-demands-form.png` });
      await page.getByTestId('demand-submit').click();

      // it is sent: the demands tab, 发出的, the demand open and pending with its clock
      await page.waitForURL(/tab=demands.*box=outgoing.*demand=/);
      const drawer = page.getByTestId('demand-drawer');
      await drawer.getByTestId('demand-status').getByText('待答复').waitFor();
      assert.match(await drawer.getByTestId('demand-clock').innerText(), /剩余 \d+ 天/);
      await drawer.getByTestId('demand-details').getByText('经营者名称').waitFor();
      const details = await drawer.getByTestId('demand-details').innerText();
      assert.match(details, /云浮市公安局/);
      assert.match(details, /许可证编号[\s\S]*经营者名称/);
      assert.equal(await drawer.getByTestId('demand-withdraw').count(), 1, 'a pending demand may be withdrawn');
      const sent = (
        await bed.server.api('/api/data/demands?box=outgoing&status=pending', { cookie: await bed.server.login('dataofficer') })
      ).body.items[0];
      assert.equal(sent.resourceId, food.id);
      await page.screenshot({ path: `${RESULTS}/data-demands-sent.png` });

      // 市场监管's department administrator: 收到的 lists it with its due date; approves one county's rows, 500 calls a day
      const keeper = await deptAdminPage();
      await keeper.goto(`${bed.server.url}/staff/data?tab=demands`);
      await withFailureShot(keeper, 'data-demands-keeper', async () => {
        const row = keeper.getByTestId('demand-table').locator('tbody tr', { hasText: RESOURCE });
        await row.waitFor();
        const text = await row.innerText();
        assert.match(text, /云浮市公安局/);
        assert.ok(text.includes(sent.dueDate), `${text} shows the due date ${sent.dueDate}`);
        assert.match(text, /剩余 \d+ 天[\s\S]*待答复/);
        await keeper.screenshot({ path: `${RESULTS}/data-demands-incoming.png` });
        await row.click();
        const answer = keeper.getByTestId('demand-drawer').getByTestId('approve-form');
        await answer.waitFor();
        assert.equal(
          await answer.getByRole('checkbox', { name: '许可证编号' }).isChecked(),
          true,
          'the fields asked are preselected',
        );
        assert.equal(await answer.getByRole('checkbox', { name: '经营者名称' }).isChecked(), true);
        await answer.getByText('仅限一个区县').click();
        await answer.getByLabel('选择区县').click();
        await keeper.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '云城区' }).click();
        await answer.getByLabel('每日调用上限').fill('500');
        await answer.getByLabel('说明').fill('仅用于户籍业务');
        await keeper.screenshot({ path: `${RESULTS}/data-demands-answer.png` });
        await keeper.getByTestId('approve-submit').click();
        const scope = keeper.getByTestId('demand-drawer').getByTestId('grant-scope');
        await scope.waitFor();
        await scope.getByText('云城区').waitFor();
        assert.match(await scope.innerText(), /仅限 云城区[\s\S]*500 次/);
        assert.equal(await keeper.getByTestId('approve-form').count(), 0, 'answered once');
        await keeper.getByTestId('demand-table').locator('tbody tr', { hasText: RESOURCE }).getByText('已同意').waitFor();
      });
      await keeper.context().close();

      // the data officer: 发出的 shows it approved with the grant; confirms 满意 once
      await navigate(page, bed.server.url, '/staff/data?tab=demands&box=outgoing');
      await page.getByRole('button', { name: '刷新' }).click();
      const sentRow = page.getByTestId('demand-table').locator('tbody tr', { hasText: RESOURCE });
      await sentRow.getByText('已同意').waitFor();
      await sentRow.click();
      const grant = drawer.getByTestId('grant-scope');
      await grant.waitFor();
      // the field and region names are read after the demand
      await grant.getByText('云城区').waitFor();
      await grant.getByText('经营者名称').waitFor();
      const granted = await grant.innerText();
      assert.match(granted, /许可证编号[\s\S]*经营者名称/);
      assert.match(granted, /仅限 云城区/);
      assert.match(granted, /500 次/);
      assert.match(await drawer.getByTestId('demand-details').innerText(), /仅用于户籍业务/);
      const confirm = drawer.getByTestId('confirm-form');
      await confirm.getByText('满意', { exact: true }).click();
      await confirm.getByTestId('confirm-note').fill('满足核验需要');
      await page.screenshot({ path: `${RESULTS}/data-demands-approved.png` });
      await drawer.getByTestId('confirm-submit').click();
      await drawer.getByTestId('demand-satisfaction').getByText('满意').waitFor();
      await waitGone(page, 'confirm-form');
      await drawer.locator('.ant-drawer-close').click();
      await waitGone(page, 'demand-drawer');
      await sentRow.getByTestId('demand-satisfaction').waitFor();

      // 已获授权 lists the grant
      await page.getByTestId('data-tabs').getByRole('tab', { name: '已获授权' }).click();
      const grantRow = page.getByTestId('grant-table').locator('tbody tr', { hasText: RESOURCE });
      // the field and region names are read after the list
      await grantRow.getByText('云城区').waitFor();
      await grantRow.getByText('经营者名称').waitFor();
      assert.match(await grantRow.innerText(), /云浮市公安局[\s\S]*云城区[\s\S]*500[\s\S]*有效/);
      await page.screenshot({ path: `${RESULTS}/data-demands-grants.png` });

      // 市场主体登记信息, every field 无条件共享: granted at once, for the user's own department
      await page.getByTestId('data-tabs').getByRole('tab', { name: '资源目录' }).click();
      await openResource(page, '市场主体登记信息');
      await page.getByTestId('resource-demand').click();
      await form.getByRole('checkbox', { name: /统一社会信用代码/ }).check();
      await form.getByRole('checkbox', { name: /^名称/ }).check();
      await form.getByLabel('用途').fill('核验企业登记信息');
      await form.getByLabel('法律依据').fill('《优化营商环境条例》第三十七条');
      await page.getByTestId('demand-submit').click();
      await drawer.getByTestId('demand-status').getByText('已自动授权').waitFor();
      const atOnce = await drawer.getByTestId('grant-scope').innerText();
      assert.match(atOnce, /政务服务和数据管理局/);
      assert.match(atOnce, /全部数据[\s\S]*10,000 次/);
      assert.match(await drawer.getByTestId('demand-details').innerText(), /系统自动授权/);
      await drawer.getByTestId('grant-scope').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${RESULTS}/data-demands-granted.png` });
    });
    await page.context().close();
    assert.deepEqual(bed.pageErrors, []);
  },
);

test(
  'the department administrator answers on a phone: 收到的 fits, a demand refused with a reason',
  { timeout: 120_000 },
  async () => {
    const asked = await bed.server.api('/api/data/demands', {
      method: 'POST',
      cookie: await bed.server.login('dataofficer'),
      body: {
        resourceId: food.id,
        requesterDepartmentId: civil.id,
        fields: ['operator_name'],
        purpose: '核对社会组织登记材料',
        legalBasis: '《社会组织登记管理条例》',
      },
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    const page = await deptAdminPage(PHONE_SCREEN);
    await page.goto(`${bed.server.url}/staff/data?tab=demands`);
    await withFailureShot(page, 'data-demands-phone', async () => {
      const table = page.getByTestId('demand-table');
      // pending first
      await table.locator('tbody tr').first().getByText('待答复').waitFor();
      await assertFitsScreen(page, 'the demand list');
      await page.screenshot({ path: `${RESULTS}/data-demands-phone-list.png`, fullPage: true });
      await table.locator('tbody tr').first().click();
      const drawer = page.getByTestId('demand-drawer');
      await drawer.getByTestId('approve-form').waitFor();
      const box = await drawer.boundingBox();
      assert.ok(
        box && box.width <= PHONE_SCREEN.width && box.width >= PHONE_SCREEN.width - 1,
        `the drawer is ${box?.width}px wide`,
      );
      await drawer.getByTestId('approve-form').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${RESULTS}/data-demands-phone-answer.png` });
      await drawer.getByTestId('answer-choice').getByText('不同意').click();
      await page.getByTestId('refuse-submit').click();
      await drawer.getByText('请填写不同意原因').waitFor();
      await page.getByTestId('refuse-reason').fill('经营者名称可通过市场主体登记信息获取');
      await page.getByTestId('refuse-submit').click();
      await drawer.getByTestId('demand-status').getByText('不同意').waitFor();
      assert.match(
        await drawer.getByTestId('demand-details').innerText(),
        /不同意原因[\s\S]*经营者名称可通过市场主体登记信息获取/,
      );
      await page.screenshot({ path: `${RESULTS}/data-demands-phone-refused.png` });
    });
    await page.context().close();
    assert.deepEqual(bed.pageErrors, []);
  },
);
