import type { User } from '../../api/types.ts';
import { MANAGE_ROLES } from './api.ts';

/**
 * Whether the user keeps a resource of the department `departmentId` (loads its records, answers
 * its issues, revokes its grants): a keeper role over the whole region or over that department.
 * The server checks the region too; this only decides what to offer.
 */
export function keepsDepartment(user: User | null, departmentId: string): boolean {
  return !!user?.roles.some((g) => (MANAGE_ROLES as readonly string[]).includes(g.role) && (g.departmentId === null || g.departmentId === departmentId));
}
