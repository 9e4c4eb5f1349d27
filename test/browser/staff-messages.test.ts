// 工作人员站内消息 in Chromium: an approver who was handed a case, then warned of its deadline and
// sent a supervision order, sees the count on the workbench bell, opens the list, opens the case
// from a message and marks all read; on a phone, a new overdue message among the read ones.
// Screenshots: test-results/staff-messages-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, DESKTOP, PHONE_SCREEN, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { acceptedRewardCase } from '../support/cases.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;

before(async () => {
  server = await bed.start();
});

async function caseForApprover() {
  const { id, number, version } = await acceptedRewardCase(server, 'JB2026-0077');
  const [deptadmin, leader, approver] = await Promise.all(['deptadmin', 'leader', 'approver'].map((u) => server.login(u)));
  const approverId = (await server.api('/api/auth/me', { cookie: approver })).body.user.id;
  const assigned = await server.api(`/api/cases/${id}/actions/assign`, { method: 'POST', cookie: deptadmin, body: { version, assigneeId: approverId } });
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
  const order = await server.api(`/api/cases/${id}/supervisions`, { method: 'POST', cookie: leader, body: { opinion: '群众反映较急，请加快办理', replyInDays: 2 } });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'cases.deadline_warning_due' and payload->>'caseId' = $1 and payload->>'level' = 'yellow'`, [id]);
  while ((await server.deliverEvents()) > 0);
  return { id, number };
}

test('a staff member sees the bell count, opens the list and the case, and marks all read', { timeout: 180_000 }, async () => {
  const c = await caseForApprover();
  const page = await bed.newPage(DESKTOP);
  await withFailureShot(page, 'staff-messages', async () => {
    await signInAs(page, server.url, 'approver', 'Yiwang@2026approver', '/staff/todo');
    const bell = page.getByTestId('staff-bell');
    await page.waitForFunction(() => document.querySelector('[data-testid=staff-bell] sup')?.textContent?.trim() === '3');
    await page.screenshot({ path: `${RESULTS}/staff-messages-bell.png` });
    await bell.click();
    await page.waitForURL(/\/staff\/messages$/);
    const rows = page.getByTestId('staff-message');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 3);
    const texts = await rows.allInnerTexts();
    // the supervision order was written with the request, the others when the events were delivered after it
    assert.match(texts[0]!, /黄色预警[\s\S]*80%/);
    assert.match(texts[1]!, /交办[\s\S]*市场监管局管理员 将办件/);
    assert.match(texts[2]!, /督办[\s\S]*群众反映较急/);
    assert.ok(texts.every((t) => t.includes(c.number)));
    assert.equal(await page.locator('[data-testid=staff-message][data-unread=true]').count(), 3);
    await page.screenshot({ path: `${RESULTS}/staff-messages-list.png`, fullPage: true });

    // opening the case from a message reads that one
    await rows.nth(2).getByTestId('staff-message-case').click();
    await page.getByTestId('case-drawer').getByText(c.number).first().waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-message][data-unread=true]').length === 2);
    await page.waitForFunction(() => document.querySelector('[data-testid=staff-bell] sup')?.textContent?.trim() === '2');

    await page.getByTestId('staff-messages-mark-all').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-message][data-unread=true]').length === 0);
    await page.waitForFunction(() => !document.querySelector('[data-testid=staff-bell] sup'));
    assert.equal(await page.getByTestId('staff-messages-mark-all').isDisabled(), true);
    await page.screenshot({ path: `${RESULTS}/staff-messages-read.png`, fullPage: true });
  });

  // the case goes overdue: one new message among the read ones, seen on a phone
  await server.ctx.db.query(`update outbox_event set due_at = clock_now() where topic = 'cases.deadline_warning_due' and payload->>'caseId' = $1 and payload->>'level' = 'red'`, [c.id]);
  while ((await server.deliverEvents()) > 0);
  const phone = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(phone, 'staff-messages-phone', async () => {
    await signInAs(phone, server.url, 'approver', 'Yiwang@2026approver', '/staff/messages');
    await phone.getByTestId('staff-message').nth(3).waitFor();
    const first = phone.getByTestId('staff-message').first();
    assert.equal(await first.getAttribute('data-unread'), 'true');
    assert.match(await first.innerText(), /超期[\s\S]*已超过承诺办结日/);
    assert.equal(await phone.locator('[data-testid=staff-message][data-unread=true]').count(), 1);
    await phone.waitForFunction(() => document.querySelector('[data-testid=staff-bell] sup')?.textContent?.trim() === '1');
    await phone.screenshot({ path: `${RESULTS}/staff-messages-phone.png`, fullPage: true });
  });
  assert.deepEqual(bed.pageErrors, []);
});
