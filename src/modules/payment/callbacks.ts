import { systemActor, type Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { AppContext } from '../../kernel/context.ts';
import { sm3Hex } from '../../kernel/crypto/index.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { emit, eventEmitted } from '../../kernel/events/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { UUID_PATTERN, uuidv7 } from '../../kernel/ids.ts';
import { channel as channelOf } from './channels/registry.ts';
import type { ChannelNotification } from './channels/types.ts';
import { dayBounds, shanghaiDay } from './days.ts';
import { MAX_FEN } from './money.ts';
import type { NoticeRow } from './notices.ts';
import { issueReceipt } from './receipts.ts';
import { NOTICE_PAID, RECONCILIATION_DUE, REFUND_APPROVED, REFUND_DONE } from './events.ts';

export type CallbackOutcome = 'credited' | 'refund_due' | 'duplicate' | 'refund_done' | 'refund_failed';

const GATEWAY = (channel: string): Actor => systemActor(`channel:${channel}`);

/**
 * A callback over HTTP: verify the signature over the exact bytes, then apply it in one
 * transaction. Refusals are recorded and audited (in a transaction of their own when the
 * work rolled back) and answered with a stable code, so the gateway retries or alerts.
 */
export async function receiveCallback(
  ctx: AppContext,
  channelCode: string,
  headers: Record<string, string | string[] | undefined>,
  rawBody: string,
): Promise<{ outcome: CallbackOutcome }> {
  const adapter = channelOf(ctx, channelCode);
  const verified = adapter.verifyCallback(headers, rawBody);
  const bodySm3 = sm3Hex(rawBody);
  if (!verified.ok) {
    const err =
      verified.reason === 'bad_signature'
        ? new AppError('CALLBACK_SIGNATURE_INVALID', 401, {}, { channel: channelCode })
        : new AppError('CALLBACK_MALFORMED', 400, {}, { channel: channelCode });
    await refuse(ctx, channelCode, verified.notifyId ?? null, bodySm3, err);
  }
  const n = (verified as { notification: ChannelNotification }).notification;
  try {
    return await ctx.db.transaction(async (tx) => {
      const outcome = n.type === 'PAYMENT' ? await applyPayment(ctx, tx, channelCode, n) : await applyRefund(tx, channelCode, n);
      await tx.query('insert into payment_callback (id, channel, notify_id, outcome, body_sm3) values ($1, $2, $3, $4, $5)', [
        uuidv7(),
        channelCode,
        n.notifyId,
        outcome,
        bodySm3,
      ]);
      return { outcome };
    });
  } catch (err) {
    if (err instanceof AppError) await refuse(ctx, channelCode, n.notifyId, bodySm3, err, n);
    throw err;
  }
}

async function refuse(ctx: AppContext, channelCode: string, notifyId: string | null, bodySm3: string, err: AppError, n?: ChannelNotification): Promise<never> {
  await ctx.db.transaction(async (tx) => {
    await tx.query('insert into payment_callback (id, channel, notify_id, outcome, body_sm3) values ($1, $2, $3, $4, $5)', [
      uuidv7(),
      channelCode,
      notifyId,
      `refused:${err.code}`,
      bodySm3,
    ]);
    await appendAudit(tx, GATEWAY(channelCode), {
      action: 'payment.callback.refused',
      objectType: 'payment_callback',
      objectId: null,
      details: {
        code: err.code,
        channel: channelCode,
        notifyId,
        bodySm3,
        ...(n ? { paymentCode: n.paymentCode, channelTxnId: n.channelTxnId, amountFen: n.amountFen, type: n.type } : {}),
      },
    });
  });
  throw err;
}

const nextReconcileAt = (day: string) => new Date(dayBounds(day).end.getTime() + 3 * 3_600_000);

/** The day's reconciliation of this channel, due at 03:00 the next morning; once per channel and day. */
export async function scheduleReconciliation(tx: Tx, channelCode: string, at: Date) {
  const day = shanghaiDay(at);
  const dedupeKey = `${RECONCILIATION_DUE.name}:${channelCode}:${day}`;
  // Every payment of the day would otherwise queue behind the first one's uncommitted insert of
  // the same key; once the timer exists, a plain read is enough.
  if (await eventEmitted(tx, dedupeKey)) return;
  await emit(tx, RECONCILIATION_DUE, { channel: channelCode, day }, { dueAt: nextReconcileAt(day), dedupeKey });
}

/**
 * Money received for a notice. The notice row is locked first, so two channels reporting the
 * same notice at once are serialised: the first credits it, the second finds it paid and its
 * money is refunded. The partial unique index on credited transactions backs this up.
 */
export async function applyPayment(ctx: AppContext, tx: Tx, channelCode: string, n: ChannelNotification, actor: Actor = GATEWAY(channelCode)): Promise<CallbackOutcome> {
  if (!Number.isSafeInteger(n.amountFen) || n.amountFen <= 0 || n.amountFen > MAX_FEN) {
    throw new AppError('CALLBACK_AMOUNT_INVALID', 422, {}, { amountFen: n.amountFen });
  }
  const notice = await tx.one<NoticeRow>('select * from payment_notice where code = $1 for update', [n.paymentCode]);
  if (!notice) throw new AppError('PAYMENT_CODE_UNKNOWN', 422, {}, { paymentCode: n.paymentCode });
  const existing = await tx.one<{ notice_id: string; amount_fen: number; disposition: string }>(
    'select notice_id, amount_fen, disposition from payment_transaction where channel = $1 and channel_txn_id = $2',
    [channelCode, n.channelTxnId],
  );
  if (existing) {
    if (Number(existing.amount_fen) === n.amountFen && existing.notice_id === notice.id) return 'duplicate';
    throw new AppError('CALLBACK_REPLAY_CHANGED', 409, {}, { channelTxnId: n.channelTxnId, recordedFen: Number(existing.amount_fen), amountFen: n.amountFen });
  }
  if (n.amountFen !== Number(notice.amount_fen)) {
    throw new AppError('CALLBACK_AMOUNT_MISMATCH', 422, { expected: Number(notice.amount_fen), got: n.amountFen }, {
      expectedFen: Number(notice.amount_fen),
      amountFen: n.amountFen,
    });
  }
  const paidAt = new Date(n.occurredAt);
  const late = shanghaiDay(paidAt) > notice.due_date;
  const reason = notice.status === 'cancelled' ? 'cancelled_notice' : notice.status !== 'unpaid' ? 'duplicate_payment' : late ? 'late_payment' : null;
  const txnId = uuidv7();
  await tx.query(
    `insert into payment_transaction (id, notice_id, channel, channel_txn_id, amount_fen, paid_at, disposition, reason, region_code, department_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [txnId, notice.id, channelCode, n.channelTxnId, n.amountFen, paidAt, reason ? 'refund_due' : 'credited', reason, notice.region_code, notice.department_id],
  );
  if (reason) {
    // Money that pays nothing goes back to the payer by the same channel without waiting for
    // a person: the rule is fixed, and each such refund is audited.
    const refundId = uuidv7();
    await tx.query(
      `insert into payment_refund (id, notice_id, transaction_id, channel, amount_fen, reason, origin, status, requested_by_kind, region_code, department_id)
       values ($1, $2, $3, $4, $5, $6, $7, 'approved', 'system', $8, $9)`,
      [refundId, notice.id, txnId, channelCode, n.amountFen, reason, reason, notice.region_code, notice.department_id],
    );
    await emit(tx, REFUND_APPROVED, { refundId }, { regionCode: notice.region_code, dedupeKey: `${REFUND_APPROVED.name}:${refundId}` });
    await scheduleReconciliation(tx, channelCode, paidAt);
    await appendAudit(tx, actor, {
      action: 'payment.transaction.refund_due',
      objectType: 'payment_notice',
      objectId: notice.id,
      regionCode: notice.region_code,
      details: { channel: channelCode, channelTxnId: n.channelTxnId, amountFen: n.amountFen, reason, refundId },
    });
    return 'refund_due';
  }
  await tx.query(
    `update payment_notice set status = 'paid', paid_at = $2, paid_channel = $3, version = version + 1, updated_at = clock_now() where id = $1`,
    [notice.id, paidAt, channelCode],
  );
  await tx.query(`update payment_order set status = case when channel = $2 then 'paid' else 'closed' end where notice_id = $1 and status = 'open'`, [
    notice.id,
    channelCode,
  ]);
  const receipt = await issueReceipt(ctx, tx, notice, { channel: channelCode, channelTxnId: n.channelTxnId, paidAt });
  // The dedupe key makes this the one and only resume signal of the notice's case.
  await emit(
    tx,
    NOTICE_PAID,
    { noticeId: notice.id, caseId: notice.case_id, code: notice.code, amountFen: n.amountFen, paidAt: paidAt.toISOString(), receiptId: receipt.id },
    { regionCode: notice.region_code, dedupeKey: `${NOTICE_PAID.name}:${notice.id}` },
  );
  await scheduleReconciliation(tx, channelCode, paidAt);
  await appendAudit(tx, actor, {
    action: 'payment.notice.paid',
    objectType: 'payment_notice',
    objectId: notice.id,
    regionCode: notice.region_code,
    details: { channel: channelCode, channelTxnId: n.channelTxnId, amountFen: n.amountFen, receipt: `${receipt.receiptCode}-${receipt.receiptNumber}` },
  });
  return 'credited';
}

interface RefundRow {
  id: string;
  notice_id: string;
  transaction_id: string;
  amount_fen: number;
  status: string;
  origin: string;
  region_code: string;
  [key: string]: unknown;
}

async function applyRefund(tx: Tx, channelCode: string, n: ChannelNotification): Promise<CallbackOutcome> {
  const refundId = n.merchantRefundNo ?? '';
  const refund = new RegExp(UUID_PATTERN).test(refundId)
    ? await tx.one<RefundRow>('select * from payment_refund where id = $1 and channel = $2 for update', [refundId, channelCode])
    : undefined;
  // Possibly ahead of our own record (out of order): refusing makes the gateway retry later.
  if (!refund) throw new AppError('REFUND_UNKNOWN', 409, {}, { merchantRefundNo: refundId.slice(0, 64) });
  if (n.amountFen !== Number(refund.amount_fen)) {
    throw new AppError('CALLBACK_AMOUNT_MISMATCH', 422, { expected: Number(refund.amount_fen), got: n.amountFen }, {
      expectedFen: Number(refund.amount_fen),
      amountFen: n.amountFen,
    });
  }
  if (refund.status === 'done' || refund.status === 'failed') {
    const same = (refund.status === 'done') === (n.refundStatus === 'SUCCESS');
    if (same) return 'duplicate';
    throw new AppError('CALLBACK_REPLAY_CHANGED', 409, {}, { merchantRefundNo: refundId, recorded: refund.status });
  }
  if (refund.status !== 'approved' && refund.status !== 'sent') throw new AppError('REFUND_NOT_SENT', 409, {}, { status: refund.status });
  const actor = GATEWAY(channelCode);
  if (n.refundStatus === 'FAIL') {
    await tx.query(`update payment_refund set status = 'failed', failure = $2, channel_refund_id = $3, updated_at = clock_now() where id = $1`, [
      refund.id,
      n.failure ?? 'FAIL',
      n.channelTxnId,
    ]);
    await appendAudit(tx, actor, { action: 'payment.refund.failed', objectType: 'payment_refund', objectId: refund.id, regionCode: refund.region_code, details: { failure: n.failure ?? 'FAIL' } });
    return 'refund_failed';
  }
  await tx.query(`update payment_refund set status = 'done', channel_refund_id = $2, done_at = $3, updated_at = clock_now() where id = $1`, [
    refund.id,
    n.channelTxnId,
    new Date(n.occurredAt),
  ]);
  const credited = await tx.one<{ disposition: string }>('select disposition from payment_transaction where id = $1', [refund.transaction_id]);
  if (credited?.disposition === 'credited') {
    await tx.query(
      `update payment_notice set refunded_fen = refunded_fen + $2,
              status = case when refunded_fen + $2 >= amount_fen then 'refunded' else status end,
              version = version + 1, updated_at = clock_now()
        where id = $1`,
      [refund.notice_id, n.amountFen],
    );
  }
  await scheduleReconciliation(tx, channelCode, new Date(n.occurredAt));
  await emit(tx, REFUND_DONE, { refundId: refund.id, noticeId: refund.notice_id, amountFen: n.amountFen }, { regionCode: refund.region_code });
  await appendAudit(tx, actor, { action: 'payment.refund.done', objectType: 'payment_refund', objectId: refund.id, regionCode: refund.region_code, details: { amountFen: n.amountFen } });
  return 'refund_done';
}
