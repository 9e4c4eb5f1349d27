import { Type } from 'typebox';
import { defineTopic, Nullable, type PayloadOf } from '../../kernel/events/index.ts';

/**
 * The payment module's outbox topics. `index.ts` exports the notice and refund facts; the
 * timers and the approved-refund hand-off are the module's own.
 */

const FACT = 'kept as a fact for audit and reporting; no module acts on it yet';
const Fen = Type.Integer({ minimum: 0 });

export const NOTICE_CREATED = defineTopic(
  'payment.notice_created',
  Type.Object({
    noticeId: Type.String(),
    code: Type.String(),
    caseId: Nullable(Type.String()),
    amountFen: Fen,
    payerPersonId: Nullable(Type.String()),
    payerEnterpriseId: Nullable(Type.String()),
    dueDate: Type.String(),
  }),
  { terminal: FACT },
);
export type NoticeCreated = PayloadOf<typeof NOTICE_CREATED>;

/** The notice is paid; the case waiting on it resumes. Emitted once per notice (dedupe key `payment.notice_paid:<noticeId>`). */
export const NOTICE_PAID = defineTopic(
  'payment.notice_paid',
  Type.Object({ noticeId: Type.String(), caseId: Nullable(Type.String()), code: Type.String(), amountFen: Fen, paidAt: Type.String(), receiptId: Type.String() }),
);
export type NoticePaid = PayloadOf<typeof NOTICE_PAID>;

export const NOTICE_CANCELLED = defineTopic(
  'payment.notice_cancelled',
  Type.Object({ noticeId: Type.String(), caseId: Nullable(Type.String()), reason: Type.String() }),
  { terminal: FACT },
);
export type NoticeCancelled = PayloadOf<typeof NOTICE_CANCELLED>;

/** The channel confirmed a refund. */
export const REFUND_DONE = defineTopic('payment.refund_done', Type.Object({ refundId: Type.String(), noticeId: Type.String(), amountFen: Fen }), { terminal: FACT });
export type RefundDone = PayloadOf<typeof REFUND_DONE>;

/** A refund was approved (by a second person, or by rule for money that pays nothing): the sender hands it to its channel. */
export const REFUND_APPROVED = defineTopic('payment.refund_approved', Type.Object({ refundId: Type.String() }));

/** Timer: ask the channel about an order still open (attempt n of the schedule). */
export const ORDER_CHECK_DUE = defineTopic('payment.order_check_due', Type.Object({ orderId: Type.String(), attempt: Type.Integer({ minimum: 1 }) }));

/** Timer: a channel's day to reconcile, at 03:00 the next morning; retried while the run has not finished. */
export const RECONCILIATION_DUE = defineTopic(
  'payment.reconciliation_due',
  Type.Object({ channel: Type.String(), day: Type.String(), attempt: Type.Optional(Type.Integer({ minimum: 1 })) }),
);

/** Timer: the built-in channel simulator delivers (or retries) a signed callback. */
export const SIM_CALLBACK_DUE = defineTopic('payment.sim_callback_due', Type.Object({ notificationId: Type.String() }));
