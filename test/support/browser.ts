import { mkdirSync } from 'node:fs';
import * as OTPAuth from 'otpauth';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, driven headless; screenshots go to test-results/ for a human to look at. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS = 'test-results';
export const DESKTOP = { width: 1366, height: 860 };
export const PHONE_SCREEN = { width: 390, height: 844 };

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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
 * The provider's compulsory authenticator enrolment of an administrator: read the secret shown
 * for manual entry, answer with the current code as an authenticator app would. Returns the secret.
 */
export async function enrolAuthenticator(page: Page): Promise<string> {
  const secret = (await page.locator('code#totp-secret').innerText()).trim();
  await page.locator('#code').fill(OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret) }));
  await page.locator('button[type=submit]').click();
  return secret;
}
