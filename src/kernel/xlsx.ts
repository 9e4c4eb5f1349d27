import type ExcelJS from 'exceljs';

export type { ExcelJS };

/**
 * ExcelJS, loaded on first use. It brings some 500 files with it (zip, streams, CSV, polyfills)
 * and only imports and exports of workbooks need it, so a server or a test that never writes a
 * workbook does not pay for loading it.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}
