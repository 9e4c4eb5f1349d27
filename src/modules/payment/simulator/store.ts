import type { Queryable, Tx } from '../../../kernel/db/index.ts';
import { emit } from '../../../kernel/events/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { dayBounds } from '../days.ts';
import { SIM_CALLBACK_DUE } from '../events.ts';
import * as clock from '../../../kernel/clock.ts';

/**
 * The built-in channel simulator: a stand-in for a bank's or wallet's system, with its own
 * tables (paysim_*). It talks to the payment module only the way a gateway would: signed
 * HTTP callbacks (simulator/delivery.ts), a query API and statement files (simulator/adapter.ts).
 */
export const SIM_CHANNELS = ['sim-bank', 'sim-wallet'] as const;
export type SimChannel = (typeof SIM_CHANNELS)[number];
export const isSimChannel = (c: string): c is SimChannel => (SIM_CHANNELS as readonly string[]).includes(c);

/** How the simulated gateway misbehaves for one payment (chosen on its pay page). */
export interface Scenario {
  /** Extra copies of the callback, each delivered on its own. */
  duplicates?: number;
  /** Seconds before the first callback. */
  delaySeconds?: number;
  /** Money taken but no callback at all: only the query API or the statement tells. */
  timeout?: boolean;
  /** The gateway charges this instead of the order amount (a broken gateway). */
  paidFen?: number;
  /** Refunds of this payment fail at the bank. */
  refundFails?: boolean;
}

export interface SimOrder {
  id: string;
  channel: SimChannel;
  merchant_order_no: string;
  payment_code: string;
  amount_fen: number;
  subject: string;
  notify_url: string;
  return_url: string | null;
  status: 'created' | 'paid' | 'closed';
  channel_txn_id: string | null;
  paid_fen: number | null;
  paid_at: Date | null;
  scenario: Scenario;
  [key: string]: unknown;
}

export async function createSimOrder(
  io: Queryable,
  channel: SimChannel,
  o: { merchantOrderNo: string; paymentCode: string; amountFen: number; subject: string; notifyUrl: string; returnUrl?: string },
): Promise<string> {
  const row = await io.one<{ id: string }>(
    `insert into paysim_order (id, channel, merchant_order_no, payment_code, amount_fen, subject, notify_url, return_url)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (channel, merchant_order_no) do update set subject = excluded.subject
     returning id`,
    [uuidv7(), channel, o.merchantOrderNo, o.paymentCode, o.amountFen, o.subject, o.notifyUrl, o.returnUrl ?? null],
  );
  return row!.id;
}

export const getSimOrder = (io: Queryable, id: string) => io.one<SimOrder>('select * from paysim_order where id = $1', [id]);

export const simOrderByMerchantNo = (io: Queryable, channel: string, no: string) =>
  io.one<SimOrder>('select * from paysim_order where channel = $1 and merchant_order_no = $2', [channel, no]);

/** Queue a signed callback; the outbox timer makes delivery survive a restart. */
export async function queueNotification(tx: Tx, channel: SimChannel, notifyUrl: string, body: Record<string, unknown>, delaySeconds = 0) {
  const id = uuidv7();
  await tx.query('insert into paysim_notification (id, channel, notify_url, body) values ($1, $2, $3, $4)', [
    id,
    channel,
    notifyUrl,
    JSON.stringify(body),
  ]);
  await emit(tx, SIM_CALLBACK_DUE, { notificationId: id }, { dueAt: new Date(clock.nowMs() + delaySeconds * 1000), dedupeKey: `${SIM_CALLBACK_DUE.name}:${id}:1` });
  return id;
}

/** The payer confirmed on the pay page. Returns false when the order was not open. */
export async function paySimOrder(tx: Tx, orderId: string, scenario: Scenario): Promise<SimOrder | undefined> {
  const order = await tx.one<SimOrder>(`select * from paysim_order where id = $1 for update`, [orderId]);
  if (!order || order.status !== 'created') return undefined;
  const txnId = `${order.channel === 'sim-bank' ? 'B' : 'W'}${uuidv7().replace(/-/g, '')}`;
  const paidFen = scenario.paidFen ?? Number(order.amount_fen);
  const paid = (await tx.one<SimOrder>(
    `update paysim_order set status = 'paid', channel_txn_id = $2, paid_fen = $3, paid_at = clock_now(), scenario = $4
      where id = $1 returning *`,
    [orderId, txnId, paidFen, JSON.stringify(scenario)],
  ))!;
  if (!scenario.timeout) {
    const notifyId = uuidv7();
    const body = {
      notifyId,
      type: 'PAYMENT',
      paymentCode: paid.payment_code,
      merchantOrderNo: paid.merchant_order_no,
      channelTxnId: txnId,
      amountFen: paidFen,
      occurredAt: new Date(paid.paid_at!).toISOString(),
    };
    // A duplicate is the same notification (same notifyId) sent again, as gateways do.
    for (let i = 0; i <= Math.min(scenario.duplicates ?? 0, 5); i++) {
      await queueNotification(tx, paid.channel, paid.notify_url, body, (scenario.delaySeconds ?? 0) + i);
    }
  }
  return paid;
}

export async function closeSimOrder(tx: Tx, orderId: string) {
  await tx.query(`update paysim_order set status = 'closed' where id = $1 and status = 'created'`, [orderId]);
}

/** A refund request from the merchant: accepted now, the outcome arrives as a callback. */
export async function refundSim(
  tx: Tx,
  channel: SimChannel,
  r: { merchantRefundNo: string; channelTxnId: string; paymentCode: string; amountFen: number; notifyUrl: string },
): Promise<{ accepted: boolean; reason?: string }> {
  const order = await tx.one<SimOrder>('select * from paysim_order where channel = $1 and channel_txn_id = $2 for update', [channel, r.channelTxnId]);
  if (!order || order.status !== 'paid') return { accepted: false, reason: 'TRANSACTION_NOT_FOUND' };
  const refunded = await tx.one<{ fen: number }>(
    `select coalesce(sum(amount_fen), 0) as fen from paysim_refund where channel = $1 and channel_txn_id = $2 and status <> 'failed' and merchant_refund_no <> $3`,
    [channel, r.channelTxnId, r.merchantRefundNo],
  );
  if (Number(refunded?.fen ?? 0) + r.amountFen > Number(order.paid_fen)) return { accepted: false, reason: 'REFUND_EXCEEDS_PAYMENT' };
  const id = uuidv7();
  const inserted = await tx.one<{ id: string }>(
    `insert into paysim_refund (id, channel, channel_txn_id, merchant_refund_no, payment_code, amount_fen, status, notify_url)
     values ($1, $2, $3, $4, $5, $6, 'processing', $7) on conflict (channel, merchant_refund_no) do nothing returning id`,
    [id, channel, r.channelTxnId, r.merchantRefundNo, r.paymentCode, r.amountFen, r.notifyUrl],
  );
  if (!inserted) return { accepted: true };
  const fails = order.scenario.refundFails === true;
  await tx.query(`update paysim_refund set status = $2, finished_at = clock_now() where id = $1`, [id, fails ? 'failed' : 'succeeded']);
  await queueNotification(tx, channel, r.notifyUrl, {
    notifyId: uuidv7(),
    type: 'REFUND',
    paymentCode: r.paymentCode,
    channelTxnId: `R${id.replace(/-/g, '')}`,
    merchantRefundNo: r.merchantRefundNo,
    amountFen: r.amountFen,
    refundStatus: fails ? 'FAIL' : 'SUCCESS',
    ...(fails ? { failure: 'ACCOUNT_CLOSED' } : {}),
    occurredAt: clock.now().toISOString(),
  });
  return { accepted: true };
}

export const STATEMENT_COLUMNS = 'kind,channel_txn_id,payment_code,amount_fen,occurred_at';

/** The day's statement: payments taken and refunds paid out that day, paged by keyset. */
export async function* simStatement(db: Queryable, channel: SimChannel, day: string): AsyncIterable<string> {
  const { start, end } = dayBounds(day);
  const counts = await db.one<{ n: number; fen: number }>(
    `select (select count(*) from paysim_order where channel = $1 and status = 'paid' and paid_at >= $2 and paid_at < $3)
          + (select count(*) from paysim_refund where channel = $1 and status = 'succeeded' and finished_at >= $2 and finished_at < $3) as n`,
    [channel, start, end],
  );
  yield `#channel=${channel},day=${day},count=${Number(counts?.n ?? 0)}`;
  yield STATEMENT_COLUMNS;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<{ id: string; channel_txn_id: string; payment_code: string; paid_fen: number; paid_at: Date }>(
      `select id, channel_txn_id, payment_code, paid_fen, paid_at from paysim_order
        where channel = $1 and status = 'paid' and paid_at >= $2 and paid_at < $3 and id > $4 order by id limit 5000`,
      [channel, start, end, after],
    );
    for (const r of rows) yield `PAY,${r.channel_txn_id},${r.payment_code},${r.paid_fen},${new Date(r.paid_at).toISOString()}`;
    if (rows.length < 5000) break;
    after = rows.at(-1)!.id;
  }
  after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db.query<{ id: string; merchant_refund_no: string; payment_code: string; amount_fen: number; finished_at: Date }>(
      `select id, merchant_refund_no, payment_code, amount_fen, finished_at from paysim_refund
        where channel = $1 and status = 'succeeded' and finished_at >= $2 and finished_at < $3 and id > $4 order by id limit 5000`,
      [channel, start, end, after],
    );
    // Refund lines name our refund number: that is what both sides hold.
    for (const r of rows) yield `REFUND,${r.merchant_refund_no},${r.payment_code},${r.amount_fen},${new Date(r.finished_at).toISOString()}`;
    if (rows.length < 5000) break;
    after = rows.at(-1)!.id;
  }
}
