import type { Actor } from '../../kernel/actor.ts';
import { requireRole, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { clientRefs } from '../identity/index.ts';
import { departmentRefsById } from '../org/index.ts';
import type { GatewayGrant } from './gateway-grants.ts';
import type { CallListQuery, CallStats, CallStatsQuery, DataCall } from './schemas-exchange.ts';
import { MANAGE_ROLES } from './store.ts';

/** A gateway call as it is logged. */
export interface CallLog {
  clientId: string;
  departmentId?: string;
  regionCode?: string;
  resourceId?: string;
  grantId?: string;
  kind: 'lookup' | 'export';
  purpose: string | null;
  outcome: string;
  fields: string[];
  rows: number;
  /** blind indexes of the persons whose rows were returned */
  persons: string[];
  /** performance.now() when the call came in */
  started: number;
}

/** What an answered call writes to the ledger of each person it touched, and counts on its grant. */
export interface CallUse {
  grant: GatewayGrant;
  quota: number;
  day: string;
  resourceCode: string;
  resourceName: string;
  fieldNames: string[];
  departmentName: string;
  systemName: string;
}

/**
 * Logs a call. An answered call (`use` given) also counts one on its grant's daily quota and
 * writes one ledger entry per person, all in one statement: when the quota is used up nothing
 * is written and the call is refused (`DATA_GATEWAY_QUOTA_EXCEEDED`, logged as such by the caller).
 */
export async function logCall(q: Queryable, call: CallLog, use: CallUse | null): Promise<string> {
  const latency = Math.round(performance.now() - call.started);
  const base = [call.clientId, call.departmentId ?? null, call.regionCode ?? null, call.resourceId ?? null, call.grantId ?? null, call.kind, call.purpose, call.outcome, call.rows, call.persons.length, call.fields, latency];
  if (!use) {
    const row = await q.one<{ id: string }>(
      `insert into data_call (client_id, department_id, region_code, resource_id, grant_id, kind, purpose, outcome, rows, persons, fields, latency_ms)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      base,
    );
    return String(row!.id);
  }
  const purpose = [use.grant.purpose, call.purpose].filter(Boolean).join(' · ') || null;
  const row = await q.one<{ id: string | null }>(
    `with counted as (
       insert into data_grant_day (grant_id, day, calls) values ($5, $14::date, 1)
       on conflict (grant_id, day) do update set calls = data_grant_day.calls + 1 where data_grant_day.calls < $13
       returning calls
     ), logged as (
       insert into data_call (client_id, department_id, region_code, resource_id, grant_id, kind, purpose, outcome, rows, persons, fields, latency_ms)
       select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 where exists (select 1 from counted)
       returning id
     ), used as (
       insert into data_use (person_index, kind, department_id, department_name, system, resource_code, resource_name, fields, purpose, legal_basis, call_id)
       select p, $15, $2, $16, $17, $18, $19, $20, $21, $22, logged.id from logged, unnest($23::text[]) as p
     )
     -- the answer has gone out already; the counter row of the grant must not stay locked
     -- for a WAL flush per call (every call of a grant would queue on it)
     select (select id from logged) as id, set_config('synchronous_commit', 'off', true) as async`,
    [
      ...base,
      use.quota,
      use.day,
      call.kind === 'lookup' ? 'gateway' : 'export',
      use.departmentName,
      use.systemName,
      use.resourceCode,
      use.resourceName,
      use.fieldNames,
      purpose,
      use.grant.legalBasis,
      call.persons,
    ],
  );
  if (!row?.id) throw new AppError('DATA_GATEWAY_QUOTA_EXCEEDED', 403, { quota: use.quota }, { quota: use.quota });
  return String(row.id);
}

const NAME_TTL_MS = 60_000;
const names = new Map<string, { name: string; until: number }>();

/**
 * The calling system's and department's names for the ledger, kept a minute: names are shown,
 * never checked, so a rename reaching the ledger a minute late is harmless.
 */
export async function callNames(q: Queryable, clientId: string, departmentId: string): Promise<{ systemName: string; departmentName: string }> {
  const now = performance.now();
  const cached = (k: string) => {
    const hit = names.get(k);
    return hit && hit.until > now ? hit.name : undefined;
  };
  let systemName = cached(`c:${clientId}`);
  let departmentName = cached(`d:${departmentId}`);
  if (systemName === undefined) {
    systemName = (await clientRefs(q, [clientId])).get(clientId)?.name ?? clientId;
    names.set(`c:${clientId}`, { name: systemName, until: now + NAME_TTL_MS });
  }
  if (departmentName === undefined) {
    departmentName = (await departmentRefsById(q, [departmentId])).get(departmentId)?.name ?? '';
    names.set(`d:${departmentId}`, { name: departmentName, until: now + NAME_TTL_MS });
  }
  return { systemName, departmentName };
}

/** Calls the actor may see: on resources it keeps, or made by systems of departments it keeps. */
function callScope(actor: Actor, params: unknown[]): string {
  const provider = scopeCondition(actor, MANAGE_ROLES, { region: 'r.region_code', department: 'r.provider_department_id' }, params);
  const caller = scopeCondition(actor, MANAGE_ROLES, { region: 'c.region_code', department: 'c.department_id' }, params);
  return `(${provider} or ${caller})`;
}

/** 共享调用量: calls per resource, calling department or day over a period (Asia/Shanghai days). */
export async function callStats(ctx: AppContext, actor: Actor, query: CallStatsQuery): Promise<CallStats> {
  requireRole(actor, MANAGE_ROLES);
  if (query.to < query.from) throw validationFailed('to', 'before from');
  const params: unknown[] = [query.from, query.to];
  const scope = callScope(actor, params);
  const key = query.by === 'resource' ? 'c.resource_id::text' : query.by === 'department' ? 'c.department_id::text' : `to_char(c.at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
  const rows = await ctx.db.query<{ key: string | null; name: string | null; calls: string; answered: string; rows: string; persons: string; p95: number | null }>(
    `select ${key} as key, ${query.by === 'resource' ? 'min(r.name)' : 'null'} as name, count(*) as calls, count(*) filter (where c.outcome = 'ok') as answered,
            coalesce(sum(c.rows), 0) as rows, coalesce(sum(c.persons), 0) as persons,
            percentile_cont(0.95) within group (order by c.latency_ms) as p95
       from data_call c left join data_resource r on r.id = c.resource_id
      where (c.at at time zone 'Asia/Shanghai')::date between $1::date and $2::date and ${scope}
      group by 1 order by 1`,
    params,
  );
  const depts = query.by === 'department' ? await departmentRefsById(ctx.db, rows.map((r) => r.key).filter((k): k is string => Boolean(k))) : new Map();
  const items = rows.map((r) => {
    const calls = Number(r.calls);
    const answered = Number(r.answered);
    return {
      key: r.key ?? '',
      name: r.name ?? (query.by === 'department' ? (depts.get(r.key ?? '')?.name ?? '') : (r.key ?? '')),
      calls,
      answered,
      refused: calls - answered,
      rows: Number(r.rows),
      persons: Number(r.persons),
      p95Ms: Math.round(Number(r.p95 ?? 0)),
    };
  });
  const calls = items.reduce((n, i) => n + i.calls, 0);
  const answered = items.reduce((n, i) => n + i.answered, 0);
  return { items, total: { calls, answered, refused: calls - answered } };
}

/** The call log, newest first. */
export async function listCalls(ctx: AppContext, actor: Actor, query: CallListQuery): Promise<PageResult<DataCall>> {
  requireRole(actor, MANAGE_ROLES);
  const params: unknown[] = [];
  const where = [callScope(actor, params)];
  if (query.resourceId) {
    params.push(query.resourceId);
    where.push(`c.resource_id = $${params.length}`);
  }
  if (query.outcome) where.push(query.outcome === 'ok' ? `c.outcome = 'ok'` : `c.outcome <> 'ok'`);
  for (const [bound, op] of [
    [query.from, '>='],
    [query.to, '<='],
  ] as const) {
    if (!bound) continue;
    params.push(bound);
    where.push(`(c.at at time zone 'Asia/Shanghai')::date ${op} $${params.length}::date`);
  }
  const from = `from data_call c left join data_resource r on r.id = c.resource_id where ${where.join(' and ')}`;
  const total = Number((await ctx.db.one<{ n: string }>(`select count(*) as n ${from}`, params))?.n ?? 0);
  const rows = await ctx.db.query<{ id: string; at: Date; client_id: string; department_id: string | null; code: string | null; name: string | null; kind: DataCall['kind']; purpose: string | null; outcome: string; rows: number; persons: number; fields: string[]; latency_ms: number }>(
    `select c.*, r.code, r.name ${from} order by c.id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  const depts = await departmentRefsById(ctx.db, rows.map((r) => r.department_id).filter((d): d is string => Boolean(d)));
  const systems = await clientRefs(ctx.db, rows.map((r) => r.client_id));
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at).toISOString(),
      clientId: r.client_id,
      systemName: systems.get(r.client_id)?.name ?? r.client_id,
      departmentName: r.department_id ? (depts.get(r.department_id)?.name ?? null) : null,
      resourceCode: r.code,
      resourceName: r.name,
      kind: r.kind,
      purpose: r.purpose,
      outcome: r.outcome,
      rows: r.rows,
      persons: r.persons,
      fields: r.fields,
      latencyMs: r.latency_ms,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
