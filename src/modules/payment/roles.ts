import type { Role } from '../../kernel/actor.ts';

/**
 * Who may do what with payments. Finance officers (财务人员) of a collecting unit act for it —
 * their grant is usually narrowed to the unit — and administrators stand for the finance bureau
 * (财政局) of their city or county. Department administrators keep acting for their unit where no
 * finance officer has been appointed yet; leaders read the figures.
 */
export const FINANCE_ROLES: readonly Role[] = ['administrator', 'finance_officer', 'department_admin'];
export const FINANCE_READ_ROLES: readonly Role[] = [...FINANCE_ROLES, 'leader'];

/** Staff who see notices and payments of their department or region. */
export const NOTICE_READ_ROLES: readonly Role[] = ['administrator', 'department_admin', 'window_clerk', 'approver', 'leader', 'finance_officer'];
/** Staff who issue manual fees and cancel notices. */
export const NOTICE_WRITE_ROLES: readonly Role[] = ['administrator', 'department_admin', 'window_clerk', 'approver'];
export const REFUND_REQUEST_ROLES: readonly Role[] = ['department_admin', 'window_clerk', 'approver', 'finance_officer'];
/** The second person of a refund; never the one who requested it. */
export const REFUND_APPROVE_ROLES: readonly Role[] = ['administrator', 'department_admin', 'approver', 'finance_officer'];
