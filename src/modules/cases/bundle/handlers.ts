import type { AppContext } from '../../../kernel/context.ts';
import { on, type EventHandler, type Subscription } from '../../../kernel/events/index.ts';
import { personalData } from '../../../kernel/pii.ts';
import { MEMBER_EVENT_NOTICES } from './notice-facts.ts';
import { announceBundle, announceMemberEvent } from './notices.ts';
import { advanceBundle } from './steps.ts';
import { BUNDLE_COLUMNS, type BundleCaseRow } from './store.ts';
import { CASE_FINAL_TOPICS, CASE_TOPICS, type CaseTransitionPayload } from '../events.ts';

/** Member transitions that may change what the bundle's applicant is told (bundle-notice-facts.ts). */
const MEMBER_NOTICE_TOPICS = [CASE_TOPICS.accepted, CASE_TOPICS.accepted_deferred, CASE_TOPICS.correction_requested, CASE_TOPICS.payment_requested, CASE_TOPICS.bundle_stopped];

/**
 * A member case reaching a final state may let its bundle's next step start; any member change
 * may be news for the applicant, told by the bundle once. Runs in the claiming transaction
 * (at-least-once delivery: advancing or announcing twice changes nothing the second time).
 */
export function bundleHandlers(ctx: AppContext): Subscription[] {
  const pii = personalData(ctx.config.masterKey);
  const handler = (final: boolean): EventHandler<CaseTransitionPayload> => async (event, tx) => {
    const { caseId } = event.payload;
    const link = await tx.one<{ bundle_case_id: string }>('select bundle_case_id from case_bundle_member where case_id = $1', [caseId]);
    if (!link) return;
    if (final) await advanceBundle(ctx, tx, link.bundle_case_id);
    const b = await tx.one<BundleCaseRow>(`select ${BUNDLE_COLUMNS} from case_bundle b where b.id = $1 for update`, [link.bundle_case_id]);
    if (b) await announceBundle(tx, pii, b);
  };
  const onEvent = (kind: (typeof MEMBER_EVENT_NOTICES)[number]): EventHandler<CaseTransitionPayload> => async (event, tx) => {
    const { caseId, eventId } = event.payload;
    const b = await tx.one<BundleCaseRow>(
      `select ${BUNDLE_COLUMNS} from case_bundle b join case_bundle_member m on m.bundle_case_id = b.id where m.case_id = $1 for update of b`,
      [caseId],
    );
    if (b) await announceMemberEvent(tx, pii, b, { kind, eventId, caseId });
  };
  return [
    ...CASE_FINAL_TOPICS.map((topic) => on(topic, handler(true))),
    ...MEMBER_NOTICE_TOPICS.map((topic) => on(topic, handler(false))),
    ...MEMBER_EVENT_NOTICES.map((kind) => on(CASE_TOPICS[kind], onEvent(kind))),
  ];
}
