import { api } from './client.ts';
import type { Page } from './types.ts';

/** A list page's query as the URL keeps it: search, region, paging and any filter. */
export interface ListQuery {
  q?: string;
  regionCode?: string;
  page?: number;
  pageSize?: number;
  [filter: string]: string | number | undefined;
}

/** Every editable organisation record carries an id and a version for optimistic concurrency. */
export interface Versioned {
  id: string;
  version: number;
}

/** The five organisation lists share one REST shape: list, read, create, patch, delete. */
export interface Resource<T extends Versioned> {
  path: string;
  list(query: ListQuery, signal?: AbortSignal): Promise<Page<T>>;
  get(id: string): Promise<T>;
  create(body: Record<string, unknown>): Promise<T>;
  update(id: string, body: Record<string, unknown>): Promise<T>;
  remove(id: string): Promise<void>;
}

export function resource<T extends Versioned>(path: string): Resource<T> {
  const one = (id: string) => `${path}/${encodeURIComponent(id)}`;
  return {
    path,
    list: (query, signal) => api.get<Page<T>>(path, query, signal),
    get: (id) => api.get<T>(one(id)),
    create: (body) => api.post<T>(path, body),
    update: (id, body) => api.patch<T>(one(id), body),
    remove: (id) => api.delete(one(id)),
  };
}
