import { systemActor, type Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { canAct, requireRole, requireScope, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { emit, on, type Subscription } from '../../kernel/events/index.ts';
import { AppError, conflict, notFound } from '../../kernel/errors.ts';
import { UUID_PATTERN, uuidv7 } from '../../kernel/ids.ts';
import { camelRow } from '../../kernel/sql/case.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { callbackUrl, channel as channelOf } from './channels/registry.ts';
import { checkFen } from './money.ts';
import { noticeScope, type NoticeRow } from './notices.ts';
import { audited } from './refusals.ts';
import { REFUND_APPROVE_ROLES, REFUND_REQUEST_ROLES } from './roles.ts';
import { REFUND_APPROVED } from './events.ts';
import type { Refund } from './schemas.ts';

const isUuid = (s: string) => new RegExp(UUID_PATTERN).test(s);
const SELECT = `f.*, n.code as notice_code, n.payer_name, n.department_name from payment_refund f join payment_notice n on n.id = f.notice_id`;

const present = (row: Record<string, unknown>): Refund => {
  const r = camelRow<Record<string, unknown>>(row);
  return {
    id: String(r.id),
    noticeId: String(r.noticeId),
    noticeCode: String(r.noticeCode),
    payerName: String(r.payerName),
    departmentName: String(r.departmentName),
    channel: String(r.channel),
    amountFen: Number(r.amountFen),
    reason: String(r.reason),
    origin: String(r.origin),
    status: r.status as Refund['status'],
    requestedBy: (r.requestedBy as string | null) ?? null,
    decidedBy: (r.decidedBy as string | null) ?? null,
    decisionNote: (r.decisionNote as string | null) ?? null,
    failure: (r.failure as string | null) ?? null,
    createdAt: String(r.createdAt),
    updatedAt: String(r.updatedAt),
  };
};

const loadRefund = async (q: Queryable, id: string) => {
  const row = await q.one(`select ${SELECT} where f.id = $1`, [id]);
  return row ? present(row) : undefined;
};

/**
 * A refund asked for by staff, of a paid notice, up to what is not yet refunded or being
 * refunded. A refused request is audited, as all refused money input is.
 */
export function requestRefund(ctx: AppContext, actor: Actor, input: { noticeId: string; amountFen: number; reason: string }): Promise<Refund> {
  return audited(ctx.db, actor, 'payment.refund.refused', () => placeRefund(ctx, actor, input), { noticeId: input.noticeId });
}

async function placeRefund(ctx: AppContext, actor: Actor, input: { noticeId: string; amountFen: number; reason: string }): Promise<Refund> {
  requireRole(actor, REFUND_REQUEST_ROLES);
  const amount = checkFen(input.amountFen, 'amountFen');
  if (amount === 0) throw new AppError('AMOUNT_INVALID', 400, { field: 'amountFen' }, { field: 'amountFen' });
  const reason = input.reason.trim();
  if (!reason) throw new AppError('REFUND_REASON_REQUIRED', 400);
  return ctx.db.transaction(async (tx) => {
    const notice = isUuid(input.noticeId) ? await tx.one<NoticeRow>('select * from payment_notice where id = $1 for update', [input.noticeId]) : undefined;
    if (!notice || !canAct(actor, REFUND_REQUEST_ROLES, noticeScope(notice))) throw notFound('payment_notice', input.noticeId);
    requireScope(actor, REFUND_REQUEST_ROLES, noticeScope(notice));
    const txn = await tx.one<{ id: string; channel: string; amount_fen: number }>(
      `select id, channel, amount_fen from payment_transaction where notice_id = $1 and disposition = 'credited'`,
      [notice.id],
    );
    if (!txn || notice.status !== 'paid') throw conflict('NOTICE_NOT_PAID', { status: notice.status });
    const open = await tx.one<{ fen: number }>(
      `select coalesce(sum(amount_fen), 0) as fen from payment_refund where transaction_id = $1 and status not in ('rejected', 'failed')`,
      [txn.id],
    );
    const left = Number(txn.amount_fen) - Number(open?.fen ?? 0);
    if (amount > left) throw new AppError('REFUND_EXCEEDS_PAYMENT', 409, { left }, { leftFen: left });
    const id = uuidv7();
    await tx.query(
      `insert into payment_refund (id, notice_id, transaction_id, channel, amount_fen, reason, origin, status, requested_by_kind, requested_by, region_code, department_id)
       values ($1, $2, $3, $4, $5, $6, 'staff', 'requested', 'staff', $7, $8, $9)`,
      [id, notice.id, txn.id, txn.channel, amount, reason, actor.kind === 'staff' ? actor.id : null, notice.region_code, notice.department_id],
    );
    await appendAudit(tx, actor, { action: 'payment.refund.request', objectType: 'payment_refund', objectId: id, regionCode: notice.region_code, details: { noticeId: notice.id, amountFen: amount, reason } });
    return (await loadRefund(tx, id))!;
  });
}

/** The second person: approves (the refund is then sent) or rejects; never the requester. */
export async function decideRefund(ctx: AppContext, actor: Actor, id: string, decision: { approve: boolean; note?: string }): Promise<Refund> {
  const staff = requireRole(actor, REFUND_APPROVE_ROLES);
  return ctx.db.transaction(async (tx) => {
    const row = isUuid(id) ? await tx.one<{ status: string; requested_by: string | null; region_code: string; department_id: string }>('select * from payment_refund where id = $1 for update', [id]) : undefined;
    if (!row || !canAct(actor, REFUND_APPROVE_ROLES, { regionCode: row.region_code, departmentId: row.department_id })) throw notFound('payment_refund', id);
    if (row.requested_by === staff.id) throw new AppError('REFUND_SAME_PERSON', 403);
    if (row.status !== 'requested') throw conflict('REFUND_NOT_PENDING', { status: row.status });
    const status = decision.approve ? 'approved' : 'rejected';
    await tx.query(`update payment_refund set status = $2, decided_by = $3, decided_at = clock_now(), decision_note = $4, updated_at = clock_now() where id = $1`, [
      id,
      status,
      staff.id,
      decision.note ?? null,
    ]);
    if (decision.approve) await emit(tx, REFUND_APPROVED, { refundId: id }, { regionCode: row.region_code, dedupeKey: `${REFUND_APPROVED.name}:${id}` });
    await appendAudit(tx, actor, { action: `payment.refund.${status === 'approved' ? 'approve' : 'reject'}`, objectType: 'payment_refund', objectId: id, regionCode: row.region_code, details: { note: decision.note ?? null } });
    return (await loadRefund(tx, id))!;
  });
}

/** Outbox handler: hand an approved refund to its channel; the outcome comes by callback. */
export function refundSender(ctx: AppContext): Subscription {
  return on(REFUND_APPROVED, async (event, tx) => {
    const id = event.payload.refundId;
    const refund = await tx.one<{ id: string; status: string; channel: string; amount_fen: number; transaction_id: string; notice_id: string; region_code: string }>(
      'select * from payment_refund where id = $1 for update',
      [id],
    );
    if (!refund || refund.status !== 'approved') return;
    const txn = await tx.one<{ channel_txn_id: string }>('select channel_txn_id from payment_transaction where id = $1', [refund.transaction_id]);
    const notice = await tx.one<{ code: string }>('select code from payment_notice where id = $1', [refund.notice_id]);
    const answer = await channelOf(ctx, refund.channel).refund(tx, {
      merchantRefundNo: refund.id,
      channelTxnId: txn!.channel_txn_id,
      paymentCode: notice!.code,
      amountFen: Number(refund.amount_fen),
      notifyUrl: callbackUrl(ctx, refund.channel),
    });
    const status = answer.accepted ? 'sent' : 'failed';
    await tx.query(`update payment_refund set status = $2, failure = $3, updated_at = clock_now() where id = $1`, [id, status, answer.reason ?? null]);
    await appendAudit(tx, systemActor('payment'), {
      action: `payment.refund.${status === 'sent' ? 'send' : 'failed'}`,
      objectType: 'payment_refund',
      objectId: id,
      regionCode: refund.region_code,
      details: { channel: refund.channel, ...(answer.reason ? { failure: answer.reason } : {}) },
    });
  });
}

export async function listRefunds(db: Queryable, actor: Actor, query: { page: number; pageSize: number; status?: string; noticeId?: string }): Promise<PageResult<Refund>> {
  const roles = [...new Set([...REFUND_REQUEST_ROLES, ...REFUND_APPROVE_ROLES])];
  requireRole(actor, roles);
  const params: unknown[] = [];
  const where = [scopeCondition(actor, roles, { region: 'f.region_code', department: 'f.department_id' }, params)];
  if (query.status) {
    params.push(query.status);
    where.push(`f.status = $${params.length}`);
  }
  if (query.noticeId) {
    params.push(query.noticeId);
    where.push(`f.notice_id = $${params.length}`);
  }
  const rows = await db.query<Record<string, unknown>>(
    `select ${SELECT.replace('f.*,', 'f.*, count(*) over () as total_count,')} where ${where.join(' and ')}
      order by f.created_at desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return {
    items: rows.map(({ total_count: _t, ...r }) => present(r)),
    total: rows.length ? Number(rows[0]!.total_count) : 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
