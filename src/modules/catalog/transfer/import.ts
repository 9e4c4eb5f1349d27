import type { Actor } from '../../../kernel/actor.ts';
import type { Db } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { Lang } from '../../../kernel/i18n/index.ts';
import { requireEditRole } from '../access.ts';
import { applyRows, reject } from './apply.ts';
import { parseRow, type SheetRow } from './cells.ts';
import { checkRows } from './check.ts';
import { JSON_FIRST_ROW, readJsonRows } from './json-rows.ts';
import { startReport, type ImportFile, type ImportReport, type IssueFn } from './report.ts';
import { MAX_IMPORT_BYTES } from './template.ts';
import { readWorkbook, XLSX_FIRST_ROW } from './xlsx.ts';

export type { ImportReport, RowIssue } from './report.ts';

/**
 * Import of an item list, all or none per file: every row is validated first and the file is
 * applied in one transaction only when no row has an issue. A catalogue is reviewed as a whole
 * (one department's list, one round of the 实施清单), and a half-imported list would publish a
 * catalogue nobody reviewed; the row-by-row report tells the editor everything to fix at once.
 * The file is the template as a workbook (what cities upload) or as JSON (the same rows, e.g. a
 * city's starting catalogue kept in a repository); only the reading differs.
 */
export function importItems(db: Db, actor: Actor, lang: Lang, file: ImportFile): Promise<ImportReport> {
  return importFile(db, actor, lang, file, { read: readWorkbook, firstRow: XLSX_FIRST_ROW });
}

/** importItems for the template as JSON: an array of rows keyed by column key (docs/catalog-template.md). */
export function importJsonItems(db: Db, actor: Actor, lang: Lang, file: ImportFile): Promise<ImportReport> {
  return importFile(db, actor, lang, file, { read: async (data, issue) => readJsonRows(data, issue), firstRow: JSON_FIRST_ROW });
}

interface Reader {
  read: (data: Buffer, issue: IssueFn) => Promise<SheetRow[]>;
  /** The first item row: issues above it (0 = the file) are about the file's layout. */
  firstRow: number;
}

async function importFile(db: Db, actor: Actor, lang: Lang, file: ImportFile, reader: Reader): Promise<ImportReport> {
  requireEditRole(actor);
  const { report, issue } = startReport(lang, file.name);
  // The route's body limit refuses larger uploads first; this guards direct callers.
  if (file.data.length > MAX_IMPORT_BYTES) throw new AppError('IMPORT_TOO_LARGE', 413, { max: MAX_IMPORT_BYTES });

  const rows = (await reader.read(file.data, issue)).map((r) => parseRow(r, issue, report.issues));
  report.rows = rows.length;
  // Layout issues leave nothing sensible to check row by row.
  if (rows.length && !report.issues.some((i) => i.row < reader.firstRow)) await checkRows(db, actor, rows, issue);
  if (report.issues.length) return reject(db, actor, file, report);
  return applyRows(db, actor, lang, file, rows, report);
}
