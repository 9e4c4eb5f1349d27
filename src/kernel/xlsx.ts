import type ExcelJS from 'exceljs';
import { validationFailed } from './errors.ts';

export type { ExcelJS };

/**
 * ExcelJS, loaded on first use. It brings some 500 files with it (zip, streams, CSV, polyfills)
 * and only imports and exports of workbooks need it, so a server or a test that never writes a
 * workbook does not pay for loading it.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/**
 * The first worksheet of an .xlsx file as text rows (dates as YYYY-MM-DD, rich text as its text,
 * empty cells as ''), the rows without any value left out; `rowNumbers[i]` is the sheet's own
 * row number of `rows[i]`, for error reports that point at the row a person sees.
 */
export async function readFirstSheet(bytes: Buffer): Promise<{ rows: string[][]; rowNumbers: number[] }> {
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw validationFailed('content', 'not an .xlsx file');
  }
  const sheet = wb.worksheets[0];
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  if (!sheet) return { rows, rowNumbers };
  sheet.eachRow({ includeEmpty: false }, (r, number) => {
    const values: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) values.push(cellText(r.getCell(c).value));
    rows.push(values);
    rowNumbers.push(number);
  });
  return { rows, rowNumbers };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? '' : String(v.result);
  return String(v);
}

/** Excel's column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
