// 数据开放 (issue #15 point 7) in Chromium, for a visitor who is not signed in. On a phone: from
// the portal's footer to the list (the count of open datasets, cards with provider, summary,
// class / update cycle / 无条件开放 tags and figures, the DCAT-AP catalogue linked), a search for
// 地址 that leaves 标准地址信息 (and one with nothing found), its page with the first ten records,
// the fields and three plain download links, of which the CSV answers its heading row. On a
// desktop: the same pages, a download the browser saves, a 有条件开放 dataset (made here through
// the API: the seed opens none so) showing its condition and no download, an unknown code, and the
// list in English. Screenshots: test-results/open-data-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertFitsScreen,
  browserTestBed,
  DESKTOP,
  navigate,
  PHONE_SCREEN,
  RESULTS,
  withFailureShot,
} from '../support/browser.ts';
import { cityDepartment, foodLicenceResource } from '../support/data.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;
/** The open datasets as the API lists them, and 标准地址信息 among them. */
let total: number;
let addresses: { code: string; records: number; lastChangedAt: string };
const CONDITION = '用于科研和食品安全社会监督，经申请同意后开放';
let conditionalCode: string;

before(async () => {
  server = await bed.start();
  const admin = await server.login('admin');
  const scjgj = await cityDepartment(server, admin, '市场监督管理局');
  const body = {
    ...foodLicenceResource(scjgj.id),
    name: '食品经营许可公示信息',
    openType: 'conditional',
    openCondition: CONDITION,
  };
  body.fields = body.fields.filter((f) => !(f as { personal?: string }).personal);
  const created = await server.api('/api/data/resources', { method: 'POST', cookie: admin, body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const published = await server.api(`/api/data/resources/${created.body.id}/publish`, {
    method: 'POST',
    cookie: admin,
    body: { version: created.body.version },
  });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  conditionalCode = published.body.code;

  const list = await server.api('/api/open/datasets?pageSize=100');
  assert.equal(list.status, 200, JSON.stringify(list.body));
  total = list.body.total;
  addresses = list.body.items.find((d: { name: string }) => d.name === '标准地址信息');
  assert.ok(addresses && addresses.records > 10, 'the seed opens 标准地址信息 with more than a preview of records');
});

const path = (code: string) => `/open-data/${code.replace('/', '-')}`;
const downloadHref = (code: string, format: string) => `/api/open/download?code=${encodeURIComponent(code)}&format=${format}`;
/** A same-origin GET from the page, as the visitor's browser makes it (no session). */
const fetchText = (page: Page, href: string) =>
  page.evaluate(async (url) => {
    const res = await fetch(url);
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }, href);

/** The dataset page of 标准地址信息: facts, fields, ten preview rows and the three downloads. */
async function checkAddressPage(page: Page) {
  const view = page.getByTestId('open-dataset-page');
  await view.getByTestId('open-dataset-preview').locator('tbody tr.ant-table-row').first().waitFor();
  assert.equal(await view.getByRole('heading', { level: 1 }).innerText(), '标准地址信息');
  assert.equal(
    await view.getByTestId('open-dataset-preview').locator('tbody tr.ant-table-row').count(),
    10,
    'the first ten records',
  );
  const headings = await view.getByTestId('open-dataset-preview').locator('thead th').allInnerTexts();
  assert.deepEqual(headings.map((h) => h.trim()).filter(Boolean), ['地址编码', '标准地址', '行政区划代码', '经度', '纬度']);
  const fields = await view.getByTestId('open-dataset-fields').innerText();
  assert.match(fields, /地址编码\s+address_code\s+\S+型/);
  const facts = await view.getByTestId('open-dataset-facts').innerText();
  assert.ok(facts.includes(addresses.code), 'the 信息资源代码');
  assert.match(facts, new RegExp(`${addresses.records} 条记录`));
  assert.match(facts, /无条件开放/);
  assert.match(facts, /\d{4}-\d{2}-\d{2}/, 'dates in city time');
  assert.equal(
    await view.getByTestId('open-dataset-licence').getAttribute('href'),
    'https://creativecommons.org/licenses/by/4.0/',
  );
  assert.equal(await view.getByTestId('open-dataset-conditional').count(), 0);

  const links = view.getByTestId('open-dataset-downloads').locator('a');
  assert.deepEqual(
    (await links.allInnerTexts()).map((s) => s.trim()),
    ['CSV', 'JSON', 'Excel'],
  );
  for (const format of ['csv', 'json', 'xlsx'])
    assert.equal(
      await view.getByTestId(`open-dataset-download-${format}`).getAttribute('href'),
      downloadHref(addresses.code, format),
    );
  const csv = await fetchText(page, (await view.getByTestId('open-dataset-download-csv').getAttribute('href'))!);
  assert.equal(csv.status, 200);
  assert.match(csv.type, /text\/csv/);
  assert.ok(csv.text.replace(/^\uFEFF/, '').startsWith('地址编码,标准地址'), csv.text.slice(0, 40));
  assert.equal(csv.text.trim().split('\r\n').length, addresses.records + 1, 'every record, under the heading');
}

test('a visitor on a phone finds 标准地址信息 in 数据开放, previews it and downloads it', { timeout: 120_000 }, async () => {
  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'open-data-phone', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('portal-open-data-link').click();
    await page.waitForURL((url) => url.pathname === '/open-data');
    const list = page.getByTestId('open-data');
    await list.getByTestId('open-dataset').first().waitFor();
    assert.equal(await list.getByRole('heading', { level: 1 }).innerText(), '数据开放');
    await list.getByTestId('open-data-total').getByText(`共 ${total} 个开放数据集`).waitFor();
    assert.match(await list.getByTestId('open-data-intro').innerText(), /政府部门的公共数据向所有人开放.*开放许可/);
    assert.equal(await list.getByTestId('open-data-dcat').getAttribute('href'), '/api/data/catalog');
    assert.equal(await list.getByTestId('open-dataset').count(), Math.min(total, 10), 'a page holds ten');

    const card = list.getByTestId('open-dataset').filter({ hasText: '标准地址信息' });
    const text = await card.innerText();
    assert.match(text, /自然资源局/, 'the provider');
    assert.match(text, /标准地址（一标三实）/, 'the summary');
    const tags = await card.getByTestId('open-dataset-tags').locator('.ant-tag').allInnerTexts();
    assert.deepEqual(tags.slice(1), ['每月', '无条件开放'], 'the update cycle in words and how it is open');
    const figures = await card.getByTestId('open-dataset-figures').innerText();
    assert.match(figures, new RegExp(`${addresses.records} 条记录`));
    assert.match(figures, /下载 \d+ 次/);
    assert.match(figures, /\d{4}-\d{2}-\d{2} 更新/);
    await assertFitsScreen(page, 'the open-data list on a phone');
    await page.screenshot({ path: `${RESULTS}/open-data-list-phone.png`, fullPage: true });

    // search 地址: only 标准地址信息, kept in the URL
    const box = list.getByTestId('open-data-search').locator('input');
    await box.fill('地址');
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '地址');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=open-dataset]').length === 1);
    assert.match(await list.getByTestId('open-dataset').innerText(), /标准地址信息/);
    await page.screenshot({ path: `${RESULTS}/open-data-search-phone.png`, fullPage: true });

    // its page: the whole card opens it; the code's slash is a dash in the path
    await list.getByTestId('open-dataset').click();
    await page.waitForURL((url) => url.pathname === path(addresses.code));
    await checkAddressPage(page);
    await assertFitsScreen(page, 'a dataset page on a phone (the preview scrolls in its box)');
    await page.screenshot({ path: `${RESULTS}/open-data-dataset-phone.png`, fullPage: true });

    // a search that finds nothing says so
    await navigate(page, server.url, `/open-data?q=${encodeURIComponent('火星')}`);
    await page.getByTestId('open-data-empty').getByText('没有找到与“火星”相关的开放数据集').waitFor();
    assert.equal(await page.getByTestId('open-dataset').count(), 0);
    await page.screenshot({ path: `${RESULTS}/open-data-empty-phone.png`, fullPage: true });
  });
  await page.close();
  assert.deepEqual(bed.pageErrors, []);
});

test('desktop: a saved download, a conditional dataset, an unknown one, English', { timeout: 120_000 }, async () => {
  const page = await bed.newPage(DESKTOP);
  await withFailureShot(page, 'open-data-desktop', async () => {
    await page.goto(`${server.url}/open-data`);
    await page.getByTestId('open-dataset').first().waitFor();
    await page.getByTestId('open-data-total').getByText(`共 ${total} 个开放数据集`).waitFor();
    await page.screenshot({ path: `${RESULTS}/open-data-list-desktop.png`, fullPage: true });

    // the DCAT-AP catalogue the page links lists the same datasets
    const catalog = await fetchText(page, (await page.getByTestId('open-data-dcat').getAttribute('href'))!);
    assert.equal(catalog.status, 200);
    assert.match(catalog.type, /text\/turtle/);
    assert.ok(catalog.text.includes('标准地址信息'));

    await page.getByTestId('open-dataset').filter({ hasText: '标准地址信息' }).click();
    await page.waitForURL((url) => url.pathname === path(addresses.code));
    await checkAddressPage(page);
    await page.screenshot({ path: `${RESULTS}/open-data-dataset-desktop.png`, fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('open-dataset-download-xlsx').click()]);
    assert.equal(download.suggestedFilename(), `${addresses.code.replace('/', '-')}.xlsx`);

    // 有条件开放: its condition, applied for; no download, no preview
    await navigate(page, server.url, path(conditionalCode));
    const conditional = page.getByTestId('open-dataset-conditional');
    await conditional.waitFor();
    assert.match(await conditional.innerText(), /有条件开放[\s\S]*提出申请[\s\S]*/);
    assert.ok((await conditional.innerText()).includes(CONDITION));
    assert.equal(await page.getByTestId('open-dataset-downloads').count(), 0);
    assert.equal(await page.getByTestId('open-dataset-preview').count(), 0);
    assert.match(await page.getByTestId('open-dataset-facts').innerText(), /有条件开放/);
    await page.screenshot({ path: `${RESULTS}/open-data-conditional-desktop.png`, fullPage: true });
    const refused = await fetchText(page, downloadHref(conditionalCode, 'csv'));
    assert.equal(refused.status, 403);
    assert.match(refused.text, /DATA_OPEN_CONDITIONAL/);

    // an unknown code, and an address that is no code at all
    for (const unknown of ['/open-data/199999-000009', '/open-data/abc']) {
      await navigate(page, server.url, unknown);
      await page.getByTestId('open-dataset-missing').getByText('该数据集不存在或已不再开放').waitFor();
    }
    await page.screenshot({ path: `${RESULTS}/open-data-missing-desktop.png` });

    // English
    await navigate(page, server.url, '/open-data');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Open data', level: 1 }).waitFor();
    await page.getByTestId('open-data-total').getByText(`${total} open datasets`).waitFor();
    assert.match(await page.getByTestId('open-dataset').filter({ hasText: '标准地址信息' }).innerText(), /Open\b[\s\S]*records/);
    await page.screenshot({ path: `${RESULTS}/open-data-list-desktop-en.png`, fullPage: true });
  });
  await page.close();

  // the conditional dataset on a phone, for the screenshot
  const phone = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(phone, 'open-data-conditional-phone', async () => {
    await phone.goto(`${server.url}${path(conditionalCode)}`);
    await phone.getByTestId('open-dataset-conditional').waitFor();
    await assertFitsScreen(phone, 'a conditional dataset on a phone');
    await phone.screenshot({ path: `${RESULTS}/open-data-conditional-phone.png`, fullPage: true });
  });
  await phone.close();
  assert.deepEqual(bed.pageErrors, []);
});
