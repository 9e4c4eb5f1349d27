import { t, type Lang } from '../../../kernel/i18n/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import type { ImportReport, RowIssue } from './schemas.ts';

/** An import file as uploaded or read: its name and bytes (hashed into the import log). */
export interface ImportFile {
  name: string;
  data: Buffer;
}

export type { ImportReport, RowIssue };

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
