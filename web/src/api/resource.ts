import { api } from './client.ts';
import type { ListQuery, Page, Versioned } from './types.ts';

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
