// The built web app under the Content-Security-Policy every response carries (issue #13.4): the
// portal home, the sign-in page, the staff workbench and Swagger UI load and run with no CSP
// violation (securitypolicyviolation events and the console's CSP errors, collected per page).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserTestBed, DESKTOP, signInAs, withFailureShot } from '../support/browser.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;

before(async () => {
  server = await bed.start();
});

/** A page that records every CSP violation it sees, from the document and from the console. */
async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
  const page = await bed.newPage(DESKTOP);
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  // injected by the browser's DevTools protocol, which the page's CSP does not govern
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(v: string): void }).__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return { page, violations };
}

test('portal home, sign-in page, staff workbench and API docs run with no CSP violation', { timeout: 180_000 }, async () => {
  const { page, violations } = await watchedPage();
  await withFailureShot(page, 'csp', async () => {
    const csp = (await page.goto(`${server.url}/`))!.headers()['content-security-policy'];
    assert.match(csp ?? '', /script-src 'self'/);
    await page.getByRole('searchbox').or(page.locator('input').first()).first().waitFor();
    await page.waitForLoadState('networkidle');

    // the provider's sign-in page, then the workbench (Ant Design's CSS-in-JS, lazy chunks, charts)
    await signInAs(page, server.url, 'clerk', 'Yiwang@2026clerk', '/staff/todo');
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-layout').first().waitFor();
    assert.ok(bed.pageErrors.length === 0, bed.pageErrors.join('\n'));

    await page.goto(`${server.url}/api/docs`);
    await page.locator('.swagger-ui .info').waitFor();
    await page.waitForLoadState('networkidle');
  });
  assert.deepEqual(violations, []);
  assert.deepEqual(bed.pageErrors, []);
});

test('the check itself sees a violation: an inline script injected into the page is refused and reported', { timeout: 60_000 }, async () => {
  const { page, violations } = await watchedPage();
  await page.goto(`${server.url}/`);
  const logged = page.waitForEvent('console', { predicate: (msg) => /Content Security Policy/i.test(msg.text()) });
  const directive = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__ran = true';
        document.body.append(s);
      }),
  );
  assert.match(directive, /^script-src/);
  assert.equal(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran), undefined, 'the inline script did not run');
  // and the console channel the first test listens to reports it too
  await logged;
  assert.ok(violations.some((v) => v.startsWith('console: ')), violations.join('\n'));
});
