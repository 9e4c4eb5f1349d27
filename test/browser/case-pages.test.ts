// Case pages people can read (issue #14, point 5). The applicant's page leads with the status and
// the next step, then the result, the progress and last the submitted form; the staff drawer lists
// the form's fields in the form's order with their titles, real file sizes and named deadlines.
// Only what a browser shows is asserted here: the order on screen, what fits the phone's first
// screen, the page's height. Screenshots: test-results/case-pages-*.png at 1366×768 and 390×844.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserTestBed, PHONE_SCREEN, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { acceptedRewardCase } from '../support/cases.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import type { TestServer } from '../support/server.ts';

const LAPTOP = { width: 1366, height: 768 };
/** The 食品安全违法行为举报奖励 form's titles in its order (src/seed/catalog/items/scjgj.json). */
const FORM_TITLES = ['申请人姓名', '公民身份号码', '联系电话', '举报登记编号', '收款账户'];

const bed = browserTestBed();
let server: TestServer;
let caseId = '';
let caseNumber = '';

before(async () => {
  server = await bed.start();
  ({ id: caseId, number: caseNumber } = await acceptedRewardCase(server, 'JB2026-0514'));
});

const top = (page: Page, testId: string) => page.getByTestId(testId).first().evaluate((e) => e.getBoundingClientRect().top + window.scrollY);

async function openDrawer(page: Page) {
  await signInAs(page, server.url, 'approver', 'Yiwang@2026approver', '/staff/todo');
  await page.getByTestId('cases-inbox').locator('tr', { hasText: caseNumber }).first().click();
  await page.getByTestId('form-fields').waitFor();
  await page.waitForTimeout(500); // the drawer slides in
}

test('the staff drawer lists the form in its order, real file sizes and named deadlines', { timeout: 120_000 }, async () => {
  for (const [size, viewport] of [['desktop', LAPTOP], ['phone', PHONE_SCREEN]] as const) {
    const page = await bed.newPage(viewport);
    await withFailureShot(page, `case-pages-drawer-${size}`, async () => {
      await openDrawer(page);
      const drawer = page.getByTestId('case-drawer');
      const labels = (await drawer.getByTestId('form-fields').locator('.ant-descriptions-item-label').allInnerTexts()).map((l) => l.trim());
      assert.deepEqual(labels, FORM_TITLES);
      const sizes = await drawer.getByTestId('material-size').allInnerTexts();
      assert.equal(sizes.length, 3);
      for (const s of sizes) {
        assert.match(s, /^\d+(\.\d+)? (KB|MB)$/);
        assert.notEqual(s, '0 KB');
      }
      const deadlines = await drawer.getByTestId('case-deadlines').innerText();
      assert.match(deadlines, /承诺办结时限 \d{4}-\d{2}-\d{2}/);
      assert.match(deadlines, /法定办结时限 \d{4}-\d{2}-\d{2}/);
      // on a phone the drawer is the screen's width, not 760 px cut off at the right
      const box = (await drawer.boundingBox())!;
      assert.ok(box.width <= viewport.width, `drawer ${box.width}px wide on a ${viewport.width}px screen`);
      await page.screenshot({ path: `${RESULTS}/case-pages-drawer-${size}.png` });
    });
    await page.close();
  }
  assert.deepEqual(bed.pageErrors, []);
});

test("the applicant's page leads with status and next step, the form comes last", { timeout: 120_000 }, async (t) => {
  // the approver reviews and decides; the result documents are made from the decision's event
  const approver = await server.login('approver');
  for (const opinion of ['审查通过', '准予奖励']) {
    const c = (await server.api(`/api/cases/${caseId}`, { cookie: approver })).body.case;
    const res = await server.api(`/api/cases/${caseId}/actions/approve`, { method: 'POST', cookie: approver, body: { version: c.version, opinion } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  await server.deliverEvents();

  for (const [size, viewport] of [['phone', PHONE_SCREEN], ['desktop', LAPTOP]] as const) {
    const page = await bed.newPage(viewport);
    await withFailureShot(page, `case-pages-citizen-${size}`, async () => {
      await signInAs(page, server.url, '13800000001', CITIZEN_PASSWORD, `/my-cases/${caseId}`);
      await page.getByTestId('case-results').getByTestId('result-approval').waitFor();
      await page.getByTestId('case-timeline').waitFor();
      const height = await page.evaluate(() => document.body.scrollHeight);
      t.diagnostic(`${size}: document.body.scrollHeight ${height}px`);

      // status card, result, progress, then the form and materials
      const order = await Promise.all(['case-status-card', 'case-results', 'case-timeline', 'case-form-section'].map((id) => top(page, id)));
      assert.deepEqual([...order].sort((a, b) => a - b), order, `sections at ${order.join(', ')}`);
      assert.match(await page.getByTestId('case-status').innerText(), /已办结/);
      assert.match(await page.getByTestId('case-deadlines').innerText(), /承诺办结时限 \d{4}-\d{2}-\d{2}/);
      // the next step and its button are on the first screen, without scrolling
      const next = page.getByTestId('next-step-collect');
      assert.match(await next.innerText(), /领取办理结果/);
      const button = (await next.getByTestId('next-action').boundingBox())!;
      assert.ok(button.y + button.height <= viewport.height, `next step ends at ${button.y + button.height}px`);
      // nothing left to edit: the submitted form is folded away and read-only
      assert.equal(await page.getByTestId('form-fields').isVisible(), false);
      if (size === 'phone') assert.ok(height < 2 * viewport.height, `the phone page is ${height}px high`);
      await page.screenshot({ path: `${RESULTS}/case-pages-citizen-${size}.png` });
      await page.screenshot({ path: `${RESULTS}/case-pages-citizen-${size}-full.png`, fullPage: true });

      // the primary action leads to the result; unfolding shows the form in its order
      await next.getByTestId('next-action').click();
      await page.getByTestId('case-form-section').locator('.ant-collapse-header').click();
      await page.getByTestId('form-fields').waitFor();
      assert.deepEqual((await page.getByTestId('form-fields').locator('.ant-descriptions-item-label').allInnerTexts()).map((l) => l.trim()), FORM_TITLES);
      assert.match(await page.getByTestId('material-m1').innerText(), /\d+(\.\d+)? (KB|MB)/);
      await page.screenshot({ path: `${RESULTS}/case-pages-citizen-${size}-form.png`, fullPage: true });
    });
    await page.close();
  }
  assert.deepEqual(bed.pageErrors, []);
});

test('times are the city’s, whatever zone the device is set to', { timeout: 60_000 }, async () => {
  // a phone set to Los Angeles time: 16 hours behind the city, so the day differs too
  const context = await bed.browser.newContext({ viewport: PHONE_SCREEN, locale: 'zh-CN', timezoneId: 'America/Los_Angeles' });
  const page = await context.newPage();
  await withFailureShot(page, 'case-pages-city-time', async () => {
    await signInAs(page, server.url, '13800000001', CITIZEN_PASSWORD, `/my-cases/${caseId}`);
    const timeline = await page.getByTestId('case-timeline').innerText();
    const citizen = await server.login('13800000001', CITIZEN_PASSWORD);
    const first = (await server.api(`/api/cases/${caseId}`, { cookie: citizen })).body.timeline[0].at as string;
    const shown = (timeZone: string) => new Date(first).toLocaleString('sv-SE', { timeZone, hourCycle: 'h23' });
    assert.ok(timeline.includes(shown('Asia/Shanghai')), `${shown('Asia/Shanghai')} in: ${timeline}`);
    assert.ok(!timeline.includes(shown('America/Los_Angeles')));
  });
  await context.close();
});
