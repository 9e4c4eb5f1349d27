import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { on, type Subscription } from '../../kernel/events/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import { personalData } from '../../kernel/pii.ts';
import { answerSurveyReply, latestHotlineSurvey } from '../hotline/index.ts';
import { queueSms, SMS_RECEIVED } from '../identity/index.ts';
import { levelName } from './dictionary.ts';
import type { InvitationRow } from './invitations.ts';
import { rateBySmsReply } from './ratings.ts';
import { parseSmsReply, tagMenu } from './sms-reply.ts';

/** The latest invitation whose SMS went out before the reply was sent (replies may arrive out of order). */
async function answeredInvitation(tx: Tx, personId: string, sentAt: string, open: boolean): Promise<InvitationRow | undefined> {
  return tx.one<InvitationRow>(
    `select * from rating_invitation
      where rater_person_id = $1 and sms_sent_at is not null and sms_sent_at <= $2 ${open ? "and status = 'open'" : ''}
      order by sms_sent_at desc limit 1 ${open ? 'for update' : ''}`,
    [personId, sentAt],
  );
}

/** Why a well-formed reply could not be recorded, as the help text to send back. */
const REFUSALS: Record<string, string> = {
  RATING_TAG_REQUIRED: 'ratings.smsReply.tagRequired',
  RATING_TAGS_ONLY_FOR_BAD: 'ratings.smsReply.tagsOnlyForBad',
  RATING_EXISTS: 'ratings.smsReply.closed',
};

/**
 * `identity.sms_received`: a reply to the invitation SMS becomes a rating on channel `sms`; a
 * reply to a 12345 survey sent later than the phone's latest invitation goes to the hotline
 * (`answerSurveyReply`: 1–3 recorded once as its 回访), so one reply is answered once.
 * Everything else sent to the platform's own number gets an answer explaining how to rate, and
 * records nothing; a text to a service number (12345 …) is that service's, not a reply. Runs in the
 * claiming transaction, so the rating and the answer SMS commit together.
 */
export function smsReplyHandler(ctx: AppContext): Subscription {
  const pii = personalData(ctx.config.masterKey);
  return on(SMS_RECEIVED, async (event, tx) => {
    const e = event.payload;
    if (e.to) return;
    const phone = pii.decrypt(e.phone);
    const answer = (key: string, params: Record<string, string | number> = {}) => queueSms(tx, pii, phone, t('zh-CN', key, params));
    // a 12345 survey sent after the person's latest invitation SMS is what the reply answers
    const survey = await latestHotlineSurvey(tx, pii, phone, e.sentAt);
    const latest = survey && e.personId ? await answeredInvitation(tx, e.personId, e.sentAt, false) : undefined;
    if (survey && (!latest || survey.sentAt > new Date(latest.sms_sent_at as string))) {
      await answerSurveyReply(tx, pii, survey.ticketId, phone, pii.decrypt(e.text));
      return;
    }
    const inv = e.personId ? await answeredInvitation(tx, e.personId, e.sentAt, true) : undefined;
    if (!inv) {
      const last = e.personId ? await answeredInvitation(tx, e.personId, e.sentAt, false) : undefined;
      return last ? answer('ratings.smsReply.closed', { number: last.case_number }) : answer('ratings.smsReply.noInvitation');
    }
    const reply = parseSmsReply(pii.decrypt(e.text));
    if (!reply) return answer('ratings.smsReply.help', { number: inv.case_number, tags: tagMenu() });
    try {
      const rating = await rateBySmsReply(ctx, tx, inv, reply);
      return answer('ratings.smsReply.thanks', { number: inv.case_number, level: levelName(rating.level) });
    } catch (err) {
      // content refusals are thrown before anything is written, so the transaction stays usable
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      return answer(REFUSALS[err.code] ?? 'ratings.smsReply.help', { number: inv.case_number, tags: tagMenu() });
    }
  });
}
