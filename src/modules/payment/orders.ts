import { systemActor, type Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { emit, on, type Subscription } from '../../kernel/events/index.ts';
import { AppError, conflict, notFound, unauthenticated } from '../../kernel/errors.ts';
import { UUID_PATTERN, uuidv7 } from '../../kernel/ids.ts';
import { applyPayment } from './callbacks.ts';
import { callbackUrl, channel as channelOf } from './channels/registry.ts';
import { isPayer, noticeScope, type NoticeRow } from './notices.ts';
import { NOTICE_WRITE_ROLES } from './roles.ts';
import { ORDER_CHECK_DUE } from './events.ts';
import * as clock from '../../kernel/clock.ts';

/** When we ask the channel about a payment whose callback has not come (its query API). */
export const ORDER_CHECK_MINUTES = [15, 30, 60, 120, 240, 480, 960];

/**
 * The payer (or a clerk at the counter for them) starts paying a notice through a channel:
 * a merchant order at the channel and the pay page to send the payer to.
 */
export async function startPayment(ctx: AppContext, actor: Actor, noticeId: string, channelCode: string): Promise<{ orderId: string; payUrl: string }> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const adapter = channelOf(ctx, channelCode);
  return ctx.db.transaction(async (tx) => {
    const notice = new RegExp(UUID_PATTERN).test(noticeId)
      ? await tx.one<NoticeRow>('select * from payment_notice where id = $1 for update', [noticeId])
      : undefined;
    const allowed =
      notice &&
      (actor.kind === 'person'
        ? isPayer(actor, { payerPersonId: notice.payer_person_id, payerEnterpriseId: notice.payer_enterprise_id })
        : canAct(actor, NOTICE_WRITE_ROLES, noticeScope(notice)));
    if (!notice || !allowed) throw notFound('payment_notice', noticeId);
    if (notice.status !== 'unpaid') throw conflict('NOTICE_NOT_UNPAID', { status: notice.status });
    if (notice.due_date < clock.today()) throw conflict('NOTICE_EXPIRED', { dueDate: notice.due_date });
    const orderId = uuidv7();
    const { payUrl } = await adapter.createOrder(tx, {
      orderId,
      paymentCode: notice.code,
      amountFen: Number(notice.amount_fen),
      subject: `${notice.department_name} 非税缴款`,
      notifyUrl: callbackUrl(ctx, channelCode),
      returnUrl: `/payments/${notice.id}`,
    });
    await tx.query(
      `insert into payment_order (id, notice_id, channel, amount_fen, pay_url, region_code) values ($1, $2, $3, $4, $5, $6)`,
      [orderId, notice.id, channelCode, notice.amount_fen, payUrl, notice.region_code],
    );
    await emit(tx, ORDER_CHECK_DUE, { orderId, attempt: 1 }, {
      regionCode: notice.region_code,
      dueAt: new Date(clock.nowMs() + ORDER_CHECK_MINUTES[0]! * 60_000),
      dedupeKey: `${ORDER_CHECK_DUE.name}:${orderId}:1`,
    });
    await appendAudit(tx, actor, { action: 'payment.order.create', objectType: 'payment_notice', objectId: notice.id, regionCode: notice.region_code, details: { orderId, channel: channelCode } });
    return { orderId, payUrl };
  });
}

/**
 * Timer: an order still open asks its channel. A payment the callback never told us about
 * (a timed-out gateway) is applied as if the callback had come, through the same checks.
 */
export function orderChecker(ctx: AppContext): Subscription {
  return on(ORDER_CHECK_DUE, async (event, tx) => {
    const { orderId, attempt } = event.payload;
    const order = await tx.one<{ id: string; notice_id: string; channel: string; status: string; region_code: string }>(
      'select * from payment_order where id = $1 for update',
      [orderId],
    );
    if (!order || order.status !== 'open') return;
    const answer = await channelOf(ctx, order.channel).query(tx, orderId);
    if (answer.status === 'paid' && answer.channelTxnId) {
      const notice = await tx.one<{ code: string }>('select code from payment_notice where id = $1', [order.notice_id]);
      await tx.exec('savepoint order_check');
      try {
        const outcome = await applyPayment(ctx, tx, order.channel, {
          notifyId: `query:${orderId}`,
          type: 'PAYMENT',
          paymentCode: notice!.code,
          channelTxnId: answer.channelTxnId,
          amountFen: answer.amountFen ?? 0,
          occurredAt: answer.paidAt ?? clock.now().toISOString(),
        }, systemActor('payment'));
        await tx.exec('release savepoint order_check');
        // The callback may have come meanwhile: the order is settled either way.
        if (outcome === 'duplicate') await tx.query(`update payment_order set status = 'paid' where id = $1`, [orderId]);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // A payment that fails our checks is left for reconciliation to raise as a task.
        await tx.exec('rollback to savepoint order_check');
        await appendAudit(tx, systemActor('payment'), { action: 'payment.order.check_refused', objectType: 'payment_order', objectId: orderId, regionCode: order.region_code, details: { code: err.code } });
        await tx.query(`update payment_order set status = 'closed' where id = $1`, [orderId]);
      }
      return;
    }
    if (answer.status === 'closed' || attempt >= ORDER_CHECK_MINUTES.length) {
      await tx.query(`update payment_order set status = 'closed' where id = $1`, [orderId]);
      return;
    }
    await emit(tx, ORDER_CHECK_DUE, { orderId, attempt: attempt + 1 }, {
      regionCode: order.region_code,
      dueAt: new Date(clock.nowMs() + ORDER_CHECK_MINUTES[attempt]! * 60_000),
      dedupeKey: `${ORDER_CHECK_DUE.name}:${orderId}:${attempt + 1}`,
    });
  });
}
