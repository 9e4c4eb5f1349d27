// The README's "what a visitor can try" walk (issue #14), part 2 (part 1 and the frame:
// visitor-walk.test.ts): the special steps of the demo items with their own workflows (现场检查,
// 专家评审, 批前公示); 梁秀英's 高龄津贴 秒批, the quick entries and her rating by SMS reply at
// /dev/sms; 企业变更登记's new 营业执照 and 食品经营许可 revoked after its commitment was found
// false, in the workbench and the enterprise's wallet; 开办个体工商户, whose 营业执照 the new shop
// holds, added by its operator under 我的企业; 外国人来华工作许可, whose licence is the worker's
// (by passport), not the employer's.
// Screenshots: test-results/visitor-walk-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { personalData } from '../../src/kernel/pii.ts';
import { demoIdNumber } from '../../src/seed/people.ts';
import { signIn } from '../support/browserless.ts';
import { browserTestBed, DESKTOP, navigate, PHONE_SCREEN, signInAs, waitGone, withFailureShot } from '../support/browser.ts';
import { workCase } from '../support/cases.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { applyDemoItem, appliesAsEnterprise, demoForm } from '../support/demo-items.ts';
import { PDF } from '../support/files.ts';
import type { TestServer } from '../support/server.ts';
import { demoApplicant, demoStaff, issuedLicence, item, itemNamed, openCase, reloadUntil, walkShot, type Chen } from '../support/visitor-walk.ts';

/** 80周岁以上老年人高龄津贴申领 (云城区民政局): 秒批 on age ≥ 80 and a 云浮 household. */
const ALLOWANCE = '440E0720000000-445302000000-000-11445302530200376G-1-00';
/** 梁秀英, in the population base (born 1941, 云城区 household) and without an account. */
const ELDER = { name: '梁秀英', birthDate: '19410612', index: 8, phone: '13900008080', password: 'Cloud-Stone-2026' };

const bed = browserTestBed();
let server: TestServer;
let chen: Chen;
let staff: Awaited<ReturnType<typeof demoStaff>>;
let approver: Page;

before(async () => {
  server = await bed.start({ YIWANG_WORKERS: '1' });
  chen = await demoApplicant(server);
  staff = await demoStaff(server);
  approver = await bed.newPage(DESKTOP);
  await signInAs(approver, server.url, 'approver', 'Yiwang@2026approver', '/staff/todo');
});

test('the demo items’ own steps: 现场检查, 专家评审 and 批前公示 are passed in the approver’s drawer', { timeout: 180_000 }, async () => {
  // 李浮生 (实名等级 3), for himself or for the demo enterprise he represents, as the demo sweep applies
  const enc = (await server.ctx.db.one<{ enc: string }>("select id_number_enc as enc from person where name = '李浮生'"))!.enc;
  const li = { idNumber: personalData(server.ctx.config.masterKey).decrypt(enc), uscc: chen.uscc };
  const cookies = { person: await server.login('13800000002', CITIZEN_PASSWORD), enterprise: await signIn(server.url, '13800000002', CITIZEN_PASSWORD, { actAs: chen.enterpriseId }) };
  for (const name of ['药品零售企业经营许可', '特殊建设工程消防设计审查', '建设工程规划许可证核发']) {
    const it = await itemNamed(server, name);
    const asEnterprise = appliesAsEnterprise(it.content);
    const applicant = asEnterprise ? cookies.enterprise : cookies.person;
    const submitted = await applyDemoItem(server, applicant, it.code, it.content, demoForm(it.content, li, asEnterprise));
    const atStep = await workCase(server, submitted.id, { until: 'special', staff });
    assert.equal(atStep.currentStep?.kind, 'special', name);
    await withFailureShot(approver, `visitor-walk-special-${name}`, async () => {
      const drawer = await openCase(approver, server, submitted.number);
      const running = await drawer.getByTestId('special-running').innerText();
      assert.ok(running.includes(atStep.currentStep!.name), `${name}: ${running}`);
      if (name === '建设工程规划许可证核发') {
        await approver.waitForTimeout(400); // the drawer slides in
        await walkShot(approver, 'special-publicity');
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

test('梁秀英 registers, applies for the 高龄津贴 and is approved at once (秒批), opens 我的办件 from the quick entries and rates by SMS reply', { timeout: 180_000 }, async () => {
  const elder = { name: ELDER.name, idNumber: demoIdNumber(chen.regionCode, ELDER.birthDate, ELDER.index), phone: ELDER.phone, password: ELDER.password };
  assert.equal((await server.api('/api/identity/sms-codes', { method: 'POST', body: { phone: elder.phone, purpose: 'register' } })).status, 202);
  await server.deliverEvents();
  const code = /(\d{6})/.exec((await server.api(`/api/dev/sms?phone=${elder.phone}`)).body.items[0]?.text ?? '')?.[1];
  const registered = await server.api('/api/identity/register', { method: 'POST', body: { ...elder, code } });
  assert.equal(registered.status, 201, JSON.stringify(registered.body));
  assert.equal(registered.body.assuranceLevel, 2);

  const allowance = await item(server, ALLOWANCE);
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
    await walkShot(page, 'elder-instant-phone');
    const number = (await page.getByTestId('case-number').innerText()).trim();

    // the home page's quick entries lead to her cases and her licences
    await navigate(page, server.url, '/');
    await page.getByTestId('quick-cases').click();
    await page.getByTestId('my-case-row').filter({ hasText: '高龄津贴' }).waitFor();
    await navigate(page, server.url, '/');
    await page.getByTestId('quick-wallet').click();
    await page.getByTestId('wallet-page').waitFor();

    // the finished case's rating invitation arrives by SMS (/dev/sms); she answers 5 (/dev/sms/reply)
    await page.goto(`${server.url}/dev/sms`); // a page of the server, not of the app
    const invitation = page.locator('ul.sms li', { hasText: `${elder.phone.slice(0, 3)}****${elder.phone.slice(-4)}` }).filter({ hasText: '回复数字' });
    await reloadUntil(page, invitation.first());
    assert.match(await invitation.first().innerText(), new RegExp(`办件 ${number}（80周岁以上老年人高龄津贴申领）已办理`));
    await page.locator('a[href="/dev/sms/reply"]').click();
    await page.getByTestId('phone').fill(elder.phone);
    await page.getByTestId('text').fill('5');
    await page.getByTestId('send').click();
    await page.waitForURL((url) => url.pathname === '/dev/sms');
    await navigate(page, server.url, '/my-ratings');
    const given = page.getByTestId('rating-given').filter({ hasText: number });
    await reloadUntil(page, given);
    assert.match(await given.getByTestId('rating-level').innerText(), /非常满意/);
  });
  await page.context().close();
  assert.deepEqual(bed.pageErrors, []);
});

test('企业变更登记 makes a new 营业执照 version; 食品经营许可 is revoked once its commitment is found false', { timeout: 180_000 }, async () => {
  const done: Record<string, { id: string; number: string }> = {};
  for (const name of ['企业变更登记（备案）', '食品经营许可（新办）']) {
    const it = await itemNamed(server, name);
    const c = await applyDemoItem(server, chen.agentCookie, it.code, it.content, demoForm(it.content, chen, true));
    assert.equal((await workCase(server, c.id, { staff })).status, 'completed', name);
    done[name] = c;
  }
  await withFailureShot(approver, 'visitor-walk-commitment', async () => {
    await navigate(approver, server.url, '/staff/commitment-checks');
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
    await navigate(approver, server.url, '/staff/licences');
    const search = approver.getByTestId('licences-workbench').locator('.crud-toolbar input');
    await search.fill((await licence())!.identifier);
    await search.press('Enter');
    const row = approver.getByTestId('licences-workbench').locator('tbody tr', { hasText: '食品经营许可证' }).filter({ hasText: '云石科技' });
    await row.getByText('撤销', { exact: true }).waitFor();
    // the unfiltered first page may already show this row: wait for the search's answer to replace it
    const rows = approver.getByTestId('licences-workbench').locator('tbody tr.ant-table-row');
    await rows.nth(1).waitFor({ state: 'detached' });
    assert.equal(await rows.count(), 1);
    await walkShot(approver, 'licences-workbench');
  });

  const agent = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(agent, 'visitor-walk-enterprise-wallet', async () => {
    await signInAs(agent, server.url, '13800000001', CITIZEN_PASSWORD, '/wallet', chen.enterpriseId);
    const card = (type: string, status: string) =>
      agent.getByTestId('wallet-licence').filter({ has: agent.getByRole('heading', { name: type, exact: true }) }).filter({ has: agent.locator('.ant-tag').getByText(status, { exact: true }) });
    await card('营业执照', '有效').first().waitFor();
    await card('营业执照', '失效').first().waitFor();
    await card('食品经营许可证', '撤销').first().waitFor();
    await walkShot(agent, 'enterprise-wallet-phone');
  });
  await agent.context().close();
  assert.deepEqual(bed.pageErrors, []);
});

test('开办个体工商户: the 营业执照 is the new shop’s; its operator reads whose it is and adds the shop under 我的企业', { timeout: 180_000 }, async () => {
  const it = await itemNamed(server, '个体工商户设立登记');
  const form = { ...demoForm(it.content, chen, false), shop_name: '云城区陈记粉店', premises_address: '云浮市云城区兴云西路8号' };
  const c = await applyDemoItem(server, chen.cookie, it.code, it.content, form);
  assert.equal((await workCase(server, c.id, { staff })).status, 'completed');
  const registered = (await issuedLicence(server, c.id, chen.cookie))?.registered;
  assert.ok(registered, 'the registration’s licence was issued');

  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'visitor-walk-registration', async () => {
    await signInAs(page, server.url, '13800000001', CITIZEN_PASSWORD, `/my-cases/${c.id}`);
    const note = page.getByTestId('result-licence-registered');
    assert.match(await note.innerText(), new RegExp(`已为新登记的“云城区陈记粉店”核发，统一社会信用代码 ${registered.uscc}`));
    await walkShot(page, 'registration-result-phone');
    await page.getByTestId('case-results').getByRole('link', { name: '到我的企业添加' }).click();
    await page.getByTestId('enterprise-register').click();
    const enterpriseForm = page.getByTestId('enterprise-form');
    await enterpriseForm.getByLabel('统一社会信用代码').fill(registered.uscc);
    await enterpriseForm.getByLabel('企业名称').fill(registered.name);
    await page.getByTestId('enterprise-register-submit').click();
    await enterpriseForm.waitFor({ state: 'detached' });
    // the 法人库 learnt the shop with her as its operator: proven at once, she may act for it
    await page.getByTestId('enterprise-card').filter({ hasText: registered.name }).getByTestId('enterprise-act-as').waitFor();
    await walkShot(page, 'registration-enterprises-phone');
  });
  await page.context().close();
  assert.deepEqual(bed.pageErrors, []);
});

test('外国人来华工作许可: the employer reads that the 外国人工作许可证 is the worker’s, known by a masked passport number', { timeout: 180_000 }, async () => {
  const it = await itemNamed(server, '外国人来华工作许可');
  const form = { ...demoForm(it.content, chen, true), foreigner_name: 'Emma WATSON-LEE', passport_number: 'K87654321', nationality: '英国' };
  const c = await applyDemoItem(server, chen.agentCookie, it.code, it.content, form);
  assert.equal((await workCase(server, c.id, { staff })).status, 'completed');
  assert.ok((await issuedLicence(server, c.id, chen.agentCookie))?.heldBy, 'the worker’s licence was issued');

  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'visitor-walk-work-permit', async () => {
    await signInAs(page, server.url, '13800000001', CITIZEN_PASSWORD, `/my-cases/${c.id}`, chen.enterpriseId);
    const note = page.getByTestId('result-licence-held-by');
    assert.match(await note.innerText(), /^持证人：Emma WATSON-LEE（护照号码 K8\*{5}21）/);
    const results = page.getByTestId('case-results');
    assert.equal(await results.getByRole('link', { name: '到我的卡包查看' }).count(), 0, 'not in the employer’s wallet');
    await results.scrollIntoViewIfNeeded();
    await walkShot(page, 'work-permit-result-phone');
  });
  await page.context().close();
  assert.deepEqual(bed.pageErrors, []);
});
