import type { AppContext } from '../../kernel/context.ts';
import type { EventHandler, HandlerMap } from '../../kernel/events/worker.ts';
import { advanceBundle, MEMBER_FINAL_TOPICS } from './bundle-steps.ts';

/**
 * A member case reaching a final state may let its bundle's next step start. Runs in the claiming
 * transaction (at-least-once delivery: advancing twice changes nothing the second time).
 */
export function bundleHandlers(ctx: AppContext): HandlerMap {
  const onFinal: EventHandler = async (event, tx) => {
    const { caseId } = event.payload as { caseId?: string };
    if (!caseId) return;
    const link = await tx.one<{ bundle_case_id: string }>('select bundle_case_id from case_bundle_member where case_id = $1', [caseId]);
    if (link) await advanceBundle(ctx, tx, link.bundle_case_id);
  };
  return Object.fromEntries(MEMBER_FINAL_TOPICS.map((topic) => [topic, onFinal]));
}
