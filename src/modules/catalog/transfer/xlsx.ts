import { loadExcel, type ExcelJS } from '../../../kernel/xlsx.ts';
import { unprocessable } from '../../../kernel/errors.ts';
import { refusedText, type SheetRow } from './cells.ts';
import type { IssueFn } from './report.ts';
import { COLUMNS, MAX_IMPORT_ROWS, SHEET, type Column } from './template.ts';

/** Item rows of a workbook start below the header row and the row of column keys. */
export const XLSX_FIRST_ROW = 3;

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return '';
}

/** Reads the 事项 sheet: refuses macros, formulas and scripts anywhere; returns each item row's cells as text. */
export async function readWorkbook(data: Buffer, issue: IssueFn): Promise<SheetRow[]> {
  // Zip entry names are stored in clear: a macro-enabled workbook carries this part.
  if (data.includes('vbaProject.bin')) {
    issue(0, 'MACRO');
    return [];
  }
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw unprocessable('IMPORT_NOT_XLSX');
  }
  // Rows with a refused cell are not read further: their other issues would only be noise.
  const flagged = new Set<number>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row, rowNo) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const at = `${ws.name}!${cell.address}`;
        const code = cell.type === excel.ValueType.Formula ? 'CELL_FORMULA' : refusedText(cellText(cell));
        if (!code) return;
        issue(rowNo, code, { cell: at }, at);
        if (ws.name === SHEET) flagged.add(rowNo);
      }),
    );
  }
  const ws = wb.getWorksheet(SHEET);
  if (!ws) {
    issue(0, 'SHEET_MISSING', { sheet: SHEET });
    return [];
  }
  // Row 2 holds the column keys; headers (row 1) are for people and may be translated.
  const byIndex = new Map<number, Column>();
  ws.getRow(2).eachCell({ includeEmpty: false }, (cell, col) => {
    const key = cellText(cell).trim();
    const column = COLUMNS.find((c) => c.key === key);
    if (column) byIndex.set(col, column);
    else issue(2, 'COLUMN_UNKNOWN', { column: key }, key);
  });
  const missing = ['code', 'department', 'name'].filter((k) => ![...byIndex.values()].some((c) => c.key === k));
  for (const column of missing) issue(2, 'COLUMN_MISSING', { column }, column);
  if (missing.length) return [];
  if (ws.actualRowCount - 2 > MAX_IMPORT_ROWS) {
    issue(0, 'TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
    return [];
  }
  const rows: SheetRow[] = [];
  for (let rowNo = XLSX_FIRST_ROW; rowNo <= ws.rowCount; rowNo++) {
    const row = ws.getRow(rowNo);
    const cells = new Map<string, unknown>();
    for (const [col, column] of byIndex) cells.set(column.key, cellText(row.getCell(col)).trim());
    if ([...cells.values()].every((v) => v === '') || flagged.has(rowNo)) continue;
    rows.push({ row: rowNo, cells });
  }
  if (!rows.length) issue(0, 'EMPTY');
  return rows;
}
