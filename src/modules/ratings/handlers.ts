import type { AppContext } from '../../kernel/context.ts';
import type { EventHandler, HandlerMap } from '../../kernel/events/worker.ts';
import { personalData } from '../../kernel/pii.ts';
import { caseRatingSubject } from '../cases/index.ts';
import { INBOUND_TOPIC } from '../identity/index.ts';
import type { Stage } from './dictionary.ts';
import { DEFAULT_TOPIC, defaultInvitation, ensureInvitation } from './invitations.ts';
import { ratingSettings } from './settings.ts';
import { escalationAlertHandler } from './escalation-alerts.ts';
import { smsReplyHandler } from './sms-reply-handler.ts';
import { ESCALATED_TOPIC, escalateIfOverdue, OVERDUE_TOPIC } from './tasks.ts';

/** Case events that end a case (办结 in the wide sense: decided, refused, withdrawn after submission). */
const FINAL_KINDS = ['approved', 'disapproved', 'completed_at_acceptance', 'refused', 'withdrawn'] as const;

/**
 * Case events become rating invitations (in-app list + SMS link); timers record 基本满意 for
 * silence and escalate overdue rectification. Each runs in the claiming transaction, so a
 * crash redoes the invitation and its SMS together or not at all.
 */
export function ratingHandlers(ctx: AppContext): HandlerMap {
  const pii = personalData(ctx.config.masterKey);
  const invite = (stage: Stage): EventHandler => async (event, tx) => {
    const { caseId } = event.payload as { caseId: string };
    const settings = await ratingSettings(tx);
    if (!settings.stages.includes(stage)) return;
    const subject = await caseRatingSubject(tx, caseId);
    // a draft withdrawn before submission has no number and nothing to rate
    if (!subject?.number || !subject.reached[stage]) return;
    await ensureInvitation(tx, pii, subject, stage, settings, { publicUrl: ctx.config.publicUrl });
  };
  const handlers: HandlerMap = {
    'case.submitted': invite('submitted'),
    'case.accepted': invite('accepted'),
    'case.accepted_deferred': invite('accepted'),
    [DEFAULT_TOPIC]: (event, tx) => defaultInvitation(tx, (event.payload as { invitationId: string }).invitationId),
    [OVERDUE_TOPIC]: (event, tx) => {
      const { taskId, dueDate } = event.payload as { taskId: string; dueDate: string };
      return escalateIfOverdue(tx, taskId, dueDate);
    },
    [ESCALATED_TOPIC]: escalationAlertHandler(ctx),
    [INBOUND_TOPIC]: smsReplyHandler(ctx),
  };
  for (const kind of FINAL_KINDS) handlers[`case.${kind}`] = invite('completed');
  // 即办: accepted and completed in one step, so both stages are reached at once
  handlers['case.completed_at_acceptance'] = async (event, tx) => {
    await invite('accepted')(event, tx);
    await invite('completed')(event, tx);
  };
  return handlers;
}
