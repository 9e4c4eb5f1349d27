import type { Actor } from '../../kernel/actor.ts';
import { actorId, systemActor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct, requireScope, requireStaff, scopeCondition } from '../../kernel/auth.ts';
import { loadCalendar } from '../../kernel/calendar/index.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, notFound, unprocessable, validationFailed } from '../../kernel/errors.ts';
import { emit } from '../../kernel/events/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { departmentRefsById, departments, notifyStaff, regionExists, staffAbleToAct, staffToAlert } from '../org/index.ts';
import { DEMAND_DUE, DEMAND_ESCALATION_DUE } from './events.ts';
import type { Demand, DemandApprove, DemandCreate, DemandListQuery, Grant } from './schemas.ts';
import { fetchResourceRow, fieldsOf, MANAGE_ROLES } from './store.ts';

/** 有条件共享 demands are answered within this many working days (国发〔2016〕51号). */
export const ANSWER_WORKING_DAYS = 10;
/** An unconditional resource is granted at once for a year, this many calls a day, every row. */
const UNCONDITIONAL_QUOTA = 10_000;
const TIMER_ACTOR = systemActor('data.timer');

type DemandRow = Record<string, unknown> & {
  id: string;
  resource_id: string;
  provider_department_id: string;
  region_code: string;
  requester_department_id: string;
  requester_region_code: string;
  fields: string[];
  purpose: string;
  legal_basis: string;
  status: Demand['status'];
  due_date: string;
  overdue: boolean;
  answered_at: Date | null;
  answered_by: string | null;
  answer_note: string | null;
  satisfied: boolean | null;
  satisfaction_note: string | null;
  created_at: Date;
  version: number;
};
export type GrantRow = Record<string, unknown> & {
  id: string;
  demand_id: string | null;
  resource_id: string;
  grantee_department_id: string;
  region_code: string;
  fields: string[];
  row_region: string | null;
  valid_from: string;
  valid_to: string;
  daily_quota: number;
  clear_fields: string[];
  bulk: boolean;
  status: Grant['status'];
  revoked_reason: string | null;
  version: number;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));
const providerScope = (d: Pick<DemandRow, 'region_code' | 'provider_department_id'>) => ({ regionCode: d.region_code, departmentId: d.provider_department_id });
const requesterScope = (d: Pick<DemandRow, 'requester_region_code' | 'requester_department_id'>) => ({ regionCode: d.requester_region_code, departmentId: d.requester_department_id });

/** Code and name of resources, in one query (lists present many demands and grants). */
async function resourceNames(q: Queryable, ids: string[]): Promise<Map<string, { code: string; name: string }>> {
  const rows = await q.query<{ id: string; code: string; name: string }>('select id, code, name from data_resource where id = any($1::uuid[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Demands as the API shows them, with their grants: a fixed number of queries for the whole page. */
async function presentDemands(q: Queryable, rows: DemandRow[]): Promise<Demand[]> {
  if (!rows.length) return [];
  const resources = await resourceNames(q, rows.map((d) => d.resource_id));
  const names = await departmentRefsById(q, rows.flatMap((d) => [d.provider_department_id, d.requester_department_id]));
  const grantRows = await q.query<GrantRow>('select * from data_grant where demand_id = any($1::uuid[])', [rows.map((d) => d.id)]);
  const grants = new Map((await presentGrants(q, grantRows)).map((g) => [g.demandId, g]));
  return rows.map((d) => ({
    id: d.id,
    resourceId: d.resource_id,
    resourceCode: resources.get(d.resource_id)?.code ?? '',
    resourceName: resources.get(d.resource_id)?.name ?? '',
    providerDepartmentId: d.provider_department_id,
    providerName: names.get(d.provider_department_id)?.name ?? '',
    requesterDepartmentId: d.requester_department_id,
    requesterName: names.get(d.requester_department_id)?.name ?? '',
    fields: d.fields,
    purpose: d.purpose,
    legalBasis: d.legal_basis,
    status: d.status,
    dueDate: day(d.due_date),
    overdue: d.overdue,
    answeredAt: iso(d.answered_at),
    answeredBy: d.answered_by,
    answerNote: d.answer_note,
    satisfied: d.satisfied,
    satisfactionNote: d.satisfaction_note,
    grant: grants.get(d.id) ?? null,
    createdAt: iso(d.created_at)!,
    version: d.version,
  }));
}

/** One demand as it is now (after a change in `q`'s transaction). */
async function presentDemand(q: Queryable, id: string): Promise<Demand> {
  const [demand] = await presentDemands(q, [(await q.one<DemandRow>('select * from data_demand where id = $1', [id]))!]);
  return demand!;
}

/** Grants as the API shows them, a fixed number of queries for the whole page. */
export async function presentGrants(q: Queryable, rows: GrantRow[]): Promise<Grant[]> {
  if (!rows.length) return [];
  const resources = await resourceNames(q, rows.map((g) => g.resource_id));
  const grantees = await departmentRefsById(q, rows.map((g) => g.grantee_department_id));
  return rows.map((g) => ({
    id: g.id,
    demandId: g.demand_id,
    resourceId: g.resource_id,
    resourceCode: resources.get(g.resource_id)?.code ?? '',
    resourceName: resources.get(g.resource_id)?.name ?? '',
    granteeDepartmentId: g.grantee_department_id,
    granteeName: grantees.get(g.grantee_department_id)?.name ?? '',
    fields: g.fields,
    rowRegion: g.row_region,
    validFrom: day(g.valid_from),
    validTo: day(g.valid_to),
    dailyQuota: g.daily_quota,
    clearFields: g.clear_fields,
    bulk: g.bulk,
    status: g.status,
    revokedReason: g.revoked_reason,
    version: g.version,
  }));
}

/** The last day of a year from `from` (one year less a day). */
function aYearFrom(from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + 1, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
}

type GrantScope = { fields: string[]; rowRegion: string | null; validTo: string; dailyQuota: number; clearFields: string[]; bulk: boolean };

async function insertGrant(tx: Tx, d: DemandRow, scope: GrantScope): Promise<void> {
  await tx.query(
    `insert into data_grant (id, demand_id, resource_id, grantee_department_id, region_code, fields, row_region, valid_from, valid_to, daily_quota, clear_fields, bulk)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [uuidv7(), d.id, d.resource_id, d.requester_department_id, d.requester_region_code, scope.fields, scope.rowRegion, clock.today(), scope.validTo, scope.dailyQuota, scope.clearFields, scope.bulk],
  );
}

/**
 * A department asks for fields of a published resource. Fields all 无条件共享 are granted at once
 * (a year, every row); otherwise the provider's keepers are told and the clock runs: due in 10
 * working days, a reminder that morning, the data bureau the day after.
 */
export async function submitDemand(ctx: AppContext, actor: Actor, input: DemandCreate): Promise<Demand> {
  requireStaff(actor);
  const requester = await departments.fetch(ctx.db, input.requesterDepartmentId);
  if (!requester) throw unprocessable('DATA_REQUESTER_NOT_FOUND', {}, { field: 'requesterDepartmentId' });
  requireScope(actor, MANAGE_ROLES, { regionCode: requester.regionCode, departmentId: requester.id });
  return ctx.db.transaction(async (tx) => {
    const resource = await fetchResourceRow(tx, input.resourceId);
    if (!resource || resource.status !== 'published') throw unprocessable('DATA_RESOURCE_NOT_PUBLISHED', {}, { field: 'resourceId' });
    if (resource.provider_department_id === requester.id) throw unprocessable('DATA_DEMAND_OWN_DATA', {}, { field: 'requesterDepartmentId' });
    if (resource.sharing_type === 'none') throw unprocessable('DATA_RESOURCE_NOT_SHARED', { code: resource.code }, { field: 'resourceId' });
    const fields = new Map((await fieldsOf(tx, resource.id)).map((f) => [f.key, f]));
    for (const [i, key] of input.fields.entries()) {
      const f = fields.get(key);
      if (!f) throw unprocessable('DATA_FIELD_UNKNOWN', { key }, { field: `fields.${i}` });
      if (f.sharingType === 'none') throw unprocessable('DATA_FIELD_NOT_SHARED', { key }, { field: `fields.${i}` });
    }
    const today = clock.today();
    const year = Number(today.slice(0, 4));
    const due = (await loadCalendar(tx, year - 1, year + 1)).addWorkingDays(today, ANSWER_WORKING_DAYS);
    const unconditional = input.fields.every((k) => fields.get(k)!.sharingType === 'unconditional');
    const id = uuidv7();
    try {
      await tx.query(
        `insert into data_demand (id, resource_id, provider_department_id, region_code, requester_department_id, requester_region_code, fields, purpose, legal_basis,
                                  status, due_date, answered_at, answered_by, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, ${unconditional ? 'clock_now()' : 'null'}, $12, $13)`,
        [id, resource.id, resource.provider_department_id, resource.region_code, requester.id, requester.regionCode, input.fields, input.purpose.trim(), input.legalBasis.trim(),
          unconditional ? 'approved' : 'pending', due, unconditional ? 'system' : null, actorId(actor)],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('DATA_DEMAND_PENDING', { code: resource.code });
      throw err;
    }
    const d = (await tx.one<DemandRow>('select * from data_demand where id = $1', [id]))!;
    if (unconditional) {
      await insertGrant(tx, d, { fields: input.fields, rowRegion: null, validTo: aYearFrom(today), dailyQuota: UNCONDITIONAL_QUOTA, clearFields: [], bulk: true });
    } else {
      const at = (date: string, plusDays: number) => new Date(new Date(`${date}T08:00:00+08:00`).getTime() + plusDays * 86_400_000);
      await emit(tx, DEMAND_DUE, { demandId: id, dueDate: due }, { regionCode: resource.region_code, dueAt: at(due, 0), dedupeKey: `data-demand-due:${id}` });
      await emit(tx, DEMAND_ESCALATION_DUE, { demandId: id, dueDate: due }, { regionCode: resource.region_code, dueAt: at(due, 1), dedupeKey: `data-demand-overdue:${id}` });
      await tellKeepers(tx, d, 'data_demand', { resource: resource.name, requester: requester.name, dueDate: due });
    }
    await appendAudit(tx, actor, {
      action: 'data_demand.submit',
      objectType: 'data_demand',
      objectId: id,
      regionCode: resource.region_code,
      details: { resource: resource.code, requester: requester.id, fields: input.fields, granted: unconditional },
    });
    return presentDemand(tx, d.id);
  });
}

/** The provider's keepers narrowed to its department (its administrators and data officers). */
async function tellKeepers(tx: Tx, d: DemandRow, kind: 'data_demand' | 'data_demand_due', params: Record<string, string>) {
  const keepers = await staffToAlert(tx, { staffIds: [], departmentId: d.provider_department_id, roles: ['department_admin', 'data_officer'] });
  await notifyStaff(tx, keepers.map((k) => k.id), { kind, ref: d.id, params });
}

async function lockDemand(tx: Tx, id: string): Promise<DemandRow> {
  const d = await tx.one<DemandRow>('select * from data_demand where id = $1 for update', [id]);
  if (!d) throw notFound('data_demand', id);
  return d;
}

/** Either side's keepers (and the data bureau over both) read a demand; anyone else gets 404. */
function mayRead(actor: Actor, d: DemandRow): boolean {
  return canAct(actor, MANAGE_ROLES, providerScope(d)) || canAct(actor, MANAGE_ROLES, requesterScope(d));
}

export async function getDemand(ctx: AppContext, actor: Actor, id: string): Promise<Demand> {
  requireStaff(actor);
  const d = await ctx.db.one<DemandRow>('select * from data_demand where id = $1', [id]);
  if (!d || !mayRead(actor, d)) throw notFound('data_demand', id);
  return presentDemand(ctx.db, d.id);
}

export async function listDemands(ctx: AppContext, actor: Actor, query: DemandListQuery): Promise<PageResult<Demand>> {
  requireStaff(actor);
  const params: unknown[] = [];
  const side =
    query.box === 'incoming'
      ? scopeCondition(actor, MANAGE_ROLES, { region: 'region_code', department: 'provider_department_id' }, params)
      : scopeCondition(actor, MANAGE_ROLES, { region: 'requester_region_code', department: 'requester_department_id' }, params);
  const where = [side];
  if (query.status) {
    params.push(query.status);
    where.push(`status = $${params.length}`);
  }
  const filter = `where ${where.join(' and ')}`;
  const total = Number((await ctx.db.one<{ n: string }>(`select count(*) as n from data_demand ${filter}`, params))?.n ?? 0);
  const rows = await ctx.db.query<DemandRow>(
    `select * from data_demand ${filter} order by (status = 'pending') desc, due_date, created_at desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { items: await presentDemands(ctx.db, rows), total, page: query.page, pageSize: query.pageSize };
}

/** The provider's answer, in its keepers' scope, at the version read, while the demand is pending. */
async function answerable(tx: Tx, actor: Actor, id: string, version: number): Promise<DemandRow> {
  const d = await lockDemand(tx, id);
  if (!mayRead(actor, d)) throw notFound('data_demand', id);
  requireScope(actor, MANAGE_ROLES, providerScope(d));
  if (d.version !== version) throw conflict('VERSION_CONFLICT', { current: d.version }, { current: d.version });
  if (d.status !== 'pending') throw conflict('DATA_DEMAND_STATUS', { status: d.status }, { status: d.status });
  return d;
}

/** Approval: a grant of the fields asked for (or fewer), the rows, the period and the daily quota. */
export async function approveDemand(ctx: AppContext, actor: Actor, id: string, input: DemandApprove): Promise<Demand> {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const d = await answerable(tx, actor, id, input.version);
    for (const [i, key] of input.fields.entries()) if (!d.fields.includes(key)) throw validationFailed(`fields.${i}`, 'not among the fields asked for');
    const clearFields = input.clearFields ?? [];
    const personal = new Set((await fieldsOf(tx, d.resource_id)).filter((f) => f.personal).map((f) => f.key));
    for (const [i, key] of clearFields.entries()) {
      if (!input.fields.includes(key)) throw validationFailed(`clearFields.${i}`, 'not among the fields granted');
      if (!personal.has(key)) throw validationFailed(`clearFields.${i}`, 'not a personal field: it is given in clear anyway');
    }
    if (input.bulk) {
      const resource = await fetchResourceRow(tx, d.resource_id);
      if (resource?.sharing_method === 'api') throw unprocessable('DATA_BULK_NOT_OFFERED', { code: resource.code }, { field: 'bulk' });
    }
    if (input.rowRegion && !(await regionExists(tx, input.rowRegion))) throw unprocessable('REGION_NOT_FOUND', { regionCode: input.rowRegion }, { field: 'rowRegion' });
    const today = clock.today();
    if (input.validTo < today) throw validationFailed('validTo', 'in the past');
    if (input.validTo > aYearFrom(aYearFrom(aYearFrom(today)))) throw validationFailed('validTo', 'at most three years');
    await tx.query(
      `update data_demand set status = 'approved', answered_at = clock_now(), answered_by = $2, answer_note = $3, version = version + 1, updated_at = clock_now() where id = $1`,
      [id, actorId(actor), input.note?.trim() || null],
    );
    await insertGrant(tx, d, { fields: input.fields, rowRegion: input.rowRegion ?? null, validTo: input.validTo, dailyQuota: input.dailyQuota, clearFields, bulk: input.bulk ?? false });
    await appendAudit(tx, actor, {
      action: 'data_demand.approve',
      objectType: 'data_demand',
      objectId: id,
      regionCode: d.region_code,
      details: { fields: input.fields, rowRegion: input.rowRegion ?? null, validTo: input.validTo, dailyQuota: input.dailyQuota, clearFields, bulk: input.bulk ?? false },
    });
    return presentDemand(tx, id);
  });
}

/** Refusal, with the reason the requester reads. */
export async function refuseDemand(ctx: AppContext, actor: Actor, id: string, input: { version: number; reason: string }): Promise<Demand> {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const d = await answerable(tx, actor, id, input.version);
    await tx.query(
      `update data_demand set status = 'refused', answered_at = clock_now(), answered_by = $2, answer_note = $3, version = version + 1, updated_at = clock_now() where id = $1`,
      [id, actorId(actor), input.reason.trim()],
    );
    await appendAudit(tx, actor, { action: 'data_demand.refuse', objectType: 'data_demand', objectId: id, regionCode: d.region_code, details: { reason: input.reason.trim() } });
    return presentDemand(tx, id);
  });
}

/** The requester's side, at the version read. */
async function ownDemand(tx: Tx, actor: Actor, id: string, version: number): Promise<DemandRow> {
  const d = await lockDemand(tx, id);
  if (!mayRead(actor, d)) throw notFound('data_demand', id);
  requireScope(actor, MANAGE_ROLES, requesterScope(d));
  if (d.version !== version) throw conflict('VERSION_CONFLICT', { current: d.version }, { current: d.version });
  return d;
}

export async function withdrawDemand(ctx: AppContext, actor: Actor, id: string, version: number): Promise<Demand> {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const d = await ownDemand(tx, actor, id, version);
    if (d.status !== 'pending') throw conflict('DATA_DEMAND_STATUS', { status: d.status }, { status: d.status });
    await tx.query(`update data_demand set status = 'withdrawn', version = version + 1, updated_at = clock_now() where id = $1`, [id]);
    await appendAudit(tx, actor, { action: 'data_demand.withdraw', objectType: 'data_demand', objectId: id, regionCode: d.region_code, details: {} });
    return presentDemand(tx, id);
  });
}

/** The requester says whether the answer met the need: what 数据共享需求满足率 counts. Once. */
export async function confirmDemand(ctx: AppContext, actor: Actor, id: string, input: { version: number; satisfied: boolean; note?: string }): Promise<Demand> {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const d = await ownDemand(tx, actor, id, input.version);
    if (d.status !== 'approved' && d.status !== 'refused') throw conflict('DATA_DEMAND_STATUS', { status: d.status }, { status: d.status });
    if (d.satisfied !== null) throw conflict('DATA_DEMAND_CONFIRMED', {});
    await tx.query(
      `update data_demand set satisfied = $2, satisfaction_note = $3, confirmed_at = clock_now(), version = version + 1, updated_at = clock_now() where id = $1`,
      [id, input.satisfied, input.note?.trim() || null],
    );
    await appendAudit(tx, actor, { action: 'data_demand.confirm', objectType: 'data_demand', objectId: id, regionCode: d.region_code, details: { satisfied: input.satisfied } });
    return presentDemand(tx, id);
  });
}

/** Timer, the morning it falls due: a demand still pending reminds its provider's keepers. */
export async function remindIfPending(tx: Tx, demandId: string, dueDate: string): Promise<void> {
  const d = await tx.one<DemandRow>('select * from data_demand where id = $1', [demandId]);
  if (!d || d.status !== 'pending' || day(d.due_date) !== dueDate) return;
  const resource = (await fetchResourceRow(tx, d.resource_id))!;
  const requester = (await departmentRefsById(tx, [d.requester_department_id])).get(d.requester_department_id);
  await tellKeepers(tx, d, 'data_demand_due', { resource: resource.name, requester: requester?.name ?? '', dueDate });
}

/** Timer, the day after: a demand still pending is overdue and goes to the data bureau (数据管理部门督办). */
export async function escalateIfOverdue(tx: Tx, demandId: string, dueDate: string): Promise<void> {
  const d = await lockDemand(tx, demandId).catch(() => undefined);
  if (!d || d.status !== 'pending' || d.escalated_at || day(d.due_date) !== dueDate) return;
  await tx.query('update data_demand set overdue = true, escalated_at = clock_now(), version = version + 1 where id = $1', [d.id]);
  const resource = (await fetchResourceRow(tx, d.resource_id))!;
  const names = await departmentRefsById(tx, [d.provider_department_id, d.requester_department_id]);
  // the data officers over the provider's region, not narrowed to a department: the bureau
  const bureau = await staffAbleToAct(tx, ['data_officer'], { regionCode: d.region_code });
  await notifyStaff(tx, bureau.map((s) => s.id), {
    kind: 'data_demand_overdue',
    ref: d.id,
    params: { resource: resource.name, provider: names.get(d.provider_department_id)?.name ?? '', requester: names.get(d.requester_department_id)?.name ?? '', dueDate },
  });
  await appendAudit(tx, TIMER_ACTOR, { action: 'data_demand.overdue', objectType: 'data_demand', objectId: d.id, regionCode: d.region_code, details: { dueDate, bureau: bureau.length } });
}
