import { api } from './client.ts';
import type { PublicConfig, User } from './types.ts';

/** Sign-in goes through the OpenID Provider's own page; the server keeps the session. */
export const signInUrl = (next: string) => `/api/auth/start?next=${encodeURIComponent(next)}`;
/** Ends the API session; the returned URL ends the single sign-on session at the provider. */
export const logout = () => api.post<{ endSessionUrl: string | null }>('/api/auth/logout').then((r) => r.endSessionUrl);
export const me = () => api.get<{ user: User }>('/api/auth/me').then((r) => r.user);
export const getConfig = () => api.get<PublicConfig>('/api/config');
