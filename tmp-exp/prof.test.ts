import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { launchBrowser, PHONE_SCREEN } from '../test/support/browser.ts';
import { startTestServer } from '../test/support/server.ts';
test('prof', { timeout: 600_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  for (const path of ['/', '/services']) {
    const ctx = await browser.newContext({ viewport: PHONE_SCREEN, locale: 'zh-CN' });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(`/tmp/renderer${path.replace(/\//g, '_')}.cpuprofile`, JSON.stringify(profile));
    await ctx.close();
  }
  await browser.close(); await server.close();
});
