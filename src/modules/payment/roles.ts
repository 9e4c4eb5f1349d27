import type { Role } from '../../kernel/actor.ts';

/**
 * Who may do what with payments. The kernel has no finance role (财政/财务) yet: until it
 * does, department administrators stand in for the finance staff of their unit and
 * administrators for the finance bureau (city- or county-wide), and leaders may read totals.
 * Replace FINANCE_ROLES with the real role once src/kernel/actor.ts gains one.
 */
export const FINANCE_ROLES: readonly Role[] = ['administrator', 'department_admin'];
export const FINANCE_READ_ROLES: readonly Role[] = [...FINANCE_ROLES, 'leader'];

/** Staff who see notices and payments of their department or region. */
export const NOTICE_READ_ROLES: readonly Role[] = ['administrator', 'department_admin', 'window_clerk', 'approver', 'leader'];
/** Staff who issue manual fees and cancel notices. */
export const NOTICE_WRITE_ROLES: readonly Role[] = ['administrator', 'department_admin', 'window_clerk', 'approver'];
export const REFUND_REQUEST_ROLES: readonly Role[] = ['department_admin', 'window_clerk', 'approver'];
/** The second person of a refund; never the one who requested it. */
export const REFUND_APPROVE_ROLES: readonly Role[] = ['administrator', 'department_admin', 'approver'];
