// 12345 报表 (issue #16 point 7, the page) in Chromium: the city leader opens /staff/hotline/reports
// and sees today's figures drawn — the trend and the bars are ECharts canvases with something on
// them, the demo's burst of night-time construction noise in the hot-issue list, satisfaction
// from the demo's call-backs — switches to the week, downloads the workbook, and reads the page on a phone without
// sideways scrolling. Screenshots: test-results/hotline-reports-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { assertFitsScreen, browserTestBed, PHONE_SCREEN, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;
const DESKTOP = { width: 1440, height: 900 };

before(async () => {
  server = await bed.start();
});

test(
  'the leader reads the day and the week, charts drawn, the hot issue listed, the workbook downloaded; on a phone too',
  { timeout: 240_000 },
  async () => {
    const page = await bed.newPage(DESKTOP);
    await withFailureShot(page, 'hotline-reports', async () => {
      await signInAs(page, server.url, 'leader', 'Yiwang@2026leader', '/staff/hotline/reports');
      const totals = page.getByTestId('hotline-report-totals');
      await totals.getByText('受理量').waitFor();
      assert.match(await totals.innerText(), /满意率\s+\d+(\.\d)?%/);
      const hot = page.getByTestId('hotline-report-hot');
      await hot.getByText('噪音扰民（施工）').first().waitFor();
      // a chart is a canvas with pixels on it, which only a browser shows
      for (const id of ['hotline-report-trend', 'hotline-report-regions', 'hotline-report-categories']) {
        const painted = await page
          .getByTestId(id)
          .locator('canvas')
          .first()
          .evaluate((c: HTMLCanvasElement) => {
            const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
            let ink = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
            return c.width > 100 && ink > 500;
          });
        assert.ok(painted, `${id} is drawn`);
      }
      await page.screenshot({ path: `${RESULTS}/hotline-reports-desktop.png`, fullPage: true });

      await page.getByText('周报').click();
      await page.getByText(/统计周期：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('hotline-report-xlsx').click()]);
      assert.match(download.suggestedFilename(), /^hotline-week-\d{4}-\d{2}-\d{2}\.xlsx$/);

      await page.setViewportSize(PHONE_SCREEN);
      await assertFitsScreen(page, 'the reports on a phone');
      await page.screenshot({ path: `${RESULTS}/hotline-reports-phone.png`, fullPage: true });
    });
  },
);
