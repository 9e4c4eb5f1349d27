// A citizen pays a case's fee notice in Chromium: 我的缴费 → the notice → the simulated bank's pay
// page → back to the notice, which turns paid when the signed callback arrives (outbox workers
// on) → the e-receipt is shown and its PDF downloads. Screenshots: test-results/payment-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { computeFeeLines, createFeeNotice } from '../../src/modules/payment/index.ts';
import { browserTestBed, RESULTS, signInAs } from '../support/browser.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import type { TestServer } from '../support/server.ts';
import * as clock from '../../src/kernel/clock.ts';

const bed = browserTestBed();
let server: TestServer;
let browser: Browser;
let noticeId = '';

before(async () => {
  // outbox workers on: the signed payment callback is delivered as in production
  server = await bed.start({ YIWANG_WORKERS: '1' });
  browser = bed.browser;
  const citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  const me = (await server.api('/api/auth/me', { cookie: citizen })).body.user;
  const dept = (await server.ctx.db.one<{ id: string }>(`select id from department where code = '445300-SCJGJ'`))!;
  // What the cases module does when a case reaches its payment step.
  const notice = await createFeeNotice(server.ctx, {
    caseId: '01900000-0000-7000-8000-0000000000b1',
    itemCode: 'BROWSER-TEST',
    payer: { personId: me.id, name: me.name },
    collectingUnit: dept.id,
    lines: computeFeeLines([
      { rule: { kind: 'fixed', name: '营业执照工本费', amountFen: 1000 } },
      { rule: { kind: 'per_unit', name: '副本费', unitFen: 500, unit: '本' }, quantity: 2, reduction: { kind: 'percent', basisPoints: 5000, basis: '小微企业减半' } },
    ]),
    dueDate: new Date(clock.nowMs() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10),
  });
  noticeId = notice.id;
});

/** 陈小云, who is also an enterprise's agent, signs in acting for herself. */
const signIn = (page: Page, next: string) => signInAs(page, server.url, '13800000001', CITIZEN_PASSWORD, next);

test('a citizen pays a case fee in the simulator and downloads the receipt', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await signIn(page, '/payments');
    const card = page.getByTestId('my-notice').first();
    await card.waitFor();
    assert.match(await card.innerText(), /15\.00/);
    await page.screenshot({ path: `${RESULTS}/payment-my.png`, fullPage: true });
    await card.getByRole('button').click();
    await page.waitForURL(new RegExp(`/payments/${noticeId}$`));
    assert.match(await page.getByTestId('payment-detail').innerText(), /小微企业减半/);
    await page.getByTestId('pay-button').click();
    await page.waitForURL(/\/paysim\/sim-bank\/pay\//);
    assert.match(await page.getByTestId('amount').innerText(), /15\.00/);
    await page.screenshot({ path: `${RESULTS}/payment-paypage.png`, fullPage: true });
    await page.getByTestId('pay').click();
    await page.waitForURL(new RegExp(`/payments/${noticeId}$`));
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('notice-status').innerText(), /已缴款/);
    await page.screenshot({ path: `${RESULTS}/payment-paid.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-download').click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
    assert.match(download.suggestedFilename(), /^receipt-\d{8}-\d{10}\.pdf$/);

    // Anyone holding the receipt checks it on the portal (where its QR code leads).
    const [code, number, check] = (await receipt.locator('.ant-descriptions-item-content').allInnerTexts()).map((x) => x.trim());
    await page.goto(`${server.url}/payments/verify?code=${code}&number=${number}&check=${check}`);
    await page.getByTestId('receipt-verify').locator('button[type=submit]').click();
    await page.getByText('票据真实有效').waitFor();
    await page.screenshot({ path: `${RESULTS}/payment-verify.png`, fullPage: true });
  } catch (err) {
    await page.screenshot({ path: `${RESULTS}/payment-failure.png`, fullPage: true }).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, []);
  const resumed = await server.ctx.db.one<{ n: number }>(`select count(*) as n from outbox_event where topic = 'payment.notice_paid' and payload->>'noticeId' = $1`, [noticeId]);
  assert.equal(Number(resumed!.n), 1);
});

test('finance staff: notices, reconciliation run and totals in the workbench', { timeout: 120_000 }, async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    // Administrators answer an authenticator step; the test client signs in and hands over the session.
    const session = await server.login('deptadmin');
    await context.addCookies([{ name: 'yw_session', value: session.split('=')[1]!, url: server.url }]);
    await page.goto(`${server.url}/staff/payments`);
    const workbench = page.getByTestId('payments-workbench');
    await workbench.locator('tbody tr', { hasText: '陈小云' }).first().waitFor();
    await workbench.getByRole('tab', { name: '对账' }).click();
    await workbench.locator('button', { hasText: '执行对账' }).click();
    await workbench.locator('tbody tr', { hasText: 'sim-bank' }).first().waitFor();
    // A broken statement file is refused with the line and reason, and the failed run is listed.
    await workbench.locator('input[type=file]').setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from('garbage\n') });
    await page.locator('.ant-notification', { hasText: '对账单第 1 行格式不正确' }).waitFor();
    await workbench.locator('tbody tr', { hasText: '失败' }).first().waitFor();
    await page.screenshot({ path: `${RESULTS}/payment-workbench-reconciliation.png`, fullPage: true });
    await workbench.getByRole('tab', { name: '收缴汇总' }).click();
    await workbench.locator('tbody tr', { hasText: '市场监督管理局' }).first().waitFor();
  } catch (err) {
    await page.screenshot({ path: `${RESULTS}/payment-workbench-failure.png`, fullPage: true }).catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, []);
});
