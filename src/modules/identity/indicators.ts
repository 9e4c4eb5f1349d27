import type { Actor } from '../../kernel/actor.ts';
import { auditTally } from '../../kernel/audit/entries.ts';
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
 * daily active users per channel, single sign-on). Sign-ins are counted in the audit log (the
 * kernel's `auditTally`), which keeps every sign-in even after its session has ended. Days are
 * Asia/Shanghai calendar days.
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
  const dailyActive = await auditTally(db, { action: 'auth.session', from, to, perDay: true, detail: 'channel', missing: 'web' });
  const signIns = await auditTally(db, { action: 'auth.login', from, to, perDay: false, detail: 'client' });
  const signInsByClient = signIns
    .filter((r) => r.value !== null)
    .sort((a, b) => b.entries - a.entries || a.value!.localeCompare(b.value!))
    .map((r) => ({ clientId: r.value!, signIns: r.entries, users: r.objects }));
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
    dailyActive: dailyActive.map((r) => ({ day: r.day!, channel: r.value!, users: r.objects })),
    signInsByClient,
  };
}

/** The same figures for the people who read indicators, over a period that runs forwards. */
export function readIdentityIndicators(ctx: AppContext, actor: Actor, period: { from: string; to: string }): Promise<IdentityIndicatorInputs> {
  requireRole(actor, ['administrator', 'data_officer', 'leader']);
  if (period.from > period.to) throw unprocessable('PERIOD_INVALID', {}, { field: 'from' });
  return identityIndicatorInputs(ctx.db, period);
}
