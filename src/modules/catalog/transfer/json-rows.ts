import { unprocessable } from '../../../kernel/errors.ts';
import { columnOf, refusedText, textOf, type SheetRow } from './cells.ts';
import type { IssueFn } from './report.ts';
import { MAX_IMPORT_ROWS } from './template.ts';

/** The template as JSON: an array of rows, each an object keyed by column key; rows count from 1. */
export const JSON_FIRST_ROW = 1;

/** Reads a JSON import file: refuses unknown keys, formulas and scripts; returns each item row's cells. */
export function readJsonRows(data: Buffer, issue: IssueFn): SheetRow[] {
  let list: unknown;
  try {
    list = JSON.parse(data.toString('utf8'));
  } catch {
    throw unprocessable('IMPORT_NOT_JSON');
  }
  if (!Array.isArray(list) || list.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) throw unprocessable('IMPORT_NOT_JSON');
  if (list.length > MAX_IMPORT_ROWS) {
    issue(0, 'TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS });
    return [];
  }
  const rows: SheetRow[] = [];
  (list as Record<string, unknown>[]).forEach((object, i) => {
    const row = i + JSON_FIRST_ROW;
    const cells = new Map(Object.entries(object));
    let refused = false;
    for (const [key, value] of cells) {
      if (!columnOf(key)) issue(row, 'COLUMN_UNKNOWN', { column: key }, key);
      const code = refusedText(textOf(value));
      if (!code) continue;
      const at = `[${row}].${key}`;
      issue(row, code, { cell: at }, at);
      refused = true;
    }
    // As in a workbook: empty rows are skipped, a row with a refused cell is not read further.
    if (refused || [...cells.values()].every((v) => textOf(v) === '')) return;
    rows.push({ row, cells });
  });
  if (!rows.length) issue(0, 'EMPTY');
  return rows;
}
