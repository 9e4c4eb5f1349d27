import { api } from '../../api/client.ts';

// API shapes come from the seal module's route schemas (type-only: nothing of the server is bundled).
import type { PageResult } from '../../../../src/kernel/api.ts';
import type { Seal, SealCoverage, SealCreate, SealKind, SealStatus } from '../../../../src/modules/seal/api.ts';

export type { Seal, SealCoverage, SealKind, SealStatus };

export const SEAL_KINDS: SealKind[] = ['official', 'approval', 'licence', 'business'];

export const seals = {
  list: (query: { page?: number; pageSize?: number; q?: string; status?: string }) =>
    api.get<PageResult<Seal>>('/api/seals', query),
  create: (body: SealCreate) => api.post<Seal>('/api/seals', body),
  rotate: (s: Seal) => api.post<Seal>(`/api/seals/${s.id}/rotate`, { version: s.version }),
  setStatus: (s: Seal, status: SealStatus) => api.post<Seal>(`/api/seals/${s.id}/status`, { status, version: s.version }),
  coverage: () => api.get<SealCoverage>('/api/seals/coverage'),
  imageUrl: (id: string) => `/api/seals/${id}/image.svg`,
};
