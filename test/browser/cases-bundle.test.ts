// 一件事 with 并联审批 in Chromium: a citizen opens a bundle's guide, 在线办理, fills the one merged
// form (prefilled), uploads each material once and submits; the two departments decide their
// member cases at the same time (through the API); the citizen's one bundle case shows each
// department's progress and completes when both are approved. Screenshots: test-results/cases-bundle-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, DESKTOP, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';
import { PDF } from '../support/files.ts';
import { addStaff } from '../support/staff.ts';
import { CITY, decide, FOOD_REWARD, publishBundle, SAFETY_REWARD } from '../integration/cases-bundles-fixture.ts';

const CODE = 'BDT-BROWSER-01';

const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;
const staff: Record<'food' | 'safety', string> = {} as never;

before(async () => {
  server = await bed.start();
  const admin = await server.login('admin');
  await publishBundle(server, await server.login('dataofficer'), CODE, [FOOD_REWARD, SAFETY_REWARD]);
  staff.food = await server.login('approver');
  staff.safety = await addStaff(server, admin, 'safetyapprover', '云浮市应急管理局', { role: 'approver', regionCode: CITY, sameDepartment: true });
});

test('a bundle with two departments in parallel completes', { timeout: 180_000 }, async () => {
  const citizen = await newPage(DESKTOP);
  await withFailureShot(citizen, 'cases-bundle-citizen', async () => {
    await signInAs(citizen, server.url, '13800000001', 'Yiwang@2026citizen', `/bundle/${CODE}`);
    await citizen.getByTestId('bundle-apply-link').click();
    await citizen.getByTestId('bundle-start').click();
    await citizen.waitForURL(/\/my-bundles\/[0-9a-f-]{36}$/);
    const id = citizen.url().split('/').pop()!;
    // one merged form, prefilled from the identity (免填报)
    assert.equal(await citizen.locator('#applicant_name').inputValue(), '陈小云');
    await citizen.locator('#report_number').fill('JB2026-0077');
    await citizen.locator('#bank_account').fill('6222020000000000077');
    const keys = await citizen.locator('[data-testid^="bundle-material-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('bundle-material-'.length)));
    assert.equal(keys.length, 4, 'the ID card both items need is asked once');
    for (const key of keys) {
      const row = citizen.getByTestId(`bundle-material-${key}`);
      await row.locator('input[type=file]').setInputFiles({ name: `${key}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await row.getByText(`${key}.pdf`).waitFor();
    }
    await citizen.screenshot({ path: `${RESULTS}/cases-bundle-apply.png`, fullPage: true });
    await citizen.getByTestId('bundle-submit').click();
    await citizen.getByTestId('bundle-number').waitFor();
    assert.match(await citizen.getByTestId('bundle-number').innerText(), /^445300\d{14}$/);
    assert.match(await citizen.getByTestId('bundle-status').innerText(), /待受理/);

    // each department decides its own member case; they work at the same time
    const detail = (await server.api(`/api/case-bundles/${id}`, { cookie: await server.login('13800000001', 'Yiwang@2026citizen') })).body;
    const caseOf = (code: string) => detail.members.find((m: { itemCode: string }) => m.itemCode === code).case.id as string;
    await decide(server, staff.food, caseOf(FOOD_REWARD), 'approve');
    await citizen.reload();
    await citizen.getByTestId('bundle-members').waitFor();
    assert.match(await citizen.getByTestId('bundle-status').innerText(), /办理中/);
    assert.match(await citizen.getByTestId('bundle-member-1').innerText(), /已办结/);
    assert.match(await citizen.getByTestId('bundle-member-2').innerText(), /待受理/);
    await citizen.screenshot({ path: `${RESULTS}/cases-bundle-parallel.png`, fullPage: true });

    await decide(server, staff.safety, caseOf(SAFETY_REWARD), 'approve');
    await citizen.reload();
    await citizen.getByTestId('bundle-timeline').waitFor();
    assert.match(await citizen.getByTestId('bundle-status').innerText(), /全部准予/);
    const timeline = await citizen.getByTestId('bundle-timeline').innerText();
    for (const entry of ['一次提交，各部门并联办理', '食品安全违法行为举报奖励', '安全生产举报奖励', '办结：准予']) assert.match(timeline, new RegExp(entry));
    await citizen.screenshot({ path: `${RESULTS}/cases-bundle-completed.png`, fullPage: true });

    // my cases shows the bundle once, not its two member cases one by one
    await citizen.goto(`${server.url}/my-cases`);
    await citizen.getByTestId('my-bundle-row').first().waitFor();
    // the list of single cases has loaded and holds nothing else
    await citizen.getByText('还没有办件').waitFor();
    assert.equal(await citizen.getByTestId('my-bundle-row').count(), 1);
    assert.equal(await citizen.getByTestId('my-case-row').count(), 0);
    await citizen.screenshot({ path: `${RESULTS}/cases-bundle-my-cases.png`, fullPage: true });

    // public progress by the bundle's number and query code, without personal data
    await citizen.goto(`${server.url}/my-bundles/${id}`);
    await citizen.getByRole('link', { name: /公开进度查询/ }).click();
    await citizen.waitForURL(/\/bundle-progress\?/);
    await citizen.getByTestId('bundle-progress').getByTestId('bundle-members').waitFor();
    const text = await citizen.getByTestId('bundle-progress').innerText();
    assert.match(text, /全部准予/);
    assert.match(text, /云浮市应急管理局/);
    assert.doesNotMatch(text, /陈小云/);
    await citizen.screenshot({ path: `${RESULTS}/cases-bundle-progress.png`, fullPage: true });

    // 我的消息: the bundle's own notices (not one per member item), each leading to the bundle;
    // the notices after submission come from the member events, which the outbox worker delivers
    while ((await server.deliverEvents()) > 0);
    await citizen.goto(`${server.url}/messages`);
    const rows = citizen.getByTestId('message-row');
    await rows.first().waitFor();
    assert.match(await rows.first().innerText(), /办结/);
    await citizen.screenshot({ path: `${RESULTS}/cases-bundle-messages.png`, fullPage: true });
    await rows.first().getByRole('link').click();
    await citizen.waitForURL(new RegExp(`/my-bundles/${id}$`));
  });
  assert.deepEqual(pageErrors, []);
});
