import type { Actor } from '../../kernel/actor.ts';
import { actorId } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct, requireRole, requireScope, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { conflict, notFound, unprocessable } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { personalData } from '../../kernel/pii.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { departmentRefsById, notifyStaff, staffAbleToAct } from '../org/index.ts';
import { keyShown, readRecord } from './records.ts';
import { typedValue } from './record-values.ts';
import type { DataIssue, IssueListQuery, IssueReport, IssueResolve, RecordQuality } from './schemas-exchange.ts';
import { fetchResourceRow, fieldsByResource, fieldsOf, MANAGE_ROLES, type ResourceRow } from './store.ts';

type IssueRow = {
  id: string;
  resource_id: string;
  code: string;
  name: string;
  key_shown: string;
  field: string;
  source: DataIssue['source'];
  rule: DataIssue['rule'];
  description: string;
  reported_by: string | null;
  reporter_department_id: string | null;
  status: DataIssue['status'];
  answer: string | null;
  created_at: Date;
  resolved_at: Date | null;
  version: number;
};

const keeperScope = (r: Pick<ResourceRow, 'region_code' | 'provider_department_id'>) => ({ regionCode: r.region_code, departmentId: r.provider_department_id });

/** Issues as the API shows them, read through `q` (inside a transaction, its own handle: PGlite has one connection). */
async function present(q: Queryable, rows: IssueRow[]): Promise<DataIssue[]> {
  const fieldNames = new Map<string, string>();
  for (const [id, fields] of await fieldsByResource(q, rows.map((r) => r.resource_id))) for (const f of fields) fieldNames.set(`${id}|${f.key}`, f.name);
  const reporters = await departmentRefsById(q, rows.map((r) => r.reporter_department_id).filter((d): d is string => Boolean(d)));
  return rows.map((r) => ({
    id: r.id,
    resourceId: r.resource_id,
    resourceCode: r.code,
    resourceName: r.name,
    keyShown: r.key_shown,
    field: r.field,
    fieldName: fieldNames.get(`${r.resource_id}|${r.field}`) ?? r.field,
    source: r.source,
    rule: r.rule,
    description: r.description,
    reporterName: r.reporter_department_id ? (reporters.get(r.reporter_department_id)?.name ?? null) : null,
    status: r.status,
    answer: r.answer,
    createdAt: new Date(r.created_at).toISOString(),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    version: r.version,
  }));
}

const ISSUE_SELECT = 'select i.*, r.code, r.name from data_issue i join data_resource r on r.id = i.resource_id';

/** Data issues on the resources the caller keeps: the quality rules' findings and the reports (纠错), open first. */
export async function listIssues(ctx: AppContext, actor: Actor, query: IssueListQuery): Promise<PageResult<DataIssue>> {
  requireRole(actor, MANAGE_ROLES);
  const params: unknown[] = [];
  const where = [scopeCondition(actor, MANAGE_ROLES, { region: 'r.region_code', department: 'r.provider_department_id' }, params)];
  for (const [column, value] of [['i.resource_id', query.resourceId], ['i.status', query.status], ['i.source', query.source]] as const) {
    if (!value) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
  const from = `from data_issue i join data_resource r on r.id = i.resource_id where ${where.join(' and ')}`;
  const total = Number((await ctx.db.one<{ n: string }>(`select count(*) as n ${from}`, params))?.n ?? 0);
  const rows = await ctx.db.query<IssueRow>(
    `select i.*, r.code, r.name ${from} order by (i.status = 'open') desc, i.created_at desc, i.id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { items: await present(ctx.db, rows), total, page: query.page, pageSize: query.pageSize };
}

/**
 * 纠错: a staff member who uses a resource (its keepers, or a department holding a grant on
 * it) reports a value of a record as wrong; the provider's keepers are told and track it to
 * fixed or rejected. The record must exist; the key is kept only as the keepers see it.
 */
export async function reportIssue(ctx: AppContext, actor: Actor, input: IssueReport): Promise<DataIssue> {
  const staff = requireRole(actor, [...MANAGE_ROLES, 'window_clerk', 'approver']);
  const resource = await fetchResourceRow(ctx.db, input.resourceId);
  if (!resource || resource.status !== 'published') throw unprocessable('DATA_RESOURCE_NOT_PUBLISHED', {}, { field: 'resourceId' });
  const keeper = canAct(actor, MANAGE_ROLES, keeperScope(resource));
  const grantee = staff.departmentId
    ? await ctx.db.one(`select 1 as x from data_grant where resource_id = $1 and grantee_department_id = $2 and status = 'active'`, [resource.id, staff.departmentId])
    : undefined;
  if (!keeper && !grantee) throw notFound('data_resource', resource.id);
  const fields = await fieldsOf(ctx.db, resource.id);
  const field = fields.find((f) => f.key === input.field);
  if (!field) throw unprocessable('DATA_FIELD_UNKNOWN', { key: input.field }, { field: 'field' });
  const keyField = fields.find((f) => f.key === resource.key_field);
  const key = keyField ? typedValue(keyField, input.key) : undefined;
  const pii = personalData(ctx.config.masterKey);
  if (!keyField || key === undefined || key === null || !(await readRecord(ctx.db, pii, resource.id, String(key)))) throw unprocessable('DATA_RECORD_NOT_FOUND', {}, { field: 'key' });
  return ctx.db.transaction(async (tx) => {
    const id = uuidv7();
    await tx.query(
      `insert into data_issue (id, resource_id, key_index, key_shown, field, source, description, reported_by, reporter_department_id) values ($1, $2, $3, $4, $5, 'report', $6, $7, $8)`,
      [id, resource.id, pii.index(String(key)), keyShown(keyField, String(key)), field.key, input.description.trim(), actorId(actor), staff.departmentId],
    );
    const keepers = await staffAbleToAct(tx, ['data_officer', 'department_admin'], keeperScope(resource));
    await notifyStaff(tx, keepers.map((k) => k.id), { kind: 'data_issue_reported', ref: id, params: { resource: resource.name, field: field.name } });
    await appendAudit(tx, actor, { action: 'data_issue.report', objectType: 'data_issue', objectId: id, regionCode: resource.region_code, details: { resource: resource.code, field: field.key } });
    const [issue] = await present(tx, [(await tx.one<IssueRow>(`${ISSUE_SELECT} where i.id = $1`, [id]))!]);
    return issue!;
  });
}

/** The provider closes an issue: fixed (the value is corrected, by a load or at the source) or rejected, with the answer. */
export async function resolveIssue(ctx: AppContext, actor: Actor, id: string, input: IssueResolve): Promise<DataIssue> {
  requireRole(actor, MANAGE_ROLES);
  return ctx.db.transaction(async (tx) => {
    const row = await tx.one<IssueRow & { region_code: string; provider_department_id: string }>(
      `select i.*, r.code, r.name, r.region_code, r.provider_department_id from data_issue i join data_resource r on r.id = i.resource_id where i.id = $1 for update of i`,
      [id],
    );
    if (!row || !canAct(actor, MANAGE_ROLES, keeperScope(row))) throw notFound('data_issue', id);
    requireScope(actor, MANAGE_ROLES, keeperScope(row));
    if (row.version !== input.version) throw conflict('VERSION_CONFLICT', { current: row.version }, { current: row.version });
    if (row.status !== 'open') throw conflict('DATA_ISSUE_CLOSED', { status: row.status });
    await tx.query(`update data_issue set status = $2, answer = $3, resolved_by = $4, resolved_at = clock_now(), version = version + 1 where id = $1`, [id, input.status, input.answer.trim(), actorId(actor)]);
    await appendAudit(tx, actor, { action: 'data_issue.resolve', objectType: 'data_issue', objectId: id, regionCode: row.region_code, details: { status: input.status } });
    const [issue] = await present(tx, [(await tx.one<IssueRow>(`${ISSUE_SELECT} where i.id = $1`, [id]))!]);
    return issue!;
  });
}

/** A library's records and its quality rates (the base-library quality indicators read the same). */
export async function recordQuality(ctx: AppContext, actor: Actor, resourceId: string): Promise<RecordQuality> {
  requireRole(actor, MANAGE_ROLES);
  const resource = await fetchResourceRow(ctx.db, resourceId);
  if (!resource || (resource.status === 'draft' && !canAct(actor, MANAGE_ROLES, keeperScope(resource)))) throw notFound('data_resource', resourceId);
  return qualityOf(ctx, resourceId);
}

export async function qualityOf(ctx: Pick<AppContext, 'db'>, resourceId: string): Promise<RecordQuality> {
  const row = await ctx.db.one<{ records: string; completeness: string; format: string; any_open: string; open_issues: string; fixed_issues: string; last: Date | null }>(
    `select (select count(*) from data_record where resource_id = $1) as records,
            (select count(distinct key_index) from data_issue where resource_id = $1 and status = 'open' and rule = 'completeness') as completeness,
            (select count(distinct key_index) from data_issue where resource_id = $1 and status = 'open' and rule = 'format') as format,
            (select count(distinct key_index) from data_issue where resource_id = $1 and status = 'open') as any_open,
            (select count(*) from data_issue where resource_id = $1 and status = 'open') as open_issues,
            (select count(*) from data_issue where resource_id = $1 and status = 'fixed') as fixed_issues,
            (select max(changed_at) from data_record where resource_id = $1) as last`,
    [resourceId],
  );
  const records = Number(row?.records ?? 0);
  const rate = (bad: string | undefined) => (records ? Math.round((1 - Number(bad ?? 0) / records) * 10000) / 10000 : 1);
  return {
    records,
    completeness: rate(row?.completeness),
    format: rate(row?.format),
    clean: rate(row?.any_open),
    openIssues: Number(row?.open_issues ?? 0),
    fixedIssues: Number(row?.fixed_issues ?? 0),
    lastChangedAt: row?.last ? new Date(row.last).toISOString() : null,
  };
}
