// #13.9 in Chromium as of the runner's November day: the administrator's banner about next year's
// calendar, then loading 2027 from an ICS file on the calendar page, after which the banner goes.
// Screenshots: test-results/calendar-banner.png, calendar-import.png (desktop size).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';
import * as clock from '../../src/kernel/clock.ts';
import { browserTestBed, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;
const ICS = fileURLToPath(new URL('../fixtures/holidays-2027.ics', import.meta.url));

before(async () => {
  server = await bed.start();
});

test('administrator: banner from 1 November, 2027 loaded from an ICS file on the calendar page', { timeout: 120_000 }, async () => {
  const nextYear = Number(clock.today().slice(0, 4)) + 1;
  assert.ok(clock.today().slice(5) >= '11-01', 'the browser phase runs as of a November day');
  const page = await newPage();
  await withFailureShot(page, 'calendar', async () => {
    await signInAs(page, server.url, 'admin', 'Yiwang@2026admin', '/admin/calendar');
    const banner = page.getByTestId('calendar-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), new RegExp(`${nextYear} 年工作日历尚未确认`));
    await page.getByTestId('calendar-page').waitFor();
    await page.screenshot({ path: `${RESULTS}/calendar-banner.png` });

    // the year of the file, then the file
    await page.getByTestId('calendar-page').locator('.ant-select').first().click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${nextYear}"]`).click();
    await page.getByTestId('calendar-year-unconfirmed').waitFor();
    await page.getByTestId('calendar-page').locator('input[type=file]').setInputFiles(ICS);
    await page.getByTestId('calendar-year-confirmed').waitFor();
    await banner.waitFor({ state: 'detached' });
    await page.getByText('春节调休上班').first().waitFor();
    await page.screenshot({ path: `${RESULTS}/calendar-import.png` });
  });
  await page.context().close();
  assert.deepEqual(pageErrors, []);
});
