import type { Static } from 'typebox';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

// API shapes come from the data module's route schemas (type-only: nothing of the server is bundled).
import type {
  ExportQuery,
  ImportBody,
  ImportReport,
  Resource,
  ResourceCreate,
  ResourceField,
  ResourceListQuery,
  ResourceSummary,
  ResourceUpdate,
  ResourceVersions,
  SourceConflict,
} from '../../../../src/modules/data/api.ts';

export type { Resource, ResourceCreate, ResourceField, ResourceSummary, ResourceUpdate, SourceConflict };
// the module exports the schema of a version list but no type of its own (see the report)
export type ResourceVersion = Static<typeof ResourceVersions>['items'][number];
export type ResourceQuery = Partial<ResourceListQuery>;
// nor a type of the catalogue workbook's import body and report
export type CatalogueImport = Static<typeof ImportBody>;
export type CatalogueImportReport = Static<typeof ImportReport>;
export type CatalogueExportQuery = Static<typeof ExportQuery>;
export type SharingType = Resource['sharingType'];
export type SharingMethod = Resource['sharingMethod'];
export type OpenType = Resource['openType'];
export type UpdateCycle = Resource['updateCycle'];
export type ResourceFormat = Resource['format'];
export type ResourceStatus = Resource['status'];
export type FieldType = ResourceField['type'];
export type PersonalKind = NonNullable<ResourceField['personal']>;

/** The values a select offers, in the order the catalogue's vocabulary (vocab.ts) lists them. */
const keysOf = <K extends string>(all: Record<K, true>) => Object.keys(all) as K[];
// Records, so that a value added to the server's vocabulary fails tsc here until it is offered.
export const SHARING_TYPES = keysOf<SharingType>({ unconditional: true, conditional: true, none: true });
export const SHARING_METHODS = keysOf<SharingMethod>({ api: true, bulk: true, both: true });
export const OPEN_TYPES = keysOf<OpenType>({ open: true, conditional: true, closed: true });
export const UPDATE_CYCLES = keysOf<UpdateCycle>({ realtime: true, daily: true, weekly: true, monthly: true, quarterly: true, yearly: true, irregular: true });
export const RESOURCE_FORMATS = keysOf<ResourceFormat>({ database: true, file: true, api: true });
export const RESOURCE_STATUSES = keysOf<ResourceStatus>({ draft: true, published: true, retired: true });
export const FIELD_TYPES = keysOf<FieldType>({ string: true, integer: true, decimal: true, date: true, datetime: true, boolean: true, binary: true });
export const PERSONAL_KINDS = keysOf<PersonalKind>({ id_number: true, passport: true, phone: true, bank_account: true, address: true, email: true, name: true, other: true });

/**
 * 类 and 类 + 项 of the directory (RESOURCE_CLASSES of vocab.ts), for the class filter and the
 * class picker; their names are in the data namespace's `classes`.
 */
export const CLASS_GROUPS = ['1', '2', '3'] as const;
export const CLASS_ITEMS: Record<(typeof CLASS_GROUPS)[number], string[]> = {
  '1': ['101', '102', '103', '104', '105'],
  '2': ['201', '202', '203', '204', '205', '206', '207', '208', '209', '210', '211', '212'],
  '3': ['301'],
};

/** Roles that keep the catalogue (MANAGE_ROLES of src/modules/data/store.ts); the server checks scope. */
export const MANAGE_ROLES = ['administrator', 'data_officer', 'department_admin'] as const;

const one = (id: string) => `/api/data/resources/${encodeURIComponent(id)}`;

export const dataResources = {
  list: (query: ResourceQuery, signal?: AbortSignal) => api.get<Page<ResourceSummary>>('/api/data/resources', query, signal),
  get: (id: string) => api.get<Resource>(one(id)),
  create: (body: ResourceCreate) => api.post<Resource>('/api/data/resources', body),
  update: (id: string, body: ResourceUpdate) => api.put<Resource>(one(id), body),
  publish: (id: string, version: number) => api.post<Resource>(`${one(id)}/publish`, { version }),
  retire: (id: string, version: number, reason: string) => api.post<Resource>(`${one(id)}/retire`, { version, reason }),
  versions: (id: string) => api.get<{ items: ResourceVersion[] }>(`${one(id)}/versions`),
  conflicts: () => api.get<{ items: SourceConflict[] }>('/api/data/resources/conflicts'),
  /** The catalogue as an .xlsx in the national layout: a link to follow (the browser downloads it). */
  exportUrl: (query: CatalogueExportQuery) => {
    const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
    return `/api/data/resources/export${params.size ? `?${params}` : ''}`;
  },
  import: (body: CatalogueImport) => api.post<CatalogueImportReport>('/api/data/resources/import', body),
};
