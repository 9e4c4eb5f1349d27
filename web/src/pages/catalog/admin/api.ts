import { api, ApiError, getApiLanguage, type ErrorBody } from '../../../api/client.ts';

/** Calls of the catalogue's staff API (src/modules/catalog/routes.ts); the shapes are its schemas' types. */
import type { PageResult as Page } from '../../../../../src/kernel/api.ts';
import type { BundleDetail, BundleListRow as BundleRow } from '../../../../../src/modules/catalog/api.ts';
import type { ItemContent } from '../../../../../src/modules/catalog/api.ts';
import type {
  Change,
  ConsistencyReport,
  ItemDetailView as ItemDetail,
  ItemListRow,
  QualityView as Quality,
  SynonymGroup,
  Transition as Action,
  VersionView as Version,
} from '../../../../../src/modules/catalog/api.ts';
import type { ImportReport } from '../../../../../src/modules/catalog/api.ts';

export type { BundleMemberInput } from '../../../../../src/modules/catalog/api.ts';
export type { FeeItemT as FeeItem, Material, TimeLimit as Limit } from '../../../../../src/modules/catalog/api.ts';
export type { ConsistencyGroup, IssueView as Issue, VersionStatus } from '../../../../../src/modules/catalog/api.ts';
export type { Action, BundleDetail, BundleRow, Change, ImportReport, ItemContent, ItemDetail, ItemListRow, Page, Quality, SynonymGroup, Version };
export type Necessity = NonNullable<ItemContent['materials']>[number]['necessity'];
export type Flags = NonNullable<ItemContent['flags']>;

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
    api.get<ConsistencyReport>('/api/catalog/consistency', { regionCode }),
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
  const body = (await res.json()) as Quality & Partial<ErrorBody>;
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
  const body = (await res.json()) as ImportReport & Partial<ErrorBody>;
  if (res.status === 422 && body.error?.code === 'IMPORT_REJECTED') return body.error.details as ImportReport;
  if (!res.ok) throw new ApiError(res.status, body.error?.code ?? 'UNKNOWN', body.error?.message ?? '', body.error?.details);
  return body;
}
