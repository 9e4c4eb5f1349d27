// 12345热线 (issue #16 points 2 and 5, the pages) in Chromium, one walk. The agent registers a call
// at /staff/hotline (the text has the focus, the kind and the two-level category, the caller's
// phone shows their earlier ticket, Ctrl+Enter registers) and reads out the number and the query
// code; in the ticket's drawer the caller is in clear with the department the catalogue suggests
// and why, dispatched there in one click. The approver of 市场监管局 finds it in the department's
// inbox with the caller masked, 签收 and 办结 it with a reply. On a phone, signed out, the caller
// follows it from the portal's footer with the number and the code; signed in, 陈小云 sends a
// request of her own and finds it in 我的诉求. Screenshots: test-results/hotline-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import {
  assertFitsScreen,
  browserTestBed,
  navigate,
  PHONE_SCREEN,
  RESULTS,
  signInAs,
  withFailureShot,
} from '../support/browser.ts';
import { CITIZEN_PASSWORD, CITY } from '../support/demo.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;
const DESKTOP = { width: 1440, height: 900 };
const PHONE = '13912345678';
const CONTENT = '兴云东路一家餐馆后厨卫生条件差，昨晚就餐后全家腹泻，要求查处。';
const REPLY = '经现场检查，该餐馆后厨卫生不符合要求，已责令停业整改并立案调查。';
let number = '';
let code = '';

before(async () => {
  server = await bed.start();
  // an earlier call from the same number, for the caller's history
  const earlier = await server.api('/api/hotline/tickets', {
    method: 'POST',
    cookie: await server.login('hotline'),
    body: {
      kind: 'consultation',
      categoryCode: 'SC02',
      content: '网购退货商家不同意怎么办？',
      place: { regionCode: CITY },
      caller: { phone: PHONE },
    },
  });
  assert.equal(earlier.status, 201, JSON.stringify(earlier.body));
  // … left past its deadline, for the list's tag
  await server.ctx.db.query(
    `update hotline_ticket set due_date = (created_at at time zone 'Asia/Shanghai')::date - 1 where id = $1`,
    [earlier.body.ticket.id],
  );
});

test(
  'the agent registers and dispatches a call; the department accepts and finishes it; the caller follows it',
  { timeout: 240_000 },
  async () => {
    // the agent, on a desktop
    const agent = await bed.newPage(DESKTOP);
    await withFailureShot(agent, 'hotline-agent', async () => {
      await signInAs(agent, server.url, 'hotline', 'Yiwang@2026hotline', '/staff/hotline');
      await agent.getByTestId('hotline-workbench').waitFor();
      await agent.getByTestId('hotline-row').first().waitFor();
      assert.match(await agent.getByRole('menuitem', { name: '12345热线' }).innerText(), /12345热线/);
      assert.equal(await agent.getByTestId('hotline-row').first().getByTestId('hotline-due-tag').innerText(), '已超期');
      await agent.screenshot({ path: `${RESULTS}/hotline-workbench-desktop.png` });

      await agent.getByTestId('hotline-new').click();
      const content = agent.getByTestId('hotline-content');
      await content.waitFor();
      assert.ok(await content.evaluate((el) => el === document.activeElement), 'the text has the focus');
      await agent.keyboard.type(CONTENT);
      await agent.getByTestId('hotline-kind').getByText('投诉').click();
      await agent.getByTestId('hotline-category').click();
      await agent.getByRole('menuitemcheckbox', { name: '市场监管' }).hover();
      await agent.getByRole('menuitemcheckbox', { name: '食品安全' }).click();
      await agent.getByTestId('hotline-address').fill('云城区兴云东路18号');
      await agent.getByTestId('hotline-caller-name').fill('刘小明');
      await agent.getByTestId('hotline-caller-phone').fill(PHONE);
      const history = agent.getByTestId('hotline-caller-history');
      await history.getByText('网购退货商家不同意怎么办？').waitFor();
      await agent.screenshot({ path: `${RESULTS}/hotline-new-desktop.png` });
      // Ctrl+Enter registers, from the text
      await content.focus();
      await agent.keyboard.press('Control+Enter');
      await agent.getByTestId('hotline-created').waitFor();
      number = (await agent.getByTestId('hotline-created-number').innerText()).trim();
      code = (await agent.getByTestId('hotline-created-code').innerText()).trim();
      assert.match(number, /^\d{14}$/);
      assert.match(code, /^\d{6}$/);
      await agent.screenshot({ path: `${RESULTS}/hotline-created-desktop.png` });

      // the ticket: the caller in clear, the suggestion and why, dispatched in one click
      await agent.getByTestId('hotline-created-open').click();
      const drawer = agent.getByTestId('hotline-drawer');
      await drawer.getByTestId('hotline-suggestion').waitFor();
      assert.match(await drawer.getByTestId('hotline-caller').innerText(), new RegExp(`刘小明\\s+${PHONE}`));
      const suggestion = await drawer.getByTestId('hotline-suggestion').innerText();
      assert.match(suggestion, /市场监督管理局[\s\S]*派单目录/);
      await agent.screenshot({ path: `${RESULTS}/hotline-drawer-desktop.png` });
      await drawer.getByTestId('hotline-dispatch-suggested').click();
      await drawer.getByTestId('hotline-status').getByText('待签收').waitFor();
      assert.match(await drawer.getByTestId('hotline-history').innerText(), /登记[\s\S]*派单/);
      await agent.setViewportSize(PHONE_SCREEN);
      await assertFitsScreen(agent, 'the ticket drawer on a phone');
      await agent.screenshot({ path: `${RESULTS}/hotline-drawer-phone.png` });
      await drawer.locator('.ant-drawer-close').click();
      await assertFitsScreen(agent, 'the workbench on a phone');
      await agent.screenshot({ path: `${RESULTS}/hotline-workbench-phone.png` });
    });
    await agent.close();

    // the approver of 市场监管局: the department's inbox
    const approver = await bed.newPage(DESKTOP);
    await withFailureShot(approver, 'hotline-approver', async () => {
      await signInAs(approver, server.url, 'approver', 'Yiwang@2026approver', '/staff/hotline');
      const row = approver.getByTestId('hotline-row').filter({ hasText: number });
      await row.waitFor();
      assert.equal(await approver.getByTestId('hotline-new').count(), 0, 'departments do not register calls');
      await approver.screenshot({ path: `${RESULTS}/hotline-inbox-desktop.png` });
      await row.click();
      const drawer = approver.getByTestId('hotline-drawer');
      await drawer.getByTestId('hotline-accept').waitFor();
      assert.match(await drawer.getByTestId('hotline-caller').innerText(), /刘\*\*\s+139\*\*\*\*5678/, 'the caller masked');
      assert.equal(await drawer.getByTestId('hotline-suggestion').count(), 0);
      await drawer.getByTestId('hotline-accept').click();
      await drawer.getByTestId('hotline-status').getByText('办理中').waitFor();
      await drawer.getByTestId('hotline-complete-text').fill(REPLY);
      await approver.screenshot({ path: `${RESULTS}/hotline-inbox-drawer-desktop.png` });
      await drawer.getByTestId('hotline-complete').click();
      await drawer.getByTestId('hotline-status').getByText('已办结').waitFor();
      assert.equal(await drawer.getByTestId('hotline-reply').innerText(), REPLY);
      await drawer.locator('.ant-drawer-close').click();
      await approver.setViewportSize(PHONE_SCREEN);
      await navigate(approver, server.url, '/staff/hotline?tab=done');
      await approver.getByTestId('hotline-row').filter({ hasText: number }).waitFor();
      await assertFitsScreen(approver, 'the inbox on a phone');
      await approver.screenshot({ path: `${RESULTS}/hotline-inbox-phone.png` });
    });
    await approver.close();

    // the caller, signed out, on a phone: from the portal's footer to 查询
    const phone = await bed.newPage(PHONE_SCREEN);
    await withFailureShot(phone, 'hotline-citizen', async () => {
      await phone.goto(`${server.url}/`);
      await phone.getByTestId('portal-hotline-link').click();
      await phone.waitForURL((url) => url.pathname === '/hotline');
      await phone.getByTestId('hotline-track-number').fill(number);
      await phone.getByTestId('hotline-track-code').fill(code === '000000' ? '000001' : '000000');
      await phone.getByTestId('hotline-track-submit').click();
      await phone.getByTestId('hotline-track-error').waitFor();
      await phone.getByTestId('hotline-track-code').fill(code);
      await phone.getByTestId('hotline-track-submit').click();
      const tracked = phone.getByTestId('hotline-tracked');
      await tracked.getByTestId('hotline-tracked-reply').waitFor();
      assert.equal(await tracked.getByTestId('hotline-tracked-reply').innerText(), REPLY);
      assert.match(await tracked.innerText(), /已办结[\s\S]*市场监督管理局/);
      assert.match(await tracked.getByTestId('hotline-history').innerText(), /登记[\s\S]*派单[\s\S]*签收[\s\S]*办结/);
      await assertFitsScreen(phone, 'the portal page on a phone');
      await phone.screenshot({ path: `${RESULTS}/hotline-track-phone.png`, fullPage: true });

      // signed in, 陈小云 sends her own request and finds it in 我的诉求
      await signInAs(phone, server.url, '13800000001', CITIZEN_PASSWORD, '/hotline');
      const form = phone.getByTestId('hotline-portal-form');
      await form.waitFor();
      await form.getByTestId('hotline-kind').getByText('求助').click();
      await form.getByTestId('hotline-category').click();
      await phone.getByRole('menuitemcheckbox', { name: '供水排水' }).click();
      await phone.getByRole('menuitemcheckbox', { name: '停水与水压' }).click();
      await form.getByTestId('hotline-content').fill('小区连续两天停水，没有任何通知。');
      await form.getByTestId('hotline-submit').click();
      await phone.getByTestId('hotline-created').waitFor();
      const mine = (await phone.getByTestId('hotline-created-number').innerText()).trim();
      await phone.getByTestId('hotline-mine-item').filter({ hasText: mine }).waitFor();
      assert.match(await phone.getByTestId('hotline-mine-item').filter({ hasText: mine }).innerText(), /待派单[\s\S]*求助/);
      await assertFitsScreen(phone, 'my requests on a phone');
      await phone.screenshot({ path: `${RESULTS}/hotline-citizen-phone.png`, fullPage: true });
      await phone.setViewportSize(DESKTOP);
      await phone.screenshot({ path: `${RESULTS}/hotline-citizen-desktop.png`, fullPage: true });
    });
    await phone.close();
    assert.deepEqual(bed.pageErrors, []);
  },
);

// #16 points 5 and 6 in the browser: the ticket finished above is on the centre's 待回访 list; the
// agent records 不满意 in the drawer, the ticket moves to 待重办 with the 重办 and 督办 forms at hand;
// a department's overdue ticket carries its red tag in the inbox. Screenshots: hotline-callback-*.png.
test(
  'the centre calls back from 待回访: 不满意 moves the ticket to 待重办; red tags in the lists',
  { timeout: 120_000 },
  async () => {
    const late = await server.api('/api/hotline/tickets', {
      method: 'POST',
      cookie: await server.login('hotline'),
      body: { kind: 'complaint', categoryCode: 'SC01', content: '超市出售过期食品，要求查处。', place: { regionCode: CITY } },
    });
    const scjgj = (await server.ctx.db.one<{ id: string }>(`select id from department where code = '445300-SCJGJ'`))!.id;
    const sent = await server.api(`/api/hotline/tickets/${late.body.ticket.id}/dispatch`, {
      method: 'POST',
      cookie: await server.login('hotline'),
      body: { version: late.body.ticket.version, departmentId: scjgj },
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    // … not accepted in time
    await server.ctx.db.query(`update hotline_ticket set accept_due = clock_today() - 1 where id = $1`, [late.body.ticket.id]);

    const agent = await bed.newPage(DESKTOP);
    await withFailureShot(agent, 'hotline-callback', async () => {
      await signInAs(agent, server.url, 'hotline', 'Yiwang@2026hotline', '/staff/hotline');
      await navigate(agent, server.url, '/staff/hotline?tab=callback');
      const row = agent.getByTestId('hotline-row').filter({ hasText: number });
      await row.waitFor();
      await row.click();
      const drawer = agent.getByTestId('hotline-drawer');
      await drawer.getByTestId('hotline-callback').waitFor();
      await drawer.getByTestId('hotline-callback-result-pick').getByText('不满意').click();
      await drawer.getByTestId('hotline-callback-note').fill('来电人表示餐馆仍在营业');
      await agent.screenshot({ path: `${RESULTS}/hotline-callback-desktop.png` });
      await drawer.getByTestId('hotline-callback').click();
      await drawer.getByTestId('hotline-callback-result').waitFor();
      assert.match(await drawer.getByTestId('hotline-callback-result').innerText(), /不满意[\s\S]*电话回访/);
      await drawer.getByTestId('hotline-reopen').waitFor();
      await drawer.getByTestId('hotline-supervise').waitFor();
      await agent.screenshot({ path: `${RESULTS}/hotline-callback-recorded-desktop.png` });
      await drawer.locator('.ant-drawer-close').click();
      await navigate(agent, server.url, '/staff/hotline?tab=toReopen');
      await agent.getByTestId('hotline-row').filter({ hasText: number }).waitFor();
      await navigate(agent, server.url, '/staff/hotline?tab=red');
      const red = agent.getByTestId('hotline-row').filter({ hasText: late.body.ticket.number });
      await red.waitFor();
      assert.equal(await red.getByTestId('hotline-warning').innerText(), '签收超期');
      await agent.screenshot({ path: `${RESULTS}/hotline-red-desktop.png` });
      await agent.setViewportSize(PHONE_SCREEN);
      await navigate(
        agent,
        server.url,
        `/staff/hotline?tab=toReopen&ticket=${encodeURIComponent((await server.ctx.db.one<{ id: string }>('select id from hotline_ticket where number = $1', [number]))!.id)}`,
      );
      await agent.getByTestId('hotline-drawer').getByTestId('hotline-reopen').waitFor();
      await assertFitsScreen(agent, 'the drawer with 回访 and 重办 on a phone');
      await agent.screenshot({ path: `${RESULTS}/hotline-callback-phone.png`, fullPage: true });
    });
    await agent.close();
    assert.deepEqual(bed.pageErrors, []);
  },
);
