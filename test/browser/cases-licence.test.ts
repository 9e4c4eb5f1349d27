// An approved case issues a licence: the demo enterprise's agent applies for 特种设备使用登记 in
// Chromium (its 营业执照 is taken from the wallet, 免证办), the approver decides, the decision
// document downloads as a sealed PDF, the licence appears in the wallet and verifies on the public
// page. Screenshots: test-results/cases-licence-*.png.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserTestBed, DESKTOP, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import { pdfPicture, pdfText } from '../support/pdf.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;
let itemId = '';
let enterpriseId = '';

before(async () => {
  server = await bed.start();
  itemId = (await server.ctx.db.one<{ id: string }>(
    `select distinct i.id from catalog_item i join catalog_item_version v on v.item_id = i.id where v.name = '特种设备使用登记' and i.region_code = '445300000000'`,
  ))!.id;
  enterpriseId = (await server.ctx.db.one<{ id: string }>("select id from enterprise where name like '%云石科技%'"))!.id;
});

/** 陈小云 signs in on the provider's page and acts for the demo enterprise. */
const signInForEnterprise = (page: Page, next: string) => signInAs(page, server.url, '13800000001', CITIZEN_PASSWORD, next, enterpriseId);

async function approverDecides(caseId: string) {
  const approver = await server.login('approver');
  for (let i = 0; i < 6; i++) {
    const d = (await server.api(`/api/cases/${caseId}`, { cookie: approver })).body;
    if (d.case.status === 'completed') return;
    const action = d.actions.includes('accept') ? 'accept' : 'approve';
    const res = await server.api(`/api/cases/${caseId}/actions/${action}`, {
      method: 'POST',
      cookie: approver,
      body: { version: d.case.version, opinion: '经审查，设备监督检验合格，准予使用登记' },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
  throw new Error('the case did not complete');
}

test('an approved case issues a licence that appears in the wallet and verifies on the public page', { timeout: 180_000 }, async () => {
  const agent = await newPage(DESKTOP);
  await withFailureShot(agent, 'cases-licence', async () => {
    await signInForEnterprise(agent, `/guide/${itemId}`);
    await agent.getByTestId('apply-online').click();
    await agent.waitForURL(/\/my-cases\/[0-9a-f-]{36}$/);
    const caseId = agent.url().split('/').pop()!;
    // the equipment details and two scans through the API with the page's own session
    const cookie = (await agent.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const draft = (await server.api(`/api/cases/${caseId}`, { cookie })).body.case;
    const saved = await server.api(`/api/cases/${caseId}/form`, {
      method: 'PUT',
      cookie,
      body: {
        version: draft.version,
        formData: {
          ...draft.formData,
          legal_representative: '李浮生',
          entity_address: '云浮市云城区星岩四路18号',
          equipment_type: '电梯',
          equipment_code: '3110445300288',
          install_address: '云浮市云城区星岩四路18号A栋',
        },
      },
    });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    for (const key of ['m1', 'm3']) assert.equal((await uploadMaterial(server, cookie, caseId, key)).status, 201);
    await agent.reload();
    // 免证办: the enterprise's 营业执照 comes from its wallet, no upload asked for
    const licenceRow = agent.getByTestId('material-m2');
    await licenceRow.getByText('已从您的电子证照夹获取：营业执照').waitFor();
    assert.equal(await licenceRow.getByTestId('upload-m2').count(), 0);
    await agent.screenshot({ path: `${RESULTS}/cases-licence-apply.png`, fullPage: true });
    await agent.getByTestId('submit').click();
    await agent.getByTestId('case-number').waitFor();

    await approverDecides(caseId);
    await server.deliverEvents();

    await agent.reload();
    const results = agent.getByTestId('case-results');
    await results.getByTestId('result-approval').waitFor();
    await results.getByTestId('result-licence').waitFor();
    const identifier = (await results.getByTestId('result-licence').locator('.ant-typography').first().innerText()).trim();
    assert.match(identifier, /^1\.2\.156\.3005\.2\./);
    await agent.screenshot({ path: `${RESULTS}/cases-licence-result.png`, fullPage: true });

    // the decision document: a sealed PDF, rendered to a picture to look at
    const href = await results.getByTestId('result-approval').locator('a').first().getAttribute('href');
    const pdf = await agent.request.get(`${server.url}${href}`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const bytes = await pdf.body();
    writeFileSync(`${RESULTS}/cases-licence-decision.pdf`, bytes);
    pdfPicture(bytes, 'cases-licence-decision');
    const text = pdfText(bytes).replace(/\s+/g, '');
    assert.ok(text.includes('准予许可决定书') && text.includes('经审查，设备监督检验合格，准予使用登记'));

    // the wallet of the enterprise the agent acts for
    await agent.goto(`${server.url}/wallet`);
    const card = agent.getByTestId('wallet-licence').filter({ hasText: '特种设备使用登记证' });
    await card.first().waitFor();
    // the long identifier sits folded under 电子证照标识 (the card leads with name, number and holder)
    assert.ok(((await card.first().textContent()) ?? '').includes(identifier), 'the card holds the identifier the case result names');
    await agent.screenshot({ path: `${RESULTS}/cases-licence-wallet.png`, fullPage: true });

    // the approver finds the finished case among the ones they worked on, with its results
    const approver = await newPage(DESKTOP);
    await withFailureShot(approver, 'cases-licence-approver', async () => {
      await signInAs(approver, server.url, 'approver', 'Yiwang@2026approver', '/staff/todo');
      await approver.getByText('我办过的').click();
      await approver.getByTestId('cases-inbox').locator('tr', { hasText: '特种设备使用登记' }).first().click();
      const staffResults = approver.getByTestId('case-drawer').getByTestId('case-results');
      await staffResults.getByTestId('result-approval').waitFor();
      await staffResults.getByTestId('result-licence').waitFor();
      await approver.waitForTimeout(600);
      await approver.screenshot({ path: `${RESULTS}/cases-licence-staff.png`, fullPage: true });
    });

    // anyone checks it on the public page, without signing in
    const visitor = await newPage(DESKTOP);
    await visitor.goto(`${server.url}/verify?id=${encodeURIComponent(identifier)}`);
    const verdict = visitor.getByTestId('verify-result');
    await verdict.waitFor();
    assert.equal(await verdict.getAttribute('data-verdict'), 'valid');
    assert.match(await verdict.innerText(), /特种设备使用登记证/);
    assert.doesNotMatch(await verdict.innerText(), /3110445300288/, 'no licence fields without a presentation');
    await visitor.screenshot({ path: `${RESULTS}/cases-licence-verify.png`, fullPage: true });
  });
  assert.deepEqual(pageErrors, []);
});
