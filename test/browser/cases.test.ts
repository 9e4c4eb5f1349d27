// A citizen applies online in Chromium: guide page → 在线办理 → the form rendered from the item's
// JSON Schema (prefilled) → materials uploaded → submit; the window clerk asks for one correction,
// the citizen answers it, the clerk accepts, and the approver reviews and decides in the workbench
// inbox. Screenshots: test-results/cases-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserTestBed, DESKTOP, RESULTS, signInAs, waitGone, withFailureShot } from '../support/browser.ts';
import { REWARD } from '../support/demo.ts';
import { PDF } from '../support/files.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;
let itemId = '';

before(async () => {
  server = await bed.start();
  itemId = (await server.ctx.db.one<{ id: string }>('select id from catalog_item where code = $1', [REWARD]))!.id;
});

const signIn = (page: Page, username: string, password: string, next: string) => signInAs(page, server.url, username, password, next);

async function uploadFile(page: Page, key: string, name: string) {
  const row = page.getByTestId(`material-${key}`);
  await row.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
  await row.getByRole('link', { name }).waitFor();
}

async function staffAct(action: 'correction' | 'accept', caseId: string) {
  const clerk = await server.login('clerk');
  const c = (await server.api(`/api/cases/${caseId}`, { cookie: clerk })).body.case;
  const body =
    action === 'correction'
      ? { version: c.version, items: [{ materialKey: 'm3', note: '银行账户信息须加盖开户银行印章' }], opinion: '材料不齐' }
      : { version: c.version, opinion: '材料齐全，予以受理' };
  const res = await server.api(`/api/cases/${caseId}/actions/${action === 'correction' ? 'request_correction' : 'accept'}`, { method: 'POST', cookie: clerk, body });
  assert.equal(res.status, 200, JSON.stringify(res.body));
}

test('a citizen applies online, answers one correction and is approved through the workbench', { timeout: 180_000 }, async () => {
  const citizen = await newPage(DESKTOP);
  await withFailureShot(citizen, 'cases-citizen', async () => {
    await signIn(citizen, '13800000001', 'Yiwang@2026citizen', `/guide/${itemId}`);
    await citizen.getByTestId('apply-online').click();
    await citizen.waitForURL(/\/my-cases\/[0-9a-f-]{36}$/);
    const caseId = citizen.url().split('/').pop()!;
    // prefilled from the identity (免填报)
    assert.equal(await citizen.locator('#applicant_name').inputValue(), '陈小云');
    await citizen.locator('#report_number').fill('JB2026-0042');
    await citizen.locator('#bank_account').fill('6222020000000000042');
    for (const key of ['m1', 'm2', 'm3']) await uploadFile(citizen, key, `${key}.pdf`);
    await citizen.screenshot({ path: `${RESULTS}/cases-apply-form.png`, fullPage: true });
    await citizen.getByTestId('submit').click();
    await citizen.getByTestId('case-number').waitFor();
    assert.match(await citizen.getByTestId('case-status').innerText(), /待受理/);
    assert.match(await citizen.getByTestId('case-number').innerText(), /^445300\d{14}$/);
    await citizen.screenshot({ path: `${RESULTS}/cases-submitted.png`, fullPage: true });

    await staffAct('correction', caseId);
    await citizen.reload();
    await citizen.getByTestId('correction-list').waitFor();
    assert.match(await citizen.getByTestId('correction-list').innerText(), /加盖开户银行印章/);
    await citizen.screenshot({ path: `${RESULTS}/cases-correction.png`, fullPage: true });
    await uploadFile(citizen, 'm3', 'bank-stamped.pdf');
    await citizen.getByTestId('resubmit').click();
    await citizen.getByText('待受理').first().waitFor();

    await staffAct('accept', caseId);

    // the approver works the inbox: review, then decision
    const approver = await newPage(DESKTOP);
    await withFailureShot(approver, 'cases-approver', async () => {
      await signIn(approver, 'approver', 'Yiwang@2026approver', '/staff/todo');
      for (const opinion of ['审查通过', '准予奖励']) {
        const row = approver.getByTestId('cases-inbox').locator('tr', { hasText: '食品安全违法行为举报奖励' }).first();
        await row.waitFor();
        if (opinion === '审查通过') await approver.screenshot({ path: `${RESULTS}/cases-inbox.png`, fullPage: true });
        await row.click();
        await approver.getByTestId('case-actions').waitFor();
        await approver.getByTestId('opinion').fill(opinion);
        // let the drawer finish sliding in before the picture
        if (opinion === '准予奖励') await approver.waitForTimeout(600);
        if (opinion === '准予奖励') await approver.screenshot({ path: `${RESULTS}/cases-decision.png`, fullPage: true });
        await approver.getByTestId('action-approve').click();
        await waitGone(approver, 'case-drawer');
      }
    });

    await citizen.reload();
    await citizen.getByTestId('case-timeline').waitFor();
    assert.match(await citizen.getByTestId('case-status').innerText(), /已办结/);
    const timeline = await citizen.getByTestId('case-timeline').innerText();
    for (const step of ['提交申请', '一次性告知补正', '补正后重新提交', '受理', '审查通过', '办结：准予']) assert.match(timeline, new RegExp(step));
    await citizen.screenshot({ path: `${RESULTS}/cases-completed.png`, fullPage: true });

    // the public progress page shows the case by number and query code, without personal data
    const number = await citizen.getByTestId('case-number').innerText();
    const code = await citizen.getByTestId('query-code').innerText();
    const anon = await newPage(DESKTOP);
    await anon.goto(`${server.url}/progress?number=${number}&code=${code}`);
    await anon.getByTestId('case-status').waitFor();
    const text = await anon.getByTestId('case-progress').innerText();
    assert.match(text, /已办结/);
    assert.doesNotMatch(text, /陈小云/);
    await anon.screenshot({ path: `${RESULTS}/cases-progress.png`, fullPage: true });
  });
  assert.deepEqual(pageErrors, []);
});
