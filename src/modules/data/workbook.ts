import { Ajv } from 'ajv';
import type { Actor } from '../../kernel/actor.ts';
import { requireRole, requireStaff } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import { errorField } from '../../kernel/http/validation.ts';
import { columnLetter, loadExcel, readFirstSheet } from '../../kernel/xlsx.ts';
import { departmentRefsByUscc } from '../org/index.ts';
import { codeOf, COLUMNS, RESOURCE_COLUMNS, WORDS, type Column } from './layout.ts';
import { createInTx, getResource, listResources, updateInTx } from './resources.ts';
import { ResourceCreate, type Resource } from './schemas.ts';
import { fetchResourceByCode, MANAGE_ROLES } from './store.ts';

/** The catalogue as a workbook in the national 目录 layout (layout.ts): what the caller may read, filtered as the list is. */
export async function exportWorkbook(ctx: AppContext, actor: Actor, query: { status?: Resource['status']; providerDepartmentId?: string }): Promise<Buffer> {
  requireStaff(actor);
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  const sheet = wb.addWorksheet('政务信息资源目录');
  sheet.addRow(COLUMNS.map(([, heading]) => heading)).font = { bold: true };
  for (let page = 1; ; page++) {
    const list = await listResources(ctx, actor, { ...query, page, pageSize: 100 });
    for (const summary of list.items) {
      for (const row of rowsOf(await getResource(ctx, actor, summary.id))) sheet.addRow(COLUMNS.map(([key]) => row[key] ?? ''));
    }
    if (page * 100 >= list.total) break;
  }
  sheet.columns.forEach((c) => (c.width = 16));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One row per 信息项, the resource's columns repeated on each (a filter on any column keeps whole rows). */
function rowsOf(r: Resource): Partial<Record<Column, string | number>>[] {
  const resource: Partial<Record<Column, string>> = {
    classCode: r.classCode,
    name: r.name,
    code: r.code,
    providerName: r.providerName,
    providerCode: r.providerCode,
    summary: r.summary,
    format: WORDS.format[r.format],
    sharingType: WORDS.sharing[r.sharingType],
    sharingCondition: r.sharingCondition ?? '',
    sharingMethod: WORDS.method[r.sharingMethod],
    openType: WORDS.open[r.openType],
    openCondition: r.openCondition ?? '',
    updateCycle: WORDS.cycle[r.updateCycle],
    sourceSystem: r.sourceSystem,
    legalBasis: r.legalBasis ?? '',
    relatedCodes: r.relatedCodes.join(';'),
    keyField: r.keyField ?? '',
    regionField: r.regionField ?? '',
    publishedAt: r.publishedAt?.slice(0, 10) ?? '',
  };
  return r.fields.map((f) => ({
    ...resource,
    fieldName: f.name,
    fieldKey: f.key,
    fieldType: WORDS.type[f.type],
    fieldLength: f.length ?? '',
    fieldPersonal: f.personal ? WORDS.personal[f.personal] : '',
    fieldSharing: WORDS.sharing[f.sharingType],
    fieldDataItem: f.dataItem ?? '',
    fieldAuthoritative: f.authoritative ? '是' : '',
    fieldRequired: f.required ? '是' : '',
  }));
}

export interface ImportError {
  /** The sheet's row number, as the person sees it. */
  row: number;
  /** Excel's column letter and its heading; absent when the problem is the resource as a whole. */
  column?: string;
  heading?: string;
  code: string;
  reason: string;
}
export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  resources: number;
  created: { code: string; name: string }[];
  updated: { code: string; name: string }[];
  errors: ImportError[];
}

const MAX_ROWS = 5000;
const ajv = new Ajv({ coerceTypes: false, useDefaults: true, removeAdditional: false, allErrors: true, strict: false });
const validateCreate = ajv.compile(ResourceCreate);

/** A resource as its rows of the workbook give it, with the sheet rows to point errors at. */
interface Parsed {
  code: string;
  input: Record<string, unknown> & { fields: Record<string, unknown>[] };
  /** Row of the resource's first line, and of each field. */
  row: number;
  fieldRows: number[];
  errors: ImportError[];
}

/**
 * Reads a workbook in the national layout and creates each resource it lists (as a draft), or —
 * when its 信息资源代码 names a resource of the catalogue — changes it. All or nothing: with any
 * error nothing is stored, and the report gives every error's row and column. `dryRun` only checks.
 */
export async function importWorkbook(ctx: AppContext, actor: Actor, input: { content: string; dryRun?: boolean }): Promise<ImportReport> {
  requireRole(actor, MANAGE_ROLES);
  const { rows, rowNumbers } = await readFirstSheet(Buffer.from(input.content, 'base64'));
  const [header, ...body] = rows;
  if (!header || body.length === 0) throw validationFailed('content', 'a header row and at least one data row');
  if (body.length > MAX_ROWS) throw validationFailed('content', `at most ${MAX_ROWS} rows`);
  const at = new Map<Column, number>();
  header.forEach((h, i) => {
    const column = COLUMNS.find(([, heading]) => heading === h.trim());
    if (column) at.set(column[0], i);
  });
  const missing = COLUMNS.filter(([key]) => !OPTIONAL_COLUMNS.includes(key) && !at.has(key)).map(([, heading]) => heading);
  if (missing.length) throw validationFailed('content', `columns missing: ${missing.join(', ')}`);

  const parsed = await parseResources(ctx, body, rowNumbers.slice(1), at);
  const report: ImportReport = { ok: false, dryRun: !!input.dryRun, resources: parsed.length, created: [], updated: [], errors: parsed.flatMap((p) => p.errors) };
  if (report.errors.length) return report;
  try {
    await ctx.db.transaction(async (tx) => {
      for (const p of parsed) {
        try {
          const existing = p.code ? await fetchResourceByCode(tx, p.code) : undefined;
          if (p.code && !existing) throw new AppError('DATA_RESOURCE_NOT_IN_CATALOGUE', 422, { code: p.code }, { field: 'code' });
          const { providerDepartmentId: _provider, ...content } = p.input;
          const saved = existing
            ? await updateInTx(tx, actor, existing.id, {
                // a workbook without the platform's own columns keeps what the resource has
                ...(at.has('keyField') ? {} : { keyField: existing.key_field, regionField: existing.region_field }),
                ...(content as Omit<ResourceCreate, 'providerDepartmentId'>),
                version: existing.version,
              })
            : await createInTx(tx, actor, p.input as unknown as ResourceCreate);
          (existing ? report.updated : report.created).push({ code: saved.code, name: saved.name });
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          report.errors.push(pointAt(p, err, at));
        }
      }
      // all or nothing: any error, or a dry run, takes every row back
      if (report.errors.length || input.dryRun) throw ROLLBACK;
    });
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
  report.ok = report.errors.length === 0;
  if (!report.ok) report.created = report.updated = [];
  return report;
}

const ROLLBACK = new Error('import rolled back');

/** The rows grouped into resources: a row with a resource column filled starts one; the rows after it are its further fields. */
async function parseResources(ctx: AppContext, body: string[][], rowNumbers: number[], at: Map<Column, number>): Promise<Parsed[]> {
  const cell = (row: string[], key: Column) => (row[at.get(key) ?? -1] ?? '').trim();
  const groups: { rows: string[][]; numbers: number[] }[] = [];
  body.forEach((row, i) => {
    const starts = RESOURCE_COLUMNS.some((k) => cell(row, k) !== '');
    const last = groups.at(-1);
    // a repeated resource (the same name and code as the row above) continues it
    const same = last && cell(row, 'name') === cell(last.rows[0]!, 'name') && cell(row, 'code') === cell(last.rows[0]!, 'code');
    if (!last || (starts && !same)) groups.push({ rows: [row], numbers: [rowNumbers[i]!] });
    else {
      last.rows.push(row);
      last.numbers.push(rowNumbers[i]!);
    }
  });
  const providers = await departmentRefsByUscc(ctx.db, groups.map((g) => cell(g.rows[0]!, 'providerCode')));
  return groups.map((g) => {
    const first = g.rows[0]!;
    const errors: ImportError[] = [];
    const word = <T extends string>(row: string[], rowNo: number, key: Column, table: Record<T, string>): T | undefined => {
      const text = cell(row, key);
      if (!text) return undefined;
      const code = codeOf(table, text);
      if (!code) errors.push(errorAt(rowNo, key, at, 'UNKNOWN_VALUE', `not one of ${Object.values(table).join('、')}`));
      return code;
    };
    const provider = providers.get(cell(first, 'providerCode'));
    if (!provider) errors.push(errorAt(g.numbers[0]!, 'providerCode', at, 'DATA_PROVIDER_NOT_FOUND', 'no department has this 统一社会信用代码'));
    const optional = (key: Column) => cell(first, key) || undefined;
    const sharingType = word(first, g.numbers[0]!, 'sharingType', WORDS.sharing);
    const input = {
      providerDepartmentId: provider?.id ?? '',
      classCode: cell(first, 'classCode'),
      name: cell(first, 'name'),
      summary: cell(first, 'summary'),
      format: word(first, g.numbers[0]!, 'format', WORDS.format),
      sharingType,
      sharingCondition: optional('sharingCondition'),
      sharingMethod: word(first, g.numbers[0]!, 'sharingMethod', WORDS.method),
      openType: word(first, g.numbers[0]!, 'openType', WORDS.open),
      openCondition: optional('openCondition'),
      updateCycle: word(first, g.numbers[0]!, 'updateCycle', WORDS.cycle),
      sourceSystem: cell(first, 'sourceSystem'),
      legalBasis: optional('legalBasis'),
      relatedCodes: cell(first, 'relatedCodes').split(/[;；,，\s]+/).filter(Boolean),
      keyField: optional('keyField'),
      regionField: optional('regionField'),
      fields: g.rows.map((row, i) => {
        const rowNo = g.numbers[i]!;
        const length = cell(row, 'fieldLength');
        if (length && !/^\d+$/.test(length)) errors.push(errorAt(rowNo, 'fieldLength', at, 'VALIDATION_FAILED', 'a whole number'));
        return {
          key: cell(row, 'fieldKey'),
          name: cell(row, 'fieldName'),
          type: word(row, rowNo, 'fieldType', WORDS.type),
          ...(length && /^\d+$/.test(length) ? { length: Number(length) } : {}),
          ...(cell(row, 'fieldPersonal') ? { personal: word(row, rowNo, 'fieldPersonal', WORDS.personal) } : {}),
          // a field shared as its resource unless its own column says less
          sharingType: cell(row, 'fieldSharing') ? word(row, rowNo, 'fieldSharing', WORDS.sharing) : sharingType,
          ...(cell(row, 'fieldDataItem') ? { dataItem: cell(row, 'fieldDataItem') } : {}),
          ...(YES.includes(cell(row, 'fieldAuthoritative')) ? { authoritative: true } : {}),
          ...(YES.includes(cell(row, 'fieldRequired')) ? { required: true } : {}),
        };
      }),
    };
    const parsed: Parsed = { code: cell(first, 'code'), input: JSON.parse(JSON.stringify(input)) as Parsed['input'], row: g.numbers[0]!, fieldRows: g.numbers, errors };
    if (!errors.length && !validateCreate(parsed.input)) {
      for (const e of validateCreate.errors ?? []) errors.push(pointAt(parsed, new AppError('VALIDATION_FAILED', 400, {}, { field: errorField(e), reason: e.message ?? e.keyword }), at));
    }
    return parsed;
  });
}

/** The column a field of the API (`fields.2.sharingType`, `summary` …) is read from. */
const COLUMN_OF: Record<string, Column> = {
  providerDepartmentId: 'providerCode',
  classCode: 'classCode',
  name: 'name',
  summary: 'summary',
  format: 'format',
  sharingType: 'sharingType',
  sharingCondition: 'sharingCondition',
  sharingMethod: 'sharingMethod',
  openType: 'openType',
  openCondition: 'openCondition',
  updateCycle: 'updateCycle',
  sourceSystem: 'sourceSystem',
  legalBasis: 'legalBasis',
  relatedCodes: 'relatedCodes',
  code: 'code',
  key: 'fieldKey',
  type: 'fieldType',
  length: 'fieldLength',
  personal: 'fieldPersonal',
  dataItem: 'fieldDataItem',
  authoritative: 'fieldAuthoritative',
  required: 'fieldRequired',
  keyField: 'keyField',
  regionField: 'regionField',
};

/** Columns a workbook may lack: the publication date, and the platform's own (a workbook of another system has none of them). */
const OPTIONAL_COLUMNS: readonly Column[] = ['publishedAt', 'fieldRequired', 'keyField', 'regionField'];

/** What a yes/no column takes for yes. */
const YES = ['是', 'Y', 'y', 'true', '1'];

function errorAt(row: number, key: Column, at: Map<Column, number>, code: string, reason: string): ImportError {
  const heading = COLUMNS.find(([k]) => k === key)![1];
  return { row, column: columnLetter((at.get(key) ?? 0) + 1), heading, code, reason };
}

/** An error of the service, at the row and column it is about (a field's own row for `fields.N.…`). */
function pointAt(p: Parsed, err: AppError, at: Map<Column, number>): ImportError {
  const details = (err.details ?? {}) as { field?: string; reason?: string };
  const field = details.field ?? '';
  const inField = /^fields\.(\d+)\.?(\w*)/.exec(field);
  const reason = details.reason ?? err.code;
  if (inField) {
    const row = p.fieldRows[Number(inField[1])] ?? p.row;
    const key: Column = inField[2] === 'sharingType' ? 'fieldSharing' : inField[2] === 'name' ? 'fieldName' : (COLUMN_OF[inField[2]!] ?? 'fieldName');
    return errorAt(row, key, at, err.code, reason);
  }
  if (field === 'fields') return errorAt(p.row, 'fieldName', at, err.code, reason);
  const key = COLUMN_OF[field.split('.')[0]!];
  return key ? errorAt(p.row, key, at, err.code, reason) : { row: p.row, code: err.code, reason };
}
