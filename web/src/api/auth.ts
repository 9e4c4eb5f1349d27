import { api } from './client.ts';
import type { PublicConfig, User } from './types.ts';

export const login = (username: string, password: string) =>
  api.post<{ user: User }>('/api/auth/login', { username, password }).then((r) => r.user);
export const logout = () => api.post<void>('/api/auth/logout');
export const me = () => api.get<{ user: User }>('/api/auth/me').then((r) => r.user);
export const getConfig = () => api.get<PublicConfig>('/api/config');
