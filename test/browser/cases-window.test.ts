// 一窗受理 in Chromium: the general-window clerk finds a citizen by ID number, chooses the item
// in the catalogue search, fills in its form, scans the materials, submits, and prints the
// receipt (受理回执, a PDF). Screenshots: test-results/cases-window-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { personalData } from '../../src/kernel/pii.ts';
import { browserTestBed, DESKTOP, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { PDF } from '../support/files.ts';
import { pdfPicture, pdfText } from '../support/pdf.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;
let idNumber = '';

before(async () => {
  server = await bed.start();
  const row = await server.ctx.db.one<{ enc: string }>('select id_number_enc as enc from person where name = $1', ['陈小云']);
  idNumber = personalData(server.ctx.config.masterKey).decrypt(row!.enc);
});

test('a clerk records a window application and prints the receipt', { timeout: 180_000 }, async () => {
  const page = await newPage(DESKTOP);
  await withFailureShot(page, 'cases-window', async () => {
    await signInAs(page, server.url, 'clerk', 'Yiwang@2026clerk', '/staff/window');
    await page.getByRole('menuitem', { name: '窗口受理' }).waitFor();

    await page.getByTestId('applicant-id-number').fill(idNumber);
    await page.getByTestId('applicant-find').click();
    const found = page.getByTestId('applicant-found');
    await found.waitFor();
    const shown = await found.innerText();
    assert.match(shown, /陈小云/);
    assert.ok(!shown.includes(idNumber), 'the ID number is shown masked');

    await page.getByTestId('item-select').locator('input').fill('举报奖励');
    await page.locator('.ant-select-item-option', { hasText: '食品安全违法行为举报奖励' }).first().click();
    await page.locator('#report_number').fill('JB2026-0777');
    await page.locator('#bank_account').fill('6222020000000000777');
    for (const key of ['m1', 'm2', 'm3']) {
      const row = page.getByTestId(`scan-${key}`);
      await row
        .locator('input[type=file]')
        .setInputFiles({ name: `${key}-扫描件.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await row.getByText(`${key}-扫描件.pdf`).waitFor();
    }
    await page.screenshot({ path: `${RESULTS}/cases-window-form.png`, fullPage: true });

    await page.getByTestId('window-submit').click();
    await page.getByTestId('window-done').waitFor();
    const number = (await page.getByTestId('window-case-number').innerText()).trim();
    assert.match(number, /^445300\d{14}$/);
    await page.screenshot({ path: `${RESULTS}/cases-window-done.png`, fullPage: true });

    // 打印回执 opens the PDF in a new tab; its response is the receipt
    const [popup, response] = await Promise.all([
      page.waitForEvent('popup'),
      page.context().waitForEvent('response', (r) => r.url().includes('/receipt.pdf')),
      page.getByTestId('print-receipt').click(),
    ]);
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    await popup.close();
    const href = await page.getByTestId('print-receipt').getAttribute('href');
    const pdf = await page.context().request.get(`${server.url}${href}`);
    const bytes = Buffer.from(await pdf.body());
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdfText(bytes);
    assert.match(text, new RegExp(number));
    assert.match(text, /食品安全违法行为举报奖励/);
    pdfPicture(bytes, 'cases-window-receipt-browser', 60);

    // the case waits in the clerk's inbox at the acceptance step
    await page.getByRole('menuitem', { name: '待办' }).click();
    await page.getByTestId('cases-inbox').locator('tr', { hasText: number }).waitFor();
  });
  assert.deepEqual(pageErrors, []);
});
