// #7 end to end in Chromium: a case waits at its payment step (set up through the API), the
// citizen opens it in the portal, follows it to the fee notice, pays on the simulated bank's page,
// downloads the e-receipt and sees the case completed once the signed callback has resumed it
// (outbox workers on). Screenshots: test-results/payment-case-*.png.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE_SCREEN, RESULTS, signInAs } from '../support/browser.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { caseAtPayment, publishFeeItem } from '../integration/payment-case-fixture.ts';

let server: TestServer;
let browser: Browser;
let caseId = '';
let noticeId = '';

before(async () => {
  server = await startTestServer({ YIWANG_WORKERS: '1' });
  browser = await launchBrowser();
  const login = (u: string) => server.login(u);
  const api: TestServer['api'] = (...a) => server.api(...a);
  await publishFeeItem(api, { deptadmin: await login('deptadmin'), dataofficer: await login('dataofficer') });
  const cookies = { citizen: await server.login('13800000001', CITIZEN_PASSWORD), clerk: await login('clerk'), approver: await login('approver') };
  ({ caseId, noticeId } = await caseAtPayment(server.url, api, cookies));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a citizen pays for a case in the simulator and downloads the receipt', { timeout: 150_000 }, async () => {
  const context = await browser.newContext({ viewport: PHONE_SCREEN, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await signInAs(page, server.url, '13800000001', CITIZEN_PASSWORD, `/my-cases/${caseId}`);
    const step = page.getByTestId('payment-step');
    await step.waitFor();
    assert.match(await page.getByTestId('my-case').innerText(), /办理中/);
    await page.screenshot({ path: `${RESULTS}/payment-case-waiting.png`, fullPage: true });

    await step.getByTestId('pay-notice').click();
    await page.waitForURL(new RegExp(`/payments/${noticeId}$`));
    const detail = page.getByTestId('payment-detail');
    await detail.waitFor();
    assert.match(await detail.innerText(), /鉴定费/);
    assert.match(await detail.innerText(), /120\.00/);
    await page.screenshot({ path: `${RESULTS}/payment-case-notice.png`, fullPage: true });

    await page.getByTestId('pay-button').click();
    await page.waitForURL(/\/paysim\/[a-z-]+\/pay\//);
    assert.match(await page.getByTestId('amount').innerText(), /120\.00/);
    await page.screenshot({ path: `${RESULTS}/payment-case-paypage.png`, fullPage: true });
    await page.getByTestId('pay').click();
    await page.waitForURL(new RegExp(`/payments/${noticeId}$`));
    await page.getByTestId('receipt').waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId('notice-status').innerText(), /已缴款/);
    await page.screenshot({ path: `${RESULTS}/payment-case-paid.png`, fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('receipt-download').click()]);
    assert.equal(readFileSync(await download.path()).subarray(0, 5).toString(), '%PDF-');
    assert.match(download.suggestedFilename(), /^receipt-\d{8}-\d{10}\.pdf$/);

    // the paid notice resumed the case: its payment step was the last, so it is completed
    await page.goto(`${server.url}/my-cases/${caseId}`);
    await page.getByTestId('my-case').getByText('已办结').waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId('payment-step').count(), 0);
    await page.screenshot({ path: `${RESULTS}/payment-case-completed.png`, fullPage: true });

    // #14: the timeline names who acted in Chinese and shows 已缴费 with the amount; no action is left
    const timeline = page.getByTestId('case-timeline');
    const text = await timeline.innerText();
    assert.match(text, /已缴费 120\.00 元/);
    assert.match(text, /系统自动/);
    assert.match(text, /云浮市市场监督管理局 · 审批人员/);
    assert.doesNotMatch(text, /system|[0-9a-f]{8}-[0-9a-f]{4}/);
    assert.equal(await page.getByTestId('withdraw').count(), 0);
    await timeline.screenshot({ path: `${RESULTS}/payment-case-timeline-phone.png` });
    await page.setViewportSize(DESKTOP);
    await timeline.screenshot({ path: `${RESULTS}/payment-case-timeline-desktop.png` });
  } catch (err) {
    await page.screenshot({ path: `${RESULTS}/payment-case-failure.png`, fullPage: true }).catch(() => undefined);
    if (errors.length) (err as Error).message += `\npage errors: ${errors.join('\n')}`;
    throw err;
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, []);
  const approved = await server.ctx.db.one<{ n: number }>(`select count(*) as n from case_event where case_id = $1 and kind = 'approved'`, [caseId]);
  assert.equal(Number(approved!.n), 1);
});
