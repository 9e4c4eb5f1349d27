import type { AppContext } from '../../../kernel/context.ts';
import { on, type EventHandler, type Subscription } from '../../../kernel/events/index.ts';
import { getVersionById } from '../../catalog/index.ts';
import { loadCase } from '../access.ts';
import { CASE_TOPICS, type CaseTransitionPayload } from '../events.ts';
import { recordSkippedLicenceUses } from './licence.ts';
import { produceResults } from './results.ts';

/** The transitions that end a case with a decision (a withdrawn case has no result document). */
const RESULT_TOPICS = [CASE_TOPICS.approved, CASE_TOPICS.disapproved, CASE_TOPICS.completed_at_acceptance, CASE_TOPICS.refused];

/**
 * Result documents and the licence hand-off, from the cases' own outbox events. Both handlers are
 * idempotent (the outbox delivers at least once): each looks at what the case already has.
 */
export function resultHandlers(ctx: AppContext): Subscription[] {
  const onFinal: EventHandler<CaseTransitionPayload> = async (event, tx) => {
    await produceResults(ctx, tx, event.payload.caseId);
  };
  const onSubmitted: EventHandler<CaseTransitionPayload> = async (event, tx) => {
    const c = await loadCase(tx, event.payload.caseId);
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
  return [...RESULT_TOPICS.map((topic) => on(topic, onFinal)), on(CASE_TOPICS.submitted, onSubmitted)];
}
