import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { orderChecker } from './orders.ts';
import { dailyReconciler } from './reconciliation/run.ts';
import { refundSender } from './refunds.ts';
import { registerPaymentRoutes } from './routes.ts';
import { gatewaySigner } from './simulator/adapter.ts';
import { deliveryHandler } from './simulator/delivery.ts';
import { DELIVER_TOPIC } from './simulator/store.ts';
import { ORDER_CHECK, RECONCILE, REFUND_SEND } from './topics.ts';

export const paymentModule: Module = {
  name: 'payment',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes: registerPaymentRoutes,
  eventHandlers: (ctx) => ({
    [REFUND_SEND]: refundSender(ctx),
    [ORDER_CHECK]: orderChecker(ctx),
    [RECONCILE]: dailyReconciler(ctx),
    [DELIVER_TOPIC]: deliveryHandler(ctx, (channel) => gatewaySigner(ctx.config.masterKey, channel)),
  }),
};

export { createFeeNotice, getNotice } from './notices.ts';
export type { NewFeeNotice } from './notices.ts';
export { computeFeeLines } from './fees.ts';
export type { FeeInput, FeeLine, FeeRule, Reduction } from './fees.ts';
export { unitTotals } from './reconciliation/report.ts';
export { paymentIndicators } from './indicators.ts';
export type { PaymentIndicators } from './indicators.ts';
export { MAX_FEN } from './money.ts';
export { NOTICE_CANCELLED, NOTICE_CREATED, NOTICE_PAID, REFUND_DONE } from './topics.ts';

// API schemas and types: the HTTP contract, TypeBox schemas and their Static types (web/README.md, "API types")
export { Channel, Discrepancy, Notice, NoticeCreate, NoticeLine, ReceiptVerification, ReconRun, Refund, RefundCreate, UnitTotal } from './schemas.ts';
export type { ReconReport, Resolution } from './schemas.ts';
