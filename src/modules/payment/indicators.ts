import type { Queryable } from '../../kernel/db/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';
import { dayBounds } from './days.ts';

export interface PaymentIndicators {
  /** Notices paid in the period and how many of them through an online channel. */
  paid: number;
  paidOnline: number;
  /** paidOnline ÷ paid, 0 when nothing was paid. */
  onlineShare: number;
  collectedFen: number;
  refundedFen: number;
  /** Discrepancies found by reconciliation for days of the period, and those still open. */
  discrepancies: number;
  openDiscrepancies: number;
}

/**
 * Inputs of the indicator engine (INDICATORS.md): online payment share, amounts collected per
 * period and region, reconciliation differences. No actor: the indicators module decides who
 * sees the figures; this only reads the payment module's own tables.
 */
export async function paymentIndicators(db: Queryable, q: { regionCode: string; from: string; to: string; departmentId?: string }): Promise<PaymentIndicators> {
  const start = dayBounds(q.from).start;
  const end = dayBounds(q.to).end;
  const params = [`${regionPrefix(q.regionCode)}%`, start, end, q.departmentId ?? null, q.from, q.to];
  const row = await db.one<Record<string, number>>(
    `select
       (select count(*) from payment_notice n where n.region_code like $1 and ($4::uuid is null or n.department_id = $4) and n.paid_at >= $2 and n.paid_at < $3) as paid,
       (select count(*) from payment_notice n where n.region_code like $1 and ($4::uuid is null or n.department_id = $4) and n.paid_at >= $2 and n.paid_at < $3
           and n.paid_channel <> 'counter') as paid_online,
       (select coalesce(sum(n.amount_fen), 0) from payment_notice n where n.region_code like $1 and ($4::uuid is null or n.department_id = $4) and n.paid_at >= $2 and n.paid_at < $3) as collected_fen,
       (select coalesce(sum(f.amount_fen), 0) from payment_refund f where f.region_code like $1 and ($4::uuid is null or f.department_id = $4) and f.status = 'done' and f.done_at >= $2 and f.done_at < $3) as refunded_fen,
       (select count(*) from payment_discrepancy d where d.region_code like $1 and ($4::uuid is null or d.department_id = $4) and d.day between $5 and $6 and coalesce(d.resolution, '') <> 'superseded') as discrepancies,
       (select count(*) from payment_discrepancy d where d.region_code like $1 and ($4::uuid is null or d.department_id = $4) and d.day between $5 and $6 and d.status = 'open') as open_discrepancies`,
    params,
  );
  const paid = Number(row?.paid ?? 0);
  const paidOnline = Number(row?.paid_online ?? 0);
  return {
    paid,
    paidOnline,
    onlineShare: paid ? paidOnline / paid : 0,
    collectedFen: Number(row?.collected_fen ?? 0),
    refundedFen: Number(row?.refunded_fen ?? 0),
    discrepancies: Number(row?.discrepancies ?? 0),
    openDiscrepancies: Number(row?.open_discrepancies ?? 0),
  };
}
