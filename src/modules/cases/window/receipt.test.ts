import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { inkStats, readPpm } from '../../../kernel/pdf/ppm.test-support.ts';
import { progressUrl, renderReceipt, type ReceiptData } from './receipt.ts';

const dir = mkdtempSync(join(tmpdir(), 'yiwang-receipt-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const data: ReceiptData = {
  number: '44530020261123000042',
  queryCode: 'ABCD2345',
  itemName: '营业执照遗失补领、换发',
  itemCode: '000A2401006000-445300000000-000-11445300530000243C-1-00',
  applicant: { kind: 'enterprise', name: '云浮市云石科技有限公司', idLabel: '统一社会信用代码', id: '91445302MA5300017X' },
  agent: { name: '陈小云', idNumber: '4453**********9006' },
  materials: [{ name: '《营业执照补领（换发）申请书》', files: 2 }],
  caseType: 'immediate',
  promisedDays: 0,
  promisedDue: '2026-11-23',
  channel: 'window',
  clerk: { name: '综合窗口受理员', department: '云浮市政务服务和数据管理局' },
  window: '云浮市政务服务中心 A01号窗口（综合窗口）',
  submittedOn: '2026-11-23',
};

test('the QR links the public progress page by number and query code only', () => {
  assert.equal(
    progressUrl('https://gov.example.cn', data),
    'https://gov.example.cn/progress?number=44530020261123000042&code=ABCD2345',
  );
});

test('the receipt PDF carries the case, applicant, agent, materials and window as text, and a QR', async () => {
  const pdf = await renderReceipt(data, 'https://gov.example.cn');
  const file = join(dir, 'receipt.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  for (const s of [
    '受理回执',
    data.number,
    data.queryCode,
    data.itemName,
    data.applicant.name,
    data.applicant.id,
    '陈小云（4453**********9006）',
    '即办',
    'A01号窗口',
    '2026年11月23日',
  ])
    assert.ok(text.includes(s), `missing ${s}`);
  assert.match(text, /申请书》\s+2\s?份/);
  execFileSync('pdftoppm', ['-r', '40', '-singlefile', file, join(dir, 'page')]);
  assert.ok(inkStats(readPpm(readFileSync(join(dir, 'page.ppm')))).dark > 1500);
});
