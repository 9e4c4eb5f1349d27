import { systemActor, type Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { allowKinds, canAct, requireScope, scopeCondition } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { emit } from '../../kernel/events/index.ts';
import { AppError, conflict, forbidden, isUniqueViolation, notFound } from '../../kernel/errors.ts';
import { UUID_PATTERN, uuidv7 } from '../../kernel/ids.ts';
import { camelRow } from '../../kernel/sql/case.ts';
import { likeContains, type PageResult } from '../../kernel/sql/paging.ts';
import { departments } from '../org/index.ts';
import { newPaymentCode } from './code.ts';
import { isDay, shanghaiDay } from './days.ts';
import { priceLines, type FeeLine } from './fees.ts';
import { NOTICE_READ_ROLES, NOTICE_WRITE_ROLES } from './roles.ts';
import { requireServedUnit } from './served-units.ts';
import { NOTICE_CANCELLED, NOTICE_CREATED } from './events.ts';
import * as clock from '../../kernel/clock.ts';
import type { Notice, NoticeLine } from './schemas.ts';

export interface NewFeeNotice {
  caseId?: string;
  itemCode?: string;
  /** A person, or an enterprise (its agents pay it while acting for it). */
  payer: { personId?: string | null; enterpriseId?: string | null; name: string };
  /** 执收单位: the collecting department. */
  collectingUnit: string;
  lines: FeeLine[];
  /** Last day to pay, Asia/Shanghai. */
  dueDate: string;
}

export interface NoticeRow {
  id: string;
  code: string;
  case_id: string | null;
  payer_person_id: string | null;
  payer_enterprise_id: string | null;
  payer_name: string;
  department_id: string;
  department_name: string;
  region_code: string;
  amount_fen: number;
  due_date: string;
  status: Notice['status'];
  paid_at: Date | null;
  refunded_fen: number;
  [key: string]: unknown;
}

const isUuid = (s: string) => new RegExp(UUID_PATTERN).test(s);
const MAX_DUE_DAYS = 366;

export const noticeScope = (n: { region_code: string; department_id: string }) => ({ regionCode: n.region_code, departmentId: n.department_id });

/**
 * Issue a fee notice with a fresh payment code. Called by the cases module when a case reaches
 * its payment step (lines computed from the item's fee rules with computeFeeLines, actor a
 * system actor, inside the case's own transaction when it passes `tx`) and by staff for a
 * manual fee, who need a write role covering the collecting unit.
 */
export async function createFeeNotice(
  ctx: AppContext,
  input: NewFeeNotice,
  options: { tx?: Tx; actor?: Actor } = {},
): Promise<Notice> {
  const actor = options.actor ?? systemActor('cases');
  const { lines, totalFen } = priceLines(input.lines);
  const payerName = input.payer?.name?.trim();
  if (!payerName || payerName.length > 100) throw new AppError('PAYER_INVALID', 400, {}, { field: 'payer.name' });
  const personId = input.payer.personId ?? null;
  if (personId !== null && !isUuid(personId)) throw new AppError('PAYER_INVALID', 400, {}, { field: 'payer.personId' });
  const enterpriseId = input.payer.enterpriseId ?? null;
  if (enterpriseId !== null && !isUuid(enterpriseId)) throw new AppError('PAYER_INVALID', 400, {}, { field: 'payer.enterpriseId' });
  if (input.caseId !== undefined && !isUuid(input.caseId)) throw new AppError('VALIDATION_FAILED', 400, { field: 'caseId', reason: 'uuid' });
  if (!isDay(input.dueDate)) throw new AppError('DUE_DATE_INVALID', 400, {}, { dueDate: String(input.dueDate).slice(0, 20) });
  const today = clock.today();
  const latest = shanghaiDay(new Date(clock.nowMs() + MAX_DUE_DAYS * 86_400_000));
  if (input.dueDate < today || input.dueDate > latest) throw new AppError('DUE_DATE_INVALID', 400, {}, { dueDate: input.dueDate, from: today, to: latest });
  if (!isUuid(input.collectingUnit)) throw new AppError('COLLECTING_UNIT_NOT_FOUND', 422, {}, { departmentId: input.collectingUnit });

  const run = async (tx: Tx): Promise<Notice> => {
    const unit = await departments.fetch(tx, input.collectingUnit);
    if (!unit) throw new AppError('COLLECTING_UNIT_NOT_FOUND', 422, {}, { departmentId: input.collectingUnit });
    if (actor.kind !== 'system') requireScope(actor, NOTICE_WRITE_ROLES, { regionCode: unit.regionCode, departmentId: unit.id });
    const id = uuidv7();
    let code = '';
    // A collision of 13 random digits is rare; draw again without aborting the transaction.
    for (let attempt = 0; attempt < 5 && !code; attempt++) {
      const candidate = newPaymentCode(unit.regionCode);
      try {
        const row = await tx.one<{ id: string }>(
          `insert into payment_notice (id, code, case_id, item_code, payer_person_id, payer_name, department_id, department_name,
                                       region_code, amount_fen, due_date, created_by_kind, created_by, payer_enterprise_id)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           on conflict (code) do nothing returning id`,
          [id, candidate, input.caseId ?? null, input.itemCode ?? null, personId, payerName, unit.id, unit.name, unit.regionCode,
            totalFen, input.dueDate, actor.kind, actor.kind === 'staff' || actor.kind === 'person' ? actor.id : null, enterpriseId],
        );
        if (row) code = candidate;
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('CASE_NOTICE_EXISTS', {}, { caseId: input.caseId });
        throw err;
      }
    }
    if (!code) throw new Error('no free payment code after 5 draws');
    for (const [i, line] of lines.entries()) {
      await tx.query(
        `insert into payment_notice_line (notice_id, line_no, name, unit_fen, quantity, reduction_fen, reduction_basis, amount_fen)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, i + 1, line.name, line.unitFen, line.quantity, line.reduction?.fen ?? 0, line.reduction?.basis ?? null, line.amountFen],
      );
    }
    await appendAudit(tx, actor, {
      action: 'payment.notice.create',
      objectType: 'payment_notice',
      objectId: id,
      regionCode: unit.regionCode,
      details: { code, amountFen: totalFen, departmentId: unit.id, caseId: input.caseId ?? null, lines: lines.length, dueDate: input.dueDate },
    });
    await emit(
      tx,
      NOTICE_CREATED,
      { noticeId: id, code, caseId: input.caseId ?? null, amountFen: totalFen, payerPersonId: personId, payerEnterpriseId: enterpriseId, dueDate: input.dueDate },
      { regionCode: unit.regionCode },
    );
    return (await loadNotice(tx, id))!;
  };
  return options.tx ? run(options.tx) : ctx.db.transaction(run);
}

const SELECT = `n.*, r.id as receipt_id, r.receipt_code, r.receipt_number, r.check_code
  from payment_notice n left join payment_receipt r on r.notice_id = n.id`;

function present(row: Record<string, unknown>, lines: NoticeLine[]): Notice {
  const n = camelRow<Record<string, unknown>>(row);
  const today = clock.today();
  return {
    id: String(n.id),
    code: String(n.code),
    caseId: (n.caseId as string | null) ?? null,
    itemCode: (n.itemCode as string | null) ?? null,
    payerPersonId: (n.payerPersonId as string | null) ?? null,
    payerEnterpriseId: (n.payerEnterpriseId as string | null) ?? null,
    payerName: String(n.payerName),
    departmentId: String(n.departmentId),
    departmentName: String(n.departmentName),
    regionCode: String(n.regionCode),
    amountFen: Number(n.amountFen),
    dueDate: String(n.dueDate),
    status: n.status as Notice['status'],
    overdue: n.status === 'unpaid' && String(n.dueDate) < today,
    paidAt: (n.paidAt as string | null) ?? null,
    paidChannel: (n.paidChannel as string | null) ?? null,
    refundedFen: Number(n.refundedFen),
    createdAt: String(n.createdAt),
    lines,
    receipt: n.receiptId
      ? { id: String(n.receiptId), receiptCode: String(n.receiptCode), receiptNumber: String(n.receiptNumber), checkCode: String(n.checkCode) }
      : null,
  };
}

async function linesOf(q: Queryable, ids: string[]): Promise<Map<string, NoticeLine[]>> {
  const map = new Map<string, NoticeLine[]>();
  if (!ids.length) return map;
  const rows = await q.query<Record<string, unknown>>(
    `select notice_id, line_no, name, unit_fen, quantity, reduction_fen, reduction_basis, amount_fen
       from payment_notice_line where notice_id = any($1::uuid[]) order by notice_id, line_no`,
    [ids],
  );
  for (const r of rows) {
    const list = map.get(String(r.notice_id)) ?? [];
    list.push({
      lineNo: Number(r.line_no),
      name: String(r.name),
      unitFen: Number(r.unit_fen),
      quantity: Number(r.quantity),
      reductionFen: Number(r.reduction_fen),
      reductionBasis: (r.reduction_basis as string | null) ?? null,
      amountFen: Number(r.amount_fen),
    });
    map.set(String(r.notice_id), list);
  }
  return map;
}

export async function loadNotice(q: Queryable, id: string): Promise<Notice | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await q.one(`select ${SELECT} where n.id = $1`, [id]);
  if (!row) return undefined;
  return present(row, (await linesOf(q, [id])).get(id) ?? []);
}

/** The payer the acting person is: the enterprise they act for, else themselves. */
export const isPayer = (actor: Actor, n: { payerPersonId: string | null; payerEnterpriseId?: string | null }) =>
  actor.kind === 'person' && (actor.actingFor ? n.payerEnterpriseId === actor.actingFor.enterpriseId : n.payerPersonId === actor.id);

/** A citizen sees only notices they pay; staff those their read grants cover; else 404. */
export function canSee(actor: Actor, n: { payerPersonId: string | null; payerEnterpriseId?: string | null; regionCode: string; departmentId: string }): boolean {
  if (actor.kind === 'person') return isPayer(actor, n);
  if (actor.kind === 'system') return true;
  return canAct(actor, NOTICE_READ_ROLES, { regionCode: n.regionCode, departmentId: n.departmentId });
}

/** Read by its payer, staff whose read grants cover it, and the platform (cases, results). */
export async function getNotice(db: Queryable, actor: Actor, id: string): Promise<Notice> {
  allowKinds(actor, ['person', 'staff', 'system']);
  const n = await loadNotice(db, id);
  if (!n || !canSee(actor, n)) throw notFound('payment_notice', id);
  return n;
}

export interface NoticeQuery {
  page: number;
  pageSize: number;
  q?: string;
  status?: string;
  departmentId?: string;
  caseId?: string;
}

/**
 * Payers list their own notices, staff those their read grants cover. Nobody else: a
 * department system's token (`client`) once listed every notice of the city (#13.2).
 */
export async function listNotices(db: Queryable, actor: Actor, query: NoticeQuery): Promise<PageResult<Notice>> {
  const who = allowKinds(actor, ['person', 'staff']);
  const params: unknown[] = [];
  const where: string[] = [];
  if (who.kind === 'person') {
    params.push(who.actingFor ? who.actingFor.enterpriseId : who.id);
    where.push(`${who.actingFor ? 'n.payer_enterprise_id' : 'n.payer_person_id'} = $${params.length}`);
  } else {
    if (!who.roles.some((g) => NOTICE_READ_ROLES.includes(g.role))) throw forbidden({ required: NOTICE_READ_ROLES });
    where.push(scopeCondition(actor, NOTICE_READ_ROLES, { region: 'n.region_code', department: 'n.department_id' }, params));
    if (query.departmentId) await requireServedUnit(db, actor, query.departmentId);
  }
  if (query.q) {
    params.push(likeContains(query.q));
    where.push(`(n.code like $${params.length} or n.payer_name ilike $${params.length} or n.item_code ilike $${params.length})`);
  }
  for (const [key, column] of [['status', 'n.status'], ['departmentId', 'n.department_id'], ['caseId', 'n.case_id']] as const) {
    const value = query[key];
    if (value) {
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
  }
  const whereSql = where.length ? where.join(' and ') : 'true';
  const rows = await db.query<Record<string, unknown>>(
    `select ${SELECT.replace('n.*,', 'n.*, count(*) over () as total_count,')} where ${whereSql}
      order by n.created_at desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  const lines = await linesOf(db, rows.map((r) => String(r.id)));
  return {
    items: rows.map(({ total_count: _t, ...r }) => present(r, lines.get(String(r.id)) ?? [])),
    total: rows.length ? Number(rows[0]!.total_count) : 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function cancelNotice(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<Notice> {
  return ctx.db.transaction(async (tx) => {
    const row = isUuid(id) ? await tx.one<NoticeRow>('select * from payment_notice where id = $1 for update', [id]) : undefined;
    if (!row || !canSee(actor, { payerPersonId: row.payer_person_id, payerEnterpriseId: row.payer_enterprise_id, regionCode: row.region_code, departmentId: row.department_id })) {
      throw notFound('payment_notice', id);
    }
    requireScope(actor, NOTICE_WRITE_ROLES, noticeScope(row));
    if (row.status !== 'unpaid') throw conflict('NOTICE_NOT_UNPAID', { status: row.status });
    await tx.query(
      `update payment_notice set status = 'cancelled', cancel_reason = $2, version = version + 1, updated_at = clock_now() where id = $1`,
      [id, reason],
    );
    await tx.query(`update payment_order set status = 'closed' where notice_id = $1 and status = 'open'`, [id]);
    await appendAudit(tx, actor, { action: 'payment.notice.cancel', objectType: 'payment_notice', objectId: id, regionCode: row.region_code, details: { reason } });
    await emit(tx, NOTICE_CANCELLED, { noticeId: id, caseId: row.case_id, reason }, { regionCode: row.region_code });
    return (await loadNotice(tx, id))!;
  });
}
