/** Outbox topics of the payment module. Consumers (cases, notifications) subscribe by name. */
export const NOTICE_CREATED = 'payment.notice_created';
/** Payload { noticeId, caseId, code, amountFen, paidAt }: the case waiting on it resumes. Emitted once per notice. */
export const NOTICE_PAID = 'payment.notice_paid';
export const NOTICE_CANCELLED = 'payment.notice_cancelled';
export const REFUND_DONE = 'payment.refund_done';

/** Internal timers. */
export const REFUND_SEND = 'payment.refund_send';
export const ORDER_CHECK = 'payment.order_check';
export const RECONCILE = 'payment.reconcile';
