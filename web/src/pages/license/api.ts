import { api } from '../../api/client.ts';

// API shapes come from the licence module's route schemas (type-only: nothing of the server is bundled).
import type { PageResult } from '../../../../src/kernel/api.ts';
import type { Verdict } from '../../../../src/modules/license/api.ts';
import type {
  Licence,
  LicenceIssue,
  LicenceType,
  LicenceUse,
  Presentation,
  PresentationBody,
  UseRequest,
  Verification,
} from '../../../../src/modules/license/api.ts';

export type { FieldSpec } from '../../../../src/modules/license/api.ts';
export type { Licence, LicenceIssue, LicenceType, LicenceUse, Presentation, UseRequest, Verdict, Verification };

export const licences = {
  verifyPayload: (payload: string) => api.post<Verification>('/api/licences/verify', { payload }),
  verifyToken: (t: string) => api.get<Verification>('/api/licences/verify', { t }),
  verifyIdentifier: (id: string) => api.get<Verification>('/api/licences/verify', { id }),
  wallet: () => api.get<{ items: Licence[] }>('/api/wallet/licences'),
  present: (id: string, body: PresentationBody) =>
    api.post<Presentation>(`/api/wallet/licences/${id}/presentations`, body),
  uses: (id: string) => api.get<{ items: LicenceUse[] }>(`/api/wallet/licences/${id}/uses`),
  pdfUrl: (id: string) => `/api/wallet/licences/${id}/pdf`,
  requests: () => api.get<{ items: UseRequest[] }>('/api/wallet/use-requests'),
  decide: (id: string, approve: boolean) => api.post<UseRequest>(`/api/wallet/use-requests/${id}/decision`, { approve }),
};

/** Verdicts that mean the licence can be relied on now. */
export const GOOD: Verdict[] = ['valid'];
/** Genuine but not in force: a warning, not a forgery. */
export const GENUINE_BUT: Verdict[] = ['suspended', 'revoked', 'cancelled', 'expired', 'invalid'];

export const staffLicences = {
  list: (query: { page: number; pageSize: number; q?: string }) =>
    api.get<PageResult<Licence>>('/api/licences', query),
  types: () => api.get<{ items: LicenceType[] }>('/api/licence-types'),
  issue: (body: LicenceIssue) => api.post<Licence>('/api/licences', body),
  operate: (l: Licence, operation: '03' | '05' | '06', reason: string, status?: string) =>
    api.post(`/api/licences/${l.id}/operations`, { operation, reason, version: l.version, ...(status ? { status } : {}) }),
  renew: (l: Licence) => api.post<Licence>(`/api/licences/${l.id}/reissue`, { operation: '02', version: l.version }),
  pdfUrl: (id: string) => `/api/licences/${id}/pdf`,
};
