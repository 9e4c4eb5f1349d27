import { api } from '../../api/client.ts';

export type Verdict =
  'valid' | 'suspended' | 'revoked' | 'cancelled' | 'expired' | 'invalid' | 'tampered' | 'wrong_key' | 'not_found';

export interface Verification {
  verdict: Verdict;
  genuine: boolean;
  identifier: string;
  statusName?: string;
  typeName?: string;
  issuerName?: string;
  validFrom?: string;
  validTo?: string | null;
  sealId?: string;
  disclosed?: {
    holderName?: string;
    holderCode?: string;
    fields: Record<string, string | number>;
    fieldLabels: Record<string, string>;
  };
  presentation?: { expiresAt: string; fields: string[] };
}

export interface Licence {
  id: string;
  version: number;
  status: string;
  identifier: string;
  typeName: string;
  issuerName: string;
  holder: { kind: 'person' | 'enterprise'; name: string; code: string };
  fields: Record<string, string | number>;
  fieldLabels: Record<string, string>;
  statusName: string;
  verdict: Verdict;
  validFrom: string;
  validTo: string | null;
  sealId: string;
}

export interface Presentation {
  token: string;
  url: string;
  expiresAt: string;
  qrSvg: string;
}

export interface LicenceUse {
  kind: 'presentation' | 'case' | 'exchange';
  purpose: string;
  userName: string;
  at: string;
}

export interface UseRequest {
  id: string;
  identifier: string;
  typeName: string;
  purpose: string;
  status: 'pending' | 'approved' | 'refused' | 'lawful';
  requesterName: string;
  legalBasis: string;
  createdAt: string;
  expiresAt: string;
}

export const licences = {
  verifyPayload: (payload: string) => api.post<Verification>('/api/licences/verify', { payload }),
  verifyToken: (t: string) => api.get<Verification>('/api/licences/verify', { t }),
  verifyIdentifier: (id: string) => api.get<Verification>('/api/licences/verify', { id }),
  wallet: () => api.get<{ items: Licence[] }>('/api/wallet/licences'),
  present: (id: string, body: { fields: string[]; ttlSeconds: number; once: boolean }) =>
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

export interface FieldSpec {
  key: string;
  label: string;
  type: 'text' | 'date' | 'number';
  required: boolean;
}

export interface LicenceType {
  id: string;
  code: string;
  name: string;
  holderKind: 'person' | 'enterprise';
  issuingDepartmentIds: string[];
  fields: FieldSpec[];
}

export interface IssueBody {
  typeId: string;
  departmentId: string;
  holder: { kind: 'person' | 'enterprise'; name: string; code: string; personId?: string };
  fields: Record<string, string>;
  validFrom?: string;
  validTo?: string;
}

export const staffLicences = {
  list: (query: { page: number; pageSize: number; q?: string }) =>
    api.get<{ items: Licence[]; total: number }>('/api/licences', query),
  types: () => api.get<{ items: LicenceType[] }>('/api/licence-types'),
  issue: (body: IssueBody) => api.post<Licence>('/api/licences', body),
  operate: (l: Licence, operation: '03' | '05' | '06', reason: string, status?: string) =>
    api.post(`/api/licences/${l.id}/operations`, { operation, reason, version: l.version, ...(status ? { status } : {}) }),
  renew: (l: Licence) => api.post<Licence>(`/api/licences/${l.id}/reissue`, { operation: '02', version: l.version }),
  pdfUrl: (id: string) => `/api/licences/${id}/pdf`,
};
