// The item editor's 办理流程 and 秒批 sections in Chromium: a department administrator turns the
// default workflow into the item's own, adds a special step, sees a misplaced step reported next
// to the steps, adds 秒批 rules and a 告知承诺 verification period, saves, and the quality check
// passes. Screenshots:
// test-results/catalog-workflow-*.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { ItemContent } from '../../src/modules/catalog/content.ts';
import { sampleContent } from '../../src/modules/catalog/fixtures.ts';
import { DESKTOP, launchBrowser, pageFactory, RESULTS, withFailureShot } from '../support/browser.ts';
import { nextTotpCode } from '../support/browserless.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let browser: Browser;
const pageErrors: string[] = [];
const newPage = pageFactory(() => browser, pageErrors);
let itemId = '';
let deptadmin = '';

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  await server.ctx.db.query(
    `insert into catalog_base_field (key, label, library, provider) values ('legal_entity.registration', '登记注册信息', 'legal_entity', 'SCJGJ') on conflict (key) do nothing`,
  );
  const dept = (await server.ctx.db.one<{ id: string; uscc: string }>(`select id, uscc from department where code = '445300-SCJGJ'`))!;
  // A 秒批 draft (即办, as the INSTANT_APPROVAL_LIMIT rule wants) still on the default workflow.
  const content: ItemContent = sampleContent({
    name: '食品经营许可（秒批流程测试）',
    promisedLimit: { immediate: true, days: 0 },
    caseType: 'immediate',
    flags: { ...sampleContent().flags, instantApproval: true },
  });
  const created = await server.api('/api/catalog/items', {
    method: 'POST',
    cookie: (deptadmin = await server.login('deptadmin')),
    body: { code: `440A9002001000-445300000000-000-${dept.uscc}-1-00`, departmentId: dept.id, content },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.version.quality.ok, true, JSON.stringify(created.body.version.quality.errors));
  itemId = created.body.item.id;
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Signs in as the department administrator in the browser, answering the authenticator step its API sign-in enrolled. */
async function signIn(page: Page, next: string) {
  await page.goto(`${server.url}/api/auth/start?next=${encodeURIComponent(next)}`);
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.locator('#username').fill('deptadmin');
  await page.locator('#password').fill('Yiwang@2026deptadmin');
  await page.locator('button[type=submit]').click();
  const code = page.locator('#code');
  await Promise.race([page.waitForURL((url) => url.pathname === next), code.waitFor()]);
  if (await code.isVisible()) {
    await code.fill(await nextTotpCode(`${server.url}|deptadmin`));
    await page.locator('button[type=submit]').click();
  }
  await page.waitForURL((url) => url.pathname === next);
}

const pick = async (page: Page, select: ReturnType<Page['getByTestId']>, option: string) => {
  await select.click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
};

test('admin editor: a special step and 秒批 rules are added, issues show beside the steps, and the saved item passes', { timeout: 180_000 }, async () => {
  const page = await newPage(DESKTOP);
  await withFailureShot(page, 'catalog-workflow', async () => {
    await signIn(page, `/admin/catalog/items/${itemId}`);
    await page.getByTestId('catalog-item-editor').waitFor();
    const section = page.getByTestId('section-workflow');
    await section.scrollIntoViewIfNeeded();

    // From the default 受理 → 审查 → 决定 to the item's own steps, plus a special procedure before the decision.
    await page.getByTestId('workflow-default').click();
    const names = page.getByTestId('workflow-step-name');
    await names.nth(2).waitFor();
    assert.deepEqual(await names.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), ['受理', '审查', '决定']);
    await page.getByTestId('workflow-add-step').click();
    await names.nth(3).waitFor();
    assert.deepEqual(await names.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), ['受理', '审查', '现场勘查', '决定']);
    await pick(page, page.getByTestId('workflow-step-roles').nth(2), '审批人员');
    await page.keyboard.press('Escape');

    // Moved first, the special step breaks 受理-first: the rule's message appears in the section; moved back, it clears.
    const row = (i: number) => page.getByTestId('workflow-step').nth(i);
    await row(2).getByRole('button', { name: '上移' }).click();
    await row(1).getByRole('button', { name: '上移' }).click();
    const issue = section.locator('[data-rule="WORKFLOW_ACCEPT_FIRST"]');
    await issue.waitFor();
    assert.match(await issue.innerText(), /第一步应为受理/);
    await page.screenshot({ path: `${RESULTS}/catalog-workflow-issue.png`, fullPage: true });
    await row(0).getByRole('button', { name: '下移' }).click();
    await row(1).getByRole('button', { name: '下移' }).click();
    await issue.waitFor({ state: 'detached' });
    assert.deepEqual(await names.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)), ['受理', '审查', '现场勘查', '决定']);

    // 秒批: 申请人年龄 ≥ 80 and 户籍地 starting 4453; the explanation follows until the editor writes one.
    const instant = page.getByTestId('section-instant');
    await instant.scrollIntoViewIfNeeded();
    await page.getByTestId('instant-add-rule').click();
    await page.getByTestId('instant-rule-value').first().fill('80');
    await page.getByTestId('instant-rule-label').first().click();
    assert.equal(await page.getByTestId('instant-rule-label').first().inputValue(), '申请人年龄 ≥ 80');
    await page.getByTestId('instant-add-rule').click();
    await pick(page, page.getByTestId('instant-rule-fact').nth(1), '申请人户籍地');
    await pick(page, page.getByTestId('instant-rule-op').nth(1), '以…开头');
    await page.getByTestId('instant-rule-value').nth(1).fill('4453');
    await page.getByTestId('instant-rule-label').nth(1).fill('具有云浮市户籍');

    // 告知承诺制: marking the item shows the verification period, which is kept with the item.
    await page.locator('.ant-checkbox-wrapper', { hasText: '告知承诺' }).click();
    await page.getByTestId('section-commitment').waitFor();
    await page.getByTestId('commitment-check-days').fill('30');

    await page.getByTestId('item-save').click();
    await page.getByText('已保存').first().waitFor();
    await page.getByTestId('quality-ok').waitFor();
    assert.equal(await page.locator('[data-testid^="field-issue-"]').count(), 0);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${RESULTS}/catalog-workflow-saved.png`, fullPage: true });

    const stored = (await server.api(`/api/catalog/items/${itemId}`, { cookie: deptadmin })).body.current;
    assert.equal(stored.quality.ok, true, JSON.stringify(stored.quality.errors));
    assert.deepEqual(
      stored.content.workflow.map((s: { kind: string; procedure?: string; roles?: string[] }) => [s.kind, s.procedure ?? null, s.roles ?? null]),
      [
        ['accept', null, null],
        ['review', null, null],
        ['special', 'on_site', ['approver']],
        ['decide', null, null],
      ],
    );
    assert.deepEqual(stored.content.instantRules, [
      { fact: 'applicant.age', op: 'gte', value: 80, label: '申请人年龄 ≥ 80' },
      { fact: 'applicant.idRegion', op: 'prefix', value: '4453', label: '具有云浮市户籍' },
    ]);
    assert.equal(stored.content.flags.commitment, true);
    assert.equal(stored.content.commitmentCheckDays, 30);
    assert.deepEqual(pageErrors, []);
  });
});
