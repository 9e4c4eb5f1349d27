import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { actorId, type Actor } from '../../../kernel/actor.ts';
import type { Db, Queryable } from '../../../kernel/db/index.ts';
import { AppError, unprocessable } from '../../../kernel/errors.ts';
import { t, type Lang } from '../../../kernel/i18n/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { departmentRefsByCode, type DepartmentRef } from '../../org/index.ts';
import { requireRole } from '../../../kernel/auth.ts';
import { canEdit, EDIT_ROLES } from '../access.ts';
import { parseHandleItemCode } from '../codes.ts';
import type { ItemContent } from '../content.ts';
import { createItemIn, importIntoItem, ruleContext } from '../items.ts';
import { contentErrors } from '../validate-content.ts';
import { COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, SHEET, type Column } from './template.ts';
import type { ImportReport, RowIssue } from './schemas.ts';

/**
 * Spreadsheet import, all or none per file: every row is validated first and the file is
 * applied in one transaction only when no row has an issue. A catalogue is reviewed as a whole
 * (one department's list, one round of the 实施清单), and a half-imported list would publish a
 * catalogue nobody reviewed; the row-by-row report tells the editor everything to fix at once.
 */
export type { ImportReport, RowIssue };

interface ParsedRow {
  row: number;
  code: string;
  department: string;
  content: ItemContent;
  /** The content passed its schema, so its references can be checked. */
  valid: boolean;
}

/** A formula, DDE or script smuggled in as text (CSV/formula injection when re-exported). */
const FORMULA_TEXT = /^[=+\-@]\s*[A-Za-z_][\w.]*\s*[(|!]/;
const SCRIPT_TEXT = /<\s*script\b|javascript:/i;

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

export async function importItems(db: Db, actor: Actor, lang: Lang, file: { name: string; data: Buffer }): Promise<ImportReport> {
  requireRole(actor, EDIT_ROLES);
  const issues: RowIssue[] = [];
  const issue = (row: number, code: string, params: Record<string, string | number> = {}, column?: string) =>
    issues.push({
      row,
      ...(column ? { column } : {}),
      code,
      ...(Object.keys(params).length ? { params } : {}),
      message: t(lang, `catalog.import.${code}`, params),
    });
  const report: ImportReport = {
    id: uuidv7(),
    status: 'rejected',
    fileName: file.name,
    rows: 0,
    created: 0,
    updated: 0,
    items: [],
    issues,
  };
  // The route's body limit refuses larger uploads first; this guards direct callers.
  if (file.data.length > MAX_IMPORT_BYTES) throw new AppError('IMPORT_TOO_LARGE', 413, { max: MAX_IMPORT_BYTES });

  const rows = await readRows(file.data, issue, issues);
  report.rows = rows.length;
  // File-level issues (row 0, or the key row 2) leave nothing sensible to check row by row.
  if (rows.length && !issues.some((i) => i.row <= 2)) await checkRows(db, actor, rows, issue);
  if (issues.length) return reject(db, actor, file, report);

  try {
    await db.transaction(async (tx) => {
      const existing = await idsByCode(
        tx,
        rows.map((r) => r.code),
      );
      const depts = await departmentRefsByCode(
        tx,
        rows.map((r) => r.department),
      );
      for (const r of rows) {
        const id = existing.get(r.code)?.id;
        // Issues found while applying roll the whole file back; the row is named in the report.
        try {
          const res = id
            ? await importIntoItem(tx, actor, id, r.content)
            : await createItemIn(
                tx,
                actor,
                { code: r.code, departmentId: depts.get(r.department)!.id, content: r.content },
                r.content,
              );
          report.items.push({
            row: r.row,
            code: r.code,
            action: id ? 'updated' : 'created',
            versionNo: res.version.versionNo,
            qualityOk: res.version.qualityOk,
          });
        } catch (err) {
          if (err instanceof AppError) {
            issues.push({ row: r.row, code: err.code, params: err.params, message: t(lang, `error.${err.code}`, err.params) });
          }
          throw err;
        }
      }
      report.status = 'applied';
      report.created = report.items.filter((i) => i.action === 'created').length;
      report.updated = report.items.length - report.created;
      await record(tx, actor, file, report);
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    report.status = 'rejected';
    report.items = [];
    report.created = report.updated = 0;
    return reject(db, actor, file, report);
  }
  return report;
}

async function reject(db: Db, actor: Actor, file: { name: string; data: Buffer }, report: ImportReport): Promise<never> {
  await db.transaction((tx) => record(tx, actor, file, report));
  throw unprocessable('IMPORT_REJECTED', { count: report.issues.length }, report);
}

async function record(q: Queryable, actor: Actor, file: { name: string; data: Buffer }, report: ImportReport) {
  const region = actor.kind === 'staff' ? actor.regionCode : '';
  await q.query(
    `insert into catalog_import (id, file_name, file_sha256, size, status, report, actor_id, region_code) values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [
      report.id,
      file.name,
      createHash('sha256').update(file.data).digest('hex'),
      file.data.length,
      report.status,
      JSON.stringify(report),
      actorId(actor),
      region,
    ],
  );
}

type IssueFn = (row: number, code: string, params?: Record<string, string | number>, column?: string) => void;

/** Reads the 事项 sheet: refuses macros, formulas and scripts anywhere; parses each row's cells. */
async function readRows(data: Buffer, issue: IssueFn, all: RowIssue[]): Promise<ParsedRow[]> {
  const issueCount = () => all.length;
  const rowHadIssue = (row: number) => all.some((i) => i.row === row);
  // Zip entry names are stored in clear: a macro-enabled workbook carries this part.
  if (data.includes('vbaProject.bin')) {
    issue(0, 'MACRO');
    return [];
  }
  const wb = new ExcelJS.Workbook();
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
        const code =
          cell.type === ExcelJS.ValueType.Formula || FORMULA_TEXT.test(cellText(cell).trim())
            ? 'CELL_FORMULA'
            : SCRIPT_TEXT.test(cellText(cell))
              ? 'CELL_SCRIPT'
              : undefined;
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
  const rows: ParsedRow[] = [];
  for (let rowNo = 3; rowNo <= ws.rowCount; rowNo++) {
    const row = ws.getRow(rowNo);
    const cells = new Map<string, string>();
    for (const [col, column] of byIndex) cells.set(column.key, cellText(row.getCell(col)).trim());
    if ([...cells.values()].every((v) => v === '') || flagged.has(rowNo)) continue;
    const content: Record<string, unknown> = {};
    for (const column of byIndex.values()) {
      const text = cells.get(column.key) ?? '';
      if (column.kind === 'readonly' || !column.contentKeys || text === '') continue;
      if (column.kind === 'text') {
        content[column.contentKeys[0]!] = text;
        continue;
      }
      let part: unknown;
      try {
        part = JSON.parse(text);
      } catch {
        issue(rowNo, 'JSON_INVALID', { column: column.key }, column.key);
        continue;
      }
      if (!part || typeof part !== 'object' || Array.isArray(part)) {
        issue(rowNo, 'JSON_INVALID', { column: column.key }, column.key);
        continue;
      }
      for (const [k, v] of Object.entries(part)) {
        if (!(column.contentKeys as string[]).includes(k)) issue(rowNo, 'JSON_KEY', { column: column.key, key: k }, column.key);
        else content[k] = v;
      }
    }
    const before = issueCount();
    for (const e of contentErrors(content)) issue(rowNo, 'CONTENT_INVALID', { field: e.field, reason: e.reason }, e.field);
    rows.push({
      row: rowNo,
      code: cells.get('code') ?? '',
      department: cells.get('department') ?? '',
      content: content as unknown as ItemContent,
      valid: issueCount() === before && !rowHadIssue(rowNo),
    });
  }
  if (!rows.length) issue(0, 'EMPTY');
  return rows;
}

async function idsByCode(q: Queryable, codes: string[]) {
  const rows = await q.query<{ id: string; code: string; departmentId: string; status: string }>(
    `select i.id, i.code, i.department_id as "departmentId",
       (select v.status from catalog_item_version v where v.item_id = i.id order by v.version_no desc limit 1) as status
     from catalog_item i where i.code = any($1::text[])`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** Checks codes, departments, permissions and references of every row (nothing written). */
async function checkRows(db: Db, actor: Actor, rows: ParsedRow[], issue: IssueFn) {
  const [existing, depts, ctx, letters] = await Promise.all([
    idsByCode(
      db,
      rows.map((r) => r.code),
    ),
    departmentRefsByCode(
      db,
      rows.map((r) => r.department),
    ),
    ruleContext(db),
    db.query<{ code: string; letter: string }>('select code, letter from catalog_item_type'),
  ]);
  const letterOf = new Map(letters.map((l) => [l.code, l.letter]));
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.code) {
      issue(r.row, 'CODE_REQUIRED', {}, 'code');
      continue;
    }
    if (seen.has(r.code)) issue(r.row, 'CODE_DUPLICATE', { code: r.code, first: seen.get(r.code)! }, 'code');
    seen.set(r.code, r.row);
    const parsed = parseHandleItemCode(r.code);
    if (!parsed.ok) {
      issue(r.row, 'CODE_INVALID', { code: r.code, reason: parsed.reason }, 'code');
      continue;
    }
    const dept: DepartmentRef | undefined = depts.get(r.department);
    if (!dept) {
      issue(r.row, 'DEPARTMENT_UNKNOWN', { department: r.department }, 'department');
      continue;
    }
    const impl = parsed.value.implementation;
    if (impl.regionCode !== dept.regionCode || impl.uscc !== dept.uscc)
      issue(r.row, 'CODE_DEPARTMENT', { code: r.code, department: dept.code }, 'code');
    const old = existing.get(r.code);
    if (old && old.departmentId !== dept.id) issue(r.row, 'DEPARTMENT_CHANGED', { code: r.code }, 'department');
    if (old && (old.status === 'submitted' || old.status === 'reviewed')) issue(r.row, 'IN_REVIEW', { code: r.code }, 'code');
    if (!canEdit(actor, { regionCode: dept.regionCode, departmentId: dept.id }))
      issue(r.row, 'FORBIDDEN', { department: dept.code }, 'department');
    const c = r.content;
    if (!r.valid) continue;
    if (c.typeCode) {
      const letter = letterOf.get(c.typeCode);
      if (!letter) issue(r.row, 'TYPE_UNKNOWN', { typeCode: c.typeCode }, 'typeCode');
      else if (letter !== impl.basic.typeLetter) issue(r.row, 'TYPE_LETTER', { letter: impl.basic.typeLetter }, 'typeCode');
    }
    for (const m of c.materials ?? []) {
      if (m.replacedByLicenseType && !ctx.licenseTypes!.has(m.replacedByLicenseType))
        issue(r.row, 'LICENSE_TYPE_UNKNOWN', { code: m.replacedByLicenseType }, 'materials');
      if (m.replacedByBaseField && !ctx.baseFields!.has(m.replacedByBaseField))
        issue(r.row, 'BASE_FIELD_UNKNOWN', { field: m.replacedByBaseField }, 'materials');
    }
  }
}
