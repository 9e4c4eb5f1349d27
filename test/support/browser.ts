import assert from 'node:assert/strict';
import { after } from 'node:test';
import * as OTPAuth from 'otpauth';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as clock from '../../src/kernel/clock.ts';
import { RESULTS, resultsDir } from './results.ts';
import { startTestServer, type TestServer } from './server.ts';

export { RESULTS };

/**
 * Debian's Chromium, driven headless; screenshots go to test-results/ for a human to look at.
 * It asks for reduced motion, which the app honours by switching Ant Design's animations off: a
 * click aimed at a dialog button or a menu entry while it still zooms or slides in can land
 * beside it on a busy machine (the CI flakes of a modal's OK and a drop-down entry).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DESKTOP = { width: 1366, height: 860 };
export const PHONE_SCREEN = { width: 390, height: 844 };

export async function launchBrowser(): Promise<Browser> {
  resultsDir();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Every context of every test file asks for reduced motion, unless a test says otherwise, and
  // its pages read the kernel clock's time (the server's): a page that defaults a filter to
  // today must mean the server's today. The page clock runs on from there, timers fire as usual.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options = {}) => {
    const context = await newContext({ reducedMotion: 'reduce', ...options });
    await context.clock.install({ time: clock.nowMs() });
    return context;
  };
  browser.newPage = async (options = {}) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // the page owns its context, as Playwright's own newPage does; closing the browser first is fine
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

/** Pages in zh-CN whose script errors are collected, so a test can assert there were none. */
export function pageFactory(browser: () => Browser, pageErrors: string[]) {
  return async (viewport = DESKTOP): Promise<Page> => {
    const context = await browser().newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  };
}

export interface BrowserTestBed {
  /** A test server (with `env`) and Chromium, for the file's `before` to call first; returns the server. */
  start(env?: Record<string, string>): Promise<TestServer>;
  /** Set by `start`. */
  server: TestServer;
  browser: Browser;
  /** Script errors of every page `newPage` made; a test asserts there were none. */
  pageErrors: string[];
  newPage: ReturnType<typeof pageFactory>;
}

/**
 * The frame every browser test file needs: pages that collect script errors, and a server and
 * Chromium that `start` opens and that are closed after the file's tests. Starting is left to the
 * file's own `before`: top-level `before` hooks of one file do not wait for each other (Node 20),
 * so a second hook here could not be relied on to finish first.
 */
export function browserTestBed(): BrowserTestBed {
  const bed = {
    pageErrors: [] as string[],
    async start(env: Record<string, string> = {}) {
      bed.server = await startTestServer(env);
      bed.browser = await launchBrowser();
      return bed.server;
    },
  } as BrowserTestBed;
  bed.newPage = pageFactory(() => bed.browser, bed.pageErrors);
  after(async () => {
    await bed.browser?.close();
    await bed.server?.close();
  });
  return bed;
}

/**
 * Signs in on the provider's page and lands on `next` (a path of the app at `baseUrl`), answering
 * the one page the provider may show after the password: a person who is also an enterprise's
 * agent is asked whom they act for and answers `actAs` (an enterprise's id, or themselves); an
 * administrator signing in for the first time enrols an authenticator.
 */
export async function signInAs(page: Page, baseUrl: string, username: string, password: string, next: string, actAs = 'self') {
  await page.goto(`${baseUrl}/api/auth/start?next=${encodeURIComponent(next)}`);
  await page.waitForURL(/\/oidc\/interaction\//);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  const choice = page.locator(`button[name=actAs][value="${actAs}"]`);
  const enrolment = page.locator('code#totp-secret');
  await Promise.race([page.waitForURL((url) => url.pathname === next), choice.waitFor(), enrolment.waitFor()]);
  if (await enrolment.isVisible()) await enrolAuthenticator(page);
  else if (await choice.isVisible()) await choice.click();
  await page.waitForURL((url) => url.pathname === next);
}

/**
 * Goes to `path` (with its query) on the app at `baseUrl` the way the app's own links do: React
 * Router renders the new route without a page load when the page already shows the app. A page
 * load costs Chromium about a second of CPU (the scripts compiled and run again, every query
 * anew); an in-app change of route a tenth of that. The route's page mounts and asks for its data
 * as it does after a click on a link; going to the path the page already shows loads it again.
 */
export async function navigate(page: Page, baseUrl: string, path: string) {
  const here = new URL(page.url());
  const showsApp = here.origin === new URL(baseUrl).origin && (await page.evaluate(() => Boolean(document.getElementById('root')?.childElementCount)));
  if (!showsApp || `${here.pathname}${here.search}` === path) {
    await page.goto(`${baseUrl}${path}`);
    return;
  }
  await page.evaluate((to) => {
    // what React Router's own navigate writes: its key and the next index in the history stack
    const idx = ((window.history.state as { idx?: number } | null)?.idx ?? 0) + 1;
    window.history.pushState({ usr: null, key: Math.random().toString(36).slice(2, 10), idx }, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, path);
  await page.waitForURL((url) => `${url.pathname}${url.search}` === path);
}

/**
 * The page is no wider than its screen (nothing to scroll sideways). Ant Design's responsive
 * layout follows a resize on its media-query listeners a render later, so right after
 * `setViewportSize` the page may still be laid out for the old width: it gets a few seconds to
 * settle, and the overflow it still has then is the failure.
 */
export async function assertFitsScreen(page: Page, what: string) {
  await page.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 5000 }).catch(() => undefined);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${what} is ${overflow}px wider than the screen`);
}

/** Runs the steps; on failure leaves a screenshot of where it stopped. */
export async function withFailureShot(page: Page, name: string, steps: () => Promise<void>) {
  try {
    await steps();
  } catch (err) {
    await page.screenshot({ path: `${RESULTS}/${name}-failure.png`, fullPage: true }).catch(() => undefined);
    throw err;
  }
}

/**
 * Waits for the element with `testId` to go (a drawer that closes when its action succeeded).
 * When it stays, the error names what the page was saying instead: the toast messages, the form
 * errors and the open dialogs, so a failure on a slow machine says why without a screenshot.
 */
export async function waitGone(page: Page, testId: string, timeout = 30_000) {
  try {
    await page.getByTestId(testId).waitFor({ state: 'hidden', timeout });
  } catch (err) {
    const said = await page
      .evaluate(() =>
        ['.ant-message-notice', '.ant-form-item-explain-error', '.ant-modal-wrap:not([style*="display: none"]) .ant-modal-title'].flatMap((sel) =>
          [...document.querySelectorAll(sel)].map((e) => `${sel}: ${(e as HTMLElement).innerText.trim()}`),
        ),
      )
      .catch(() => []);
    throw new Error(`${testId} stayed open; the page showed: ${said.join(' | ') || 'nothing'}`, { cause: err });
  }
}

/**
 * The provider's compulsory authenticator enrolment of an administrator: read the secret shown
 * for manual entry, answer with the current code as an authenticator app would. Returns the secret.
 */
export async function enrolAuthenticator(page: Page): Promise<string> {
  const secret = (await page.locator('code#totp-secret').innerText()).trim();
  await page.locator('#code').fill(OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret) }));
  await page.locator('button[type=submit]').click();
  return secret;
}
