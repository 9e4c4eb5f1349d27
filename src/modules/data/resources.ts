import type { Actor } from '../../kernel/actor.ts';
import { actorId } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct, requireScope, requireStaff, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { conflict, isUniqueViolation, notFound, unprocessable } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { likeContains, type PageResult } from '../../kernel/sql/paging.ts';
import { departments, departmentRefsById } from '../org/index.ts';
import { checkResource } from './rules.ts';
import type { Resource, ResourceCreate, ResourceListQuery, ResourceSummary, ResourceUpdate } from './schemas.ts';
import { classNameOf, fetchResourceRow, MANAGE_ROLES, resourceView, sourceConflicts, type ResourceRow } from './store.ts';
import type { ResourceStatus } from './vocab.ts';

type Content = Omit<ResourceCreate, 'providerDepartmentId'>;

const scopeOf = (r: Pick<ResourceRow, 'region_code' | 'provider_department_id'>) => ({ regionCode: r.region_code, departmentId: r.provider_department_id });

/**
 * Every staff member reads the published catalogue (departments look in it for data to ask
 * for); a draft only those who keep the provider's catalogue.
 */
async function readable(ctx: AppContext, actor: Actor, id: string): Promise<ResourceRow> {
  requireStaff(actor);
  const row = await fetchResourceRow(ctx.db, id);
  if (!row || (row.status === 'draft' && !canAct(actor, MANAGE_ROLES, scopeOf(row)))) throw notFound('data_resource', id);
  return row;
}

export async function getResource(ctx: AppContext, actor: Actor, id: string): Promise<Resource> {
  return resourceView(ctx.db, await readable(ctx, actor, id));
}

export async function listResources(ctx: AppContext, actor: Actor, query: ResourceListQuery): Promise<PageResult<ResourceSummary>> {
  requireStaff(actor);
  const params: unknown[] = [];
  const where = [`(r.status <> 'draft' or ${scopeCondition(actor, MANAGE_ROLES, { region: 'r.region_code', department: 'r.provider_department_id' }, params)})`];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (query.q) add((p) => `(r.name ilike ${p} or r.code ilike ${p} or r.summary ilike ${p})`, likeContains(query.q.trim()));
  if (query.status) add((p) => `r.status = ${p}`, query.status);
  if (query.sharingType) add((p) => `r.sharing_type = ${p}`, query.sharingType);
  if (query.providerDepartmentId) add((p) => `r.provider_department_id = ${p}`, query.providerDepartmentId);
  if (query.classCode) add((p) => `r.class_code like ${p}`, `${query.classCode}%`);
  if (query.library) where.push('r.key_field is not null');
  const conflicted = new Set((await sourceConflicts(ctx.db)).flatMap((c) => c.resources.map((r) => r.id)));
  if (query.conflicted !== undefined) add((p) => (query.conflicted ? `r.id = any(${p}::uuid[])` : `not (r.id = any(${p}::uuid[]))`), [...conflicted]);
  const filter = `where ${where.join(' and ')}`;
  const total = Number((await ctx.db.one<{ n: string }>(`select count(*) as n from data_resource r ${filter}`, params))?.n ?? 0);
  const rows = await ctx.db.query<ResourceRow & { field_count: string; record_count: string }>(
    `select r.*, (select count(*) from data_resource_field f where f.resource_id = r.id) as field_count,
            (select count(*) from data_record d where d.resource_id = r.id) as record_count
       from data_resource r ${filter} order by r.code limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  const providers = await departmentRefsById(ctx.db, rows.map((r) => r.provider_department_id));
  return {
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      classCode: r.class_code,
      className: classNameOf(r.class_code),
      providerDepartmentId: r.provider_department_id,
      providerName: providers.get(r.provider_department_id)?.name ?? '',
      sharingType: r.sharing_type,
      openType: r.open_type,
      updateCycle: r.update_cycle,
      status: r.status,
      fieldCount: Number(r.field_count),
      keyField: r.key_field,
      recordCount: Number(r.record_count),
      conflicted: conflicted.has(r.id),
      updatedAt: new Date(r.updated_at).toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function writeFields(tx: Tx, resourceId: string, fields: Content['fields']): Promise<void> {
  await tx.query('delete from data_resource_field where resource_id = $1', [resourceId]);
  for (const [i, f] of fields.entries()) {
    await tx.query(
      `insert into data_resource_field (resource_id, position, key, name, type, length, personal, sharing_type, data_item, authoritative, required)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [resourceId, i, f.key, f.name.trim(), f.type, f.length ?? null, f.personal ?? null, f.sharingType, f.dataItem?.trim() || null, !!f.authoritative, !!f.required],
    );
  }
}

const contentColumns = (c: Content) => [
  c.name.trim(),
  c.summary.trim(),
  c.format,
  c.sharingType,
  c.sharingCondition?.trim() || null,
  c.sharingMethod,
  c.openType,
  c.openCondition?.trim() || null,
  c.updateCycle,
  c.sourceSystem.trim(),
  c.legalBasis?.trim() || null,
  c.relatedCodes ?? [],
  c.keyField ?? null,
  c.regionField ?? null,
];

/** The next 顺序码 of a class code: six digits, one more than the highest in use. */
async function nextCode(tx: Tx, classCode: string): Promise<string> {
  const row = await tx.one<{ n: number }>(
    `select coalesce(max(split_part(code, '/', 2)::int), 0) + 1 as n from data_resource where class_code = $1`,
    [classCode],
  );
  return `${classCode}/${String(row?.n ?? 1).padStart(6, '0')}`;
}

/** A new resource in the provider's catalogue, as a draft. */
export async function createResource(ctx: AppContext, actor: Actor, input: ResourceCreate): Promise<Resource> {
  requireStaff(actor);
  return ctx.db.transaction((tx) => createInTx(tx, actor, input));
}

/** The same inside the caller's transaction (the workbook import creates many, all or none). */
export async function createInTx(tx: Tx, actor: Actor, input: ResourceCreate): Promise<Resource> {
  const provider = await departments.fetch(tx, input.providerDepartmentId);
  if (!provider) throw unprocessable('DATA_PROVIDER_NOT_FOUND', {}, { field: 'providerDepartmentId' });
  requireScope(actor, MANAGE_ROLES, { regionCode: provider.regionCode, departmentId: provider.id });
  checkResource(input);
  const id = uuidv7();
  const code = await nextCode(tx, input.classCode);
  try {
    await tx.query(
      `insert into data_resource (id, code, class_code, provider_department_id, region_code, name, summary, format, sharing_type, sharing_condition,
                                  sharing_method, open_type, open_condition, update_cycle, source_system, legal_basis, related_codes, key_field, region_field)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
      [id, code, input.classCode, provider.id, provider.regionCode, ...contentColumns(input)],
    );
  } catch (err) {
    // two creations in one class at once: the second asks again
    if (isUniqueViolation(err)) throw conflict('DATA_RESOURCE_CODE_TAKEN', { code });
    throw err;
  }
  await writeFields(tx, id, input.fields);
  await appendAudit(tx, actor, {
    action: 'data_resource.create',
    objectType: 'data_resource',
    objectId: id,
    regionCode: provider.regionCode,
    details: { code, name: input.name, fields: input.fields.length },
  });
  return resourceView(tx, (await fetchResourceRow(tx, id))!);
}

/** The row to change, locked, in the actor's scope and at the version the actor read. */
async function lockForChange(tx: Tx, actor: Actor, id: string, version: number): Promise<ResourceRow> {
  const row = await tx.one<ResourceRow>('select * from data_resource where id = $1 for update', [id]);
  if (!row || (row.status === 'draft' && !canAct(actor, MANAGE_ROLES, scopeOf(row)))) throw notFound('data_resource', id);
  requireScope(actor, MANAGE_ROLES, scopeOf(row));
  if (row.version !== version) throw conflict('VERSION_CONFLICT', { current: row.version }, { current: row.version });
  return row;
}

/** Keeps the resource as it is now as a version of the catalogue's history. */
async function recordVersion(tx: Tx, actor: Actor, id: string, status: ResourceStatus, reason: string | null): Promise<void> {
  const resource = await resourceView(tx, (await fetchResourceRow(tx, id))!);
  const { sourceConflicts: _conflicts, version: _version, recordedVersions, ...content } = resource;
  await tx.query(
    `insert into data_resource_version (resource_id, version_no, status, reason, actor_kind, actor_id, actor_name, content)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, recordedVersions, status, reason, actor.kind, actorId(actor), 'name' in actor ? actor.name : null, JSON.stringify(content)],
  );
}

/**
 * A change to every field of the resource. A draft stays a draft; a published resource stays
 * published and the change is its next published version (department systems see it at once).
 */
export async function updateResource(ctx: AppContext, actor: Actor, id: string, input: ResourceUpdate): Promise<Resource> {
  requireStaff(actor);
  return ctx.db.transaction((tx) => updateInTx(tx, actor, id, input));
}

/** The same inside the caller's transaction. */
export async function updateInTx(tx: Tx, actor: Actor, id: string, input: ResourceUpdate): Promise<Resource> {
  checkResource(input);
  const row = await lockForChange(tx, actor, id, input.version);
  if (row.status === 'retired') throw conflict('DATA_RESOURCE_RETIRED', { code: row.code });
  if (input.classCode !== row.class_code) throw unprocessable('DATA_RESOURCE_CLASS_FIXED', { code: row.code }, { field: 'classCode' });
  const published = row.status === 'published';
  await tx.query(
    `update data_resource set name = $2, summary = $3, format = $4, sharing_type = $5, sharing_condition = $6, sharing_method = $7,
            open_type = $8, open_condition = $9, update_cycle = $10, source_system = $11, legal_basis = $12, related_codes = $13,
            key_field = $14, region_field = $15, version = version + 1, updated_at = clock_now(),
            recorded_versions = recorded_versions + $16, published_at = case when $16 = 1 then clock_now() else published_at end
      where id = $1`,
    [id, ...contentColumns(input), published ? 1 : 0],
  );
  await writeFields(tx, id, input.fields);
  if (published) await recordVersion(tx, actor, id, 'published', null);
  await appendAudit(tx, actor, {
    action: 'data_resource.update',
    objectType: 'data_resource',
    objectId: id,
    regionCode: row.region_code,
    details: { code: row.code, published, fields: input.fields.length },
  });
  return resourceView(tx, (await fetchResourceRow(tx, id))!);
}

/** Publishes a draft: from now on departments may ask for it (and, if unconditional, use it). */
export async function publishResource(ctx: AppContext, actor: Actor, id: string, version: number): Promise<Resource> {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const row = await lockForChange(tx, actor, id, version);
    if (row.status !== 'draft') throw conflict('DATA_RESOURCE_STATUS', { status: row.status }, { status: row.status });
    await tx.query(
      `update data_resource set status = 'published', version = version + 1, recorded_versions = recorded_versions + 1,
              published_at = clock_now(), updated_at = clock_now() where id = $1`,
      [id],
    );
    await recordVersion(tx, actor, id, 'published', null);
    await appendAudit(tx, actor, { action: 'data_resource.publish', objectType: 'data_resource', objectId: id, regionCode: row.region_code, details: { code: row.code } });
    return resourceView(tx, (await fetchResourceRow(tx, id))!);
  });
}

/** Retires a published resource (停止共享), with the reason, kept in its history. */
export async function retireResource(ctx: AppContext, actor: Actor, id: string, version: number, reason: string): Promise<Resource> {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const row = await lockForChange(tx, actor, id, version);
    if (row.status !== 'published') throw conflict('DATA_RESOURCE_STATUS', { status: row.status }, { status: row.status });
    await tx.query(
      `update data_resource set status = 'retired', version = version + 1, recorded_versions = recorded_versions + 1, updated_at = clock_now() where id = $1`,
      [id],
    );
    await recordVersion(tx, actor, id, 'retired', reason.trim());
    await appendAudit(tx, actor, { action: 'data_resource.retire', objectType: 'data_resource', objectId: id, regionCode: row.region_code, details: { code: row.code, reason } });
    return resourceView(tx, (await fetchResourceRow(tx, id))!);
  });
}

/** The catalogue history of a resource: each publication, change and retirement as it was. */
export async function resourceVersions(ctx: AppContext, actor: Actor, id: string) {
  await readable(ctx, actor, id);
  const rows = await ctx.db.query<{ version_no: number; status: ResourceStatus; reason: string | null; actor_name: string | null; at: Date; content: Record<string, unknown> }>(
    'select version_no, status, reason, actor_name, at, content from data_resource_version where resource_id = $1 order by version_no desc',
    [id],
  );
  return {
    items: rows.map((r) => ({ versionNo: r.version_no, status: r.status, reason: r.reason, actorName: r.actor_name, at: new Date(r.at).toISOString(), content: r.content })),
  };
}
