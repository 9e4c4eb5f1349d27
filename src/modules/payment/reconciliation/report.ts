import { loadExcel } from '../../../kernel/xlsx.ts';
import type { Actor } from '../../../kernel/actor.ts';
import { requireRole, scopeCondition } from '../../../kernel/auth.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import type { Lang } from '../../../kernel/i18n/index.ts';
import { t } from '../../../kernel/i18n/index.ts';
import { dayBounds } from '../days.ts';
import { yuan } from '../money.ts';
import { FINANCE_READ_ROLES } from '../roles.ts';
import type { Discrepancy, ReconReport, UnitTotal } from '../schemas.ts';
import { presentDiscrepancy } from './tasks.ts';

/** Per day, channel and collecting unit, from the latest finished run of each channel and day. */
export async function reconReport(db: Queryable, actor: Actor, range: { from: string; to: string }): Promise<ReconReport> {
  requireRole(actor, FINANCE_READ_ROLES);
  const params: unknown[] = [range.from, range.to];
  const scope = scopeCondition(actor, FINANCE_READ_ROLES, { region: 't.region_code', department: 't.department_id' }, params);
  const latest = `select distinct on (channel, day) * from payment_recon_run
                   where status = 'done' and day between $1 and $2 order by channel, day, finished_at desc`;
  const rows = await db.query<Record<string, unknown>>(
    `select r.day, r.channel, t.department_id, t.department_name, t.matched, t.matched_fen, t.discrepancies
       from (${latest}) r join payment_recon_total t on t.run_id = r.id
      where ${scope} order by r.day, r.channel, t.department_name`,
    params,
  );
  const runs = await db.query<Record<string, unknown>>(latest, [range.from, range.to]);
  return {
    from: range.from,
    to: range.to,
    // Run-level counts are city-wide; only administrators (whole-region finance) see them.
    runs: actor.kind === 'staff' && actor.roles.some((g) => g.role === 'administrator' || g.role === 'leader')
      ? runs.map((r) => ({
          id: String(r.id),
          channel: String(r.channel),
          day: String(r.day),
          statementLines: Number(r.statement_lines),
          matched: Number(r.matched),
          missingOurs: Number(r.missing_ours),
          missingChannel: Number(r.missing_channel),
          amountMismatch: Number(r.amount_mismatch),
        }))
      : [],
    rows: rows.map((r) => ({
      day: String(r.day),
      channel: String(r.channel),
      departmentId: (r.department_id as string | null) ?? null,
      departmentName: String(r.department_name ?? ''),
      matched: Number(r.matched),
      matchedFen: Number(r.matched_fen),
      discrepancies: Number(r.discrepancies),
    })),
  };
}

/**
 * Finance totals per collecting unit for a period (Beijing days, inclusive): issued, collected,
 * collected online (every channel built in is online; a counter channel would not be), refunded.
 * These are also the indicator inputs: online payment share, amounts per period and unit.
 */
export async function unitTotals(db: Queryable, actor: Actor, range: { from: string; to: string }): Promise<UnitTotal[]> {
  requireRole(actor, FINANCE_READ_ROLES);
  return totalsPerUnit(db, range, (params) => scopeCondition(actor, FINANCE_READ_ROLES, { region: 'n.region_code', department: 'n.department_id' }, params));
}

/**
 * The same for every collecting unit, no actor: the caller decides who sees them (indicators
 * publishes them as open data, units of few payments suppressed).
 */
export const allUnitTotals = (db: Queryable, range: { from: string; to: string }): Promise<UnitTotal[]> => totalsPerUnit(db, range, () => 'true');

/** The totals of the units `scopeOf` lets through: a condition on the notice `n`, its parameters pushed after the period's. */
async function totalsPerUnit(db: Queryable, range: { from: string; to: string }, scopeOf: (params: unknown[]) => string): Promise<UnitTotal[]> {
  const start = dayBounds(range.from).start;
  const end = dayBounds(range.to).end;
  const params: unknown[] = [start, end];
  const scope = scopeOf(params);
  const rows = await db.query<Record<string, unknown>>(
    `select n.department_id, max(n.department_name) as department_name,
            count(*) filter (where n.created_at >= $1 and n.created_at < $2) as notices_issued,
            coalesce(sum(n.amount_fen) filter (where n.created_at >= $1 and n.created_at < $2), 0) as issued_fen,
            count(*) filter (where n.paid_at >= $1 and n.paid_at < $2) as paid,
            coalesce(sum(n.amount_fen) filter (where n.paid_at >= $1 and n.paid_at < $2), 0) as paid_fen,
            count(*) filter (where n.paid_at >= $1 and n.paid_at < $2 and n.paid_channel <> 'counter') as paid_online,
            coalesce((select sum(f.amount_fen) from payment_refund f
                       where f.department_id = n.department_id and f.status = 'done' and f.done_at >= $1 and f.done_at < $2), 0) as refunded_fen
       from payment_notice n
      where ${scope} and ((n.created_at >= $1 and n.created_at < $2) or (n.paid_at >= $1 and n.paid_at < $2))
      group by n.department_id order by 2`,
    params,
  );
  return rows.map((r) => ({
    departmentId: String(r.department_id),
    departmentName: String(r.department_name),
    noticesIssued: Number(r.notices_issued),
    issuedFen: Number(r.issued_fen),
    paid: Number(r.paid),
    paidFen: Number(r.paid_fen),
    paidOnline: Number(r.paid_online),
    refundedFen: Number(r.refunded_fen),
  }));
}

/** The report and the discrepancies of the period as a workbook, headings in the request's language. */
export async function reportWorkbook(db: Queryable, actor: Actor, lang: Lang, range: { from: string; to: string }): Promise<Buffer> {
  const report = await reconReport(db, actor, range);
  const params: unknown[] = [range.from, range.to];
  const scope = scopeCondition(actor, FINANCE_READ_ROLES, { region: 'd.region_code', department: 'd.department_id' }, params);
  const discrepancies: Discrepancy[] = (
    await db.query<Record<string, unknown>>(
      `select d.* from payment_discrepancy d
        where d.day between $1 and $2 and coalesce(d.resolution, '') <> 'superseded' and ${scope}
        order by d.day, d.channel, d.kind, d.channel_txn_id`,
      params,
    )
  ).map(presentDiscrepancy);
  const h = (key: string) => t(lang, `payment.xlsx.${key}`);
  const excel = await loadExcel();
  const wb = new excel.Workbook();
  wb.creator = 'YiWang';
  const sheet = wb.addWorksheet(h('report'));
  sheet.columns = [
    { header: h('day'), key: 'day', width: 12 },
    { header: h('channel'), key: 'channel', width: 12 },
    { header: h('unit'), key: 'unit', width: 30 },
    { header: h('matched'), key: 'matched', width: 10 },
    { header: h('matchedYuan'), key: 'matchedYuan', width: 16 },
    { header: h('discrepancies'), key: 'discrepancies', width: 10 },
  ];
  for (const r of report.rows) {
    sheet.addRow({ day: r.day, channel: r.channel, unit: r.departmentName, matched: r.matched, matchedYuan: yuan(r.matchedFen), discrepancies: r.discrepancies });
  }
  const ds = wb.addWorksheet(h('discrepancySheet'));
  ds.columns = [
    { header: h('day'), key: 'day', width: 12 },
    { header: h('channel'), key: 'channel', width: 12 },
    { header: h('kind'), key: 'kind', width: 16 },
    { header: h('txn'), key: 'txn', width: 36 },
    { header: h('paymentCode'), key: 'code', width: 24 },
    { header: h('ourYuan'), key: 'ours', width: 14 },
    { header: h('channelYuan'), key: 'theirs', width: 14 },
    { header: h('unit'), key: 'unit', width: 30 },
    { header: h('status'), key: 'status', width: 12 },
  ];
  for (const d of discrepancies) {
    ds.addRow({
      day: d.day,
      channel: d.channel,
      kind: t(lang, `payment.discrepancy.${d.kind}`),
      txn: d.channelTxnId,
      code: d.paymentCode ?? '',
      ours: d.ourFen === null ? '' : yuan(d.ourFen),
      theirs: d.channelFen === null ? '' : yuan(d.channelFen),
      unit: d.departmentName ?? '',
      status: d.resolution ?? d.status,
    });
  }
  for (const s of [sheet, ds]) s.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
