import { t, type Lang } from '../../../kernel/i18n/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';

/** An import file as uploaded or read: its name and bytes (hashed into the import log). */
export interface ImportFile {
  name: string;
  data: Buffer;
}

export interface RowIssue {
  /** Row number as the file counts it (Excel's row, or the position in a JSON array, 1-based); 0 for the file itself. */
  row: number;
  column?: string;
  code: string;
  params?: Record<string, string | number>;
  message: string;
}

export interface ImportReport {
  id: string;
  status: 'applied' | 'rejected';
  fileName: string;
  rows: number;
  created: number;
  updated: number;
  items: { row: number; code: string; action: 'created' | 'updated'; versionNo: number; qualityOk: boolean }[];
  issues: RowIssue[];
}

export type IssueFn = (row: number, code: string, params?: Record<string, string | number>, column?: string) => void;

/** A report that stays rejected until the file is applied, and how to add a translated issue to it. */
export function startReport(lang: Lang, fileName: string): { report: ImportReport; issue: IssueFn } {
  const report: ImportReport = { id: uuidv7(), status: 'rejected', fileName, rows: 0, created: 0, updated: 0, items: [], issues: [] };
  const issue: IssueFn = (row, code, params = {}, column) =>
    report.issues.push({
      row,
      ...(column ? { column } : {}),
      code,
      ...(Object.keys(params).length ? { params } : {}),
      message: t(lang, `catalog.import.${code}`, params),
    });
  return { report, issue };
}
