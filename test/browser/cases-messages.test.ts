// 站内消息 in Chromium on a phone screen: a citizen with a submitted and accepted case sees the
// two notices (new ones marked), the unread count in the account menu, and marks them read.
// Screenshot: test-results/cases-messages.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, PHONE_SCREEN, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { acceptedRewardCase } from '../support/cases.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;

before(async () => {
  server = await bed.start();
});

test('a citizen reads the notices of their cases and marks them read', { timeout: 120_000 }, async () => {
  const { id, number } = await acceptedRewardCase(server, 'JB2026-0009');

  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'cases-messages', async () => {
    await signInAs(page, server.url, '13800000001', 'Yiwang@2026citizen', '/messages', 'self');
    await page.getByTestId('message-row').first().waitFor();
    const rows = page.getByTestId('message-row');
    assert.equal(await rows.count(), 2);
    assert.match((await rows.first().innerText()) ?? '', /已受理/);
    assert.match(await rows.nth(1).innerText(), new RegExp(number));
    await page.screenshot({ path: `${RESULTS}/cases-messages.png`, fullPage: true });
    await page.getByTestId('messages-mark-read').click();
    await page.waitForFunction(() => !document.body.innerText.includes('未读'));
    await rows.first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/my-cases/${id}`));
  });
  assert.deepEqual(bed.pageErrors, []);
});
