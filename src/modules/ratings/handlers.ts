import type { AppContext } from '../../kernel/context.ts';
import { on, type EventHandler, type Subscription } from '../../kernel/events/index.ts';
import { personalData } from '../../kernel/pii.ts';
import { CASE_FINAL_TOPICS, CASE_TOPICS, caseRatingSubject, type CaseTransitionPayload } from '../cases/index.ts';
import type { Stage } from './dictionary.ts';
import { DEFAULT_DUE, TASK_ESCALATION_DUE } from './events.ts';
import { defaultInvitation, ensureInvitation } from './invitations.ts';
import { ratingSettings } from './settings.ts';
import { escalationAlertHandler } from './escalation-alerts.ts';
import { hotlineCallbackHandler } from './hotline-callbacks.ts';
import { smsReplyHandler } from './sms-reply-handler.ts';
import { escalateIfOverdue } from './tasks.ts';

/**
 * Case events become rating invitations (in-app list + SMS link); timers record 基本满意 for
 * silence and escalate overdue rectification. Each runs in the claiming transaction, so a
 * crash redoes the invitation and its SMS together or not at all.
 */
export function ratingHandlers(ctx: AppContext): Subscription[] {
  const pii = personalData(ctx.config.masterKey);
  const invite = (stage: Stage): EventHandler<CaseTransitionPayload> => async (event, tx) => {
    const { caseId } = event.payload;
    const settings = await ratingSettings(tx);
    if (!settings.stages.includes(stage)) return;
    const subject = await caseRatingSubject(tx, caseId);
    // a draft withdrawn before submission has no number and nothing to rate
    if (!subject?.number || !subject.reached[stage]) return;
    await ensureInvitation(tx, pii, subject, stage, settings, { publicUrl: ctx.config.publicUrl });
  };
  // 即办: accepted and completed in one step, so both stages are reached at once
  const stagesOf = (topic: (typeof CASE_FINAL_TOPICS)[number]): Stage[] => (topic === CASE_TOPICS.completed_at_acceptance ? ['accepted', 'completed'] : ['completed']);
  return [
    on(CASE_TOPICS.submitted, invite('submitted')),
    on(CASE_TOPICS.accepted, invite('accepted')),
    on(CASE_TOPICS.accepted_deferred, invite('accepted')),
    // the end of a case (办结 in the wide sense: decided, refused, withdrawn after submission)
    ...CASE_FINAL_TOPICS.flatMap((topic) => stagesOf(topic).map((stage) => on(topic, invite(stage)))),
    on(DEFAULT_DUE, (event, tx) => defaultInvitation(tx, event.payload.invitationId)),
    on(TASK_ESCALATION_DUE, (event, tx) => escalateIfOverdue(tx, event.payload.taskId, event.payload.dueDate)),
    escalationAlertHandler(ctx),
    smsReplyHandler(ctx),
    hotlineCallbackHandler(),
  ];
}
