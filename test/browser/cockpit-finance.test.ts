// #14.8 in Chromium: the leader's cockpit shows the live figures per county (ECharts), and the
// demo finance officer sees the notices of the units they serve, with a filter offering only
// those. Screenshots at 1366×768 and 390×844: test-results/cockpit-*.png, finance-notices-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, PHONE_SCREEN, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';
import * as clock from '../../src/kernel/clock.ts';

const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;
const LAPTOP = { width: 1366, height: 768 };
const VIEWPORTS = [['desktop', LAPTOP], ['phone', PHONE_SCREEN]] as const;
const unitNames = { served: '云浮市自然资源局', other: '云浮市卫生健康局' };

before(async () => {
  server = await bed.start();
  const admin = await server.login('admin');
  const citizen = (await server.api('/api/auth/me', { cookie: await server.login('13800000001', 'Yiwang@2026citizen') })).body.user;
  const due = new Date(clock.nowMs() + 7 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const [name, code] of [[unitNames.served, 'LAND-FEE'], [unitNames.other, 'HEALTH-FEE']] as const) {
    const unit = (await server.api(`/api/org/departments?q=${encodeURIComponent(name)}`, { cookie: admin })).body.items.find((d: { name: string }) => d.name === name);
    const res = await server.api('/api/payment/notices', {
      method: 'POST',
      cookie: admin,
      body: { payerPersonId: citizen.id, payerName: '陈小云', departmentId: unit.id, itemCode: code, dueDate: due, lines: [{ name: '登记费', unitFen: 8000, quantity: 1 }] },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
});

test('the cockpit shows the period’s figures and three county charts (cases, fees, 12345)', { timeout: 120_000 }, async () => {
  for (const [name, viewport] of VIEWPORTS) {
    const page = await newPage(viewport);
    await withFailureShot(page, `cockpit-${name}`, async () => {
      await signInAs(page, server.url, 'leader', 'Yiwang@2026leader', '/cockpit');
      await page.getByTestId('stat-casesReceived').waitFor();
      for (const id of ['casesReceived', 'casesCompleted', 'onTimeRate', 'ratingScore', 'licencesIssued', 'feesCollected']) {
        assert.ok(await page.getByTestId(`stat-${id}`).isVisible(), id);
      }
      assert.match(await page.getByTestId('cockpit-period').innerText(), /统计期间/);
      for (const chart of ['county-cases-chart', 'county-fees-chart', 'county-hotline-chart'])
        await page.getByTestId(chart).locator('canvas').waitFor();
      // the demo day's calls: some finished, each rate a percentage or a dash
      assert.match(await page.getByTestId('cockpit-hotline-totals').innerText(), /办结 [1-9]\d* 件，按时办结率 (\d+(\.\d+)?%|—)/);
      await page.screenshot({ path: `${RESULTS}/cockpit-${name}.png`, fullPage: true });
    });
    await page.context().close();
  }
  assert.deepEqual(pageErrors, []);
});

test('the finance officer lists the notices of the units served and filters by them', { timeout: 120_000 }, async () => {
  for (const [name, viewport] of VIEWPORTS) {
    const page = await newPage(viewport);
    await withFailureShot(page, `finance-notices-${name}`, async () => {
      await signInAs(page, server.url, 'finance', 'Yiwang@2026finance', '/staff/payments');
      const table = page.getByTestId('payments-workbench').locator('.ant-table');
      await table.getByText(unitNames.served).first().waitFor();
      assert.equal(await table.getByText(unitNames.other).count(), 0, 'another unit’s notice is not listed');
      await page.getByTestId('served-unit-filter').click();
      const options = page.locator('.ant-select-item-option');
      await options.first().waitFor();
      const offered = await options.allInnerTexts();
      assert.deepEqual([...offered].sort(), ['云浮市市场监督管理局', '云浮市自然资源局'].sort());
      await options.filter({ hasText: unitNames.served }).click();
      await table.getByText(unitNames.served).first().waitFor();
      await page.screenshot({ path: `${RESULTS}/finance-notices-${name}.png`, fullPage: true });
    });
    await page.context().close();
  }
  assert.deepEqual(pageErrors, []);
});
