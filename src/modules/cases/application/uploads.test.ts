import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../kernel/errors.ts';
import { checkMaterial, cleanFileName, pdfActiveContent, sniffType } from './uploads.ts';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
  }
  return 'ok';
};

test('types come from the content, not the name', () => {
  assert.equal(sniffType(Buffer.from('%PDF-1.7\n%%EOF')), 'application/pdf');
  assert.equal(sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])), 'image/jpeg');
  assert.equal(sniffType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
  assert.equal(sniffType(Buffer.from('MZ\x90\x00\x03 this program cannot be run in DOS mode', 'latin1')), undefined);
  assert.equal(code(() => checkMaterial(Buffer.from('MZ\x90\x00', 'latin1'))), '415 MATERIAL_TYPE_REFUSED');
  assert.equal(code(() => checkMaterial(Buffer.alloc(0))), '422 MATERIAL_EMPTY');
  assert.equal(code(() => checkMaterial(Buffer.alloc(21 * 1024 * 1024, 0x25))), '413 MATERIAL_TOO_LARGE');
});

test('PDFs with scripts or launch actions are refused, also behind #xx escapes', () => {
  assert.equal(pdfActiveContent(Buffer.from('%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>')), 'JavaScript');
  assert.equal(pdfActiveContent(Buffer.from('%PDF-1.4\n<< /S /J#61vaScript >>')), 'JavaScript');
  assert.equal(pdfActiveContent(Buffer.from('%PDF-1.4\n<< /AA << /O << /JS 5 0 R >> >> >>')), 'JS');
  assert.equal(pdfActiveContent(Buffer.from('%PDF-1.4\n<< /Type /Page /JSON (not a name we mean) >>')), undefined);
  assert.equal(code(() => checkMaterial(Buffer.from('%PDF-1.4\n<< /Launch /F (cmd.exe) >>'))), '422 MATERIAL_PDF_ACTIVE');
  assert.equal(code(() => checkMaterial(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'))), 'ok');
});

test('file names are for display only', () => {
  assert.equal(cleanFileName('../../etc/passwd', 'application/pdf'), '....etcpasswd');
  assert.equal(cleanFileName('', 'image/png'), 'material.png');
  assert.equal(cleanFileName('身份证\u0000.jpg', 'image/jpeg'), '身份证.jpg');
});

test('materials the platform obtains itself (免提交) are not asked for', async () => {
  const { skippedMaterial } = await import('./materials.ts');
  const base = { name: 'x', necessity: 'required', kind: 'original', form: 'electronic' } as const;
  assert.equal(skippedMaterial({ ...base, source: 'data_sharing' }), true);
  assert.equal(skippedMaterial({ ...base, source: 'government', replacedByBaseField: 'population.household' }), true);
  assert.equal(skippedMaterial({ ...base, source: 'government', replacedByLicenseType: '11100000000010014P001' }), false);
  assert.equal(skippedMaterial({ ...base, source: 'applicant' }), false);
});
