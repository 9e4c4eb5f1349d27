import { parseCsv } from '../../kernel/csv.ts';
import { readFirstSheet } from '../../kernel/xlsx.ts';
import type { Actor } from '../../kernel/actor.ts';
import { requireRole } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError, unprocessable, validationFailed } from '../../kernel/errors.ts';
import { holderKindFor, issueInTx, type IssueInput } from './issue.ts';
import { ISSUE_ROLES } from './store.ts';
import { fetchType } from './types.ts';

/**
 * Bulk import of licences issued before the platform (存量证照): one row per licence, checked by
 * the very code that issues (holder, fields, identifier, duplicates), each row signed with the
 * department's seal. All or nothing: with any row in error nothing is stored and the report
 * lists every row's problems; `dryRun` only reports.
 */
export interface ImportInput {
  typeId: string;
  departmentId: string;
  format: 'csv' | 'xlsx';
  /** CSV text, or the .xlsx file as base64. */
  content: string;
  dryRun?: boolean;
}

export interface ImportReport {
  rows: number;
  ok: boolean;
  dryRun: boolean;
  issued: { row: number; identifier: string }[];
  errors: { row: number; code: string; field?: string; reason?: string }[];
}

const MAX_ROWS = 5000;

/** Fixed columns by their English key or the Chinese heading staff use in spreadsheets. */
const FIXED: Record<string, keyof Row> = {
  identifier: 'identifier',
  证照标识: 'identifier',
  holdername: 'holderName',
  持证人: 'holderName',
  持证主体: 'holderName',
  holdercode: 'holderCode',
  证件号码: 'holderCode',
  公民身份号码: 'holderCode',
  统一社会信用代码: 'holderCode',
  personid: 'personId',
  validfrom: 'validFrom',
  有效期起: 'validFrom',
  validto: 'validTo',
  有效期止: 'validTo',
  issuedat: 'issuedAt',
  发证日期: 'issuedAt',
};

interface Row {
  identifier?: string;
  holderName?: string;
  holderCode?: string;
  personId?: string;
  validFrom?: string;
  validTo?: string;
  issuedAt?: string;
  fields: Record<string, string>;
}

const parseXlsx = async (base64: string) => (await readFirstSheet(Buffer.from(base64, 'base64'))).rows;

export async function importLicences(ctx: AppContext, actor: Actor, input: ImportInput): Promise<ImportReport> {
  requireRole(actor, ISSUE_ROLES);
  const type = await fetchType(ctx.db, input.typeId);
  if (!type) throw unprocessable('LICENCE_TYPE_NOT_FOUND', {}, { field: 'typeId' });
  const table = input.format === 'csv' ? parseCsv(input.content) : await parseXlsx(input.content);
  const [header, ...body] = table;
  if (!header || body.length === 0) throw validationFailed('content', 'a header row and at least one data row');
  if (body.length > MAX_ROWS) throw validationFailed('content', `at most ${MAX_ROWS} rows`);

  const byHeading = new Map<string, string>(
    type.fields.flatMap((f) => [
      [f.key.toLowerCase(), f.key],
      [f.label, f.key],
    ]),
  );
  const columns = header.map((h, i) => {
    const name = h.trim();
    const fixed = FIXED[name.toLowerCase()] ?? FIXED[name];
    if (fixed) return { fixed };
    const field = byHeading.get(name.toLowerCase()) ?? byHeading.get(name);
    if (field) return { field };
    throw validationFailed(`content.header.${i}`, `unknown column "${name}"`);
  });
  const rows: Row[] = body.map((cells) => {
    const row: Row = { fields: {} };
    columns.forEach((col, i) => {
      const v = (cells[i] ?? '').trim();
      if ('fixed' in col) {
        if (v) row[col.fixed as Exclude<keyof Row, 'fields'>] = v;
      } else row.fields[col.field!] = v;
    });
    return row;
  });

  const report: ImportReport = { rows: rows.length, ok: false, dryRun: Boolean(input.dryRun), issued: [], errors: [] };
  const rollback = new Error('rollback import');
  try {
    await ctx.db.transaction(async (tx) => {
      for (const [i, row] of rows.entries()) {
        const line = i + 2; // spreadsheet row number: the header is row 1
        const issue: IssueInput = {
          typeId: type.id,
          departmentId: input.departmentId,
          holder: {
            kind: holderKindFor(type, row.holderCode ?? ''),
            name: row.holderName ?? '',
            code: row.holderCode ?? '',
            ...(row.personId ? { personId: row.personId } : {}),
          },
          fields: row.fields,
          ...(row.identifier ? { identifier: row.identifier } : {}),
          ...(row.validFrom ? { validFrom: row.validFrom } : {}),
          ...(row.validTo ? { validTo: row.validTo === '长期' ? null : row.validTo } : {}),
          // A day in a spreadsheet is a Shanghai day; issueLicence refuses what is not a date.
          ...(row.issuedAt ? { issuedAt: `${row.issuedAt.slice(0, 10)}T00:00:00+08:00` } : {}),
          source: 'import',
        };
        await tx.query('savepoint import_row');
        try {
          const issued = await issueInTx(ctx, tx, actor, issue, { operation: '01', related: null });
          await tx.query('release savepoint import_row');
          report.issued.push({ row: line, identifier: issued.identifier });
        } catch (err) {
          await tx.query('rollback to savepoint import_row');
          if (!(err instanceof AppError)) throw err;
          // Access problems are not row problems: the whole import is refused.
          if (err.status === 401 || err.status === 403) throw err;
          const d = (err.details ?? {}) as { field?: string; reason?: string };
          report.errors.push({
            row: line,
            code: err.code,
            ...(d.field ? { field: d.field } : {}),
            ...(d.reason ? { reason: d.reason } : {}),
          });
        }
      }
      report.ok = report.errors.length === 0;
      if (!report.ok || report.dryRun) throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
    report.issued = report.ok ? report.issued : [];
  }
  if (!report.ok && !report.dryRun) throw unprocessable('LICENCE_IMPORT_INVALID', { count: report.errors.length }, report);
  return report;
}
