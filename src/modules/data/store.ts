import type { Queryable } from '../../kernel/db/index.ts';
import { departmentRefsById } from '../org/index.ts';
import type { Resource, ResourceField, SourceConflict } from './schemas.ts';
import { RESOURCE_CLASSES, type ResourceStatus } from './vocab.ts';

/** The catalogue is kept by the data bureau and by each provider's department administrators, in scope. */
export const MANAGE_ROLES = ['administrator', 'data_officer', 'department_admin'] as const;

export type ResourceRow = Record<string, unknown> & {
  id: string;
  code: string;
  class_code: string;
  name: string;
  summary: string;
  provider_department_id: string;
  region_code: string;
  format: Resource['format'];
  sharing_type: Resource['sharingType'];
  sharing_condition: string | null;
  sharing_method: Resource['sharingMethod'];
  open_type: Resource['openType'];
  open_condition: string | null;
  update_cycle: Resource['updateCycle'];
  source_system: string;
  legal_basis: string | null;
  related_codes: string[];
  key_field: string | null;
  region_field: string | null;
  status: ResourceStatus;
  version: number;
  recorded_versions: number;
  published_at: Date | null;
  updated_at: Date;
};

type FieldRow = Record<string, unknown> & {
  resource_id: string;
  key: string;
  name: string;
  type: ResourceField['type'];
  length: number | null;
  personal: ResourceField['personal'] | null;
  sharing_type: ResourceField['sharingType'];
  data_item: string | null;
  authoritative: boolean;
  required: boolean;
};

/** The name of a class code's 类 + 项 (and of its 类 alone for a bare class). */
export const classNameOf = (classCode: string) => RESOURCE_CLASSES[classCode.slice(0, 3)] ?? RESOURCE_CLASSES[classCode.slice(0, 1)] ?? '';

export const fetchResourceRow = (q: Queryable, id: string) => q.one<ResourceRow>('select * from data_resource where id = $1', [id]);
export const fetchResourceByCode = (q: Queryable, code: string) => q.one<ResourceRow>('select * from data_resource where code = $1', [code]);

export async function fieldsOf(q: Queryable, resourceId: string): Promise<ResourceField[]> {
  const rows = await q.query<FieldRow>('select * from data_resource_field where resource_id = $1 order by position', [resourceId]);
  return rows.map(fieldView);
}

/** The fields of several resources in one query, by resource id (lists that name fields). */
export async function fieldsByResource(q: Queryable, resourceIds: string[]): Promise<Map<string, ResourceField[]>> {
  const out = new Map<string, ResourceField[]>();
  if (!resourceIds.length) return out;
  const rows = await q.query<FieldRow>('select * from data_resource_field where resource_id = any($1::uuid[]) order by resource_id, position', [[...new Set(resourceIds)]]);
  for (const f of rows) out.set(f.resource_id, [...(out.get(f.resource_id) ?? []), fieldView(f)]);
  return out;
}

const fieldView = (f: FieldRow): ResourceField => ({
  key: f.key,
  name: f.name,
  type: f.type,
  ...(f.length !== null ? { length: f.length } : {}),
  ...(f.personal ? { personal: f.personal } : {}),
  sharingType: f.sharing_type,
  ...(f.data_item ? { dataItem: f.data_item } : {}),
  ...(f.authoritative ? { authoritative: true } : {}),
  ...(f.required ? { required: true } : {}),
});

/**
 * 一数一源: the data items that more than one resource claims to be the authoritative source of,
 * among published resources — plus `resourceId` whatever its status, so a draft shows the
 * conflicts it would bring before it is published. Only the items of `resourceId` when given.
 */
export async function sourceConflicts(q: Queryable, resourceId?: string): Promise<SourceConflict[]> {
  const rows = await q.query<{ data_item: string; id: string; code: string; name: string; provider_department_id: string; key: string }>(
    `with claims as (
       select f.data_item, r.id, r.code, r.name, r.provider_department_id, f.key
         from data_resource_field f join data_resource r on r.id = f.resource_id
        where f.authoritative and (r.status = 'published' or r.id = $1::uuid)
     ), contested as (
       select data_item from claims group by data_item having count(distinct id) > 1
     )
     select c.* from claims c join contested using (data_item)
      where $1::uuid is null or c.data_item in (select data_item from claims where id = $1::uuid)
      order by c.data_item, c.code`,
    [resourceId ?? null],
  );
  const providers = await departmentRefsById(q, rows.map((r) => r.provider_department_id));
  const byItem = new Map<string, SourceConflict>();
  for (const r of rows) {
    const conflict = byItem.get(r.data_item) ?? { dataItem: r.data_item, resources: [] };
    conflict.resources.push({ id: r.id, code: r.code, name: r.name, providerName: providers.get(r.provider_department_id)?.name ?? '', field: r.key });
    byItem.set(r.data_item, conflict);
  }
  return [...byItem.values()];
}

/** A resource as the API shows it, its fields in order and its 一数一源 conflicts. */
export async function resourceView(q: Queryable, row: ResourceRow): Promise<Resource> {
  const provider = (await departmentRefsById(q, [row.provider_department_id])).get(row.provider_department_id);
  return {
    id: row.id,
    code: row.code,
    providerDepartmentId: row.provider_department_id,
    providerName: provider?.name ?? '',
    providerCode: provider?.uscc ?? '',
    regionCode: row.region_code,
    classCode: row.class_code,
    className: classNameOf(row.class_code),
    name: row.name,
    summary: row.summary,
    format: row.format,
    sharingType: row.sharing_type,
    sharingCondition: row.sharing_condition,
    sharingMethod: row.sharing_method,
    openType: row.open_type,
    openCondition: row.open_condition,
    updateCycle: row.update_cycle,
    sourceSystem: row.source_system,
    legalBasis: row.legal_basis,
    relatedCodes: row.related_codes,
    keyField: row.key_field,
    regionField: row.region_field,
    fields: await fieldsOf(q, row.id),
    status: row.status,
    version: row.version,
    recordedVersions: row.recorded_versions,
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    updatedAt: new Date(row.updated_at).toISOString(),
    sourceConflicts: await sourceConflicts(q, row.id),
  };
}
