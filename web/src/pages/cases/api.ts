import { api, ApiError, getApiLanguage } from '../../api/client.ts';

export type CaseStatus = 'draft' | 'submitted' | 'correction' | 'processing' | 'completed' | 'refused' | 'withdrawn';
export type Colour = 'red' | 'yellow' | 'green' | null;

export interface FieldSchema {
  type?: string;
  title?: string;
  enum?: string[];
  pattern?: string;
  [k: string]: unknown;
}
export interface FormDefinition {
  schema: { type: 'object'; properties?: Record<string, FieldSchema>; required?: string[] };
  fields?: Record<string, { group?: string; order?: number; widget?: string; span?: number }>;
}
export interface MaterialDef {
  key?: string;
  name: string;
  necessity: 'required' | 'optional' | 'deferrable';
  source: string;
  replacedByBaseField?: string;
  requirement?: string;
}

export interface CaseView {
  id: string;
  number: string | null;
  status: CaseStatus;
  outcome: 'approved' | 'disapproved' | null;
  itemId: string;
  itemName: string;
  caseType: 'immediate' | 'promised';
  applicantName: string;
  formData: Record<string, unknown>;
  steps: { key: string; name: string }[];
  currentStep: { key: string; name: string; index: number } | null;
  assigneeId: string | null;
  correction: { items: { materialKey?: string; note: string }[]; count: number } | null;
  deferred: { materialKeys: string[]; due: string | null } | null;
  clock: { promisedDays: number; promisedDue: string | null; statutoryDue: string | null; warning: string | null; overdue: boolean; pausedSince: string | null };
  submittedAt: string | null;
  acceptedAt: string | null;
  completedAt: string | null;
  version: number;
}
export interface MaterialFile {
  id: string;
  materialKey: string;
  fileName: string;
  mime: string;
  size: number;
  uploadedAt: string;
}
export interface TimelineEntry {
  at: string;
  kind: string;
  stepKey: string | null;
  actorName: string | null;
  opinion: string | null;
  details?: Record<string, unknown>;
}
export interface CaseDetail {
  case: CaseView;
  materials: MaterialFile[];
  timeline: TimelineEntry[];
  actions: string[];
  colour: Colour;
  queryCode: string | null;
  item: { form: FormDefinition | null; materials: MaterialDef[] };
}
export interface CaseListRow {
  id: string;
  number: string | null;
  itemName: string;
  applicantName: string;
  status: CaseStatus;
  outcome: string | null;
  step: string | null;
  stepKey: string | null;
  assigneeId: string | null;
  submittedAt: string | null;
  promisedDue: string | null;
  colour: Colour;
  version: number;
}
export interface Page<T> {
  items: T[];
  total: number;
}

export const materialKey = (m: MaterialDef, i: number) => m.key ?? `m${i + 1}`;

export const cases = {
  create: (item: string, idempotencyKey: string) => api.post<{ case: CaseView }>('/api/cases', { item, idempotencyKey }),
  get: (id: string) => api.get<CaseDetail>(`/api/cases/${id}`),
  mine: () => api.get<Page<CaseListRow>>('/api/cases/mine', { pageSize: 100 }),
  inbox: (query: { view?: string; step?: string }) => api.get<Page<CaseListRow> & { counts: Record<string, number> }>('/api/cases/inbox', { ...query, pageSize: 100 }),
  save: (id: string, version: number, formData: Record<string, unknown>) => api.put<CaseView>(`/api/cases/${id}/form`, { version, formData }),
  submit: (id: string, version: number, idempotencyKey?: string) => api.post<{ case: CaseView }>(`/api/cases/${id}/submit`, { version, idempotencyKey }),
  resubmit: (id: string, version: number) => api.post<CaseView>(`/api/cases/${id}/resubmit`, { version }),
  withdraw: (id: string, version: number) => api.post<CaseView>(`/api/cases/${id}/withdraw`, { version }),
  act: (id: string, action: string, body: Record<string, unknown>) => api.post<CaseView>(`/api/cases/${id}/actions/${action}`, body),
  progress: (number: string, code: string) =>
    api.get<{ number: string; itemName: string; status: CaseStatus; step: string | null; promisedDue: string | null; timeline: { at: string; kind: string }[] }>(
      '/api/public/case-progress',
      { number, code },
    ),
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
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? '', data?.error?.details);
  return data as unknown as T;
}
