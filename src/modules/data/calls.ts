import type { Actor } from '../../kernel/actor.ts';
import { requireRole, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError, validationFailed } from '../../kernel/errors.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { clientRefs } from '../identity/index.ts';
import { departmentRefsById } from '../org/index.ts';
import type { GatewayGrant } from './gateway-grants.ts';
import { FINGERPRINT } from './gateway-setting.ts';
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

/** A call as it comes in: answered until a check refuses it (a caller that is no system is logged with no client). */
export const newCall = (actor: Actor, kind: CallLog['kind'], purpose: string | undefined): CallLog => ({
  clientId: actor.kind === 'client' ? actor.id : '',
  kind,
  purpose: purpose ?? null,
  outcome: 'ok',
  fields: [],
  rows: 0,
  persons: [],
  started: performance.now(),
});

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

const CALL_COLUMNS = 'client_id, department_id, region_code, resource_id, grant_id, kind, purpose, outcome, fields, latency_ms, rows, persons';

/** $1–$10: the call as logged. */
function callParams(call: CallLog): unknown[] {
  const latency = Math.round(performance.now() - call.started);
  return [call.clientId, call.departmentId ?? null, call.regionCode ?? null, call.resourceId ?? null, call.grantId ?? null, call.kind, call.purpose, call.outcome, call.fields, latency];
}

/** $11–$20: the quota and what the ledger says of an answered call. */
function useParams(call: CallLog, use: CallUse): unknown[] {
  const purpose = [use.grant.purpose, call.purpose].filter(Boolean).join(' · ') || null;
  const kind = call.kind === 'lookup' ? 'gateway' : 'export';
  return [use.quota, use.day, kind, use.departmentName, use.systemName, use.resourceCode, use.resourceName, use.fieldNames, purpose, use.grant.legalBasis];
}

/**
 * The statements of an answered call, as CTEs over callParams and useParams: one more on its
 * grant's daily count unless the quota is used up (then nothing at all is written), its log
 * entry, and one ledger entry per person. `answered` is the SQL condition that the call is
 * answered; `rows`, `persons` and `personsFrom` say where its row count and persons come from.
 */
const answeredCtes = (answered: string, rows: string, persons: string, personsFrom: string) => `
  counted as (
    insert into data_grant_day (grant_id, day, calls) select $5, $12::date, 1 where ${answered}
    on conflict (grant_id, day) do update set calls = data_grant_day.calls + 1 where data_grant_day.calls < $11
    returning calls
  ), logged as (
    insert into data_call (${CALL_COLUMNS})
    select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ${rows}, ${persons} where exists (select 1 from counted)
    returning id
  ), used as (
    insert into data_use (person_index, kind, department_id, department_name, system, resource_code, resource_name, fields, purpose, legal_basis, call_id)
    select p, $13, $2, $14, $15, $16, $17, $18, $19, $20, logged.id from logged, ${personsFrom}
  )`;

// The answer goes out whatever happens to the log: the grant's counter row must not stay locked
// for a WAL flush per call (every call of a grant would queue on it).
const NO_FLUSH_WAIT = `set_config('synchronous_commit', 'off', true) as async`;

const quotaExceeded = (use: CallUse) => new AppError('DATA_GATEWAY_QUOTA_EXCEEDED', 403, { quota: use.quota }, { quota: use.quota });

/**
 * Logs a call. An answered call (`use` given) also counts one on its grant's daily quota and
 * writes one ledger entry per person, all in one statement: when the quota is used up nothing
 * is written and the call is refused (`DATA_GATEWAY_QUOTA_EXCEEDED`, logged as such by the caller).
 */
export async function logCall(q: Queryable, call: CallLog, use: CallUse | null): Promise<string> {
  if (!use) {
    const row = await q.one<{ id: string }>(
      `insert into data_call (${CALL_COLUMNS}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id`,
      [...callParams(call), call.rows, call.persons.length],
    );
    return String(row!.id);
  }
  const row = await q.one<{ id: string | null }>(
    `with ${answeredCtes('true', '$21', 'cardinality($22::text[])', 'unnest($22::text[]) as p')}
     select (select id from logged) as id, ${NO_FLUSH_WAIT}`,
    [...callParams(call), ...useParams(call, use), call.rows, call.persons],
  );
  if (!row?.id) throw quotaExceeded(use);
  return String(row.id);
}

/** What became of a lookup (see lookupAndLog). */
export type LookupOutcome =
  | { kind: 'stale' }
  | { kind: 'not_found' }
  | { kind: 'row_not_granted' }
  | { kind: 'answered'; callId: string; valuesEnc: string; persons: string[] };

/**
 * A lookup of one record under a setting the caller checked (possibly from its cache), answered
 * and logged in one statement: the record is read only if the setting's fingerprint is still the
 * database's, and counted, logged and written to the ledger only if it lies in the grant's rows.
 * Anything else writes nothing and says why (`stale`: read the setting again; `not_found`,
 * `row_not_granted`: refusals the caller logs); a used-up quota throws as in logCall.
 */
export async function lookupAndLog(
  q: Queryable,
  call: CallLog,
  use: CallUse,
  record: { fingerprint: string; keyIndex: string; rowPrefix: string | null },
): Promise<LookupOutcome> {
  const row = await q.one<{ current: boolean; values_enc: string | null; persons: string[] | null; in_region: boolean | null; id: string | null }>(
    `with setting as (
       select 1 from data_system s join data_resource r on r.id = $4 where s.client_id = $1 and ${FINGERPRINT} = $21
     ), rec as (
       select values_enc, persons, ($23::text is null or region_code like $23) as in_region
         from data_record where resource_id = $4 and key_index = $22 and exists (select 1 from setting)
     ), ${answeredCtes('exists (select 1 from rec where in_region)', '1', '(select cardinality(persons) from rec)', 'rec, unnest(rec.persons) as p')}
     select exists (select 1 from setting) as current, rec.values_enc, rec.persons, rec.in_region, (select id from logged) as id, ${NO_FLUSH_WAIT}
       from (select 1) as one left join rec on true`,
    [...callParams({ ...call, rows: 1 }), ...useParams(call, use), record.fingerprint, record.keyIndex, record.rowPrefix],
  );
  if (!row?.current) return { kind: 'stale' };
  if (row.values_enc === null) return { kind: 'not_found' };
  if (!row.in_region) return { kind: 'row_not_granted' };
  if (!row.id) throw quotaExceeded(use);
  return { kind: 'answered', callId: String(row.id), valuesEnc: row.values_enc, persons: row.persons ?? [] };
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
