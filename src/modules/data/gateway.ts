import type { Actor } from '../../kernel/actor.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { AppError, unauthenticated } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { maskPersonal } from '../../kernel/validate/mask.ts';
import { exportCsv, changedRows } from './bulk-rows.ts';
import { callNames, logCall, lookupAndLog, newCall, type CallLog, type CallUse } from './calls.ts';
import { typedValue, type RecordValues } from './record-values.ts';
import type { GatewayAnswer, GatewayExport, GatewayQuery } from './schemas-exchange.ts';
import type { ResourceField } from './schemas.ts';
import { pickGrant, type GatewayGrant } from './gateway-grants.ts';
import { RateLimiter } from './rate-limiter.ts';
import { readSetting, SettingCache, type Setting } from './gateway-setting.ts';

/** A refusal of the gateway: nothing returned, a stable code, and the call logged with it. */
export const refused = (code: string, status = 403, params: Record<string, string | number> = {}, details?: unknown) =>
  new AppError(code, status, params, details);

/** The calling system's client id: the gateway serves department systems only. */
export function gatewayClient(actor: Actor): string {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'client') throw refused('DATA_GATEWAY_CLIENT_ONLY');
  return actor.id;
}

/**
 * Who calls, for what, under which grant: every check that needs no record, read through `q`.
 * `limiter` meters the system's calls; null for work a metered call already started (an export
 * job's run is checked again when it runs, but it is no new call of the system).
 */
export async function authorise(
  q: Queryable,
  limiter: RateLimiter | null,
  actor: Actor,
  call: CallLog,
  resourceCode: string,
  wanted: string[] | undefined,
  cached?: Setting,
) {
  const clientId = gatewayClient(actor);
  const s = cached ?? (await readSetting(q, clientId, resourceCode));
  if (!s) throw refused('DATA_GATEWAY_SYSTEM_UNBOUND');
  call.departmentId = s.department_id;
  call.regionCode = s.region_code;
  if (s.system_status !== 'active') throw refused('DATA_GATEWAY_SYSTEM_SUSPENDED');
  if (limiter && !limiter.take(clientId, s.rate_limit, performance.now())) throw refused('DATA_GATEWAY_RATE_LIMITED', 429, {}, { retryAfter: 1 });
  if (!s.resource_id || s.resource_status !== 'published') throw refused('DATA_GATEWAY_RESOURCE_UNKNOWN', 404, { code: resourceCode });
  call.resourceId = s.resource_id;
  const grant = pickGrant(s.grants ?? [], clock.today());
  if ('refusal' in grant) throw refused(grant.refusal);
  call.grantId = grant.id;
  const fields = wanted ?? grant.fields;
  const outside = fields.filter((f) => !grant.fields.includes(f));
  if (outside.length) throw refused('DATA_GATEWAY_FIELD_NOT_GRANTED', 403, { fields: outside.join(', ') }, { fields: outside });
  call.fields = fields;
  const byKey = new Map((s.fields ?? []).map((f) => [f.key, f]));
  return { s, grant, fields: fields.map((k) => byKey.get(k)!).filter(Boolean) };
}

/** authorise for a bulk export (批量交换), which only a grant with `bulk` allows: every granted field. */
export async function authoriseBulk(q: Queryable, limiter: RateLimiter | null, actor: Actor, call: CallLog, resourceCode: string) {
  const authorised = await authorise(q, limiter, actor, call, resourceCode, undefined);
  if (!authorised.grant.bulk) throw refused('DATA_GATEWAY_BULK_NOT_GRANTED');
  return authorised;
}

/** The granted fields of a record, personal ones masked unless the grant gives them in clear. */
export function project(values: RecordValues, fields: ResourceField[], grant: GatewayGrant) {
  const masked: string[] = [];
  const record: RecordValues = {};
  for (const f of fields) {
    const v = values[f.key] ?? null;
    if (f.personal && v !== null && !grant.clearFields.includes(f.key)) {
      record[f.key] = maskPersonal(f.personal, String(v));
      masked.push(f.key);
    } else record[f.key] = v;
  }
  return { record, masked };
}

/** What an answered call counts on its grant and tells the ledger. */
export async function callUse(q: Queryable, call: CallLog, s: Setting, grant: GatewayGrant, fields: ResourceField[]): Promise<CallUse> {
  const names = await callNames(q, call.clientId, s.department_id);
  return {
    grant,
    quota: grant.dailyQuota,
    day: clock.today(),
    resourceCode: s.resource_code!,
    resourceName: s.resource_name!,
    fieldNames: fields.map((f) => f.name),
    ...names,
  };
}

/**
 * Logs a refusal in its own statement (the refused call changes nothing else) and says its log
 * entry; other errors are no call's outcome, and a caller that is no system is not logged.
 */
export async function logRefusal(q: Queryable, call: CallLog, err: unknown): Promise<string | null> {
  if (err instanceof AppError && call.clientId) return logCall(q, { ...call, outcome: err.code }, null);
  return null;
}

/**
 * The exchange gateway (共享交换): department systems call with their own client-credentials
 * token; each call is checked against the grant its department holds on the resource (fields,
 * rows, period, daily quota), personal values are masked unless the grant gives them in clear,
 * the system's rate is limited, and every call — answered or refused — is logged with its
 * caller, resource, purpose, rows, persons touched and latency. A call that returns a person's
 * row is written to that person's data-use ledger (我的数据使用记录) in the same statement as
 * the call's log entry and its quota count.
 */
export function exchangeGateway(ctx: AppContext) {
  const pii = personalData(ctx.config.masterKey);
  const limiter = new RateLimiter();
  const settings = new SettingCache();

  /**
   * A lookup under the system's setting for the resource — from the cache when a call went
   * through it lately — answered and logged in one statement; a setting that changed meanwhile
   * is read again and the lookup tried once more under it.
   */
  async function lookup(actor: Actor, call: CallLog, input: GatewayQuery) {
    for (let attempt = 0; ; attempt++) {
      const today = clock.today();
      const cached = attempt === 0 ? settings.get(call.clientId, input.resource, today, performance.now()) : undefined;
      const { s, grant, fields } = await authorise(ctx.db, limiter, actor, call, input.resource, input.fields, cached);
      const keyField = (s.fields ?? []).find((f) => f.key === s.key_field);
      // the key in its stored form (ID numbers and 统一社会信用代码 are kept in capitals)
      const key = keyField ? typedValue(keyField, input.key) : undefined;
      if (key === undefined || key === null) throw refused('DATA_RECORD_NOT_FOUND', 404);
      const outcome = await lookupAndLog(ctx.db, call, await callUse(ctx.db, call, s, grant, fields), {
        fingerprint: s.fingerprint!,
        keyIndex: pii.index(String(key)),
        rowPrefix: grant.rowRegion ? `${regionPrefix(grant.rowRegion)}%` : null,
      });
      if (outcome.kind === 'stale' && attempt === 0) {
        settings.drop(call.clientId, input.resource);
        continue;
      }
      if (outcome.kind === 'stale') throw refused('DATA_GATEWAY_BUSY', 503);
      settings.set(call.clientId, input.resource, today, performance.now(), s);
      if (outcome.kind === 'not_found') throw refused('DATA_RECORD_NOT_FOUND', 404);
      if (outcome.kind === 'row_not_granted') throw refused('DATA_GATEWAY_ROW_NOT_GRANTED');
      return { s, grant, fields, outcome };
    }
  }

  /** Logs a refusal and passes it on. */
  async function refusedCall(call: CallLog, err: unknown): Promise<never> {
    await logRefusal(ctx.db, call, err);
    throw err;
  }

  return {
    /** One record by its key (a lookup: 查询核验). */
    async query(actor: Actor, input: GatewayQuery): Promise<GatewayAnswer> {
      const call = newCall(actor, 'lookup', input.purpose);
      try {
        const { s, grant, fields, outcome } = await lookup(actor, call, input);
        const { record, masked } = project(JSON.parse(pii.decrypt(outcome.valuesEnc)) as RecordValues, fields, grant);
        return { resource: s.resource_code!, fields: fields.map((f) => f.key), record, masked, callId: outcome.callId };
      } catch (err) {
        return refusedCall(call, err);
      }
    },

    /**
     * A page of the bulk export (批量交换) for a grant that allows it: rows changed after the
     * cursor (and since `changedSince`), in change order, within the grant's rows; one call of
     * the quota however many rows, each person's ledger told.
     */
    async export(actor: Actor, input: GatewayExport): Promise<{ fields: string[]; rows: RecordValues[]; next: string | null; callId: string; csv?: string }> {
      const call = newCall(actor, 'export', input.purpose);
      try {
        const { s, grant, fields } = await authoriseBulk(ctx.db, limiter, actor, call, input.resource);
        const limit = input.limit ?? 1000;
        const rows = await changedRows(ctx.db, s.resource_id!, grant, { after: input.after ?? '0', changedSince: input.changedSince ?? null, limit: limit + 1 });
        const page = rows.slice(0, limit);
        const out = page.map((r) => project(JSON.parse(pii.decrypt(r.values_enc)) as RecordValues, fields, grant).record);
        const persons = [...new Set(page.flatMap((r) => r.persons))];
        const callId = await logCall(ctx.db, { ...call, rows: page.length, persons }, await callUse(ctx.db, call, s, grant, fields));
        const next = rows.length > limit ? String(page[page.length - 1]!.change_seq) : null;
        const keys = fields.map((f) => f.key);
        return { fields: keys, rows: out, next, callId, ...(input.format === 'csv' ? { csv: exportCsv(keys, out) } : {}) };
      } catch (err) {
        return refusedCall(call, err);
      }
    },

    /**
     * The checks of a bulk export that runs later (an export job) as its start is a call: metered
     * by the system's rate, and logged when refused. The run checks the grant again.
     */
    async admitBulk(actor: Actor, call: CallLog, resourceCode: string) {
      try {
        return await authoriseBulk(ctx.db, limiter, actor, call, resourceCode);
      } catch (err) {
        return refusedCall(call, err);
      }
    },
  };
}

export type ExchangeGateway = ReturnType<typeof exchangeGateway>;
