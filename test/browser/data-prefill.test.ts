// 免填报 delivered (issue #15 point 5) in Chromium: 陈小云 starts the 高龄津贴 application on a
// phone; 户籍地址 is already filled from the population library and the form says where it came
// from (云浮市公安局’s 常住人口基本信息); 免提交: the 退休 application names the library its 参保缴费记录
// comes from. Screenshots: test-results/data-prefill-phone.png, data-material-phone.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { browserTestBed, PHONE_SCREEN, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

const ALLOWANCE = '440E0720000000-445302000000-000-11445302530200376G-1-00';
const bed = browserTestBed();
let server: TestServer;

before(async () => {
  server = await bed.start();
});

test('the application form shows which values came from shared data, and from where', async () => {
  const cookie = await server.login('13800000001', 'Yiwang@2026citizen');
  const draft = await server.api('/api/cases', { method: 'POST', cookie, body: { item: ALLOWANCE } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const id = (draft.body.case ?? draft.body).id as string;
  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'data-prefill-phone', async () => {
    await signInAs(page, server.url, '13800000001', 'Yiwang@2026citizen', `/my-cases/${id}`, 'self');
    const sources = page.getByTestId('prefilled-sources');
    await sources.waitFor();
    assert.match(await sources.innerText(), /户籍地址：来自云浮市公安局“常住人口基本信息”的“户籍地址”/);
    // 户籍地址 is an address widget (a text area) holding the library's value
    assert.match(await page.locator('textarea').first().inputValue(), /^云浮市云城区.+号$/);
    await page.screenshot({ path: `${RESULTS}/data-prefill-phone.png`, fullPage: true });
  });
});

test('a material the social-insurance library holds is marked as obtained from it', async () => {
  const cookie = await server.login('13800000001', 'Yiwang@2026citizen');
  const draft = await server.api('/api/cases', { method: 'POST', cookie, body: { item: '000K1011000000-445300000000-000-11445300530000104M-1-00' } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const page = await bed.newPage(PHONE_SCREEN);
  await withFailureShot(page, 'data-material-phone', async () => {
    await signInAs(page, server.url, '13800000001', 'Yiwang@2026citizen', `/my-cases/${draft.body.case.id}`, 'self');
    const m2 = page.getByTestId('material-m2');
    await m2.waitFor();
    assert.match(await m2.innerText(), /平台从云浮市人力资源和社会保障局“社会保险参保信息”获取，无需上传/);
    await page.screenshot({ path: `${RESULTS}/data-material-phone.png`, fullPage: true });
  });
});
