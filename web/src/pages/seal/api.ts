import { api } from '../../api/client.ts';

export type SealKind = 'official' | 'approval' | 'licence' | 'business';
export type SealStatus = 'active' | 'suspended' | 'revoked';

export interface Seal {
  id: string;
  departmentId: string;
  departmentName: string;
  regionCode: string;
  kind: SealKind;
  code: string;
  name: string;
  subtitle: string;
  status: SealStatus;
  validFrom: string;
  validTo: string;
  currentKeyId: string | null;
  keyCount: number;
  version: number;
}

export interface SealCoverage {
  departments: number;
  covered: number;
  rate: number;
  items: { departmentId: string; departmentName: string; regionCode: string; activeSeals: number; covered: boolean }[];
}

export const SEAL_KINDS: SealKind[] = ['official', 'approval', 'licence', 'business'];

export const seals = {
  list: (query: { page?: number; pageSize?: number; q?: string; status?: string }) =>
    api.get<{ items: Seal[]; total: number }>('/api/seals', query),
  create: (body: { departmentId: string; kind: SealKind }) => api.post<Seal>('/api/seals', body),
  rotate: (s: Seal) => api.post<Seal>(`/api/seals/${s.id}/rotate`, { version: s.version }),
  setStatus: (s: Seal, status: SealStatus) => api.post<Seal>(`/api/seals/${s.id}/status`, { status, version: s.version }),
  coverage: () => api.get<SealCoverage>('/api/seals/coverage'),
  imageUrl: (id: string) => `/api/seals/${id}/image.svg`,
};
