import type { AppContext } from '../../../kernel/context.ts';
import { emit, on, type Subscription } from '../../../kernel/events/index.ts';
import { signedHeaders, type CallbackSigner } from '../../../kernel/crypto/index.ts';
import { SIM_CALLBACK_DUE } from '../events.ts';
import type { SimChannel } from './store.ts';
import * as clock from '../../../kernel/clock.ts';

/**
 * Callback delivery of the simulated gateways, retried on the schedule WeChat Pay documents
 * (15 s, 15 s, 30 s, 3 min, 10 min, 20 min, 30 min, 1 h …) until the merchant answers 2xx.
 *
 * Each attempt is an outbox timer, so a restart loses no callback. The HTTP request itself is
 * sent after the timer's transaction, never inside it: the merchant's handler needs the
 * database too, and on the embedded single-connection database waiting for it inside a
 * transaction would deadlock. The next attempt is scheduled before sending, so a crash
 * between the two only means one more (harmless, idempotent) delivery.
 */
export const RETRY_SECONDS = [15, 15, 30, 180, 600, 1200, 1800, 3600, 3600];

const inFlight = new Set<Promise<void>>();

/** Resolves when every callback sent so far got its answer (tests, benchmarks). */
export async function deliveriesSettled(): Promise<void> {
  while (inFlight.size) await Promise.all([...inFlight]);
}

interface NotificationRow {
  id: string;
  channel: SimChannel;
  notify_url: string;
  body: string;
  attempts: number;
  status: string;
  [key: string]: unknown;
}

export function deliveryHandler(ctx: AppContext, signers: (channel: SimChannel) => CallbackSigner): Subscription {
  return on(SIM_CALLBACK_DUE, async (event, tx) => {
    const id = event.payload.notificationId;
    const n = await tx.one<NotificationRow>('select * from paysim_notification where id = $1 for update', [id]);
    if (!n || n.status !== 'pending') return;
    const attempt = n.attempts + 1;
    const last = attempt > RETRY_SECONDS.length;
    await tx.query(`update paysim_notification set attempts = $2, status = $3 where id = $1`, [id, attempt, last ? 'gave_up' : 'pending']);
    if (last) return;
    await emit(tx, SIM_CALLBACK_DUE, { notificationId: id }, {
      dueAt: new Date(clock.nowMs() + RETRY_SECONDS[attempt - 1]! * 1000),
      dedupeKey: `${SIM_CALLBACK_DUE.name}:${id}:${attempt + 1}`,
    });
    const headers = signedHeaders(signers(n.channel), n.body);
    const sending = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => send(ctx, n, headers))
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  });
}

async function send(ctx: AppContext, n: NotificationRow, headers: Record<string, string>) {
  let status = 0;
  try {
    const res = await fetch(n.notify_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: n.body,
      signal: AbortSignal.timeout(10_000),
    });
    status = res.status;
    await res.arrayBuffer();
  } catch (err) {
    ctx.log.warn({ err, notification: n.id }, 'simulated callback could not be delivered');
  }
  try {
    await ctx.db.query(
      `update paysim_notification set last_status = $2,
              status = case when $2 between 200 and 299 then 'delivered' else status end,
              delivered_at = case when $2 between 200 and 299 then clock_now() else delivered_at end
        where id = $1`,
      [n.id, status],
    );
  } catch (err) {
    ctx.log.warn({ err, notification: n.id }, 'recording a simulated delivery failed');
  }
}
