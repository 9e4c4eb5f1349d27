import type { Actor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { emit, on, type Subscription } from '../../../kernel/events/index.ts';
import { RECONCILIATION_DUE } from '../events.ts';
import { AppError } from '../../../kernel/errors.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import { CITY_SETTING, getSetting, type CitySetting } from '../../../kernel/settings.ts';
import { systemActor } from '../../../kernel/actor.ts';
import { channel as channelOf } from '../channels/registry.ts';
import { dayBounds, isDay } from '../days.ts';
import type { ReconRun } from '../schemas.ts';
import { parseStatement } from './statement.ts';
import * as clock from '../../../kernel/clock.ts';

export const runOf = (r: Record<string, unknown>): ReconRun => ({
  id: String(r.id),
  channel: String(r.channel),
  day: String(r.day),
  status: r.status as ReconRun['status'],
  statementLines: Number(r.statement_lines),
  matched: Number(r.matched),
  missingOurs: Number(r.missing_ours),
  missingChannel: Number(r.missing_channel),
  amountMismatch: Number(r.amount_mismatch),
  error: (r.error as string | null) ?? null,
  startedAt: new Date(r.started_at as Date).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at as Date).toISOString() : null,
});

/**
 * Compare one channel's statement of one day with our records. The statement is streamed
 * into a work table in batches (a million lines never sit in memory), then one set-based
 * comparison in a single transaction writes the discrepancies, per-unit totals and the run's
 * counts together. A malformed file fails the run with the line and reason, audited, and
 * leaves no discrepancies behind.
 */
export async function reconcile(ctx: AppContext, actor: Actor, channelCode: string, day: string, source: AsyncIterable<string>): Promise<ReconRun> {
  channelOf(ctx, channelCode);
  if (!isDay(day)) throw new AppError('DAY_INVALID', 400, {}, { day: day.slice(0, 20) });
  const { db } = ctx;
  const runId = uuidv7();
  await db.query(
    `insert into payment_recon_run (id, channel, day, status, started_by_kind, started_by) values ($1, $2, $3, 'running', $4, $5)`,
    [runId, channelCode, day, actor.kind, actor.kind === 'staff' ? actor.id : null],
  );
  try {
    const batches = parseStatement(source, { channel: channelCode, day });
    let lines = 0;
    for (;;) {
      const next = await batches.next();
      if (next.done) {
        lines = next.value;
        break;
      }
      const b = next.value;
      await db.query(
        `insert into payment_statement_line (run_id, line_no, kind, channel_txn_id, payment_code, amount_fen)
         select $1, * from unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[])`,
        [runId, b.map((l) => l.lineNo), b.map((l) => l.kind), b.map((l) => l.channelTxnId), b.map((l) => l.paymentCode), b.map((l) => l.amountFen)],
      );
    }
    const run = await db.transaction(async (tx) => {
      const dup = await tx.one<{ line_no: number }>(
        `select min(line_no) as line_no from payment_statement_line where run_id = $1
          group by kind, channel_txn_id having count(*) > 1 limit 1`,
        [runId],
      );
      if (dup) throw new AppError('STATEMENT_MALFORMED', 400, { line: Number(dup.line_no), reason: 'duplicate transaction' }, { line: Number(dup.line_no), reason: 'duplicate transaction' });
      const city = (await getSetting<CitySetting>(tx, CITY_SETTING))?.code ?? '000000000000';
      const { start, end } = dayBounds(day);
      // Older runs of the same channel and day are superseded by this one.
      await tx.query(
        `update payment_discrepancy set status = 'resolved', resolution = 'superseded', resolved_at = clock_now()
          where channel = $1 and day = $2 and status = 'open'`,
        [channelCode, day],
      );
      await tx.exec('drop table if exists pg_temp.recon_compare');
      await tx.query(
        `create temporary table recon_compare on commit drop as
         with ours as (
           select 'PAY'::text as kind, t.channel_txn_id, n.code as payment_code, t.amount_fen, n.id as notice_id,
                  n.department_id, n.department_name, n.region_code
             from payment_transaction t join payment_notice n on n.id = t.notice_id
            where t.channel = $1 and t.paid_at >= $2 and t.paid_at < $3
           union all
           select 'REFUND', f.id::text, n.code, f.amount_fen, n.id, n.department_id, n.department_name, n.region_code
             from payment_refund f join payment_notice n on n.id = f.notice_id
            where f.channel = $1 and f.status = 'done' and f.done_at >= $2 and f.done_at < $3
         ), theirs as (
           select kind, channel_txn_id, payment_code, amount_fen from payment_statement_line where run_id = $4
         )
         select coalesce(o.kind, s.kind) as kind, coalesce(o.channel_txn_id, s.channel_txn_id) as channel_txn_id,
                coalesce(o.payment_code, s.payment_code) as payment_code, o.amount_fen as our_fen, s.amount_fen as channel_fen,
                o.notice_id, o.department_id, o.department_name, o.region_code,
                case when o.channel_txn_id is null then 'missing_ours'
                     when s.channel_txn_id is null then 'missing_channel'
                     when o.amount_fen <> s.amount_fen then 'amount_mismatch' end as discrepancy
           from ours o full join theirs s on s.kind = o.kind and s.channel_txn_id = o.channel_txn_id`,
        [channelCode, start, end, runId],
      );
      // Set-based insert: the ids come from the database here (random v4), not one by one.
      await tx.query(
        `insert into payment_discrepancy (id, run_id, channel, day, kind, txn_kind, channel_txn_id, payment_code, our_fen, channel_fen,
                                          notice_id, department_id, department_name, region_code)
         select gen_random_uuid(), $1, $2, $3, c.discrepancy, c.kind, c.channel_txn_id, c.payment_code, c.our_fen, c.channel_fen,
                coalesce(c.notice_id, n.id), coalesce(c.department_id, n.department_id), coalesce(c.department_name, n.department_name),
                coalesce(c.region_code, n.region_code, $4)
           from recon_compare c left join payment_notice n on c.notice_id is null and n.code = c.payment_code
          where c.discrepancy is not null`,
        [runId, channelCode, day, city],
      );
      await tx.query(
        `insert into payment_recon_total (run_id, department_id, department_name, region_code, matched, matched_fen, discrepancies)
         select $1, coalesce(c.department_id, n.department_id), coalesce(c.department_name, n.department_name, ''),
                coalesce(c.region_code, n.region_code, $2),
                count(*) filter (where c.discrepancy is null and c.kind = 'PAY'),
                coalesce(sum(c.our_fen) filter (where c.discrepancy is null and c.kind = 'PAY'), 0)
                  - coalesce(sum(c.our_fen) filter (where c.discrepancy is null and c.kind = 'REFUND'), 0),
                count(*) filter (where c.discrepancy is not null)
           from recon_compare c left join payment_notice n on c.notice_id is null and n.code = c.payment_code
          group by 2, 3, 4`,
        [runId, city],
      );
      const counts = await tx.one<Record<string, number>>(
        `select count(*) filter (where discrepancy is null) as matched,
                count(*) filter (where discrepancy = 'missing_ours') as missing_ours,
                count(*) filter (where discrepancy = 'missing_channel') as missing_channel,
                count(*) filter (where discrepancy = 'amount_mismatch') as amount_mismatch
           from recon_compare`,
      );
      const row = await tx.one<Record<string, unknown>>(
        `update payment_recon_run set status = 'done', statement_lines = $2, matched = $3, missing_ours = $4, missing_channel = $5,
                amount_mismatch = $6, finished_at = clock_now() where id = $1 returning *`,
        [runId, lines, counts!.matched, counts!.missing_ours, counts!.missing_channel, counts!.amount_mismatch],
      );
      await tx.query('delete from payment_statement_line where run_id = $1', [runId]);
      await appendAudit(tx, actor, {
        action: 'payment.reconciliation.run',
        objectType: 'payment_recon_run',
        objectId: runId,
        details: { channel: channelCode, day, lines, ...counts },
      });
      return runOf(row!);
    });
    return run;
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'INTERNAL';
    const detail = err instanceof AppError ? JSON.stringify(err.details ?? {}) : String((err as Error)?.message ?? err);
    await db.transaction(async (tx) => {
      await tx.query('delete from payment_statement_line where run_id = $1', [runId]);
      await tx.query(`update payment_recon_run set status = 'failed', error = $2, finished_at = clock_now() where id = $1`, [runId, `${code} ${detail}`.slice(0, 500)]);
      await appendAudit(tx, actor, {
        action: 'payment.reconciliation.failed',
        objectType: 'payment_recon_run',
        objectId: runId,
        details: { channel: channelCode, day, code, ...(err instanceof AppError && err.details && typeof err.details === 'object' ? { error: err.details } : {}) },
      });
    });
    throw err;
  }
}

/**
 * The daily timer (scheduled by the first payment of each channel and day): fetch the channel's
 * statement and reconcile. It runs outside the timer's transaction, which only records that
 * the run was started: a million-line comparison must not hold an outbox claim open.
 */
export function dailyReconciler(ctx: AppContext): Subscription {
  return on(RECONCILIATION_DUE, async (event, tx) => {
    const { channel: channelCode, day, attempt = 1 } = event.payload;
    // A run during the day (staff reconciling early) saw only part of it; only one started
    // after the day ended makes this one unnecessary.
    const done = await tx.one(
      `select 1 from payment_recon_run where channel = $1 and day = $2 and status = 'done' and started_at >= $3 limit 1`,
      [channelCode, day, dayBounds(day).end],
    );
    if (done) return;
    // The run happens outside this transaction; this timer comes back to retry it if the
    // process stopped before the run finished.
    if (attempt < 4) {
      await emit(tx, RECONCILIATION_DUE, { channel: channelCode, day, attempt: attempt + 1 }, {
        dueAt: new Date(clock.nowMs() + 2 * 3_600_000),
        dedupeKey: `${RECONCILIATION_DUE.name}:${channelCode}:${day}:${attempt + 1}`,
      });
    }
    setImmediate(() => {
      const adapter = channelOf(ctx, channelCode);
      reconcile(ctx, systemActor('payment'), channelCode, day, adapter.statement(ctx.db, day)).catch((err) =>
        ctx.log.error({ err, channel: channelCode, day }, 'daily reconciliation failed'),
      );
    });
  });
}
