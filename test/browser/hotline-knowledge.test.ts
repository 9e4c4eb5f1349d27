// 12345知识库 in Chromium (issue #16 points 2 and 3, what only a browser shows): as the agent types
// the caller's words into 登记工单, the KB panel offers the article and the catalogue's guides;
// 用此答复 registers the call answered with the article (一次办结) and the ticket names it. A
// department's staff find their articles at /staff/hotline/knowledge, the ones due for review,
// and an article's versions in the editor. Screenshots: test-results/hotline-kb-*.png.
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
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;
const DESKTOP = { width: 1440, height: 900 };
const ARTICLE = '社保卡丢失如何挂失和补办';

before(async () => {
  server = await bed.start();
});

test('the agent answers a call from the knowledge base; a department reviews its articles', { timeout: 240_000 }, async () => {
  const agent = await bed.newPage(DESKTOP);
  await withFailureShot(agent, 'hotline-kb-agent', async () => {
    await signInAs(agent, server.url, 'hotline', 'Yiwang@2026hotline', '/staff/hotline');
    await agent.getByTestId('hotline-new').click();
    await agent.getByTestId('hotline-content').waitFor();
    await agent.keyboard.type('我的社保卡丢了，想问怎么挂失补办');
    const panel = agent.getByTestId('kb-panel');
    const hit = panel.getByTestId('kb-hit').filter({ hasText: ARTICLE });
    await hit.waitFor();
    assert.match(await panel.innerText(), /知识[\s\S]*办事指南/, 'articles and guides, each marked');
    await agent.getByTestId('hotline-category').click();
    await agent.getByRole('menuitemcheckbox', { name: '人力资源社会保障' }).hover();
    await agent.getByRole('menuitemcheckbox', { name: '社保缴费与待遇' }).click();
    await hit.getByTestId('kb-hit-title').click();
    await hit.getByText('临时挂失有效期5天').waitFor();
    await agent.screenshot({ path: `${RESULTS}/hotline-kb-intake-desktop.png` });
    await hit.getByTestId('kb-use').click();
    await agent.getByTestId('hotline-created').waitFor();
    await agent.getByTestId('hotline-created-open').click();
    const drawer = agent.getByTestId('hotline-drawer');
    await drawer.getByTestId('hotline-reply').waitFor();
    assert.match(await drawer.getByTestId('hotline-reply').innerText(), /临时挂失/);
    assert.match(await drawer.getByTestId('hotline-details').innerText(), new RegExp(`知识库\\s+${ARTICLE} · 第 \\d+ 版`));
    assert.match(await drawer.getByTestId('hotline-history').innerText(), new RegExp(`知识库：${ARTICLE}`));
    await agent.screenshot({ path: `${RESULTS}/hotline-kb-answered-desktop.png` });
    await drawer.locator('.ant-drawer-close').click();
    await agent.setViewportSize(PHONE_SCREEN);
    await agent.getByTestId('hotline-new').click();
    await agent.getByTestId('hotline-content').waitFor();
    await agent.keyboard.type('小区停水什么时候恢复');
    await agent.getByTestId('kb-hit').first().waitFor();
    await assertFitsScreen(agent, 'the intake with the KB panel on a phone');
    await agent.screenshot({ path: `${RESULTS}/hotline-kb-intake-phone.png` });
  });
  await agent.close();

  // the approver of 市场监管局: the department's own articles, one edited into its next version
  const approver = await bed.newPage(DESKTOP);
  await withFailureShot(approver, 'hotline-kb-department', async () => {
    await signInAs(approver, server.url, 'approver', 'Yiwang@2026approver', '/staff/hotline/knowledge');
    await approver.getByTestId('kb-page').waitFor();
    const first = approver.getByTestId('kb-row-title').first();
    await first.waitFor();
    const departments = await approver.locator('.ant-table-tbody').innerText();
    assert.match(departments, /市场监督管理局/);
    assert.doesNotMatch(departments, /人力资源和社会保障局/, 'only its own department');
    await approver.screenshot({ path: `${RESULTS}/hotline-kb-list-desktop.png` });
    await first.click();
    const editor = approver.getByTestId('kb-editor');
    await editor.getByTestId('kb-form').waitFor();
    await editor.getByTestId('kb-answer').fill('消费纠纷可先与经营者协商；协商不成的，可通过全国12315平台投诉。');
    await editor.getByTestId('kb-save').click();
    await editor.getByRole('tab', { name: '历史版本' }).click();
    await editor.getByTestId('kb-versions').getByText('第 3 版').waitFor();
    await approver.screenshot({ path: `${RESULTS}/hotline-kb-versions-desktop.png` });
    await editor.locator('.ant-drawer-close').click();
    await approver.setViewportSize(PHONE_SCREEN);
    await navigate(approver, server.url, '/staff/hotline/knowledge?due=1');
    await approver.getByTestId('kb-page').waitFor();
    await approver.locator('.ant-table-tbody').waitFor();
    await assertFitsScreen(approver, 'the knowledge base on a phone');
    await approver.screenshot({ path: `${RESULTS}/hotline-kb-list-phone.png` });
  });
  await approver.close();
  assert.deepEqual(bed.pageErrors, []);
});
