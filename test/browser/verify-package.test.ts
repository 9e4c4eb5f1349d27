// The public /verify page for a presentation (#14.7): a whole presentation offers the 核验包 for
// download, a partial one says why there is none. Screenshots at 1366×768 and 390×844:
// test-results/verify-package-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { browserTestBed, PHONE_SCREEN, RESULTS, withFailureShot } from '../support/browser.ts';
import { EVERY_FIELD, issuePersonLicence, presentLicence, type PersonLicence } from '../support/licence.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
const { newPage, pageErrors } = bed;
let server: TestServer;
let issued: PersonLicence;
const LAPTOP = { width: 1366, height: 768 };

before(async () => {
  server = await bed.start();
  issued = await issuePersonLicence(server, '032');
});

test('a whole presentation downloads the verification package; a partial one explains why not', { timeout: 120_000 }, async () => {
  for (const [name, viewport] of [['desktop', LAPTOP], ['phone', PHONE_SCREEN]] as const) {
    const page = await newPage(viewport);
    await withFailureShot(page, `verify-package-${name}`, async () => {
      const whole = await presentLicence(server, issued, EVERY_FIELD);
      await page.goto(`${server.url}/verify?t=${whole.token}`);
      await page.getByTestId('verify-result').waitFor();
      assert.equal(await page.getByTestId('verify-result').getAttribute('data-verdict'), 'valid');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('verify-package').getByRole('button').click()]);
      assert.equal(download.suggestedFilename(), `licence-${issued.licence.identifier}.zip`);
      const files = unzipSync(readFileSync((await download.path())!));
      assert.deepEqual(Object.keys(files).sort(), ['README.txt', 'licence.json', 'manifest.json', 'public-key.pem', 'signature.der']);
      // back to the top, or the sticky header lands mid-picture in a full-page screenshot
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${RESULTS}/verify-package-${name}.png`, fullPage: true });

      const partial = await presentLicence(server, issued, ['holderName', 'category']);
      await page.goto(`${server.url}/verify?t=${partial.token}`);
      await page.getByTestId('verify-package-none').waitFor();
      assert.equal(await page.getByTestId('verify-package').count(), 0);
      await page.screenshot({ path: `${RESULTS}/verify-package-partial-${name}.png`, fullPage: true });
    });
    await page.context().close();
  }
  assert.deepEqual(pageErrors, []);
});
