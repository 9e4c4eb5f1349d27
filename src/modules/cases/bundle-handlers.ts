import type { AppContext } from '../../kernel/context.ts';
import type { EventHandler, HandlerMap } from '../../kernel/events/worker.ts';
import { personalData } from '../../kernel/pii.ts';
import { MEMBER_EVENT_NOTICES } from './bundle-notice-facts.ts';
import { announceBundle, announceMemberEvent } from './bundle-notices.ts';
import { advanceBundle, MEMBER_FINAL_TOPICS } from './bundle-steps.ts';
import { BUNDLE_COLUMNS, type BundleCaseRow } from './bundle-store.ts';

/** Member transitions that may change what the bundle's applicant is told (bundle-notice-facts.ts). */
const MEMBER_NOTICE_TOPICS = ['case.accepted', 'case.accepted_deferred', 'case.correction_requested', 'case.payment_requested', 'case.bundle_stopped'] as const;

/**
 * A member case reaching a final state may let its bundle's next step start; any member change
 * may be news for the applicant, told by the bundle once. Runs in the claiming transaction
 * (at-least-once delivery: advancing or announcing twice changes nothing the second time).
 */
export function bundleHandlers(ctx: AppContext): HandlerMap {
  const pii = personalData(ctx.config.masterKey);
  const handler = (final: boolean): EventHandler => async (event, tx) => {
    const { caseId } = event.payload as { caseId?: string };
    if (!caseId) return;
    const link = await tx.one<{ bundle_case_id: string }>('select bundle_case_id from case_bundle_member where case_id = $1', [caseId]);
    if (!link) return;
    if (final) await advanceBundle(ctx, tx, link.bundle_case_id);
    const b = await tx.one<BundleCaseRow>(`select ${BUNDLE_COLUMNS} from case_bundle b where b.id = $1 for update`, [link.bundle_case_id]);
    if (b) await announceBundle(tx, pii, b);
  };
  const onEvent = (kind: (typeof MEMBER_EVENT_NOTICES)[number]): EventHandler => async (event, tx) => {
    const { caseId, eventId } = event.payload as { caseId?: string; eventId?: string };
    if (!caseId || !eventId) return;
    const b = await tx.one<BundleCaseRow>(
      `select ${BUNDLE_COLUMNS} from case_bundle b join case_bundle_member m on m.bundle_case_id = b.id where m.case_id = $1 for update of b`,
      [caseId],
    );
    if (b) await announceMemberEvent(tx, pii, b, { kind, eventId, caseId });
  };
  return Object.fromEntries([
    ...MEMBER_FINAL_TOPICS.map((topic) => [topic, handler(true)] as const),
    ...MEMBER_NOTICE_TOPICS.map((topic) => [topic, handler(false)] as const),
    ...MEMBER_EVENT_NOTICES.map((kind) => [`case.${kind}`, onEvent(kind)] as const),
  ]);
}
