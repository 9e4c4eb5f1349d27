import type { AppContext } from '../../kernel/context.ts';
import type { EventHandler, HandlerMap } from '../../kernel/events/worker.ts';
import { getVersionById } from '../catalog/index.ts';
import { loadCase } from './access.ts';
import { recordSkippedLicenceUses } from './result-licence.ts';
import { produceResults } from './results.ts';

/** The transitions that end a case with a decision (a withdrawn case has no result document). */
export const RESULT_TOPICS = ['case.approved', 'case.disapproved', 'case.completed_at_acceptance', 'case.refused'] as const;

/**
 * Result documents and the licence hand-off, from the cases' own outbox events. Both handlers are
 * idempotent (the outbox delivers at least once): each looks at what the case already has.
 */
export function resultHandlers(ctx: AppContext): HandlerMap {
  const onFinal: EventHandler = async (event, tx) => {
    await produceResults(ctx, tx, String(event.payload.caseId));
  };
  const onSubmitted: EventHandler = async (event, tx) => {
    const c = await loadCase(tx, String(event.payload.caseId));
    if (!c) return;
    const v = await getVersionById(tx, c.item_version_id);
    // a use that cannot be recorded (the licence vanished since submission) must not hold back
    // the other consumers of this event, which run in the same transaction
    await tx.exec('savepoint licence_use');
    try {
      await recordSkippedLicenceUses(ctx, tx, c, v?.content.materials ?? []);
      await tx.exec('release savepoint licence_use');
    } catch (err) {
      await tx.exec('rollback to savepoint licence_use');
      ctx.log.warn({ err, caseId: c.id }, 'licence use of a skipped material not recorded');
    }
  };
  return { ...Object.fromEntries(RESULT_TOPICS.map((t) => [t, onFinal])), 'case.submitted': onSubmitted };
}
