import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { drawQr, qrMatrix, qrSvg, renderPdf, svgToPng } from './index.ts';
import { inkStats, readPpm } from './ppm.test-support.ts';

// Rendering the PDF back to pixels is the point of this file, so missing poppler is a failure.
for (const tool of ['pdftoppm', 'pdftotext']) {
  const probe = spawnSync(tool, ['-v'], { encoding: 'utf8' });
  if (probe.error) throw new Error(`PDF tests need ${tool} (apt-get install poppler-utils)`);
}

const dir = mkdtempSync(join(tmpdir(), 'yiwang-pdf-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const resultsDir = new URL('../../../test-results/', import.meta.url).pathname;

const STAMP = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" viewBox="0 0 200 200">
  <circle cx="100" cy="100" r="92" fill="none" stroke="#d40000" stroke-width="8"/>
  <text x="100" y="112" text-anchor="middle" font-size="36" fill="#d40000">专用章</text></svg>`;

test('svgToPng renders Chinese text in the shipped font (not blank, red ink)', () => {
  const png = svgToPng(STAMP, 200);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  assert.ok(png.length > 1000, `PNG of ${png.length} bytes`);
});

test('a PDF with Chinese text, a red image and a QR code renders to a non-blank page', async () => {
  const url = 'https://gov.example.cn/verify?t=abc';
  const pdf = await renderPdf(
    (doc) => {
      doc.fontSize(28).text('云浮市电子证照测试', { align: 'center' });
      doc.moveDown().fontSize(14).text('持证主体：示例企业有限公司；有效期至 2030年12月31日。');
      doc.image(svgToPng(STAMP, 300), 350, 420, { width: 150 });
      drawQr(doc, url, 60, 420, 150);
    },
    { info: { Title: '测试' } },
  );
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  // Subset embedding: the 10 MB font must not be copied whole.
  assert.ok(pdf.length < 400_000, `PDF is ${pdf.length} bytes`);
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);

  // The text layer maps back to the same Chinese characters (ToUnicode of the subset font).
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  assert.match(text, /云浮市电子证照测试/);
  assert.match(text, /示例企业有限公司/);

  execFileSync('pdftoppm', ['-r', '50', '-singlefile', file, join(dir, 'page')]);
  const stats = inkStats(readPpm(readFileSync(join(dir, 'page.ppm'))));
  assert.ok(stats.dark > 2000, `dark pixels ${stats.dark}`); // text and QR modules
  assert.ok(stats.red > 300, `red pixels ${stats.red}`); // the stamp

  mkdirSync(resultsDir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', file, join(resultsDir, 'kernel-pdf')]);
});

test('QR helpers encode the text (matrix, SVG) and refuse what does not fit', async () => {
  const m = qrMatrix('https://gov.example.cn/verify?t=abc');
  assert.ok(m.size >= 21 && (m.size - 17) % 4 === 0, `size ${m.size}`);
  assert.ok(m.isDark(0, 0), 'finder pattern corner is dark');
  assert.match(await qrSvg('x'), /^<svg/);
  assert.throws(() => qrMatrix('x'.repeat(5000)));
});
