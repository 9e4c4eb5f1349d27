// 好差评 in Chromium: a citizen rates a finished case 不满意 with a tag in 我的评价; the department
// (the approver of 市场监督管理局) works the rectification task in the workbench and replies; the
// citizen sees the reply. Then the window pad at tablet size and the public monthly page.
// Screenshots: test-results/ratings-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserTestBed, DESKTOP, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { CITIZEN_PASSWORD as PASSWORD, IMMEDIATE } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import type { TestServer } from '../support/server.ts';

const TABLET = { width: 1024, height: 768 };

const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;

before(async () => {
  server = await bed.start();
});

const signIn = (page: Page, username: string, password: string, next: string) => signInAs(page, server.url, username, password, next);

/** A 即办 case of the citizen, finished when the window accepts it (driven through the cases API). */
async function finishedCase(): Promise<{ id: string; number: string }> {
  const citizen = await server.login('13800000001', PASSWORD);
  const clerk = await server.login('clerk');
  const form = { entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云', agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: '13800000001', reason: '遗失补领' };
  const draft = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: IMMEDIATE, formData: form } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  for (const key of ['m1', 'm2']) assert.equal((await uploadMaterial(server, citizen, draft.body.case.id, key)).status, 201);
  const sub = await server.api(`/api/cases/${draft.body.case.id}/submit`, { method: 'POST', cookie: citizen, body: { version: draft.body.case.version } });
  const done = await server.api(`/api/cases/${draft.body.case.id}/actions/accept`, { method: 'POST', cookie: clerk, body: { version: sub.body.case.version } });
  assert.equal(done.body.status, 'completed', JSON.stringify(done.body));
  while ((await server.deliverEvents()) > 0);
  return { id: draft.body.case.id, number: sub.body.case.number };
}

test('a citizen rates a finished case 不满意 with a tag, the department replies, the citizen sees the reply', { timeout: 180_000 }, async () => {
  const c = await finishedCase();
  const citizen = await newPage(DESKTOP);
  await withFailureShot(citizen, 'ratings-citizen', async () => {
    await signIn(citizen, '13800000001', PASSWORD, '/my-ratings');
    const invitation = citizen.getByTestId('rating-invitation').filter({ hasText: c.number });
    await invitation.waitFor();
    await invitation.getByTestId('rating-start').click();
    await citizen.getByTestId('rating-level-2').click();
    await citizen.getByTestId('rating-tag-extra_materials').click();
    await citizen.getByTestId('rating-comment').fill('窗口要求补交<b>指南以外</b>的材料<script>alert(1)</script>');
    await citizen.waitForTimeout(400);
    await citizen.screenshot({ path: `${RESULTS}/ratings-form.png`, fullPage: true });
    await citizen.getByTestId('rating-submit').click();
    const given = citizen.getByTestId('rating-given').filter({ hasText: c.number });
    await given.waitFor();
    assert.match(await given.innerText(), /不满意/);
    assert.match(await given.innerText(), /需提供办事指南之外的申报材料/);
    // markup typed in the comment is shown as the characters typed
    assert.match(await given.innerText(), /<b>指南以外<\/b>/);
    assert.equal(await given.locator('b, script').count(), 0);
  });

  const dept = await newPage(DESKTOP);
  await withFailureShot(dept, 'ratings-department', async () => {
    await signIn(dept, 'approver', 'Yiwang@2026approver', '/staff/ratings');
    const row = dept.getByTestId('ratings-workbench').locator('tr', { hasText: c.number });
    await row.waitFor();
    await dept.screenshot({ path: `${RESULTS}/ratings-tasks.png`, fullPage: true });
    await row.click();
    for (const [action, note] of [['callback', '已电话回访，申请人反映被要求补交营业场所证明'], ['verify', '核实属实'], ['rectify', '已纠正窗口做法并组织培训'], ['reply', '经核实，窗口多收材料属实，已整改，感谢您的监督。']]) {
      await dept.getByTestId('task-note').fill(note!);
      await dept.getByTestId(`task-${action}`).click();
      if (action !== 'reply') await dept.getByTestId(`task-${{ callback: 'verify', verify: 'rectify', rectify: 'reply' }[action!]}`).waitFor();
    }
    await dept.getByText('经核实，窗口多收材料属实').first().waitFor();
    await dept.waitForTimeout(400);
    await dept.screenshot({ path: `${RESULTS}/ratings-task-replied.png`, fullPage: true });
  });

  await citizen.reload();
  const reply = citizen.getByTestId('rating-given').filter({ hasText: c.number }).getByTestId('rating-reply');
  await reply.waitFor();
  assert.match(await reply.innerText(), /已整改，感谢您的监督/);
  await citizen.screenshot({ path: `${RESULTS}/ratings-reply-seen.png`, fullPage: true });
  assert.deepEqual(pageErrors, []);
});

test('the window pad at tablet size: the applicant rates the clerk with large buttons; the public page shows the month', { timeout: 120_000 }, async () => {
  const c = await finishedCase();
  const pad = await newPage(TABLET);
  await withFailureShot(pad, 'ratings-pad', async () => {
    await signIn(pad, 'clerk', 'Yiwang@2026clerk', '/staff/rating-pad');
    await pad.getByTestId('pad-window').click();
    await pad.locator('.ant-select-item-option').first().click();
    await pad.getByTestId('pad-number').fill(c.number);
    await pad.getByTestId('pad-open').click();
    await pad.getByTestId('rating-pad').waitFor();
    const box = await pad.getByTestId('rating-level-5').boundingBox();
    assert.ok(box && box.height >= 80, `large buttons: ${JSON.stringify(box)}`);
    await pad.screenshot({ path: `${RESULTS}/ratings-pad.png`, fullPage: true });
    await pad.getByTestId('rating-level-5').click();
    await pad.getByTestId('rating-submit').click();
    await pad.getByTestId('pad-thanks').waitFor();
  });
  const row = await server.ctx.db.one<{ channel: string; staff_name: string; window_name: string }>('select channel, staff_name, window_name from rating where case_id = $1', [c.id]);
  assert.equal(row!.channel, 'hall_pad');
  assert.equal(row!.staff_name, '综合窗口受理员');
  assert.ok(row!.window_name);

  const anon = await newPage(DESKTOP);
  await withFailureShot(anon, 'ratings-public', async () => {
    await anon.goto(`${server.url}/ratings`);
    await anon.getByTestId('rating-figures').waitFor();
    const text = await anon.getByTestId('public-ratings').innerText();
    assert.match(text, /整体平均分/);
    assert.match(text, /营业执照遗失补领、换发/);
    assert.equal(text.includes('陈小云'), false);
    await anon.screenshot({ path: `${RESULTS}/ratings-public.png`, fullPage: true });
  });
  assert.deepEqual(pageErrors, []);
});

test('the data bureau sets the local rules: a 15-working-day rectification deadline', { timeout: 120_000 }, async () => {
  const page = await newPage(DESKTOP);
  await withFailureShot(page, 'ratings-settings', async () => {
    await signIn(page, 'admin', 'Yiwang@2026admin', '/admin/ratings');
    await page.getByTestId('rating-settings').waitFor();
    await page.getByLabel('15 个工作日').check();
    await page.getByRole('button', { name: '保 存' }).or(page.getByRole('button', { name: '保存' })).click();
    await page.getByText('已保存').waitFor();
    await page.screenshot({ path: `${RESULTS}/ratings-settings.png`, fullPage: true });
  });
  const stored = await server.ctx.db.one<{ value: { rectifyWorkingDays: number; defaultAfterDays: number } }>(`select value from node_setting where key = 'ratings'`);
  assert.equal(stored!.value.rectifyWorkingDays, 15);
  assert.equal(stored!.value.defaultAfterDays, 7);
  assert.deepEqual(pageErrors, []);
});
