import type { Actor } from '../../../kernel/actor.ts';
import { requireRole } from '../../../kernel/auth.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { channel as channelOf } from '../channels/registry.ts';
import { FINANCE_READ_ROLES, FINANCE_ROLES } from '../roles.ts';
import { reconcile, runOf } from './run.ts';
import type { ReconRun } from '../schemas.ts';

/**
 * Reconciliation runs as finance staff see and start them; the nightly run (`dailyReconciler`)
 * starts them as the platform. A run is audited by `reconcile` itself.
 */
export async function listReconRuns(ctx: AppContext, actor: Actor, range: { from: string; to: string }): Promise<ReconRun[]> {
  requireRole(actor, FINANCE_READ_ROLES);
  const rows = await ctx.db.query<Record<string, unknown>>(
    'select * from payment_recon_run where day between $1 and $2 order by day desc, started_at desc limit 500',
    [range.from, range.to],
  );
  return rows.map(runOf);
}

/** Run again for a day with the statement the channel itself serves. */
export function reconcileFromChannel(ctx: AppContext, actor: Actor, channel: string, day: string): Promise<ReconRun> {
  requireRole(actor, FINANCE_ROLES);
  const adapter = channelOf(ctx, channel);
  return reconcile(ctx, actor, adapter.code, day, adapter.statement(ctx.db, day));
}

/** Run for a day with a statement file finance staff downloaded from the channel and upload. */
export function reconcileUploaded(ctx: AppContext, actor: Actor, channel: string, day: string, lines: AsyncIterable<string>): Promise<ReconRun> {
  requireRole(actor, FINANCE_ROLES);
  return reconcile(ctx, actor, channelOf(ctx, channel).code, day, lines);
}
