/**
 * The one HTTP client of the web app: JSON over fetch with the session cookie, the UI language
 * sent as Accept-Language, and every failure thrown as an ApiError.
 */
import type { ErrorBody } from '../../../src/kernel/api.ts';

/** What a failed request answers: `{ error: ApiErrorBody }` (the server's own schema). */
export type { ErrorBody };
export type ApiErrorBody = ErrorBody['error'];

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `details.field` of a validation error, if the server named one. */
  get field(): string | undefined {
    const field = (this.details as { field?: unknown } | null | undefined)?.field;
    return typeof field === 'string' && field ? field : undefined;
  }
}

/** Status 0: the request never got an answer (offline, server down, proxy error page). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

type Query = Record<string, string | number | boolean | null | undefined>;
interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

let language = 'zh-CN';
export function setApiLanguage(lang: string): void {
  language = lang;
}
export function getApiLanguage(): string {
  return language;
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();
/** Called when any request answers 401 UNAUTHENTICATED (the session ended). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  const error = (value as { error?: unknown } | null)?.error as Partial<ApiErrorBody> | undefined;
  return typeof error?.code === 'string';
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, NETWORK_ERROR, '');
  }
  const text = response.status === 204 ? '' : await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (response.ok) return data as T;

  const error = isErrorBody(data)
    ? new ApiError(response.status, data.error.code, data.error.message, data.error.details)
    : new ApiError(response.status, response.status >= 500 ? NETWORK_ERROR : `HTTP_${response.status}`, '');
  if (error.status === 401 && error.code === 'UNAUTHENTICATED') {
    for (const listener of unauthenticatedListeners) listener(error);
  }
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
