import { api } from './client.ts';
import type { ListQuery } from './resource.ts';
import type { Page, Region } from './types.ts';

export const getRegion = (code: string) => api.get<Region>(`/api/regions/${code}`);
export const getRegionChildren = (code: string) =>
  api.get<{ items: Region[] }>(`/api/regions/${code}/children`).then((r) => r.items);
export const searchRegions = (query: ListQuery) => api.get<Page<Region>>('/api/regions', query);
