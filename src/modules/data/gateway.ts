import type { Actor } from '../../kernel/actor.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import { csvField } from '../../kernel/csv.ts';
import { AppError, unauthenticated } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { maskPersonal } from '../../kernel/validate/mask.ts';
import { callNames, logCall, lookupAndLog, type CallLog, type CallUse } from './calls.ts';
import { typedValue, type RecordValues } from './record-values.ts';
import type { GatewayAnswer, GatewayExport, GatewayQuery } from './schemas-exchange.ts';
import type { ResourceField } from './schemas.ts';
import { pickGrant, type GatewayGrant } from './gateway-grants.ts';
import { RateLimiter } from './rate-limiter.ts';
import { readSetting, SettingCache, type Setting } from './gateway-setting.ts';

/** A refusal of the gateway: nothing returned, a stable code, and the call logged with it. */
const refused = (code: string, status = 403, params: Record<string, string | number> = {}, details?: unknown) => new AppError(code, status, params, details);


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

  /** Who calls, for what, under which grant: every check that needs no record. */
  async function authorise(actor: Actor, call: CallLog, resourceCode: string, wanted: string[] | undefined, cached?: Setting) {
    if (actor.kind === 'anonymous') throw unauthenticated();
    if (actor.kind !== 'client') throw refused('DATA_GATEWAY_CLIENT_ONLY');
    const s = cached ?? (await readSetting(ctx.db, actor.id, resourceCode));
    if (!s) throw refused('DATA_GATEWAY_SYSTEM_UNBOUND');
    call.departmentId = s.department_id;
    call.regionCode = s.region_code;
    if (s.system_status !== 'active') throw refused('DATA_GATEWAY_SYSTEM_SUSPENDED');
    if (!limiter.take(actor.id, s.rate_limit, performance.now())) throw refused('DATA_GATEWAY_RATE_LIMITED', 429, {}, { retryAfter: 1 });
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

  /** The granted fields of a record, personal ones masked unless the grant gives them in clear. */
  const project = (values: RecordValues, fields: ResourceField[], grant: GatewayGrant) => {
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
  };

  /** What an answered call counts on its grant and tells the ledger. */
  async function use(call: CallLog, s: Setting, grant: GatewayGrant, fields: ResourceField[]): Promise<CallUse> {
    const names = await callNames(ctx.db, call.clientId, s.department_id);
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
   * A lookup under the system's setting for the resource — from the cache when a call went
   * through it lately — answered and logged in one statement; a setting that changed meanwhile
   * is read again and the lookup tried once more under it.
   */
  async function lookup(actor: Actor, call: CallLog, input: GatewayQuery) {
    for (let attempt = 0; ; attempt++) {
      const today = clock.today();
      const cached = attempt === 0 ? settings.get(call.clientId, input.resource, today, performance.now()) : undefined;
      const { s, grant, fields } = await authorise(actor, call, input.resource, input.fields, cached);
      const keyField = (s.fields ?? []).find((f) => f.key === s.key_field);
      // the key in its stored form (ID numbers and 统一社会信用代码 are kept in capitals)
      const key = keyField ? typedValue(keyField, input.key) : undefined;
      if (key === undefined || key === null) throw refused('DATA_RECORD_NOT_FOUND', 404);
      const outcome = await lookupAndLog(ctx.db, call, await use(call, s, grant, fields), {
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

  /** Logs a refusal (its own statement: the refused call changes nothing else) and passes it on. */
  async function refusedCall(call: CallLog, err: unknown): Promise<never> {
    if (err instanceof AppError && call.clientId) await logCall(ctx.db, { ...call, outcome: err.code }, null);
    throw err;
  }

  return {
    /** One record by its key (a lookup: 查询核验). */
    async query(actor: Actor, input: GatewayQuery): Promise<GatewayAnswer> {
      const started = performance.now();
      const call: CallLog = { clientId: actorClient(actor), kind: 'lookup', purpose: input.purpose ?? null, outcome: 'ok', fields: [], rows: 0, persons: [], started };
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
      const started = performance.now();
      const call: CallLog = { clientId: actorClient(actor), kind: 'export', purpose: input.purpose ?? null, outcome: 'ok', fields: [], rows: 0, persons: [], started };
      try {
        const { s, grant, fields } = await authorise(actor, call, input.resource, undefined);
        if (!grant.bulk) throw refused('DATA_GATEWAY_BULK_NOT_GRANTED');
        const limit = input.limit ?? 1000;
        const params: unknown[] = [s.resource_id, input.after ?? '0', input.changedSince ?? null, limit + 1];
        let region = '';
        if (grant.rowRegion) {
          params.push(`${regionPrefix(grant.rowRegion)}%`);
          region = `and region_code like $${params.length}`;
        }
        const rows = await ctx.db.query<{ values_enc: string; persons: string[]; change_seq: string }>(
          `select values_enc, persons, change_seq from data_record
            where resource_id = $1 and change_seq > $2::bigint and ($3::timestamptz is null or changed_at >= $3::timestamptz) ${region}
            order by change_seq limit $4`,
          params,
        );
        const page = rows.slice(0, limit);
        const out = page.map((r) => project(JSON.parse(pii.decrypt(r.values_enc)) as RecordValues, fields, grant).record);
        const persons = [...new Set(page.flatMap((r) => r.persons))];
        const callId = await logCall(ctx.db, { ...call, rows: page.length, persons }, await use(call, s, grant, fields));
        const next = rows.length > limit ? String(page[page.length - 1]!.change_seq) : null;
        const keys = fields.map((f) => f.key);
        const csv =
          input.format === 'csv'
            ? [keys.join(','), ...out.map((r) => keys.map((k) => csvField(r[k] === null || r[k] === undefined ? '' : String(r[k]))).join(','))].join('\r\n') + '\r\n'
            : undefined;
        return { fields: keys, rows: out, next, callId, ...(csv !== undefined ? { csv } : {}) };
      } catch (err) {
        return refusedCall(call, err);
      }
    },
  };
}

const actorClient = (actor: Actor) => (actor.kind === 'client' ? actor.id : '');

export type ExchangeGateway = ReturnType<typeof exchangeGateway>;
