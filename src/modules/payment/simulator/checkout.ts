import type { Actor } from '../../../kernel/actor.ts';
import { requireRole } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { FINANCE_ROLES } from '../roles.ts';
import { closeSimOrder, getSimOrder, isSimChannel, paySimOrder, simStatement, type Scenario, type SimOrder } from './store.ts';

const idOk = (s: string) => /^[0-9a-f-]{36}$/.test(s);

/** The simulated gateway's order behind its pay page; undefined for an unknown id or another channel's. */
export async function findSimOrder(ctx: AppContext, channel: string, orderId: string): Promise<SimOrder | undefined> {
  const order = idOk(orderId) ? await getSimOrder(ctx.db, orderId) : undefined;
  return order?.channel === channel ? order : undefined;
}

/** What the tester chose on the pay page: pay (and how the gateway misbehaves afterwards) or cancel. */
export interface CheckoutAnswer {
  action: 'pay' | 'cancel';
  duplicates?: string;
  delaySeconds?: string;
  timeout?: string;
  refundFails?: string;
  paidFen?: string;
}

/** Pay or cancel a simulated order as the payer did; returns where the gateway sends the browser next. */
export async function answerSimCheckout(ctx: AppContext, channel: string, orderId: string, answer: CheckoutAnswer): Promise<string> {
  const order = await findSimOrder(ctx, channel, orderId);
  if (!order) throw new AppError('NOT_FOUND', 404, { entity: 'paysim_order', id: orderId });
  if (answer.action === 'cancel') {
    await ctx.db.transaction((tx) => closeSimOrder(tx, order.id));
  } else {
    const scenario: Scenario = {
      ...(answer.duplicates ? { duplicates: Number(answer.duplicates) } : {}),
      ...(answer.delaySeconds ? { delaySeconds: Number(answer.delaySeconds) } : {}),
      ...(answer.timeout ? { timeout: true } : {}),
      ...(answer.refundFails ? { refundFails: true } : {}),
      ...(answer.paidFen ? { paidFen: Number(answer.paidFen) } : {}),
    };
    await ctx.db.transaction((tx) => paySimOrder(tx, order.id, scenario));
  }
  return order.return_url ?? `/paysim/${order.channel}/pay/${order.id}`;
}

/** The gateway's statement file, line by line; a real gateway authenticates the merchant, here finance staff. */
export function simStatementFile(ctx: AppContext, actor: Actor, channel: string, day: string): AsyncIterable<string> {
  requireRole(actor, FINANCE_ROLES);
  if (!isSimChannel(channel)) throw new AppError('CHANNEL_UNKNOWN', 404, { channel }, { channel });
  const lines = simStatement(ctx.db, channel, day);
  return (async function* () {
    for await (const line of lines) yield `${line}\n`;
  })();
}
