import { api, ApiError, getApiLanguage } from '../../../api/client.ts';
import type { SearchResult as ItemHit } from '../../../../../src/modules/catalog/route-schemas.ts';
import type { FormDefinition, MaterialDef } from '../api.ts';

export type { ItemHit };

export type ApplicantQuery = { idNumber: string } | { uscc: string; agentIdNumber?: string };

export interface ApplicantView {
  kind: 'person' | 'enterprise';
  name: string;
  idNumber: string | null;
  phone: string | null;
  assuranceLevel: number | null;
  uscc: string | null;
  representative: { name: string; idNumber: string; role: 'legal_rep' | 'agent' } | null;
}

export interface WindowForm {
  item: {
    id: string;
    code: string;
    name: string;
    form: FormDefinition | null;
    commitment: boolean;
    materials: (MaterialDef & { key: string })[];
  };
  applicant: ApplicantView;
  /** Fields identity fills in, masked for display; the server fills the clear values. */
  prefill: Record<string, string>;
}

export interface WindowCase {
  id: string;
  number: string;
  itemName: string;
  queryCode: string;
  receiptUrl: string;
  version: number;
  clock: { promisedDue: string | null };
  caseType: 'immediate' | 'promised';
}

const flat = (q: ApplicantQuery) => ({ ...q }) as Record<string, string>;

export const windowApi = {
  applicant: (q: ApplicantQuery) => api.get<ApplicantView>('/api/cases/window/applicant', flat(q)),
  form: (item: string, q: ApplicantQuery) => api.get<WindowForm>('/api/cases/window/form', { item, ...flat(q) }),
  searchItems: (q: string) =>
    api.get<{ items: ItemHit[] }>('/api/catalog/search', { q: q.slice(0, 100), kind: 'item', limit: 20 }),
  record: (body: {
    item: string;
    applicant: ApplicantQuery;
    formData: Record<string, unknown>;
    materials: { key: string; ticket: string }[];
    idempotencyKey: string;
    commitment?: boolean;
  }) => api.post<{ replayed: boolean; case: WindowCase }>('/api/cases/window', body),
};

/** A scan is raw bytes (the api client speaks JSON only); errors become ApiError like the rest. */
export async function uploadScan(file: File): Promise<{ ticket: string; fileName: string; size: number }> {
  const res = await fetch(`/api/cases/window/scans?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', 'Accept-Language': getApiLanguage() },
    body: file,
  });
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: unknown } } | null;
  if (!res.ok)
    throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? '', data?.error?.details);
  return data as unknown as { ticket: string; fileName: string; size: number };
}
