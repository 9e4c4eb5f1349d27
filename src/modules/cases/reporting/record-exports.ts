import type { Actor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import { requireRole } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { periodBounds } from './period.ts';
import { allRecords, caseRecords, RECORD_ROLES, recordsPage, type CaseRecords, type RecordsPage, type RecordsQuery } from './records.ts';

/**
 * Exports of case records (the §2.6 reporting shape) carry applicants' personal data, so each
 * export is audited once: one case, the first page of a paged export, or a whole NDJSON file.
 */
async function auditExport(ctx: AppContext, actor: Actor, details: Record<string, unknown>) {
  await ctx.db.transaction((tx) => appendAudit(tx, actor, { action: 'case.records_export', objectType: 'case', details }));
}

export async function exportCaseRecords(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseRecords> {
  const records = await caseRecords(ctx.db, actor, caseId);
  await auditExport(ctx, actor, { caseId });
  return records;
}

export async function exportRecordsPage(ctx: AppContext, actor: Actor, query: RecordsQuery): Promise<RecordsPage> {
  const page = await recordsPage(ctx.db, actor, query);
  if (!query.cursor) await auditExport(ctx, actor, { ...query });
  return page;
}

/**
 * The whole period as NDJSON lines (one case's records each), read page by page while they
 * are sent. Refusals (role, period) come before the first line, as an ordinary error reply.
 */
export async function exportRecordLines(ctx: AppContext, actor: Actor, query: Omit<RecordsQuery, 'cursor'>): Promise<AsyncIterable<string>> {
  requireRole(actor, RECORD_ROLES);
  periodBounds(query);
  await auditExport(ctx, actor, { ...query, format: 'ndjson' });
  return (async function* () {
    for await (const r of allRecords(ctx.db, actor, query)) yield `${JSON.stringify(r)}\n`;
  })();
}
