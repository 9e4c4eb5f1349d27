// The workflow features of a case in Chromium: an item whose workflow has a special step and a
// payment step, approved by commitment (告知承诺制). The citizen signs the commitment and applies;
// the clerk accepts; the department head assigns the review through the dialog; a leader issues
// a supervision order (督办) and the approver replies; the approver starts and ends a hearing,
// passes the expert review, decides late with the reason and an assessed fee; the citizen sees
// 待缴费, the special procedures and pays. Then the approver records a commitment check; on a
// second item the applicant sees the 秒批 explanation, and the clerk completes the case only by
// overriding its failed rule with a reason. Screenshots: test-results/cases-workflow-*.png.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, launchBrowser, pageFactory, PHONE_SCREEN, RESULTS, signInAs, waitGone, withFailureShot } from '../support/browser.ts';
import { fixedFee, publishItemVersion, STEP } from '../support/catalog.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** 食品安全违法行为举报奖励 (市场监管, city): three required materials. */
const REWARD = '000H2453000000-445300000000-000-11445300530000243C-1-00';
/** 营业执照遗失补领、换发: 即办, used for 秒批. */
const IMMEDIATE = '000A2401006000-445300000000-000-11445300530000243C-1-00';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const CITIZEN = ['13800000001', 'Yiwang@2026citizen'] as const;
const ITEM_NAME = '食品安全违法行为举报奖励';

let server: TestServer;
let browser: Browser;
const pageErrors: string[] = [];
const newPage = pageFactory(() => browser, pageErrors);
const cookies: Record<string, string> = {};
const shot = (page: Page, name: string) => page.screenshot({ path: `${RESULTS}/cases-workflow-${name}.png`, fullPage: true });

const setContent = (code: string, patch: Record<string, unknown>) =>
  publishItemVersion(server.api, { deptadmin: cookies.deptadmin!, dataofficer: cookies.dataofficer! }, code, patch);

// This test runs for minutes; its own copy of the built web app keeps it from seeing a rebuild of
// the shared dist/web by a parallel run half-way through.
const webDir = mkdtempSync(join(tmpdir(), 'yiwang-web-'));

before(async () => {
  cpSync('dist/web', webDir, { recursive: true });
  server = await startTestServer({ YIWANG_WEB_DIR: webDir });
  browser = await launchBrowser();
  for (const u of ['deptadmin', 'dataofficer', 'approver']) cookies[u] = await server.login(u);
  cookies.citizen = await server.login(...CITIZEN);
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(webDir, { recursive: true, force: true });
});

async function uploadAll(caseId: string, keys: string[]) {
  for (const key of keys) {
    const res = await fetch(`${server.url}/api/cases/${caseId}/materials/${key}?name=a.pdf`, {
      method: 'PUT',
      headers: { cookie: cookies.citizen!, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(PDF),
    });
    assert.equal(res.status, 201);
  }
}

const staffPage = async (username: string, path: string) => {
  const page = await newPage(DESKTOP);
  await signInAs(page, server.url, username, `Yiwang@2026${username}`, path);
  return page;
};

/**
 * The department administrator's session from the API sign-in (its authenticator was enrolled
 * there, and a TOTP step is accepted once only), carried into the browser.
 */
async function pageWithSession(cookie: string, path: string) {
  const page = await newPage(DESKTOP);
  const [name, ...value] = cookie.split(';')[0]!.split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: server.url }]);
  await page.goto(`${server.url}${path}`);
  return page;
}

/** Opens the case's drawer from a workbench list (todo or 在办督办). */
async function openCase(page: Page, list: string) {
  const row = page.getByTestId(list).locator('tbody tr', { hasText: ITEM_NAME }).first();
  await row.waitFor();
  await row.click();
  await page.getByTestId('case-drawer').waitFor();
  await page.getByTestId('case-timeline').waitFor();
}

const closedDrawer = (page: Page) => waitGone(page, 'case-drawer');

async function pickOption(page: Page, select: string, text: string) {
  await page.getByTestId(select).click();
  await page.locator('.ant-select-item-option', { hasText: text }).first().click();
}

test('a commitment case with special procedures, assignment, supervision, a late decision and a payment step', { timeout: 300_000 }, async () => {
  const itemId = await setContent(REWARD, {
    workflow: [STEP.accept, STEP.review, STEP.experts, STEP.decide, STEP.pay],
    fees: fixedFee(12000),
    flags: { commitment: true },
    commitmentCheckDays: 10,
    conditions: ['举报内容真实，举报人与案件无利害关系'],
  });

  // the citizen signs the commitment with the application
  const citizen = await newPage(DESKTOP);
  let caseId = '';
  await withFailureShot(citizen, 'cases-workflow-citizen', async () => {
    await signInAs(citizen, server.url, ...CITIZEN, `/guide/${itemId}`);
    await citizen.getByTestId('apply-online').click();
    await citizen.waitForURL(/\/my-cases\/[0-9a-f-]{36}$/);
    caseId = citizen.url().split('/').pop()!;
    await citizen.locator('#report_number').fill('JB2026-0777');
    await citizen.locator('#bank_account').fill('6222020000000000777');
    for (const key of ['m1', 'm2', 'm3']) {
      const row = citizen.getByTestId(`material-${key}`);
      await row.locator('input[type=file]').setInputFiles({ name: `${key}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await row.getByRole('link', { name: `${key}.pdf` }).waitFor();
    }
    assert.match(await citizen.getByTestId('commitment-text').innerText(), /举报内容真实/);
    assert.equal(await citizen.getByTestId('submit').isDisabled(), true);
    await citizen.getByTestId('commitment-agree').click();
    await citizen.waitForFunction(() => !document.querySelector('[data-testid=submit]')?.hasAttribute('disabled'));
    await citizen.evaluate(() => window.scrollTo(0, 0));
    await shot(citizen, 'commitment');
    await citizen.getByTestId('submit').click();
    await citizen.getByTestId('case-number').waitFor();
    // once submitted, the form and the signed commitment are folded under 申请表与申请材料
    await citizen.getByTestId('case-form-section').locator('.ant-collapse-header').click();
    await citizen.getByTestId('commitment').getByText('已签署告知承诺书').waitFor();
  });

  // the window clerk accepts
  const clerk = await staffPage('clerk', '/staff/todo');
  await withFailureShot(clerk, 'cases-workflow-clerk', async () => {
    await openCase(clerk, 'cases-inbox');
    await clerk.getByTestId('action-accept').click();
    await closedDrawer(clerk);
  });

  // the department head gives the review to the approver through the dialog
  const approverUser = (await server.api('/api/auth/me', { cookie: cookies.approver })).body.user as { id: string; name: string };
  const head = await pageWithSession(cookies.deptadmin!, '/staff/supervision');
  await withFailureShot(head, 'cases-workflow-assign', async () => {
    await openCase(head, 'supervision-list');
    await head.getByTestId('action-assign').click();
    await pickOption(head, 'assign-pick', approverUser.name);
    await head.waitForTimeout(300);
    await shot(head, 'assign');
    await head.getByTestId('assign-ok').click();
    await closedDrawer(head);
  });
  assert.equal((await server.api(`/api/cases/${caseId}`, { cookie: cookies.approver })).body.case.assigneeId, approverUser.id);

  // a leader issues a supervision order
  const leader = await staffPage('leader', '/staff/supervision');
  await withFailureShot(leader, 'cases-workflow-leader', async () => {
    await openCase(leader, 'supervision-list');
    // a leader acts on no step: only 督办 (and handing the step out) is offered
    assert.equal(await leader.getByTestId('action-approve').count(), 0);
    await leader.getByTestId('supervise').click();
    await leader.getByTestId('supervise-opinion').fill('群众反映较急，请加快办理');
    await leader.getByTestId('supervise-ok').click();
    await leader.getByTestId('supervision-order').waitFor();
    assert.match(await leader.getByTestId('supervision-panel').innerText(), /待回复/);
    await leader.locator('.ant-modal').waitFor({ state: 'hidden' });
    await shot(leader, 'supervise');
  });

  const approver = await staffPage('approver', '/staff/todo');
  await withFailureShot(approver, 'cases-workflow-approver', async () => {
    // the department answers the order
    await openCase(approver, 'cases-inbox');
    await approver.getByTestId('supervision-reply-text').fill('已安排专人办理，三日内办结');
    await approver.getByTestId('supervision-reply-send').click();
    await approver.getByTestId('supervision-reply').waitFor();
    assert.match(await approver.getByTestId('supervision-panel').innerText(), /已安排专人办理/);

    // a hearing during review stops the clock until it ends
    await approver.getByTestId('action-start_special').click();
    await pickOption(approver, 'special-procedure', '听证');
    await approver.getByTestId('special-reason').fill('申请人要求听证');
    await approver.getByTestId('special-start-ok').click();
    await closedDrawer(approver);
    await openCase(approver, 'cases-inbox');
    await approver.getByTestId('special-running').waitFor();
    assert.match(await approver.getByTestId('special-running').innerText(), /听证[\s\S]*计时已暂停/);
    assert.equal(await approver.getByTestId('action-approve').count(), 0);
    await approver.waitForTimeout(600);
    await shot(approver, 'special-running');
    await approver.getByTestId('action-end_special').click();
    await approver.getByTestId('special-result').fill('听证结束，意见已采纳');
    await approver.getByTestId('special-result-ok').click();
    await closedDrawer(approver);

    // review passes; the workflow's own 专家评审 step starts by itself and is passed by approving
    for (const opinion of ['审查通过', '专家意见：同意']) {
      await openCase(approver, 'cases-inbox');
      if (opinion === '专家意见：同意') assert.match(await approver.getByTestId('special-running').innerText(), /专家评审/);
      await approver.getByTestId('opinion').fill(opinion);
      await approver.getByTestId('action-approve').click();
      await closedDrawer(approver);
    }

    // the decision comes late: the reason is recorded first; the fee is assessed for the payment step
    await server.ctx.db.query(`update case_record set promised_due = clock_today() - 2 where id = $1`, [caseId]);
    await openCase(approver, 'cases-inbox');
    await approver.getByTestId('deadline-red').first().waitFor();
    // a disapproval here would finish the case, so the reason field is there too
    await approver.getByTestId('overdue-reason').waitFor();
    await approver.getByTestId('action-explain_overdue').click();
    await approver.getByTestId('overdue-explain').fill('听证组织耗时较长');
    await approver.getByTestId('overdue-explain-ok').click();
    await closedDrawer(approver);
    await openCase(approver, 'cases-inbox');
    await approver.getByTestId('overdue-reason-given').waitFor();
    assert.equal(await approver.getByTestId('action-explain_overdue').count(), 0);
    await approver.getByTestId('opinion').fill('准予奖励');
    const fees = approver.getByTestId('fee-lines');
    await fees.getByRole('button', { name: '添加收费项目' }).click();
    await fees.locator('input').nth(0).fill('鉴定费');
    await fees.locator('input').nth(1).fill('150');
    await approver.waitForTimeout(600);
    await shot(approver, 'decision');
    await approver.getByTestId('action-approve').click();
    await closedDrawer(approver);
  });
  const atPayment = (await server.api(`/api/cases/${caseId}`, { cookie: cookies.citizen })).body;
  assert.equal(atPayment.case.currentStep.kind, 'payment');
  assert.equal(atPayment.case.overdueReason, '听证组织耗时较长');
  const notice = await server.api(`/api/payment/notices/${atPayment.case.feeNoticeId}`, { cookie: cookies.citizen });
  assert.equal(notice.body.amountFen, 15000);

  // the citizen sees 待缴费, the special procedures by name, and pays
  await withFailureShot(citizen, 'cases-workflow-citizen-pay', async () => {
    await citizen.reload();
    await citizen.getByTestId('payment-step').waitFor();
    const records = await citizen.getByTestId('special-records').innerText();
    assert.match(records, /听证/);
    assert.match(records, /专家评审/);
    const timeline = await citizen.getByTestId('case-timeline').innerText();
    assert.match(timeline, /特别程序开始[\s\S]*听证/);
    assert.match(timeline, /开具缴款通知书/);
    await shot(citizen, 'payment-due');
    const phone = await newPage(PHONE_SCREEN);
    await signInAs(phone, server.url, ...CITIZEN, `/my-cases/${caseId}`);
    await phone.getByTestId('payment-step').waitFor();
    await phone.screenshot({ path: `${RESULTS}/cases-workflow-payment-due-phone.png`, fullPage: true });
    await phone.close();

    await citizen.getByTestId('pay-notice').click();
    await citizen.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
    await citizen.getByTestId('pay-button').click();
    await citizen.waitForURL(/\/paysim\//);
    await citizen.getByTestId('pay').click();
    await citizen.waitForURL(/\/payments\/[0-9a-f-]{36}$/);
  });
  for (let i = 0; i < 10; i++) {
    await server.deliverEvents();
    if ((await server.api(`/api/cases/${caseId}`, { cookie: cookies.citizen })).body.case.status === 'completed') break;
  }
  const done = (await server.api(`/api/cases/${caseId}`, { cookie: cookies.citizen })).body;
  assert.equal(done.case.status, 'completed');
  assert.equal(done.case.outcome, 'approved');
  await citizen.goto(`${server.url}/my-cases/${caseId}`);
  await citizen.getByTestId('case-timeline').waitFor();
  assert.match(await citizen.getByTestId('case-status').innerText(), /已办结/);
  await shot(citizen, 'completed');
  assert.deepEqual(pageErrors, []);
});

test('承诺核查: the approver records the verification of an approved commitment case', { timeout: 120_000 }, async () => {
  await setContent(REWARD, { workflow: null, flags: { commitment: true }, commitmentCheckDays: 10, conditions: ['举报内容真实'] });
  const d = await server.api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: REWARD, formData: { report_number: 'JB2026-0778', bank_account: '6222020000000000778' } } });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  const id = d.body.case.id as string;
  await uploadAll(id, ['m1', 'm2', 'm3']);
  const signed = await server.api(`/api/cases/${id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.body.case.version, commitment: true } });
  assert.equal(signed.status, 200, JSON.stringify(signed.body));
  for (const [who, action] of [['approver', 'accept'], ['approver', 'approve'], ['approver', 'approve']] as const) {
    const version = (await server.api(`/api/cases/${id}`, { cookie: cookies[who] })).body.case.version;
    const r = await server.api(`/api/cases/${id}/actions/${action}`, { method: 'POST', cookie: cookies[who], body: { version, opinion: '同意' } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  const number = signed.body.case.number as string;
  // the verification is late: the list shows its due day in red
  await server.ctx.db.query(`update case_commitment_check set due = clock_today() - 1 where case_id = $1`, [id]);

  const approver = await staffPage('approver', '/staff/commitment-checks');
  await withFailureShot(approver, 'cases-workflow-checks', async () => {
    const checks = approver.getByTestId('commitment-checks');
    await checks.getByTestId(`check-${number}`).waitFor();
    assert.match(await checks.getByTestId('check-overdue').innerText(), /已逾期/);
    await shot(approver, 'checks');
    await checks.getByTestId(`check-${number}`).click();
    await approver.getByTestId('check-opinion').fill('现场核查：举报内容属实');
    await approver.getByTestId('check-ok').click();
    // recorded: the row leaves the open list (the paid commitment case of the first test stays)
    await checks.getByTestId(`check-${number}`).waitFor({ state: 'detached' });
  });
  const checked = (await server.api(`/api/cases/${id}`, { cookie: cookies.approver })).body.commitmentCheck;
  assert.equal(checked.result, 'kept');
  assert.equal(checked.opinion, '现场核查：举报内容属实');

  const citizen = await newPage(PHONE_SCREEN);
  await signInAs(citizen, server.url, ...CITIZEN, `/my-cases/${id}`);
  // the status card at the top says what the verification found; the signed statement is folded away
  assert.match(await citizen.getByTestId('case-status-card').getByTestId('commitment-status').innerText(), /告知承诺制 · 核查结果：承诺属实/);
  await citizen.getByTestId('case-form-section').locator('.ant-collapse-header').click();
  await citizen.getByTestId('commitment').getByText(/承诺属实/).waitFor();
  await shot(citizen, 'commitment-kept');
  assert.deepEqual(pageErrors, []);
});

test('秒批: the applicant sees each rule with ✓ or ✗; the clerk completes it only by an override with a reason', { timeout: 120_000 }, async () => {
  await setContent(IMMEDIATE, {
    flags: { instantApproval: true },
    instantRules: [
      { fact: 'applicant.age', op: 'gte', value: 18, label: '申请人已成年' },
      { fact: 'form.reason', op: 'eq', value: '遗失补领', label: '申请原因为遗失补领' },
    ],
  });
  const form = {
    entity_name: '云浮市某某商行', entity_uscc: '91445302MA4UJ0001B', entity_address: '云浮市云城区', legal_representative: '陈小云',
    agent_name: '陈小云', agent_id_number: '44530219900101001X', agent_phone: '13800000001', reason: '毁损换发',
  };
  const d = await server.api('/api/cases', { method: 'POST', cookie: cookies.citizen, body: { item: IMMEDIATE, formData: form } });
  assert.equal(d.status, 201, JSON.stringify(d.body));
  await uploadAll(d.body.case.id, ['m1', 'm2']);
  const s = await server.api(`/api/cases/${d.body.case.id}/submit`, { method: 'POST', cookie: cookies.citizen, body: { version: d.body.case.version } });
  assert.equal(s.status, 200, JSON.stringify(s.body));

  const page = await newPage(PHONE_SCREEN);
  await withFailureShot(page, 'cases-workflow-instant', async () => {
    await signInAs(page, server.url, ...CITIZEN, `/my-cases/${d.body.case.id}`);
    const card = page.getByTestId('instant-approval');
    await card.waitFor();
    assert.equal(await card.getByTestId('instant-rule-passed').count(), 1);
    assert.equal(await card.getByTestId('instant-rule-failed').count(), 1);
    assert.match(await card.innerText(), /✗\s*申请原因为遗失补领/);
    assert.match(await card.innerText(), /毁损换发/);
    await shot(page, 'instant');
  });

  // the clerk sees the failed rule and completes the case only by overriding it with a reason
  const clerk = await staffPage('clerk', '/staff/todo');
  await withFailureShot(clerk, 'cases-workflow-instant-override', async () => {
    const row = clerk.getByTestId('cases-inbox').locator('tbody tr', { hasText: '营业执照遗失补领、换发' }).first();
    await row.click();
    const drawer = clerk.getByTestId('case-drawer');
    await drawer.getByTestId('instant-approval').getByTestId('instant-rule-failed').waitFor();
    const override = drawer.getByTestId('action-instant-override');
    assert.equal(await override.isDisabled(), true);
    await drawer.getByTestId('instant-override-reason').fill('现场核验营业执照原件确已毁损，按遗失补领办理');
    await shot(clerk, 'instant-override');
    await override.click();
    await closedDrawer(clerk);
  });
  const done = await server.api(`/api/cases/${d.body.case.id}`, { cookie: cookies.citizen });
  assert.equal(done.body.case.status, 'completed');
  const overridden = done.body.timeline.find((e: { kind: string }) => e.kind === 'instant_overridden');
  assert.equal(overridden?.opinion, '现场核验营业执照原件确已毁损，按遗失补领办理');
  assert.deepEqual(pageErrors, []);
});
