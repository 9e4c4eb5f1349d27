import { api, ApiError, getApiLanguage } from '../../../api/client.ts';

/** Types and calls of the catalogue's staff API (src/modules/catalog/routes.ts). */
export type VersionStatus = 'draft' | 'submitted' | 'reviewed' | 'published' | 'retired';
export type Necessity = 'required' | 'optional' | 'deferrable';

export interface Material {
  key?: string;
  name: string;
  necessity: Necessity;
  kind: 'original' | 'copy' | 'original_and_copy';
  form: 'paper' | 'electronic' | 'paper_or_electronic';
  count?: number;
  source: 'applicant' | 'government' | 'intermediary' | 'data_sharing';
  replacedByBaseField?: string;
  replacedByLicenseType?: string;
  [k: string]: unknown;
}
export interface FeeItem {
  name: string;
  amountFen?: number;
  standard?: string;
  basis?: string;
  reducible?: boolean;
}
export interface Limit {
  immediate: boolean;
  days: number;
  note?: string;
}
export type Flags = Partial<
  Record<
    | 'highFrequency'
    | 'noFill'
    | 'noSubmit'
    | 'noLicense'
    | 'noTrip'
    | 'crossProvince'
    | 'instantApproval'
    | 'generalWindow'
    | 'sso'
    | 'mobile'
    | 'commitment',
    boolean
  >
>;
export interface ItemContent {
  name: string;
  aliases?: string[];
  typeCode?: string;
  level?: string;
  conditions?: string[];
  materials?: Material[];
  fees?: { charged: boolean; items?: FeeItem[]; basis?: string; onlinePayment?: boolean; payWithinDays?: number };
  statutoryLimit?: Limit;
  promisedLimit?: Limit;
  caseType?: 'immediate' | 'promised';
  visits?: number;
  visitReason?: string;
  onlineDepth?: { national: number[]; level: number };
  flags?: Flags & { crossScope?: string };
  [k: string]: unknown;
}
export interface Issue {
  rule: string;
  field: string;
  message: string;
}
export interface Quality {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
}
export interface ItemListRow {
  id: string;
  code: string;
  name: string;
  status: 'draft' | 'published' | 'retired';
  versionNo: number;
  versionStatus: VersionStatus;
  typeCode: string | null;
  regionCode: string;
  departmentId: string;
  qualityOk: boolean;
  updatedAt: string;
}
export interface Version {
  id: string;
  versionNo: number;
  status: VersionStatus;
  name: string;
  content: ItemContent;
  quality: Quality;
  lockVersion: number;
  reviewComment: string | null;
}
export interface ItemDetail {
  item: { id: string; code: string; status: string; regionCode: string; departmentId: string; departmentName: string | null };
  versions: {
    id: string;
    versionNo: number;
    status: VersionStatus;
    name: string;
    qualityOk: boolean;
    updatedAt: string;
    reviewComment: string | null;
  }[];
  current: Version;
  permissions: { edit: boolean; review: boolean };
}
export interface Change {
  path: string;
  op: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface SynonymGroup {
  id: string;
  words: string[];
  regionCode: string;
  version: number;
}
export interface ConsistencyGroup {
  basicCode: string;
  name: string;
  regions: number;
  consistent: boolean;
  deviations: { element: string; regionCode: string; itemId: string; code: string; value: unknown; standard: unknown }[];
}
export interface BundleRow {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  audience: 'person' | 'entity';
  status: 'draft' | 'published' | 'retired';
  version: number;
  memberCount: number;
  content: { guide: string; aliases?: string[]; theme?: string; promisedLimit?: number; visits?: number };
  leadDepartmentId: string | null;
}
export interface BundleMemberInput {
  itemCode?: string;
  bundleCode?: string;
  step: number;
  optional?: boolean;
  condition?: string;
}
export interface BundleDetail {
  bundle: BundleRow & { leadDepartmentName: string | null };
  steps: {
    step: number;
    mode: 'parallel' | 'sequence';
    members: { kind: 'item' | 'bundle'; code: string; name: string; optional: boolean; condition: string; published: boolean }[];
  }[];
  items: { itemId: string; code: string; name: string }[];
  form: { fields: { name: string; title: string; required: boolean; askedBy: { code: string }[] }[]; fieldsBeforeMerge: number };
  materials: { name: string; necessity: Necessity; neededBy: { code: string; itemName: string }[] }[];
  materialsBeforeMerge: number;
}
export interface ImportReport {
  status: 'applied' | 'rejected';
  rows: number;
  created: number;
  updated: number;
  items: { row: number; code: string; action: string; versionNo: number; qualityOk: boolean }[];
  issues: { row: number; column?: string; code: string; message: string }[];
}
export type Action = 'submit' | 'withdraw' | 'approve' | 'reject' | 'publish' | 'retire';

const enc = encodeURIComponent;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const catalogAdmin = {
  types: () => api.get<{ items: { code: string; name: string }[] }>('/api/catalog/types'),
  items: (q: Record<string, string | number | undefined>) => api.get<Page<ItemListRow>>('/api/catalog/items', q),
  item: (id: string) => api.get<ItemDetail>(`/api/catalog/items/${enc(id)}`),
  version: (id: string, no: number) => api.get<Version>(`/api/catalog/items/${enc(id)}/versions/${no}`),
  saveDraft: (id: string, content: ItemContent, lockVersion: number) =>
    api.put<{ version: Version }>(`/api/catalog/items/${enc(id)}/draft`, { content, lockVersion }),
  newVersion: (id: string) => api.post<{ version: Version }>(`/api/catalog/items/${enc(id)}/versions`),
  transition: (id: string, action: Action, comment?: string) =>
    api.post<{ version: Version }>(`/api/catalog/items/${enc(id)}/transitions`, { action, ...(comment ? { comment } : {}) }),
  quality: (content: ItemContent, signal?: AbortSignal) => requestQuality(content, signal),
  diff: (id: string, from: number, to: number) =>
    api.get<{ changes: Change[] }>(`/api/catalog/items/${enc(id)}/diff`, { from, to }),
  synonyms: () => api.get<{ items: SynonymGroup[] }>('/api/catalog/synonyms'),
  addSynonym: (words: string[], regionCode: string) => api.post<SynonymGroup>('/api/catalog/synonyms', { words, regionCode }),
  updateSynonym: (id: string, words: string[], version: number) =>
    api.put<SynonymGroup>(`/api/catalog/synonyms/${enc(id)}`, { words, version }),
  deleteSynonym: (id: string) => api.delete(`/api/catalog/synonyms/${enc(id)}`),
  consistency: (regionCode: string) =>
    api.get<{ groups: ConsistencyGroup[]; checked: number; inconsistent: number }>('/api/catalog/consistency', { regionCode }),
  bundles: (q: Record<string, string | number | undefined>) => api.get<Page<BundleRow>>('/api/catalog/bundles', q),
  bundle: (code: string) => api.get<BundleDetail>(`/api/catalog/bundles/${enc(code)}`),
  createBundle: (body: unknown) => api.post<BundleDetail>('/api/catalog/bundles', body),
  updateBundle: (code: string, body: unknown) => api.put<BundleDetail>(`/api/catalog/bundles/${enc(code)}`, body),
  bundleAction: (code: string, action: 'publish' | 'retire') =>
    api.post<BundleDetail>(`/api/catalog/bundles/${enc(code)}/transitions`, { action }),
  importWorkbook,
};

async function requestQuality(content: ItemContent, signal?: AbortSignal): Promise<Quality> {
  const res = await fetch('/api/catalog/quality', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': getApiLanguage() },
    credentials: 'same-origin',
    body: JSON.stringify({ content }),
    signal,
  });
  const body = (await res.json()) as Quality & { error?: { code: string; message: string; details?: unknown } };
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'UNKNOWN', body.error?.message ?? '', body.error?.details);
  return body;
}

/** The import takes the raw workbook (no multipart on the server); a rejection carries the report. */
async function importWorkbook(file: File): Promise<ImportReport> {
  const res = await fetch(`/api/catalog/import?fileName=${enc(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': XLSX_MIME, 'accept-language': getApiLanguage() },
    credentials: 'same-origin',
    body: file,
  });
  const body = (await res.json()) as ImportReport & { error?: { code: string; message: string; details?: unknown } };
  if (res.status === 422 && body.error?.code === 'IMPORT_REJECTED') return body.error.details as ImportReport;
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'UNKNOWN', body.error?.message ?? '', body.error?.details);
  return body;
}
