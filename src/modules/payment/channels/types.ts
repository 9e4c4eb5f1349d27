import type { Queryable } from '../../../kernel/db/index.ts';

/** What a channel tells us in a verified callback. */
export interface ChannelNotification {
  /** The channel's id of this notification; the same event re-sent keeps it. */
  notifyId: string;
  type: 'PAYMENT' | 'REFUND';
  paymentCode: string;
  /** The channel's transaction (payments) or refund (refunds) id. */
  channelTxnId: string;
  amountFen: number;
  occurredAt: string;
  /** Refunds: our refund id as given when requesting it, and the outcome. */
  merchantRefundNo?: string;
  refundStatus?: 'SUCCESS' | 'FAIL';
  failure?: string;
}

export type VerifyResult =
  | { ok: true; notification: ChannelNotification; notifyId: string }
  | { ok: false; reason: 'bad_signature' | 'malformed'; notifyId?: string };

export interface OrderRequest {
  orderId: string;
  paymentCode: string;
  amountFen: number;
  subject: string;
  notifyUrl: string;
  returnUrl?: string;
}

export interface OrderStatus {
  status: 'created' | 'paid' | 'closed' | 'unknown';
  channelTxnId?: string;
  amountFen?: number;
  paidAt?: string;
}

export interface RefundRequest {
  merchantRefundNo: string;
  channelTxnId: string;
  paymentCode: string;
  amountFen: number;
  notifyUrl: string;
}

/**
 * One payment channel (a bank's 代收 interface, a wallet's merchant API). Production gateways
 * implement the same interface. `io` is the caller's transaction: a network gateway ignores
 * it; the built-in simulator keeps its state in this database and writes it there, so the
 * simulated request commits together with our own record of it.
 */
export interface ChannelAdapter {
  code: string;
  signature: 'hmac-sm3' | 'sm2';
  createOrder(io: Queryable, order: OrderRequest): Promise<{ payUrl: string }>;
  verifyCallback(headers: Record<string, string | string[] | undefined>, rawBody: string): VerifyResult;
  query(io: Queryable, orderId: string): Promise<OrderStatus>;
  refund(io: Queryable, refund: RefundRequest): Promise<{ accepted: boolean; reason?: string }>;
  /** The daily statement file (对账单) of a day, line by line. */
  statement(db: Queryable, day: string): AsyncIterable<string>;
}
