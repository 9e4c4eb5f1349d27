import { api } from './client.ts';
import { resource } from './resource.ts';
import type { CodeName, Department, Hall, Kiosk, OrgStats, RoleGrant, ServiceWindow, Staff } from './types.ts';

export const departments = resource<Department>('/api/org/departments');
export const halls = resource<Hall>('/api/org/halls');
export const windows = resource<ServiceWindow>('/api/org/windows');
export const kiosks = resource<Kiosk>('/api/org/kiosks');
export const staff = resource<Staff>('/api/org/staff');

export const getSectors = () => api.get<{ items: CodeName[] }>('/api/org/sectors');
export const getRoles = () => api.get<{ items: CodeName[] }>('/api/org/roles');
export const getStats = () => api.get<OrgStats>('/api/org/stats');
export const setStaffRoles = (id: string, roles: RoleGrant[]) =>
  api.put<Staff>(`/api/org/staff/${encodeURIComponent(id)}/roles`, { roles });
