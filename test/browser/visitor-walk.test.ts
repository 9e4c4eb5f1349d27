// The README's "what a visitor can try" walk (issue #14), for the steps no other browser test takes
// through the pages (test/browser/README.md maps every step to its test): the clerk's 补正 and 容缺
// in the case drawer and the applicant's 撤回申请; 不动产权证书补发 worked by the demo clerk and
// approver in the workbench, paid and its result shown; the special steps of the demo items with
// their own workflows (现场检查, 专家评审, 批前公示); 梁秀英's 高龄津贴 秒批, the quick entries and
// her rating by SMS reply at /dev/sms; 企业变更登记's new 营业执照 and 食品经营许可 revoked after its
// commitment was found false, in the workbench and the enterprise's wallet; 出示 in the wallet to
// /verify with the 核验包; department statistics of the department the picker finds as
// 不动产登记中心, e-seals, and the catalogue's Excel export and import.
// One server (outbox workers on, as `npm start` runs), one browser, a page per person kept open.
// Screenshots: test-results/visitor-walk-*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { personalData } from '../../src/kernel/pii.ts';
import { getPublishedVersion } from '../../src/modules/catalog/index.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { signIn } from '../support/browserless.ts';
import { browserTestBed, DESKTOP, PHONE_SCREEN, RESULTS, signInAs, waitGone, withFailureShot } from '../support/browser.ts';
import { submittedRewardCase, workCase } from '../support/cases.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { applyDemoItem, appliesAsEnterprise, demoForm, type DemoApplicant } from '../support/demo-items.ts';
import { PDF } from '../support/files.ts';
import type { TestServer } from '../support/server.ts';

/** 不动产权证书补发、换发 (自然资源局): 公告, 审核, 登簿, then the 工本费 after the decision. */
const REISSUE = '000G1103000000-445300000000-000-11445300530000112G-1-00';
/** 80周岁以上老年人高龄津贴申领 (云城区民政局): 秒批 on age ≥ 80 and a 云浮 household. */
const ALLOWANCE = '440E0720000000-445302000000-000-11445302530200376G-1-00';
/** 梁秀英, in the population base (born 1941, 云城区 household) and without an account. */
const ELDER = { name: '梁秀英', birthDate: '19410612', index: 8, phone: '13900008080', password: 'Cloud-Stone-2026' };

const bed = browserTestBed();
let server: TestServer;
/** 陈小云, for herself and as the agent of the demo enterprise. */
const chen: DemoApplicant & { enterpriseId: string; cookie: string; agentCookie: string } = { idNumber: '', uscc: '', enterpriseId: '', cookie: '', agentCookie: '' };
let county = '';
const pages = {} as Record<'clerk' | 'approver' | 'citizen', Page>;
/** The API sessions of the demo clerk and approver (a sign-in costs a password hash). */
const staff = { clerk: '', approver: '' };

before(async () => {
  server = await bed.start({ YIWANG_WORKERS: '1' });
  const chenRow = (await server.ctx.db.one<{ enc: string; region_code: string }>("select id_number_enc as enc, region_code from person where name = '陈小云'"))!;
  chen.idNumber = personalData(server.ctx.config.masterKey).decrypt(chenRow.enc);
  county = chenRow.region_code;
  const enterprise = (await server.ctx.db.one<{ id: string; uscc: string }>("select id, uscc from enterprise where name like '%云石科技%'"))!;
  Object.assign(chen, { uscc: enterprise.uscc, enterpriseId: enterprise.id, cookie: await server.login('13800000001', CITIZEN_PASSWORD) });
  chen.agentCookie = await signIn(server.url, '13800000001', CITIZEN_PASSWORD, { actAs: enterprise.id });
  Object.assign(staff, { clerk: await server.login('clerk'), approver: await server.login('approver') });
  pages.clerk = await bed.newPage(DESKTOP);
  await signInAs(pages.clerk, server.url, 'clerk', 'Yiwang@2026clerk', '/staff/todo');
  pages.approver = await bed.newPage(DESKTOP);
  await signInAs(pages.approver, server.url, 'approver', 'Yiwang@2026approver', '/staff/todo');
  pages.citizen = await bed.newPage(PHONE_SCREEN);
  await signInAs(pages.citizen, server.url, '13800000001', CITIZEN_PASSWORD, '/my-cases');
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${RESULTS}/visitor-walk-${name}.png`, fullPage: true });

/** A published item by its code: its id (for the guide's address) and its content. */
async function item(code: string) {
  const id = (await server.ctx.db.one<{ id: string }>('select id from catalog_item where code = $1', [code]))!.id;
  return { id, code, content: (await getPublishedVersion(server.ctx.db, code)).content };
}
const itemNamed = async (name: string) => item((await server.ctx.db.one<{ code: string }>('select i.code from catalog_item i join catalog_item_version v on v.item_id = i.id where v.name = $1 order by i.code limit 1', [name]))!.code);

/** Opens a case from the workbench's 待办 by its number; the drawer shows it. */
async function openCase(page: Page, number: string): Promise<Locator> {
  await page.goto(`${server.url}/staff/todo`);
  await page.getByTestId('cases-inbox').locator('tbody tr', { hasText: number }).first().click();
  const drawer = page.getByTestId('case-drawer');
  await drawer.getByTestId('case-actions').waitFor();
  return drawer;
}

/** Picks `option` (by its text) in an Ant Design multiple select. */
async function pick(page: Page, select: Locator, option: string) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await page.keyboard.press('Escape');
}

/** Types `typed` into the department picker inside `scope` and chooses `option`. */
async function pickDepartment(page: Page, scope: Locator, typed: string, option: string) {
  await scope.locator('.ant-select', { hasText: '选择部门' }).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
}

/** Reloads until `what` shows: the outbox worker delivers in the background. */
async function reloadUntil(page: Page, what: Locator, tries = 20) {
  for (let i = 0; i < tries; i++) {
    if (await what.isVisible()) return;
    await page.waitForTimeout(500);
    await page.reload();
    await what.waitFor({ timeout: 1500 }).catch(() => undefined);
  }
  await what.waitFor({ timeout: 1000 });
}

test('the clerk asks for 补正 and accepts with 容缺 in the drawer; the applicant withdraws before the decision', { timeout: 90_000 }, async () => {
  const corrected = await submittedRewardCase(server, 'JB2026-0301', chen.cookie);
  const deferred = await submittedRewardCase(server, 'JB2026-0302', chen.cookie);
  const { clerk, citizen } = pages;
  await withFailureShot(clerk, 'visitor-walk-clerk', async () => {
    let drawer = await openCase(clerk, corrected.number);
    await drawer.getByTestId('opinion').fill('银行账户信息须加盖开户银行印章');
    await pick(clerk, drawer.getByTestId('correction-pick'), '银行账户信息');
    await drawer.getByTestId('action-request_correction').click();
    await waitGone(clerk, 'case-drawer');

    drawer = await openCase(clerk, deferred.number);
    await pick(clerk, drawer.locator('.ant-select', { hasText: '选择容缺材料' }), '银行账户信息');
    await drawer.getByRole('button', { name: '容缺受理' }).click();
    await waitGone(clerk, 'case-drawer');
  });
  await withFailureShot(citizen, 'visitor-walk-withdraw', async () => {
    await citizen.goto(`${server.url}/my-cases/${corrected.id}`);
    assert.match(await citizen.getByTestId('correction-list').innerText(), /加盖开户银行印章/);
    await citizen.getByTestId('withdraw').click();
    await citizen.locator('.ant-popconfirm:not(.ant-popover-hidden) .ant-btn-primary').click();
    await citizen.getByTestId('case-status').getByText('已撤回').waitFor();
    assert.equal(await citizen.getByTestId('withdraw').count(), 0);

    await citizen.goto(`${server.url}/my-cases/${deferred.id}`);
    await citizen.getByTestId('deadline-deferred').waitFor();
    assert.match(await citizen.getByTestId('case-status-card').innerText(), /申请已容缺受理。请在 \d{4}-\d{2}-\d{2} 前补交容缺材料/);
    await shot(citizen, 'deferred-phone');
  });
  assert.deepEqual(bed.pageErrors, []);
});

test('不动产权证书补发 is worked by the demo clerk and approver in the workbench, paid, and its result shown', { timeout: 90_000 }, async () => {
  const reissue = await item(REISSUE);
  const c = await applyDemoItem(server, chen.cookie, reissue.code, reissue.content, demoForm(reissue.content, chen, false));
  const { clerk, approver, citizen } = pages;
  await withFailureShot(clerk, 'visitor-walk-property-clerk', async () => {
    const drawer = await openCase(clerk, c.number);
    await drawer.getByTestId('action-accept').click();
    await waitGone(clerk, 'case-drawer');
  });
  // the approver takes every step after acceptance, each from the 待办 list, until the fee is due
  const steps: string[] = [];
  await withFailureShot(approver, 'visitor-walk-property-approver', async () => {
    for (let i = 0; i < 6; i++) {
      const now = (await server.api(`/api/cases/${c.id}`, { cookie: chen.cookie })).body.case;
      if (now.currentStep?.kind === 'payment') break;
      const drawer = await openCase(approver, c.number);
      await drawer.getByText(now.currentStep.name, { exact: true }).first().waitFor();
      steps.push(now.currentStep.name);
      await drawer.getByTestId('opinion').fill('经审查，符合补发条件');
      await drawer.getByTestId('action-approve').click();
      await waitGone(approver, 'case-drawer');
    }
  });
  assert.deepEqual(steps, ['遗失声明公告', '审核', '登簿']);
  await withFailureShot(citizen, 'visitor-walk-property-citizen', async () => {
    await citizen.goto(`${server.url}/my-cases/${c.id}`);
    await citizen.getByTestId('payment-step').getByTestId('pay-notice').click();
    await citizen.getByTestId('pay-button').click();
    await citizen.waitForURL(/\/paysim\/[a-z-]+\/pay\//);
    await citizen.getByTestId('pay').click();
    await citizen.getByTestId('receipt').waitFor({ timeout: 30_000 });
    await citizen.goto(`${server.url}/my-cases/${c.id}`);
    const results = citizen.getByTestId('case-results');
    await reloadUntil(citizen, results.getByTestId('result-licence'));
    await results.getByTestId('result-approval').waitFor();
    assert.match(await citizen.getByTestId('case-status').innerText(), /已办结/);
    assert.match(await results.getByTestId('result-licence').innerText(), /已核发电子证照\s+1\.2\.156\.3005\.2\./);
    await shot(citizen, 'property-result-phone');
  });
  assert.deepEqual(bed.pageErrors, []);
});

test('the demo items’ own steps: 现场检查, 专家评审 and 批前公示 are passed in the approver’s drawer', { timeout: 90_000 }, async () => {
  // 李浮生 (实名等级 3), for himself or for the demo enterprise he represents, as the demo sweep applies
  const enc = (await server.ctx.db.one<{ enc: string }>("select id_number_enc as enc from person where name = '李浮生'"))!.enc;
  const li = { idNumber: personalData(server.ctx.config.masterKey).decrypt(enc), uscc: chen.uscc };
  const cookies = { person: await server.login('13800000002', CITIZEN_PASSWORD), enterprise: await signIn(server.url, '13800000002', CITIZEN_PASSWORD, { actAs: chen.enterpriseId }) };
  const { approver } = pages;
  for (const name of ['药品零售企业经营许可', '特殊建设工程消防设计审查', '建设工程规划许可证核发']) {
    const it = await itemNamed(name);
    const asEnterprise = appliesAsEnterprise(it.content);
    const applicant = asEnterprise ? cookies.enterprise : cookies.person;
    const submitted = await applyDemoItem(server, applicant, it.code, it.content, demoForm(it.content, li, asEnterprise));
    const atStep = await workCase(server, submitted.id, { until: 'special', staff });
    assert.equal(atStep.currentStep?.kind, 'special', name);
    await withFailureShot(approver, `visitor-walk-special-${name}`, async () => {
      const drawer = await openCase(approver, submitted.number);
      const running = await drawer.getByTestId('special-running').innerText();
      assert.ok(running.includes(atStep.currentStep!.name), `${name}: ${running}`);
      if (name === '建设工程规划许可证核发') {
        await approver.waitForTimeout(400); // the drawer slides in
        await shot(approver, 'special-publicity');
      }
      await drawer.getByTestId('opinion').fill('经现场检查/评审/公示，无异议');
      await drawer.getByTestId('action-approve').click();
      await waitGone(approver, 'case-drawer');
    });
    const after = (await server.api(`/api/cases/${submitted.id}`, { cookie: applicant })).body.case;
    assert.equal(after.currentStep.kind, 'decide', `${name} goes on to its decision`);
  }
  assert.deepEqual(bed.pageErrors, []);
});

test('梁秀英 registers, applies for the 高龄津贴 and is approved at once (秒批), opens 我的办件 from the quick entries and rates by SMS reply', { timeout: 90_000 }, async () => {
  const elder = { name: ELDER.name, idNumber: demoIdNumber(county, ELDER.birthDate, ELDER.index), phone: ELDER.phone, password: ELDER.password };
  assert.equal((await server.api('/api/identity/sms-codes', { method: 'POST', body: { phone: elder.phone, purpose: 'register' } })).status, 202);
  await server.deliverEvents();
  const code = /(\d{6})/.exec((await server.api(`/api/dev/sms?phone=${elder.phone}`)).body.items[0]?.text ?? '')?.[1];
  const registered = await server.api('/api/identity/register', { method: 'POST', body: { ...elder, code } });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  assert.equal(registered.body.assuranceLevel, 2);

  const allowance = await item(ALLOWANCE);
  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'visitor-walk-elder', async () => {
    await signInAs(page, server.url, elder.phone, elder.password, `/guide/${allowance.id}`);
    await page.getByTestId('apply-online').click();
    await page.waitForURL(/\/my-cases\/[0-9a-f-]{36}$/);
    await page.locator('#household_address').fill('云浮市云城区星岩四路1号');
    await page.locator('#bank_account').fill('6217000000000000008');
    const uploads = page.locator('[data-testid^="material-"]:has(input[type=file])');
    for (let i = (await uploads.count()) - 1; i >= 0; i--) {
      const row = uploads.nth(i);
      await row.locator('input[type=file]').setInputFiles({ name: `scan-${i}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await row.getByRole('link', { name: `scan-${i}.pdf` }).waitFor();
    }
    await page.getByTestId('submit').click();
    await page.getByTestId('case-number').waitFor();
    assert.match(await page.getByTestId('case-status').innerText(), /已办结/);
    const instant = page.getByTestId('instant-approval');
    assert.equal(await instant.getByTestId('instant-rule-passed').count(), 2);
    assert.equal(await instant.getByTestId('instant-rule-failed').count(), 0);
    await shot(page, 'elder-instant-phone');
    const number = (await page.getByTestId('case-number').innerText()).trim();

    // the home page's quick entries lead to her cases and her licences
    await page.goto(`${server.url}/`);
    await page.getByTestId('quick-cases').click();
    await page.getByTestId('my-case-row').filter({ hasText: '高龄津贴' }).waitFor();
    await page.goto(`${server.url}/`);
    await page.getByTestId('quick-wallet').click();
    await page.getByTestId('wallet-page').waitFor();

    // the finished case's rating invitation arrives by SMS (/dev/sms); she answers 5 (/dev/sms/reply)
    await page.goto(`${server.url}/dev/sms`);
    const invitation = page.locator('ul.sms li', { hasText: `${elder.phone.slice(0, 3)}****${elder.phone.slice(-4)}` }).filter({ hasText: '回复数字' });
    await reloadUntil(page, invitation.first());
    assert.match(await invitation.first().innerText(), new RegExp(`办件 ${number}（80周岁以上老年人高龄津贴申领）已办理`));
    await page.locator('a[href="/dev/sms/reply"]').click();
    await page.getByTestId('phone').fill(elder.phone);
    await page.getByTestId('text').fill('5');
    await page.getByTestId('send').click();
    await page.waitForURL((url) => url.pathname === '/dev/sms');
    await page.goto(`${server.url}/my-ratings`);
    const given = page.getByTestId('rating-given').filter({ hasText: number });
    await reloadUntil(page, given);
    assert.match(await given.getByTestId('rating-level').innerText(), /非常满意/);
  });
  await page.context().close();
  assert.deepEqual(bed.pageErrors, []);
});

test('企业变更登记 makes a new 营业执照 version; 食品经营许可 is revoked once its commitment is found false', { timeout: 90_000 }, async () => {
  const done: Record<string, { id: string; number: string }> = {};
  for (const name of ['企业变更登记（备案）', '食品经营许可（新办）']) {
    const it = await itemNamed(name);
    const c = await applyDemoItem(server, chen.agentCookie, it.code, it.content, demoForm(it.content, chen, true));
    assert.equal((await workCase(server, c.id, { staff })).status, 'completed', name);
    done[name] = c;
  }
  const { approver } = pages;
  await withFailureShot(approver, 'visitor-walk-commitment', async () => {
    await approver.goto(`${server.url}/staff/commitment-checks`);
    const number = done['食品经营许可（新办）']!.number;
    await approver.getByTestId(`check-${number}`).click();
    await approver.locator('.ant-modal').getByText('承诺不实').click();
    await approver.getByTestId('check-opinion').fill('现场核查：经营场所与承诺不符');
    await approver.getByTestId('check-ok').click();
    await approver.getByTestId(`check-${number}`).waitFor({ state: 'detached' });

    // the outbox worker revokes the licence; then the licences workbench shows it 撤销
    // (the workbench finds a licence by its identifier, as the case's result shows it)
    const licence = () => server.ctx.db.one<{ status: string; identifier: string }>('select status, identifier from licence where case_id = $1', [done['食品经营许可（新办）']!.id]);
    for (let i = 0; i < 40 && (await licence())?.status !== '03'; i++) await approver.waitForTimeout(250);
    await approver.goto(`${server.url}/staff/licences`);
    const search = approver.getByTestId('licences-workbench').locator('.crud-toolbar input');
    await search.fill((await licence())!.identifier);
    await search.press('Enter');
    const row = approver.getByTestId('licences-workbench').locator('tbody tr', { hasText: '食品经营许可证' }).filter({ hasText: '云石科技' });
    await row.getByText('撤销', { exact: true }).waitFor();
    assert.equal(await approver.getByTestId('licences-workbench').locator('tbody tr.ant-table-row').count(), 1);
    await shot(approver, 'licences-workbench');
  });

  const agent = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(agent, 'visitor-walk-enterprise-wallet', async () => {
    await signInAs(agent, server.url, '13800000001', CITIZEN_PASSWORD, '/wallet', chen.enterpriseId);
    const card = (type: string, status: string) =>
      agent.getByTestId('wallet-licence').filter({ has: agent.getByRole('heading', { name: type, exact: true }) }).filter({ has: agent.locator('.ant-tag').getByText(status, { exact: true }) });
    await card('营业执照', '有效').first().waitFor();
    await card('营业执照', '失效').first().waitFor();
    await card('食品经营许可证', '撤销').first().waitFor();
    await shot(agent, 'enterprise-wallet-phone');
  });
  await agent.context().close();
  assert.deepEqual(bed.pageErrors, []);
});

test('the holder shows a licence from the wallet (出示, every field); /verify offers the 核验包', { timeout: 60_000 }, async () => {
  const { citizen } = pages;
  await withFailureShot(citizen, 'visitor-walk-present', async () => {
    await citizen.goto(`${server.url}/wallet`);
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

test('department statistics; e-seals; a department’s catalogue exported to Excel and imported back', { timeout: 90_000 }, async () => {
  const { approver } = pages;
  await withFailureShot(approver, 'visitor-walk-stats', async () => {
    // the department picker finds 自然资源局 by the name its guides print
    await approver.goto(`${server.url}/staff/case-stats`);
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

    await page.goto(`${server.url}/admin/catalog/items`);
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
    await shot(page, 'catalog-import');
  });
  await context.close();
  assert.deepEqual(bed.pageErrors, []);
});
