import type { Queryable } from '../db/index.ts';

/**
 * Reading the audit log. The chain's table is the kernel's: modules ask these functions for the
 * entries or counts they show (login history, indicators) and never name it in their own SQL.
 */

export interface AuditEntryView {
  /** ISO time in UTC */
  at: string;
  action: string;
  details: Record<string, unknown>;
}

/** The newest entries about one object whose action starts with `actionPrefix` (e.g. `auth.`). */
export async function auditEntriesAbout(
  q: Queryable,
  object: { type: string; id: string },
  filter: { actionPrefix: string; limit: number },
): Promise<AuditEntryView[]> {
  const rows = await q.query<{ at: Date; action: string; details: Record<string, unknown> }>(
    `select at, action, details from audit_log
      where object_type = $1 and object_id = $2 and starts_with(action, $3) order by seq desc limit $4`,
    [object.type, object.id, filter.actionPrefix, filter.limit],
  );
  return rows.map((r) => ({ at: new Date(r.at).toISOString(), action: r.action, details: r.details }));
}

export interface AuditTallyQuery {
  action: string;
  /** Asia/Shanghai calendar days, both included */
  from: string;
  to: string;
  /** count each day apart */
  perDay: boolean;
  /** count each value of this `details` field apart */
  detail: string;
  /** the value counted for an entry without the field (null: counted as null) */
  missing?: string;
}

export interface AuditTally {
  /** the Asia/Shanghai day (`YYYY-MM-DD`) when counted per day */
  day: string | null;
  value: string | null;
  entries: number;
  /** distinct objects among the entries (accounts signing in, …) */
  objects: number;
}

/** How many entries of one action, and about how many distinct objects, per day and detail value. */
export async function auditTally(q: Queryable, query: AuditTallyQuery): Promise<AuditTally[]> {
  return q.query<AuditTally & Record<string, unknown>>(
    `select case when $4::boolean then to_char(at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') end as day,
            coalesce(details->>$5::text, $6::text) as value,
            count(*)::int as entries, count(distinct object_id)::int as objects
       from audit_log
      where action = $1 and (at at time zone 'Asia/Shanghai')::date between $2::date and $3::date
      group by 1, 2 order by 1, 2`,
    [query.action, query.from, query.to, query.perDay, query.detail, query.missing ?? null],
  );
}
