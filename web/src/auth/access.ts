import type { RoleCode, User } from '../api/types.ts';

/** The protected areas and who may enter them. `null` = any staff member. */
export type Area = 'staff' | 'admin' | 'cockpit';
export const AREA_ROLES: Record<Area, readonly RoleCode[] | null> = {
  staff: null,
  admin: ['administrator', 'department_admin'],
  cockpit: ['leader', 'administrator'],
};

export function hasAnyRole(user: User | null, roles: readonly RoleCode[]): boolean {
  return !!user && user.roles.some((grant) => roles.includes(grant.role));
}

export function mayEnter(user: User | null, area: Area): boolean {
  if (!user || user.kind !== 'staff') return false;
  const roles = AREA_ROLES[area];
  return roles === null || hasAnyRole(user, roles);
}

/** Where to go after signing in when no `next` was given. */
export function homeOf(user: User): string {
  if (user.kind !== 'staff') return '/';
  if (mayEnter(user, 'admin')) return '/admin';
  return '/staff';
}

/** Only same-site paths are followed after login (no open redirect via ?next=). */
export function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}
