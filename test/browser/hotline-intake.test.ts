// 12345 intake in Chromium (#16 points 1 and 2), what only a browser shows: on a phone, 陈小云
// sends a request with 使用我的位置 (the browser's geolocation, the coordinates shown) and two
// photos (a GIF is refused by the server and left out); the agent, on a desktop, sees the photos
// in the ticket's drawer and the open ticket of the same place saying the same thing, and merges
// the new one into it. Screenshots: test-results/hotline-intake-*.png.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import {
  assertFitsScreen,
  browserTestBed,
  navigate,
  PHONE_SCREEN,
  RESULTS,
  signInAs,
  withFailureShot,
} from '../support/browser.ts';
import { CITIZEN_PASSWORD } from '../support/demo.ts';
import type { TestServer } from '../support/server.ts';

const bed = browserTestBed();
let server: TestServer;
const DESKTOP = { width: 1440, height: 900 };
const AT = { latitude: 22.92512, longitude: 112.04523 };
const CONTENT = '星岩四路与兴云东路路口的井盖缺失，晚上骑车很危险';

/** A real PNG of one colour (so the thumbnails show something): signature, IHDR, IDAT, IEND. */
function png(size: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => rgb).flat())]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

let earlierId = '';
before(async () => {
  server = await bed.start();
  // the same matter reported by phone an hour earlier, at the same crossing
  const earlier = await server.api('/api/hotline/tickets', {
    method: 'POST',
    cookie: await server.login('hotline'),
    body: {
      kind: 'help',
      categoryCode: 'JT03',
      content: '星岩四路和兴云东路路口井盖缺失，晚上很危险',
      place: { regionCode: '445302000000', lat: 22.9252, lng: 112.0453 },
      caller: { phone: '13923456780' },
    },
  });
  assert.equal(earlier.status, 201, JSON.stringify(earlier.body));
  earlierId = earlier.body.ticket.id;
});

test(
  'a citizen sends a request with her location and photos; the agent sees them and merges it into the open one',
  { timeout: 240_000 },
  async () => {
    const phone = await bed.newPage(PHONE_SCREEN);
    let ticketId = '';
    await withFailureShot(phone, 'hotline-intake-citizen', async () => {
      await phone.context().grantPermissions(['geolocation'], { origin: server.url });
      await phone.context().setGeolocation({ ...AT, accuracy: 12 });
      await signInAs(phone, server.url, '13800000001', CITIZEN_PASSWORD, '/hotline');
      const form = phone.getByTestId('hotline-portal-form');
      await form.waitFor();
      await form.getByTestId('hotline-kind').getByText('求助').click();
      await form.getByTestId('hotline-category').click();
      await phone.getByRole('menuitemcheckbox', { name: '交通运输' }).click();
      await phone.getByRole('menuitemcheckbox', { name: '道路设施损坏' }).click();
      await form.getByTestId('hotline-content').fill(CONTENT);
      await form.getByTestId('hotline-locate').click();
      assert.match(await form.getByTestId('hotline-location').innerText(), /22\.92512, 112\.04523 ±12 m/);

      const input = form.getByTestId('hotline-photo-picker').locator('input[type=file]');
      await input.setInputFiles([
        { name: 'well-1.png', mimeType: 'image/png', buffer: png(48, [200, 60, 40]) },
        { name: 'well-2.png', mimeType: 'image/png', buffer: png(48, [40, 90, 200]) },
      ]);
      // a GIF renamed .png: the server judges by the bytes, refuses it, and it is left out
      await input.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a-not-a-png') });
      await phone.getByText('只接受 JPEG、PNG、WebP 格式的照片').waitFor();
      const done = form
        .getByTestId('hotline-photo-picker')
        .locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-error)');
      await phone.waitForFunction(
        () =>
          document.querySelectorAll(
            '[data-testid="hotline-photo-picker"] .ant-upload-list-item-done, [data-testid="hotline-photo-picker"] .ant-upload-list-item:not(.ant-upload-list-item-error):not(.ant-upload-list-item-uploading)',
          ).length === 2,
      );
      assert.equal(await done.count(), 2);
      await assertFitsScreen(phone, 'the request form with photos on a phone');
      await phone.screenshot({ path: `${RESULTS}/hotline-intake-form-phone.png`, fullPage: true });
      await form.getByTestId('hotline-submit').click();
      await phone.getByTestId('hotline-created').waitFor();
      const number = (await phone.getByTestId('hotline-created-number').innerText()).trim();
      const row = await server.ctx.db.one<{ id: string; lat: number; lng: number; photos: number }>(
        'select t.id, t.lat, t.lng, (select count(*)::int from hotline_photo p where p.ticket_id = t.id) as photos from hotline_ticket t where t.number = $1',
        [number],
      );
      assert.deepEqual([row!.lat, row!.lng, row!.photos], [AT.latitude, AT.longitude, 2]);
      ticketId = row!.id;
      assert.equal(
        await form.getByTestId('hotline-photo-picker').locator('.ant-upload-list-item').count(),
        0,
        'the picker empties with the form',
      );
    });
    await phone.close();

    const agent = await bed.newPage(DESKTOP);
    await withFailureShot(agent, 'hotline-intake-agent', async () => {
      await signInAs(agent, server.url, 'hotline', 'Yiwang@2026hotline', '/staff/hotline');
      await navigate(agent, server.url, `/staff/hotline?ticket=${ticketId}`);
      const drawer = agent.getByTestId('hotline-drawer');
      const photos = drawer.getByTestId('hotline-photos').locator('img');
      await photos.first().waitFor();
      assert.equal(await photos.count(), 2);
      await agent.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="hotline-photos"] img')].every(
          (i) => (i as HTMLImageElement).naturalWidth === 48,
        ),
      );
      const duplicates = drawer.getByTestId('hotline-duplicates');
      await duplicates.waitFor();
      assert.match(await duplicates.innerText(), /同一地点[\s\S]*内容相似[\s\S]*相距 \d+ 米/);
      await agent.screenshot({ path: `${RESULTS}/hotline-intake-drawer-desktop.png` });
      await duplicates.getByTestId('hotline-merge').first().click();
      await drawer.getByTestId('hotline-merged-into').waitFor();
      assert.match(await drawer.getByTestId('hotline-history').innerText(), /合并/);
      const merged = await server.ctx.db.one<{ status: string; into: string }>(
        'select status, merged_into_id as into from hotline_ticket where id = $1',
        [ticketId],
      );
      assert.deepEqual([merged!.status, merged!.into], ['merged', earlierId]);
      await agent.screenshot({ path: `${RESULTS}/hotline-intake-merged-desktop.png` });
    });
    await agent.close();
    assert.deepEqual(bed.pageErrors, []);
  },
);
