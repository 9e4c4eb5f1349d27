import { api, ApiError, getApiLanguage, type ErrorBody } from '../../api/client.ts';

// API shapes come from the cases module's route schemas and the kernel's service-guide parts
// (type-only: nothing of the server is bundled).
import type { Form, Material, PageResult as Page } from '../../../../src/kernel/api.ts';
import type { CaseDetail, CaseList, CaseView, Inbox, MaterialFile, Progress } from '../../../../src/modules/cases/api.ts';

export type { FormFieldSchema as FieldSchema } from '../../../../src/kernel/api.ts';
export type { CaseListRow, Colour, TimelineEntry } from '../../../../src/modules/cases/api.ts';
export type { CaseDetail, CaseView, MaterialFile, Page };
export type CaseStatus = CaseView['status'];
export type FormDefinition = Form;
export type MaterialDef = Material;

export const materialKey = (m: MaterialDef, i: number) => m.key ?? `m${i + 1}`;

export const cases = {
  create: (item: string, idempotencyKey: string) => api.post<{ case: CaseView }>('/api/cases', { item, idempotencyKey }),
  get: (id: string) => api.get<CaseDetail>(`/api/cases/${id}`),
  mine: () => api.get<CaseList>('/api/cases/mine', { pageSize: 100 }),
  inbox: (query: { view?: string; step?: string }) => api.get<Inbox>('/api/cases/inbox', { ...query, pageSize: 100 }),
  save: (id: string, version: number, formData: Record<string, unknown>) => api.put<CaseView>(`/api/cases/${id}/form`, { version, formData }),
  submit: (id: string, version: number, idempotencyKey?: string) => api.post<{ case: CaseView }>(`/api/cases/${id}/submit`, { version, idempotencyKey }),
  resubmit: (id: string, version: number) => api.post<CaseView>(`/api/cases/${id}/resubmit`, { version }),
  /** 删除草稿: the server refuses anything but the caller's own draft. */
  deleteDraft: (id: string) => api.delete(`/api/cases/${id}`),
  withdraw: (id: string, version: number) => api.post<CaseView>(`/api/cases/${id}/withdraw`, { version }),
  act: (id: string, action: string, body: Record<string, unknown>) => api.post<CaseView>(`/api/cases/${id}/actions/${action}`, body),
  progress: (number: string, code: string) => api.get<Progress>('/api/public/case-progress', { number, code }),
};

/** Uploads are raw bytes (the api client speaks JSON only); errors become ApiError like the rest. */
export function uploadMaterial(caseId: string, key: string, file: File): Promise<MaterialFile> {
  return putFile<MaterialFile>(`/api/cases/${caseId}/materials/${encodeURIComponent(key)}`, file);
}

/** PUT a file's bytes to an upload route (`?name=` carries the file name for display). */
export async function putFile<T>(path: string, file: File): Promise<T> {
  const res = await fetch(`${path}?name=${encodeURIComponent(file.name)}`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', 'Accept-Language': getApiLanguage() },
    body: file,
  });
  const data = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? '', data?.error?.details);
  return data as unknown as T;
}
