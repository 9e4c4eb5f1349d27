import type { Actor } from '../../kernel/actor.ts';
import { requireStaff } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { sourceConflicts } from './store.ts';

/** 一数一源 for the whole published catalogue: every data item claimed by more than one source. */
export async function sourceConflictsFor(ctx: AppContext, actor: Actor) {
  requireStaff(actor);
  return { items: await sourceConflicts(ctx.db) };
}
