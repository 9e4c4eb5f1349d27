import { api, ApiError, getApiLanguage, type ErrorBody } from '../../../api/client.ts';
// API shapes come from the window and catalogue schemas (type-only: nothing of the server is bundled).
import type { SearchResult as ItemHit } from '../../../../../src/modules/catalog/api.ts';
import type { ApplicantQuery, ApplicantView, ScanTicket, WindowApplication, WindowCase, WindowForm, WindowRecorded } from '../../../../../src/modules/cases/api.ts';

export type { ApplicantQuery, ApplicantView, ItemHit, WindowCase, WindowForm };

const flat = (q: ApplicantQuery) => ({ ...q }) as Record<string, string>;

export const windowApi = {
  applicant: (q: ApplicantQuery) => api.get<ApplicantView>('/api/cases/window/applicant', flat(q)),
  form: (item: string, q: ApplicantQuery) => api.get<WindowForm>('/api/cases/window/form', { item, ...flat(q) }),
  searchItems: (q: string) =>
    api.get<{ items: ItemHit[] }>('/api/catalog/search', { q: q.slice(0, 100), kind: 'item', limit: 20 }),
  record: (body: WindowApplication) => api.post<WindowRecorded>('/api/cases/window', body),
};

/** A scan is raw bytes (the api client speaks JSON only); errors become ApiError like the rest. */
export async function uploadScan(file: File): Promise<ScanTicket> {
  const res = await fetch(`/api/cases/window/scans?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/octet-stream', 'Accept-Language': getApiLanguage() },
    body: file,
  });
  const data = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
  if (!res.ok)
    throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? '', data?.error?.details);
  return data as unknown as ScanTicket;
}
