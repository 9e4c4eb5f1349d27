// README's example of a fee after the decision, done by the demo accounts alone (issue #14):
// 陈小云 applies for 不动产权证书补发 in the portal, the case is in the demo approver's 待办,
// the 遗失声明公告, review and 登簿 are worked, she pays the 工本费 on the simulated bank's page
// and sees the sealed decision document and her 不动产权证书. Then a result that cannot be
// produced (the department's seal suspended): she is told why, the approver sees the problem and
// produces it again once the seal is back. Screenshots: test-results/cases-demo-property-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, DESKTOP, PHONE_SCREEN, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { CITIZEN_PASSWORD, REWARD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import type { TestServer } from '../support/server.ts';

const ITEM_NAME = '不动产权证书补发、换发';
const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;
let itemId = '';

before(async () => {
  server = await bed.start({ YIWANG_WORKERS: '1' });
  itemId = (await server.ctx.db.one<{ id: string }>(
    `select distinct i.id from catalog_item i join catalog_item_version v on v.item_id = i.id where v.name = $1 and i.region_code = '445300000000'`,
    [ITEM_NAME],
  ))!.id;
});

/** The demo staff move the case on: the clerk accepts, the approver does every step up to the payment. */
async function staffWork(caseId: string) {
  const clerk = await server.login('clerk');
  const approver = await server.login('approver');
  for (let i = 0; i < 8; i++) {
    const d = (await server.api(`/api/cases/${caseId}`, { cookie: approver })).body;
    if (d.case.status !== 'submitted' && d.case.status !== 'processing') return;
    if (d.case.currentStep.kind === 'payment') return;
    const [action, cookie] = d.case.currentStep.kind === 'accept' ? ['accept', clerk] : ['approve', approver];
    const res = await server.api(`/api/cases/${caseId}/actions/${action}`, { method: 'POST', cookie, body: { version: d.case.version, opinion: '经审查，符合补发条件' } });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
}

const cookieOf = async (page: Awaited<ReturnType<typeof newPage>>) => (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

test('不动产权证书补发 is finished by the demo accounts and its result reaches the citizen', { timeout: 240_000 }, async () => {
  const citizen = await newPage(PHONE_SCREEN);
  await withFailureShot(citizen, 'cases-demo-property', async () => {
    await signInAs(citizen, server.url, '13800000001', CITIZEN_PASSWORD, `/guide/${itemId}`);
    await citizen.getByTestId('apply-online').click();
    await citizen.waitForURL(/\/my-cases\/[0-9a-f-]{36}$/);
    const caseId = citizen.url().split('/').pop()!;
    const cookie = await cookieOf(citizen);
    const draft = (await server.api(`/api/cases/${caseId}`, { cookie })).body.case;
    const saved = await server.api(`/api/cases/${caseId}/form`, {
      method: 'PUT',
      cookie,
      body: { version: draft.version, formData: { ...draft.formData, unit_number: '445302001001GB00001F00010001', property_location: '云浮市云城区星岩四路18号3栋502房', property_area: 96.5, property_usage: '住宅' } },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    for (const key of ['m1', 'm2']) assert.equal((await uploadMaterial(server, cookie, caseId, key)).status, 201);
    await citizen.reload();
    await citizen.getByTestId('submit').click();
    await citizen.getByTestId('case-number').waitFor();

    // the case is in the demo approver's 待办 once accepted (it sat in nobody's before)
    const clerk = await server.login('clerk');
    const accepted = await server.api(`/api/cases/${caseId}/actions/accept`, { method: 'POST', cookie: clerk, body: { version: (await server.api(`/api/cases/${caseId}`, { cookie })).body.case.version } });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    const approver = await newPage(DESKTOP);
    await withFailureShot(approver, 'cases-demo-property-approver', async () => {
      await signInAs(approver, server.url, 'approver', 'Yiwang@2026approver', '/staff/todo');
      await approver.getByTestId('cases-inbox').locator('tbody tr', { hasText: ITEM_NAME }).first().waitFor();
      await approver.screenshot({ path: `${RESULTS}/cases-demo-property-todo.png`, fullPage: true });
    });
    await staffWork(caseId);

    // she pays the 工本费 from the case page on the simulated bank's page
    await citizen.goto(`${server.url}/my-cases/${caseId}`);
    await citizen.getByTestId('payment-step').getByTestId('pay-notice').click();
    await citizen.getByTestId('pay-button').click();
    await citizen.waitForURL(/\/paysim\/[a-z-]+\/pay\//);
    await citizen.getByTestId('pay').click();
    await citizen.getByTestId('receipt').waitFor({ timeout: 30_000 });

    await citizen.goto(`${server.url}/my-cases/${caseId}`);
    const results = citizen.getByTestId('case-results');
    await results.getByTestId('result-approval').waitFor({ timeout: 30_000 });
    await results.getByTestId('result-licence').waitFor({ timeout: 30_000 });
    assert.equal(await results.getByText('结果文书正在生成').count(), 0);
    await results.scrollIntoViewIfNeeded();
    await citizen.screenshot({ path: `${RESULTS}/cases-demo-property-result-phone.png`, fullPage: true });
    await citizen.goto(`${server.url}/wallet`);
    await citizen.getByTestId('wallet-licence').filter({ hasText: '不动产权证书' }).first().waitFor();
  });
  assert.deepEqual(pageErrors, []);
});

test('a result that cannot be produced says why to the citizen; the approver produces it again after the fix', { timeout: 180_000 }, async () => {
  const admin = await server.login('admin');
  const seals = await server.api('/api/seals?q=' + encodeURIComponent('云浮市市场监督管理局'), { cookie: admin });
  const seal = seals.body.items.find((s: { kind: string }) => s.kind === 'official');
  const suspended = await server.api(`/api/seals/${seal.id}/status`, { method: 'POST', cookie: admin, body: { status: 'suspended', version: seal.version, reason: '印章更换' } });
  assert.equal(suspended.status, 200, JSON.stringify(suspended.body));
  const citizenCookie = await server.login('13800000001', CITIZEN_PASSWORD);
  const draft = await server.api('/api/cases', { method: 'POST', cookie: citizenCookie, body: { item: REWARD, formData: { report_number: 'JB2026-0901', bank_account: '6222020000000000901' } } });
  const caseId = draft.body.case.id as string;
  for (const key of ['m1', 'm2', 'm3']) assert.equal((await uploadMaterial(server, citizenCookie, caseId, key)).status, 201);
  const sub = await server.api(`/api/cases/${caseId}/submit`, { method: 'POST', cookie: citizenCookie, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));
  for (let i = 0; i < 4; i++) await staffWork(caseId);
  const approverCookie = await server.login('approver');
  const last = (await server.api(`/api/cases/${caseId}`, { cookie: approverCookie })).body.case;
  assert.equal(last.status, 'completed');
  await server.deliverEvents();

  const citizen = await newPage(PHONE_SCREEN);
  await withFailureShot(citizen, 'cases-demo-property-blocked', async () => {
    await signInAs(citizen, server.url, '13800000001', CITIZEN_PASSWORD, `/my-cases/${caseId}`);
    const blocked = citizen.getByTestId('result-blocked-document');
    await blocked.waitFor();
    assert.match(await blocked.innerText(), /电子印章尚未就绪/);
    assert.equal(await citizen.getByText('结果文书正在生成').count(), 0);
    await blocked.scrollIntoViewIfNeeded();
    await citizen.screenshot({ path: `${RESULTS}/cases-demo-property-blocked-phone.png`, fullPage: true });
  });

  const approver = await newPage(DESKTOP);
  await withFailureShot(approver, 'cases-demo-property-retry', async () => {
    await signInAs(approver, server.url, 'approver', 'Yiwang@2026approver', '/staff/messages');
    const message = approver.getByTestId('staff-message').filter({ hasText: 'SEAL_MISSING' }).first();
    await message.waitFor();
    await approver.screenshot({ path: `${RESULTS}/cases-demo-property-staff-message.png`, fullPage: true });
    await message.getByTestId('staff-message-case').click();
    const drawer = approver.getByTestId('case-drawer');
    await drawer.getByTestId('result-problem-document').waitFor();
    await drawer.getByTestId('result-problem-document').scrollIntoViewIfNeeded();
    await approver.screenshot({ path: `${RESULTS}/cases-demo-property-problem.png` });
    const resumed = await server.api(`/api/seals/${seal.id}/status`, { method: 'POST', cookie: admin, body: { status: 'active', version: suspended.body.version } });
    assert.equal(resumed.status, 200, JSON.stringify(resumed.body));
    await drawer.getByTestId('result-retry').click();
    await drawer.getByTestId('result-approval').waitFor();
    assert.equal(await drawer.getByTestId('result-problem-document').count(), 0);
  });
  assert.deepEqual(pageErrors, []);
});
