import type { Actor } from '../../kernel/actor.ts';
import { requireRole } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { unprocessable } from '../../kernel/errors.ts';

export interface IdentityIndicatorInputs {
  from: string;
  to: string;
  /** accounts that exist at the end of the period, and those created within it */
  registered: { persons: number; personsNew: number; enterprises: number; enterprisesNew: number; byLevel: Record<'1' | '2' | '3', number> };
  /** distinct accounts that opened a web session, per day and channel (portal web, mobile H5, workbench) */
  dailyActive: { day: string; channel: string; users: number }[];
  /** sign-ins through the provider per relying party: the identity side of 单点登录率 */
  signInsByClient: { clientId: string; signIns: number; users: number }[];
}

/**
 * What the identity module contributes to the indicators (INDICATORS.md: registered users,
 * daily active users per channel, single sign-on). Read from the audit log, which keeps every
 * sign-in even after its session has ended. Days are Asia/Shanghai calendar days.
 */
export async function identityIndicatorInputs(db: Queryable, period: { from: string; to: string }): Promise<IdentityIndicatorInputs> {
  const { from, to } = period;
  const range = [from, to];
  const counts = await db.one<{ persons: number; persons_new: number; enterprises: number; enterprises_new: number; l1: number; l2: number; l3: number }>(
    `select (select count(*)::int from person where created_at < ($2::date + 1)) as persons,
            (select count(*)::int from person where created_at >= $1::date and created_at < ($2::date + 1)) as persons_new,
            (select count(*)::int from enterprise where created_at < ($2::date + 1)) as enterprises,
            (select count(*)::int from enterprise where created_at >= $1::date and created_at < ($2::date + 1)) as enterprises_new,
            (select count(*)::int from person where assurance_level = 1 and created_at < ($2::date + 1)) as l1,
            (select count(*)::int from person where assurance_level = 2 and created_at < ($2::date + 1)) as l2,
            (select count(*)::int from person where assurance_level = 3 and created_at < ($2::date + 1)) as l3`,
    range,
  );
  const dailyActive = await db.query<{ day: string; channel: string; users: number }>(
    `select to_char(at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, coalesce(details->>'channel', 'web') as channel, count(distinct object_id)::int as users
       from audit_log
      where action = 'auth.session' and (at at time zone 'Asia/Shanghai')::date between $1::date and $2::date
      group by 1, 2 order by 1, 2`,
    range,
  );
  const signInsByClient = await db.query<{ client_id: string; sign_ins: number; users: number }>(
    `select details->>'client' as client_id, count(*)::int as sign_ins, count(distinct object_id)::int as users
       from audit_log
      where action = 'auth.login' and details ? 'client' and (at at time zone 'Asia/Shanghai')::date between $1::date and $2::date
      group by 1 order by 2 desc`,
    range,
  );
  return {
    from,
    to,
    registered: {
      persons: counts?.persons ?? 0,
      personsNew: counts?.persons_new ?? 0,
      enterprises: counts?.enterprises ?? 0,
      enterprisesNew: counts?.enterprises_new ?? 0,
      byLevel: { '1': counts?.l1 ?? 0, '2': counts?.l2 ?? 0, '3': counts?.l3 ?? 0 },
    },
    dailyActive,
    signInsByClient: signInsByClient.map((r) => ({ clientId: r.client_id, signIns: r.sign_ins, users: r.users })),
  };
}

/** The same figures for the people who read indicators, over a period that runs forwards. */
export function readIdentityIndicators(ctx: AppContext, actor: Actor, period: { from: string; to: string }): Promise<IdentityIndicatorInputs> {
  requireRole(actor, ['administrator', 'data_officer', 'leader']);
  if (period.from > period.to) throw unprocessable('PERIOD_INVALID', {}, { field: 'from' });
  return identityIndicatorInputs(ctx.db, period);
}
