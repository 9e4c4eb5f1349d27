import type { Actor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import { canAct, requireRole, scopeCondition } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { AppError, conflict, notFound } from '../../../kernel/errors.ts';
import { UUID_PATTERN } from '../../../kernel/ids.ts';
import { camelRow } from '../../../kernel/sql/case.ts';
import type { PageResult } from '../../../kernel/sql/paging.ts';
import { applyPayment } from '../callbacks.ts';
import { FINANCE_READ_ROLES, FINANCE_ROLES } from '../roles.ts';
import type { Discrepancy, Resolution } from '../schemas.ts';


const actionsFor = (kind: string, txnKind: string, status: string): Resolution[] => {
  if (status !== 'open') return [];
  // Money the channel took that we never recorded can be recorded now (credited, or refunded
  // when the notice no longer takes it); anything else is taken up with the channel or written off.
  return kind === 'missing_ours' && txnKind === 'PAY' ? ['record_payment', 'report_to_channel', 'write_off'] : ['report_to_channel', 'write_off'];
};

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export const presentDiscrepancy = (row: Record<string, unknown>): Discrepancy => {
  const r = camelRow<Record<string, unknown>>(row);
  return {
    id: String(r.id),
    runId: String(r.runId),
    channel: String(r.channel),
    day: String(r.day),
    kind: r.kind as Discrepancy['kind'],
    txnKind: String(r.txnKind),
    channelTxnId: String(r.channelTxnId),
    paymentCode: (r.paymentCode as string | null) ?? null,
    ourFen: num(r.ourFen),
    channelFen: num(r.channelFen),
    noticeId: (r.noticeId as string | null) ?? null,
    departmentId: (r.departmentId as string | null) ?? null,
    departmentName: (r.departmentName as string | null) ?? null,
    regionCode: String(r.regionCode),
    status: r.status as Discrepancy['status'],
    resolution: (r.resolution as string | null) ?? null,
    resolutionNote: (r.resolutionNote as string | null) ?? null,
    resolvedBy: (r.resolvedBy as string | null) ?? null,
    resolvedAt: (r.resolvedAt as string | null) ?? null,
    actions: actionsFor(String(r.kind), String(r.txnKind), String(r.status)),
  };
};

export async function listDiscrepancies(
  db: Queryable,
  actor: Actor,
  query: { page: number; pageSize: number; status?: string; runId?: string; channel?: string; day?: string },
): Promise<PageResult<Discrepancy>> {
  requireRole(actor, FINANCE_READ_ROLES);
  const params: unknown[] = [];
  const where = [scopeCondition(actor, FINANCE_READ_ROLES, { region: 'd.region_code', department: 'd.department_id' }, params)];
  for (const [key, column] of [['status', 'd.status'], ['runId', 'd.run_id'], ['channel', 'd.channel'], ['day', 'd.day']] as const) {
    if (query[key]) {
      params.push(query[key]);
      where.push(`${column} = $${params.length}`);
    }
  }
  const rows = await db.query<Record<string, unknown>>(
    `select d.*, count(*) over () as total_count from payment_discrepancy d where ${where.join(' and ')}
      order by d.day desc, d.kind, d.channel_txn_id limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return {
    items: rows.map(({ total_count: _t, ...r }) => presentDiscrepancy(r)),
    total: rows.length ? Number(rows[0]!.total_count) : 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Close a discrepancy task with one of its actions; the note says what was done and why. */
export async function resolveDiscrepancy(ctx: AppContext, actor: Actor, id: string, input: { action: Resolution; note: string }): Promise<Discrepancy> {
  const staff = requireRole(actor, FINANCE_ROLES);
  const note = input.note.trim();
  if (!note) throw new AppError('RESOLUTION_NOTE_REQUIRED', 400);
  return ctx.db.transaction(async (tx) => {
    const row = new RegExp(UUID_PATTERN).test(id)
      ? await tx.one<Record<string, unknown>>('select * from payment_discrepancy where id = $1 for update', [id])
      : undefined;
    if (!row || !canAct(actor, FINANCE_ROLES, { regionCode: String(row.region_code), departmentId: (row.department_id as string | null) ?? null })) {
      throw notFound('payment_discrepancy', id);
    }
    const d = presentDiscrepancy(row);
    if (d.status !== 'open') throw conflict('DISCREPANCY_CLOSED');
    if (!d.actions.includes(input.action)) throw new AppError('RESOLUTION_NOT_ALLOWED', 409, { action: input.action }, { action: input.action, allowed: d.actions });
    let outcome: string | null = null;
    if (input.action === 'record_payment') {
      if (!d.paymentCode) throw new AppError('RESOLUTION_NOT_ALLOWED', 409, { action: input.action }, { action: input.action });
      const { start } = { start: new Date(`${d.day}T12:00:00+08:00`) };
      outcome = await applyPayment(ctx, tx, d.channel, {
        notifyId: `reconciliation:${d.id}`,
        type: 'PAYMENT',
        paymentCode: d.paymentCode,
        channelTxnId: d.channelTxnId,
        amountFen: d.channelFen ?? 0,
        occurredAt: start.toISOString(),
      }, actor);
    }
    await tx.query(
      `update payment_discrepancy set status = 'resolved', resolution = $2, resolution_note = $3, resolved_by = $4, resolved_at = clock_now() where id = $1`,
      [id, input.action, note, staff.id],
    );
    await appendAudit(tx, actor, {
      action: 'payment.discrepancy.resolve',
      objectType: 'payment_discrepancy',
      objectId: id,
      regionCode: d.regionCode,
      details: { action: input.action, note, kind: d.kind, channelTxnId: d.channelTxnId, ...(outcome ? { outcome } : {}) },
    });
    return presentDiscrepancy((await tx.one('select * from payment_discrepancy where id = $1', [id]))!);
  });
}
