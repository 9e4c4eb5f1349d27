import type { ItemContent } from '../content.ts';
import { contentErrors } from '../validate-content.ts';
import type { IssueFn, RowIssue } from './report.ts';
import { COLUMNS, type Column } from './template.ts';

/**
 * One item row of an import file and what its cells say, whatever the file: a workbook's cells
 * are text, a JSON file's group cells may also be the objects themselves. Both are checked here
 * by the same rules, so a city's JSON and its workbook import alike.
 */
export interface SheetRow {
  /** Row number as the file counts it. */
  row: number;
  /** Cell values by column key. */
  cells: Map<string, unknown>;
}

export interface ParsedRow {
  row: number;
  code: string;
  department: string;
  /** The item's popularity, when the file gives one. */
  popularity?: number;
  content: ItemContent;
  /** The row has no issue so far, so its references can be checked. */
  valid: boolean;
}

/** A formula, DDE or script smuggled in as text (CSV/formula injection when re-exported). */
const FORMULA_TEXT = /^[=+\-@]\s*[A-Za-z_][\w.]*\s*[(|!]/;
const SCRIPT_TEXT = /<\s*script\b|javascript:/i;

/** Why a cell's text is refused outright, if it is. */
export function refusedText(text: string): 'CELL_FORMULA' | 'CELL_SCRIPT' | undefined {
  if (FORMULA_TEXT.test(text.trim())) return 'CELL_FORMULA';
  if (SCRIPT_TEXT.test(text)) return 'CELL_SCRIPT';
  return undefined;
}

/** A cell value as text: strings as written, group objects as their JSON. */
export const textOf = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value.trim() : typeof value === 'object' ? JSON.stringify(value) : String(value);

export const columnOf = (key: string): Column | undefined => COLUMNS.find((c) => c.key === key);

const POPULARITY = /^(100|[1-9]?[0-9])$/;

/** The content and item fields of a row; its issues go to `issue`. */
export function parseRow(sheetRow: SheetRow, issue: IssueFn, issues: readonly RowIssue[]): ParsedRow {
  const { row, cells } = sheetRow;
  const content: Record<string, unknown> = {};
  let popularity: number | undefined;
  for (const [key, value] of cells) {
    const column = columnOf(key);
    const text = textOf(value);
    if (!column || text === '') continue;
    if (column.kind === 'item') {
      if (POPULARITY.test(text)) popularity = Number(text);
      else issue(row, 'POPULARITY_INVALID', { value: text }, key);
      continue;
    }
    if (column.kind === 'readonly' || !column.contentKeys) continue;
    if (column.kind === 'text') {
      content[column.contentKeys[0]!] = text;
      continue;
    }
    const part = groupOf(value);
    if (!part) {
      issue(row, 'JSON_INVALID', { column: key }, key);
      continue;
    }
    for (const [k, v] of Object.entries(part)) {
      if (!(column.contentKeys as string[]).includes(k)) issue(row, 'JSON_KEY', { column: key, key: k }, key);
      else content[k] = v;
    }
  }
  for (const e of contentErrors(content)) issue(row, 'CONTENT_INVALID', { field: e.field, reason: e.reason }, e.field);
  return {
    row,
    code: textOf(cells.get('code')),
    department: textOf(cells.get('department')),
    ...(popularity === undefined ? {} : { popularity }),
    content: content as unknown as ItemContent,
    valid: !issues.some((i) => i.row === row),
  };
}

/** A group cell's object: written as JSON text in a workbook, or as the object in a JSON file. */
function groupOf(value: unknown): Record<string, unknown> | undefined {
  let part = value;
  if (typeof value === 'string') {
    try {
      part = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return part && typeof part === 'object' && !Array.isArray(part) ? (part as Record<string, unknown>) : undefined;
}
