// 我的数据使用记录 (issue #15 point 6) in Chromium. 陈小云 opens it from 我的 on a phone and reads
// the seed's use of her data (人社业务系统 of 人社局 looked her up in 常住人口基本信息: the fields, 用途
// and 法律依据) among uses of other kinds recorded here through the data module's contract; filters
// by kind (an empty kind explains itself), pages, and reports the lookup (提出异议: a reason is
// required) to see 已提出异议 待答复; the data officer answers through the API and she reads the
// answer on a desktop. 李浮生 sees only his own use, with no report, and cannot report hers.
// Screenshots: test-results/data-ledger-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { recordDataUse } from '../../src/modules/data/index.ts';
import { personIdNumberIndex } from '../../src/modules/identity/index.ts';
import {
  assertFitsScreen,
  browserTestBed,
  DESKTOP,
  navigate,
  PHONE_SCREEN,
  RESULTS,
  signInAs,
  withFailureShot,
} from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;
const PASSWORD = 'Yiwang@2026citizen';
const REASON = '我近期没有办理任何社保业务，不清楚人社局为何查询我的户籍信息。';
const ANSWER = '经核实，系养老保险待遇领取资格年度认证的批量核验，依法进行，无需您办理任何手续。';
/** The prefills recorded for 陈小云 here: with the seed's lookup and the two below, 12 uses — two pages of 10. */
const PREFILLS = 9;

before(async () => {
  server = await bed.start();
  const db = server.ctx.db;
  const person = await db.one<{ id: string }>("select id from person where name = '陈小云'");
  const personIndex = (await personIdNumberIndex(db, person!.id))!;
  // form prefills over the past days (older than the seed's lookup) …
  for (let day = 1; day <= PREFILLS; day++) {
    await recordDataUse(db, {
      personIndex,
      kind: 'prefill',
      departmentId: null,
      departmentName: '云浮市人力资源和社会保障局',
      system: '一网通办',
      resourceName: '常住人口基本信息',
      fields: ['姓名', '出生日期', '户籍地址'],
      purpose: '灵活就业人员参保登记申请表免填报',
      legalBasis: '《优化营商环境条例》第三十五条',
    });
    await db.query(
      `update data_use set at = at - make_interval(days => $2) where id = (select max(id) from data_use where person_index = $1)`,
      [personIndex, day],
    );
  }
  // … and, newer than it, a licence used and a clerk's 查看明文 without a stated legal basis
  await recordDataUse(db, {
    personIndex,
    kind: 'licence',
    departmentId: null,
    departmentName: '云浮市不动产登记中心',
    resourceName: '居民身份证',
    fields: ['姓名', '公民身份号码'],
    purpose: '不动产转移登记核验身份',
    legalBasis: '《不动产登记暂行条例》第十六条',
  });
  await recordDataUse(db, {
    personIndex,
    kind: 'reveal',
    departmentId: null,
    departmentName: '云浮市民政局',
    system: '一网通办受理系统',
    resourceName: '高龄津贴申请表',
    fields: ['公民身份号码'],
    purpose: '审核高龄津贴申请时核对身份',
  });
});

/** The use card showing `text` (a department, a system). */
const card = (page: Page, text: string | RegExp) => page.getByTestId('data-use').filter({ hasText: text });

test('陈小云 reads the uses of her data, filters and pages them, and reports one', { timeout: 180_000 }, async () => {
  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'data-ledger-phone', async () => {
    // from 我的, as a citizen finds it
    await signInAs(page, server.url, '13800000001', PASSWORD, '/me', 'self');
    await page.getByTestId('me-page').getByRole('link', { name: '我的数据使用记录' }).click();
    await page.waitForURL((url) => url.pathname === '/my-data-uses');
    await page.getByTestId('data-use').first().waitFor();
    assert.match(
      await page.getByTestId('data-uses-intro').innerText(),
      /政府部门每一次使用您的个人数据都记录在这里.*提出异议.*数据管理部门会给您答复/,
    );
    assert.equal(await page.getByTestId('data-use').count(), 10, 'a page holds 10 uses');
    assert.match(await page.getByTestId('my-data-uses').innerText(), /共 12 条/);
    // newest first: the 查看明文 and the 用证, then the seed's lookup, then the prefills
    const first = page.getByTestId('data-use').first();
    assert.match(await first.getByTestId('data-use-kind').innerText(), /查看明文/);
    assert.match(
      await first.innerText(),
      /云浮市民政局 · 一网通办受理系统[\s\S]*审核高龄津贴申请时核对身份[\s\S]*法律依据[\s\S]*未说明/,
    );
    assert.match(await page.getByTestId('data-use').nth(1).getByTestId('data-use-kind').innerText(), /用证/);

    const lookup = card(page, '人社业务系统');
    assert.equal(await lookup.count(), 1);
    assert.match(await lookup.getByTestId('data-use-kind').innerText(), /查询核验/);
    assert.match(await lookup.getByTestId('data-use-who').innerText(), /人力资源和社会保障局 · 人社业务系统/);
    const text = await lookup.innerText();
    assert.match(text, /常住人口基本信息/);
    assert.match(text, /养老保险待遇领取资格认证 · 年度待遇资格认证/);
    assert.match(text, /《中华人民共和国社会保险法》第十条、第十六条/);
    assert.match(text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/, 'the time in city time');
    const fields = await lookup.getByTestId('data-use-fields').locator('.ant-tag').allInnerTexts();
    assert.deepEqual(fields.sort(), ['公民身份号码', '姓名', '出生日期', '户籍地行政区划代码', '户籍状态'].sort());
    await assertFitsScreen(page, 'the ledger on a phone');
    await page.screenshot({ path: `${RESULTS}/data-ledger-phone.png`, fullPage: true });

    // the second page holds the two oldest prefills
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=data-use]').length === 2);
    assert.deepEqual(await page.getByTestId('data-use-kind').allInnerTexts(), ['免填报', '免填报']);

    // by kind: 免填报 only (one page, back on its first), then a kind with nothing explains itself
    const kinds = page.getByTestId('data-use-kinds');
    await kinds.getByText('免填报', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('kind') === 'prefill' && !url.searchParams.has('page'));
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=data-use]').length === n, PREFILLS);
    assert.deepEqual(new Set(await page.getByTestId('data-use-kind').allInnerTexts()), new Set(['免填报']));
    assert.equal(await page.locator('.ant-pagination').count(), 0, 'one page: no pager');
    await kinds.getByText('批量交换', { exact: true }).click();
    const empty = page.getByTestId('data-uses-empty');
    await empty.getByText('暂无“批量交换”类的使用记录').waitFor();
    assert.match(
      await empty.innerText(),
      /政府部门查询核验您的信息.*每一次都会记录在这里/,
      'the empty state says what will appear',
    );
    await page.screenshot({ path: `${RESULTS}/data-ledger-empty-kind-phone.png`, fullPage: true });
    await kinds.getByText('查询核验', { exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=data-use]').length === 1);

    // 提出异议: a reason is required, then 已提出异议 · 待答复 with the reason
    await lookup.getByTestId('data-use-report').click();
    const dialog = page.locator('.ant-modal').filter({ hasText: '对这次数据使用提出异议' });
    await dialog.waitFor();
    assert.equal(await page.getByTestId('data-use-reason').getAttribute('maxlength'), '500');
    await page.getByTestId('data-use-report-ok').click();
    await dialog.getByText('请填写您认为这次使用不对的理由').waitFor();
    assert.match(await dialog.innerText(), /人力资源和社会保障局 · 人社业务系统 · 常住人口基本信息/, 'the dialog names the use');
    await page.screenshot({ path: `${RESULTS}/data-ledger-report-required-phone.png` });
    await page.getByTestId('data-use-reason').fill(REASON);
    await page.screenshot({ path: `${RESULTS}/data-ledger-report-dialog-phone.png` });
    await page.getByTestId('data-use-report-ok').click();
    await dialog.waitFor({ state: 'hidden' });
    const reported = lookup.getByTestId('data-use-reported');
    await reported.waitFor();
    assert.match(await reported.innerText(), /已提出异议[\s\S]*待答复[\s\S]*/);
    assert.match(await reported.innerText(), new RegExp(REASON));
    assert.equal(await lookup.getByTestId('data-use-report').count(), 0, 'reported once: no second 提出异议');
    await assertFitsScreen(page, 'a reported use on a phone');
    await page.screenshot({ path: `${RESULTS}/data-ledger-reported-phone.png`, fullPage: true });
  });
  await page.close();

  // the data bureau answers (its own page is another's work: through the API)
  const officer = await server.login('dataofficer');
  const reports = await server.api('/api/data/use-reports?status=open', { cookie: officer });
  assert.equal(reports.status, 200, JSON.stringify(reports.body));
  const task = reports.body.items.find((r: { reason: string }) => r.reason === REASON);
  assert.ok(task, 'the data officer over 人社局 finds the report');
  const answered = await server.api(`/api/data/use-reports/${task.id}/answer`, {
    method: 'POST',
    cookie: officer,
    body: { version: task.version, answer: ANSWER },
  });
  assert.equal(answered.status, 200, JSON.stringify(answered.body));

  // she reads the answer on a desktop
  const desktop = await bed.newPage(DESKTOP);
  await withFailureShot(desktop, 'data-ledger-desktop', async () => {
    await signInAs(desktop, server.url, '13800000001', PASSWORD, '/my-data-uses', 'self');
    const lookup = card(desktop, '人社业务系统');
    await lookup.getByTestId('data-use-answer').waitFor();
    assert.match(await lookup.getByTestId('data-use-report-status').innerText(), /已答复/);
    assert.match(await lookup.getByTestId('data-use-answer').innerText(), new RegExp(ANSWER));
    await desktop.screenshot({ path: `${RESULTS}/data-ledger-desktop.png`, fullPage: true });
    // the header's account menu leads here too
    await navigate(desktop, server.url, '/');
    await desktop.getByTestId('user-menu').click();
    await desktop.getByRole('menuitem', { name: '我的数据使用记录' }).click();
    await desktop.waitForURL((url) => url.pathname === '/my-data-uses');
    // in English
    await desktop.getByTestId('lang-switch').click();
    await desktop.getByRole('menuitem', { name: 'English' }).click();
    await desktop.getByRole('heading', { name: 'Uses of my data' }).waitFor();
    const english = card(desktop, '人社业务系统');
    assert.match(await english.getByTestId('data-use-kind').innerText(), /Lookup/);
    assert.match(await english.getByTestId('data-use-reported').innerText(), /Reported[\s\S]*Answered/);
    await desktop.screenshot({ path: `${RESULTS}/data-ledger-desktop-en.png` });
  });
  await desktop.close();
  assert.deepEqual(bed.pageErrors, []);
});

test('李浮生 sees only his own uses and cannot report hers', { timeout: 120_000 }, async () => {
  const hers = await server.api('/api/my/data-uses?pageSize=100', { cookie: await server.login('13800000001', PASSWORD) });
  assert.equal(hers.status, 200, JSON.stringify(hers.body));
  const herLookup = hers.body.items.find((u: { system: string | null }) => u.system === '人社业务系统');
  assert.ok(herLookup);

  const his = await server.login('13800000002', PASSWORD);
  const mine = await server.api('/api/my/data-uses?pageSize=100', { cookie: his });
  assert.equal(mine.status, 200);
  assert.ok(
    !mine.body.items.some((u: { id: string }) => hers.body.items.some((h: { id: string }) => h.id === u.id)),
    'none of hers in his',
  );
  const refused = await server.api(`/api/my/data-uses/${herLookup.id}/report`, {
    method: 'POST',
    cookie: his,
    body: { reason: '试图对别人的记录提出异议' },
  });
  assert.equal(refused.status, 404, JSON.stringify(refused.body));

  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'data-ledger-other', async () => {
    await signInAs(page, server.url, '13800000002', PASSWORD, '/my-data-uses', 'self');
    await page.getByTestId('data-use').first().waitFor();
    // his own lookup by the same system, not reported; none of her prefills, licence use or 查看明文
    assert.equal(await page.getByTestId('data-use').count(), mine.body.items.length);
    assert.deepEqual(new Set(await page.getByTestId('data-use-kind').allInnerTexts()), new Set(['查询核验']));
    assert.equal(await page.getByTestId('data-use-reported').count(), 0);
    assert.doesNotMatch(await page.getByTestId('my-data-uses').innerText(), /云浮市民政局|不动产登记中心|已提出异议/);
    await page.screenshot({ path: `${RESULTS}/data-ledger-other-citizen-phone.png`, fullPage: true });
  });
  await page.close();
  assert.deepEqual(bed.pageErrors, []);
});
