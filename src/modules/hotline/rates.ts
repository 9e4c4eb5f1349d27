import type { Queryable } from '../../kernel/db/index.ts';
import { regionPrefix } from '../../kernel/region-code.ts';

/** A rate as its parts, so indicators add periods and regions up before dividing. */
export interface RatePart {
  numerator: number;
  denominator: number;
}

export interface HotlineRates {
  /** 按时办结: tickets completed in the period on or before their (possibly extended) due date ÷ tickets completed */
  onTime: RatePart;
  /** 满意: 回访 results of the period 满意 or 基本满意 ÷ 回访 results of the period (the agent's and the SMS replies) */
  satisfied: RatePart;
  /** 回访: tickets completed in the period with a 回访 result of that round ÷ tickets completed */
  calledBack: RatePart;
  /** 一次办结: tickets finished in the period (completed, or answered at intake) never returned nor reopened ÷ tickets finished */
  firstTime: RatePart;
}

export interface HotlineRatesQuery {
  /** [from, to): instants; a period of days is Asia/Shanghai midnights */
  from: Date;
  to: Date;
  /** a region's subtree (the ticket's region) */
  regionCode?: string;
  /** the department handling it (tickets answered at intake have none, so they drop out) */
  departmentId?: string;
}

/**
 * The hotline's indicator inputs (issue #16 point 11) for a period, region subtree and
 * department: numerators and denominators, not rates, so that sums over departments and months
 * stay exact. "Completed in the period" is the ticket's last 办结; a ticket reopened and not yet
 * finished again counts nowhere until it is.
 */
export async function hotlineRates(q: Queryable, query: HotlineRatesQuery): Promise<HotlineRates> {
  const params: unknown[] = [query.from, query.to, `${query.regionCode ? regionPrefix(query.regionCode) : ''}%`];
  const dept = query.departmentId ? ` and department_id = $${params.push(query.departmentId)}` : '';
  const t = await q.one<Record<string, number>>(
    `select count(*) filter (where status = 'completed')::int as completed,
            count(*) filter (where status = 'completed' and (completed_at at time zone 'Asia/Shanghai')::date <= due_date)::int as on_time,
            count(*) filter (where status = 'completed' and exists (
              select 1 from hotline_callback b where b.ticket_id = hotline_ticket.id and b.round = hotline_ticket.reopen_count))::int as called_back,
            count(*)::int as finished,
            count(*) filter (where reopen_count = 0 and return_count = 0)::int as first_time
       from hotline_ticket
      where status in ('completed', 'closed') and completed_at >= $1 and completed_at < $2 and region_code like $3${dept}`,
    params,
  );
  const c = await q.one<Record<string, number>>(
    `select count(*)::int as total, count(*) filter (where result in ('satisfied', 'basic'))::int as satisfied
       from hotline_callback where recorded_at >= $1 and recorded_at < $2 and region_code like $3${dept}`,
    params,
  );
  const n = (row: Record<string, number> | undefined, k: string) => Number(row?.[k] ?? 0);
  return {
    onTime: { numerator: n(t, 'on_time'), denominator: n(t, 'completed') },
    satisfied: { numerator: n(c, 'satisfied'), denominator: n(c, 'total') },
    calledBack: { numerator: n(t, 'called_back'), denominator: n(t, 'completed') },
    firstTime: { numerator: n(t, 'first_time'), denominator: n(t, 'finished') },
  };
}
