import { fileURLToPath } from 'node:url';
import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import * as events from './events.ts';
import { orderChecker } from './orders.ts';
import { dailyReconciler } from './reconciliation/run.ts';
import { refundSender } from './refunds.ts';
import { registerPaymentRoutes } from './routes.ts';
import { gatewaySigner } from './simulator/adapter.ts';
import { deliveryHandler } from './simulator/delivery.ts';

export const paymentModule: Module = {
  name: 'payment',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerPaymentRoutes,
  events: topicsIn(events),
  eventHandlers: (ctx) => [
    refundSender(ctx),
    orderChecker(ctx),
    dailyReconciler(ctx),
    deliveryHandler(ctx, (channel) => gatewaySigner(ctx.config.masterKey, channel)),
  ],
};

export { createFeeNotice, getNotice } from './notices.ts';
export type { NewFeeNotice } from './notices.ts';
export { computeFeeLines } from './fees.ts';
export type { FeeInput, FeeLine, FeeRule, Reduction } from './fees.ts';
export { allUnitTotals, unitTotals } from './reconciliation/report.ts';
export { paymentIndicators } from './indicators.ts';
export type { PaymentIndicators } from './indicators.ts';
export { MAX_FEN, yuan } from './money.ts';
// Events other modules may follow (the timers and the refund hand-off stay inside).
export { NOTICE_CANCELLED, NOTICE_CREATED, NOTICE_PAID, REFUND_DONE } from './events.ts';
export type { NoticeCancelled, NoticeCreated, NoticePaid, RefundDone } from './events.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
