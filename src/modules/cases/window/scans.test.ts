import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StaffActor } from '../../../kernel/actor.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { sm3Hex } from '../../../kernel/crypto/sm3.ts';
import { openScan, storeScan } from './scans.ts';

const KEY = '0123456789abcdeffedcba9876543210';
const stored = new Map<string, Buffer>();
const ctx = {
  config: { masterKey: KEY },
  files: {
    put: async (content: Buffer) => {
      const key = `cases/${stored.size}`;
      stored.set(key, content);
      return { key, size: content.length, sm3: sm3Hex(content) };
    },
  },
} as unknown as AppContext;
const clerk = (id: string) =>
  ({
    kind: 'staff',
    id,
    name: id,
    username: id,
    departmentId: null,
    departmentName: null,
    regionCode: '445300000000',
    roles: [],
  }) as StaffActor;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

test('a scan ticket names the stored file for the clerk who scanned it, and nobody else', async () => {
  const { ticket, scan } = await storeScan(ctx, clerk('a'), '身份证/正面.pdf', PDF);
  assert.equal(scan.mime, 'application/pdf');
  assert.equal(scan.fileName, '身份证正面.pdf');
  assert.deepEqual(openScan(KEY, clerk('a'), ticket), scan);
  assert.throws(() => openScan(KEY, clerk('b'), ticket), { code: 'WINDOW_SCAN_INVALID', details: { reason: 'OTHER_CLERK' } });
  assert.throws(() => openScan('f'.repeat(32), clerk('a'), ticket), {
    code: 'WINDOW_SCAN_INVALID',
    details: { reason: 'SIGNATURE' },
  });
  // a ticket whose content was changed (another file key) no longer matches its signature
  const [payload, mac] = ticket.split('.');
  const changed = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  changed.fileKey = 'cases/other';
  const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${mac}`;
  assert.throws(() => openScan(KEY, clerk('a'), forged), { code: 'WINDOW_SCAN_INVALID' });
  assert.throws(() => openScan(KEY, clerk('a'), 'garbage'), { code: 'WINDOW_SCAN_INVALID' });
});

test('a scan is checked like an upload before anything is stored', async () => {
  const before = stored.size;
  await assert.rejects(storeScan(ctx, clerk('a'), 'x.pdf', Buffer.from('MZ\x90\x00')), { code: 'MATERIAL_TYPE_REFUSED' });
  await assert.rejects(storeScan(ctx, clerk('a'), 'x.pdf', Buffer.from('%PDF-1.4 /JavaScript (x)')), {
    code: 'MATERIAL_PDF_ACTIVE',
  });
  assert.equal(stored.size, before);
});

test('an expired ticket is refused', async (t) => {
  const { ticket } = await storeScan(ctx, clerk('a'), 'a.pdf', PDF);
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 9 * 3_600_000 });
  assert.throws(() => openScan(KEY, clerk('a'), ticket), { code: 'WINDOW_SCAN_INVALID', details: { reason: 'EXPIRED' } });
});
