import type { Static } from 'typebox';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

// API shapes of 共享需求 from the data module's route schemas (type-only: nothing of the server is bundled).
import type { Demand, DemandApprove, DemandConfirm, DemandCreate, DemandListQuery, DemandRefuse, Grant, GrantListQuery, GrantRevoke } from '../../../../src/modules/data/api.ts';

export type { Demand, DemandApprove, DemandCreate, Grant };
export type DemandStatus = Demand['status'];
export type DemandBox = DemandListQuery['box'];
export type DemandQuery = Partial<DemandListQuery> & Pick<DemandListQuery, 'box'>;
export type DemandRefusal = DemandRefuse;
export type DemandConfirmation = DemandConfirm;
export type GrantQuery = Partial<GrantListQuery> & Pick<GrantListQuery, 'box'>;
export type GrantRevocation = Static<typeof GrantRevoke>;

/** The statuses in the order a filter offers them (DEMAND_STATUSES of schemas.ts). */
export const DEMAND_STATUSES = Object.keys({ pending: true, approved: true, refused: true, withdrawn: true } satisfies Record<DemandStatus, true>) as DemandStatus[];
export const DEMAND_BOXES: DemandBox[] = ['incoming', 'outgoing'];

const one = (id: string) => `/api/data/demands/${encodeURIComponent(id)}`;

export const dataDemands = {
  list: (query: DemandQuery, signal?: AbortSignal) => api.get<Page<Demand>>('/api/data/demands', query, signal),
  get: (id: string) => api.get<Demand>(one(id)),
  create: (body: DemandCreate) => api.post<Demand>('/api/data/demands', body),
  approve: (id: string, body: DemandApprove) => api.post<Demand>(`${one(id)}/approve`, body),
  refuse: (id: string, body: DemandRefusal) => api.post<Demand>(`${one(id)}/refuse`, body),
  withdraw: (id: string, version: number) => api.post<Demand>(`${one(id)}/withdraw`, { version }),
  confirm: (id: string, body: DemandConfirmation) => api.post<Demand>(`${one(id)}/confirm`, body),
};

export const dataGrants = {
  list: (query: GrantQuery, signal?: AbortSignal) => api.get<Page<Grant>>('/api/data/grants', query, signal),
  revoke: (id: string, body: GrantRevocation) => api.post<Grant>(`/api/data/grants/${encodeURIComponent(id)}/revoke`, body),
};
