// 站内消息 in Chromium on a phone screen: a citizen with a submitted and accepted case sees the
// two notices (new ones marked), the unread count in the account menu, and marks them read.
// Screenshot: test-results/cases-messages.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, PHONE_SCREEN, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { REWARD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;

before(async () => {
  server = await bed.start();
});

test('a citizen reads the notices of their cases and marks them read', { timeout: 120_000 }, async () => {
  const citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  const clerk = await server.login('clerk');
  const draft = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: REWARD, formData: { report_number: 'JB2026-0009', bank_account: '6222020000000000001' } } });
  const id = draft.body.case.id as string;
  for (const key of ['m1', 'm2', 'm3']) assert.equal((await uploadMaterial(server, citizen, id, key)).status, 201);
  const sub = await server.api(`/api/cases/${id}/submit`, { method: 'POST', cookie: citizen, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  const acc = await server.api(`/api/cases/${id}/actions/accept`, { method: 'POST', cookie: clerk, body: { version: sub.body.case.version } });
  assert.equal(acc.status, 200, JSON.stringify(acc.body));

  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'cases-messages', async () => {
    await signInAs(page, server.url, '13800000001', 'Yiwang@2026citizen', '/messages', 'self');
    await page.getByTestId('message-row').first().waitFor();
    const rows = page.getByTestId('message-row');
    assert.equal(await rows.count(), 2);
    assert.match((await rows.first().innerText()) ?? '', /已受理/);
    assert.match(await rows.nth(1).innerText(), new RegExp(sub.body.case.number));
    await page.screenshot({ path: `${RESULTS}/cases-messages.png`, fullPage: true });
    await page.getByTestId('messages-mark-read').click();
    await page.waitForFunction(() => !document.body.innerText.includes('未读'));
    await rows.first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/my-cases/${id}`));
  });
  assert.deepEqual(bed.pageErrors, []);
});
