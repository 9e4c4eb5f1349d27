// 材料查看 in the workbench: an approver opens a case and views a scanned image and a PDF beside the
// case without leaving it. Screenshots: test-results/cases-materials-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { browserTestBed, DESKTOP, RESULTS, signInAs, withFailureShot } from '../support/browser.ts';
import { REWARD } from '../support/demo.ts';
import { uploadMaterial } from '../support/files.ts';
import type { TestServer } from '../support/server.ts';

/** A scanned page stand-in: a real PNG the browser decodes. */
const SCAN = Buffer.from(
  new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#f4f1ea"/><text x="40" y="200" font-size="48" fill="#333">ID card scan</text></svg>').render().asPng(),
);

const bed = browserTestBed();
let server: TestServer;

before(async () => {
  server = await bed.start();
});

test('an approver views an image and a PDF of a case in the workbench', { timeout: 120_000 }, async () => {
  const citizen = await server.login('13800000001', 'Yiwang@2026citizen');
  const draft = await server.api('/api/cases', { method: 'POST', cookie: citizen, body: { item: REWARD, formData: { report_number: 'JB2026-0042', bank_account: '6222020000000000001' } } });
  const id = draft.body.case.id as string;
  assert.equal((await uploadMaterial(server, citizen, id, 'm1', SCAN, 'scan.png')).status, 201);
  for (const key of ['m2', 'm3']) assert.equal((await uploadMaterial(server, citizen, id, key)).status, 201);
  const sub = await server.api(`/api/cases/${id}/submit`, { method: 'POST', cookie: citizen, body: { version: draft.body.case.version } });
  assert.equal(sub.status, 200, JSON.stringify(sub.body));

  // the files are served for the viewer: images sandboxed, PDFs framable by our own pages only
  const files = (await server.api(`/api/cases/${id}`, { cookie: citizen })).body.materials as { id: string; mime: string }[];
  const png = await fetch(`${server.url}/api/cases/${id}/materials/${files.find((f) => f.mime === 'image/png')!.id}`, { headers: { cookie: citizen } });
  assert.match(png.headers.get('content-security-policy') ?? '', /sandbox/);
  const pdf = await fetch(`${server.url}/api/cases/${id}/materials/${files.find((f) => f.mime === 'application/pdf')!.id}`, { headers: { cookie: citizen } });
  assert.match(pdf.headers.get('content-security-policy') ?? '', /frame-ancestors 'self'/);

  const page = await bed.newPage(DESKTOP);
  await withFailureShot(page, 'cases-materials', async () => {
    await signInAs(page, server.url, 'clerk', 'Yiwang@2026clerk', '/staff/todo');
    await page.getByTestId('cases-inbox').locator('tr', { hasText: sub.body.case.number }).first().click();
    await page.getByTestId('case-materials').waitFor();
    assert.equal(await page.getByTestId('material-view').count(), 3);
    await page.getByTestId('material-view').first().click();
    const img = page.getByTestId('material-image');
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid=material-image]') as HTMLImageElement | null)?.naturalWidth === 600);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${RESULTS}/cases-materials-image.png` });
    await page.keyboard.press('Escape');
    await img.waitFor({ state: 'detached' });
    await page.getByTestId('material-view').nth(1).click();
    await page.getByTestId('material-pdf').waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${RESULTS}/cases-materials-pdf.png` });
  });
  assert.deepEqual(bed.pageErrors, []);
});
