import type { Actor } from '../../kernel/actor.ts';
import { actorId } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireRole } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { unprocessable } from '../../kernel/errors.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { departmentRefsById } from '../org/index.ts';
import { recordDataUse } from './ledger.ts';
import { readRecordAt } from './records.ts';
import type { RecordValue } from './record-values.ts';
import type { BaseFieldSource, BaseFieldSourceSet } from './schemas-exchange.ts';
import { fetchResourceRow, fieldsByResource, fieldsOf } from './store.ts';

/** Who says which resource serves a base-library key: the data bureau. */
const SOURCE_ROLES = ['administrator', 'data_officer'] as const;

/** A value from a base library, with where it came from (the applicant is shown it). */
export interface LibraryFill {
  value: RecordValue;
  resourceCode: string;
  resourceName: string;
  providerName: string;
  fieldName: string;
}

/** Whom a fill is about and who uses it for what: written to the person's ledger. */
export interface FillRequest {
  /** The catalogue's base-library keys (population.household_address …). */
  keys: string[];
  idNumber?: string | null;
  /** A person by the blind index of their ID number instead (identity's `personIdNumberIndex`). */
  personIndex?: string | null;
  uscc?: string | null;
  use: { departmentId: string | null; departmentName: string; system: string; purpose: string; legalBasis: string | null };
  /** `material` when the values replace materials (免提交); `prefill` (default) when they fill a form (免填报). */
  kind?: 'prefill' | 'material';
}

type SourceRow = {
  key: string;
  resource_id: string;
  field_key: string | null;
  code: string;
  name: string;
  status: string;
  key_field: string | null;
  provider_department_id: string;
};

/**
 * 免填报 / 免提交 through the base libraries: the values the libraries hold about the subject
 * (a person by ID number, an enterprise by 统一社会信用代码) for the keys asked, each with its
 * source; a key no published library serves, or a subject the library does not hold, is simply
 * absent. Every library read that touches a person is written to that person's ledger (kind
 * `prefill`), in the caller's transaction.
 */
export async function libraryValues(q: Queryable, pii: PersonalData, request: FillRequest): Promise<Map<string, LibraryFill>> {
  const out = new Map<string, LibraryFill>();
  if (!request.keys.length) return out;
  const sources = await q.query<SourceRow>(
    `select s.key, s.resource_id, s.field_key, r.code, r.name, r.status, r.key_field, r.provider_department_id
       from data_base_field_source s join data_resource r on r.id = s.resource_id where s.key = any($1) and r.status = 'published'`,
    [request.keys],
  );
  const providers = await departmentRefsById(q, sources.map((s) => s.provider_department_id));
  const byResource = new Map<string, SourceRow[]>();
  for (const s of sources) byResource.set(s.resource_id, [...(byResource.get(s.resource_id) ?? []), s]);
  for (const [resourceId, rows] of byResource) {
    const fields = await fieldsOf(q, resourceId);
    const keyField = fields.find((f) => f.key === rows[0]!.key_field);
    const byPerson = keyField?.personal === 'id_number' || keyField?.dataItem === '公民身份号码';
    const subject = byPerson
      ? (request.personIndex ?? (request.idNumber ? pii.index(request.idNumber.toUpperCase()) : undefined))
      : keyField?.dataItem === '统一社会信用代码' && request.uscc
        ? pii.index(request.uscc.toUpperCase())
        : undefined;
    if (!subject) continue;
    const record = await readRecordAt(q, pii, resourceId, subject);
    if (!record) continue;
    const used: string[] = [];
    for (const s of rows) {
      const field = s.field_key ? fields.find((f) => f.key === s.field_key) : keyField;
      if (!field) continue;
      const value = record.values[field.key] ?? null;
      if (s.field_key && (value === null || value === '')) continue;
      out.set(s.key, { value, resourceCode: s.code, resourceName: s.name, providerName: providers.get(s.provider_department_id)?.name ?? '', fieldName: field.name });
      used.push(s.field_key ? field.name : s.name);
    }
    if (!used.length) continue;
    for (const personIndex of record.persons) {
      await recordDataUse(q, { personIndex, kind: request.kind ?? 'prefill', ...request.use, resourceName: rows[0]!.name, resourceCode: rows[0]!.code, fields: used });
    }
  }
  return out;
}

/** Whether the libraries hold a subject's record for a base-library key, and which library serves it. */
export interface LibraryHold {
  held: boolean;
  resourceName: string;
  providerName: string;
}

/**
 * 免提交 as the case page shows it: for each key a published library serves, whether it holds
 * the subject — a person by the blind index of their ID number (identity's, the same keyed
 * index), an enterprise by its 统一社会信用代码. Nothing is read in clear and nothing is
 * written to a ledger: the use is recorded when the case is submitted (`libraryValues`). Keys
 * no library serves are absent.
 */
export async function libraryHolds(q: Queryable, pii: PersonalData, subject: { personIndex?: string | null; uscc?: string | null }, keys: string[]): Promise<Map<string, LibraryHold>> {
  const out = new Map<string, LibraryHold>();
  if (!keys.length) return out;
  const rows = await q.query<SourceRow & { key_item: string | null; key_personal: string | null }>(
    `select s.key, s.resource_id, s.field_key, r.code, r.name, r.status, r.key_field, r.provider_department_id, f.data_item as key_item, f.personal as key_personal
       from data_base_field_source s join data_resource r on r.id = s.resource_id
       left join data_resource_field f on f.resource_id = r.id and f.key = r.key_field
      where s.key = any($1) and r.status = 'published' and r.key_field is not null`,
    [keys],
  );
  const providers = await departmentRefsById(q, rows.map((r) => r.provider_department_id));
  for (const r of rows) {
    const index = r.key_personal === 'id_number' || r.key_item === '公民身份号码' ? subject.personIndex : r.key_item === '统一社会信用代码' && subject.uscc ? pii.index(subject.uscc.toUpperCase()) : null;
    // a library keyed by whom the case is not about (an enterprise applying about a person) cannot decide
    if (!index) continue;
    const held = Boolean(await q.one('select 1 as x from data_record where resource_id = $1 and key_index = $2', [r.resource_id, index]));
    out.set(r.key, { held, resourceName: r.name, providerName: providers.get(r.provider_department_id)?.name ?? '' });
  }
  return out;
}

export async function listBaseFieldSources(ctx: AppContext, actor: Actor): Promise<{ items: BaseFieldSource[] }> {
  requireRole(actor, [...SOURCE_ROLES, 'department_admin']);
  const rows = await ctx.db.query<SourceRow & { set_at: Date }>(
    `select s.key, s.resource_id, s.field_key, s.set_at, r.code, r.name, r.status, r.key_field, r.provider_department_id
       from data_base_field_source s join data_resource r on r.id = s.resource_id order by s.key`,
  );
  const providers = await departmentRefsById(ctx.db, rows.map((r) => r.provider_department_id));
  const fields = await fieldsByResource(ctx.db, rows.map((r) => r.resource_id));
  const items = rows.map((r): BaseFieldSource => {
    const field = r.field_key ? fields.get(r.resource_id)?.find((f) => f.key === r.field_key) : undefined;
    return {
      key: r.key,
      resourceId: r.resource_id,
      resourceCode: r.code,
      resourceName: r.name,
      providerName: providers.get(r.provider_department_id)?.name ?? '',
      fieldKey: r.field_key,
      fieldName: field?.name ?? null,
      published: r.status === 'published',
      setAt: new Date(r.set_at).toISOString(),
    };
  });
  return { items };
}

/**
 * The data bureau names the resource (and field) that serves a base-library key: a published
 * resource with a key field, and one of its fields (or none: the record itself, for 免提交).
 */
export async function setBaseFieldSource(ctx: AppContext, actor: Actor, key: string, input: BaseFieldSourceSet): Promise<BaseFieldSource> {
  requireRole(actor, SOURCE_ROLES);
  const resource = await fetchResourceRow(ctx.db, input.resourceId);
  if (!resource || resource.status !== 'published') throw unprocessable('DATA_RESOURCE_NOT_PUBLISHED', {}, { field: 'resourceId' });
  if (!resource.key_field) throw unprocessable('DATA_RESOURCE_NO_KEY', { code: resource.code }, { field: 'resourceId' });
  if (input.fieldKey && !(await fieldsOf(ctx.db, resource.id)).some((f) => f.key === input.fieldKey)) {
    throw unprocessable('DATA_FIELD_UNKNOWN', { key: input.fieldKey }, { field: 'fieldKey' });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.query(
      `insert into data_base_field_source (key, resource_id, field_key, set_by) values ($1, $2, $3, $4)
       on conflict (key) do update set resource_id = excluded.resource_id, field_key = excluded.field_key, set_by = excluded.set_by, set_at = clock_now()`,
      [key, resource.id, input.fieldKey ?? null, actorId(actor)],
    );
    await appendAudit(tx, actor, { action: 'data_base_field.set', objectType: 'data_base_field_source', objectId: key, regionCode: resource.region_code, details: { resource: resource.code, field: input.fieldKey ?? null } });
  });
  return (await listBaseFieldSources(ctx, actor)).items.find((s) => s.key === key)!;
}
