import type { Actor } from '../../kernel/actor.ts';
import * as clock from '../../kernel/clock.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { queueSms } from '../identity/index.ts';
import { recordCallback } from './callback-record.ts';
import { bump, recordStep, TICKET_SELECT, type TicketRow } from './store.ts';
import { CALLBACK_RESULTS } from './vocab.ts';

/** The SMS reply is recorded by the platform on the caller's word. */
const SMS_ACTOR: Actor = { kind: 'system', id: 'hotline.sms_survey' };

/**
 * 短信回访: at 办结 a caller who gave a phone gets the reply's survey — answer 1 满意, 2 基本满意,
 * 3 不满意. The time it went out is kept: a reply answers the latest survey sent before it.
 */
export async function sendSurvey(tx: Tx, pii: PersonalData, row: Pick<TicketRow, 'id' | 'number' | 'caller_phone_enc'>) {
  if (!row.caller_phone_enc) return;
  await queueSms(tx, pii, pii.decrypt(row.caller_phone_enc), t('zh-CN', 'hotline.sms.survey', { number: row.number }));
  await tx.query('update hotline_ticket set survey_sent_at = $2 where id = $1', [row.id, clock.now()]);
}

/** The latest survey sent to this phone before the reply was sent (replies may arrive late), if any. */
export async function latestHotlineSurvey(
  q: Queryable,
  pii: PersonalData,
  phone: string,
  sentAt: string,
): Promise<{ ticketId: string; sentAt: Date } | undefined> {
  const row = await q.one<{ id: string; survey_sent_at: Date }>(
    `select id, survey_sent_at from hotline_ticket where caller_phone_index = $1 and survey_sent_at <= $2 order by survey_sent_at desc limit 1`,
    [pii.index(phone), sentAt],
  );
  return row && { ticketId: row.id, sentAt: new Date(row.survey_sent_at) };
}

/** "1", "2 答复很及时", "３": the result, then free words (full-width digits accepted). */
const REPLY = /^([1-3])(?![0-9])[\s,，、.。;；:：]*([\s\S]*)$/;

/**
 * A reply to the survey of `ticketId`: recorded once as the 回访 of the current round (channel
 * sms), with the caller's words as the note, and thanked. A reply that is no 1–3 gets the
 * how-to back; a round already called back (by the agent, or by an earlier reply) or a ticket
 * reopened since gets "already recorded" and nothing changes. Called by the ratings module,
 * which reads every SMS reply and hands on those that answer a 12345 survey.
 */
export async function answerSurveyReply(
  tx: Tx,
  pii: PersonalData,
  ticketId: string,
  phone: string,
  text: string,
): Promise<'recorded' | 'closed' | 'help'> {
  const row = (await tx.one<TicketRow>(`${TICKET_SELECT} where t.id = $1 for update of t`, [ticketId]))!;
  const answer = (key: string, params: Record<string, string> = {}) =>
    queueSms(tx, pii, phone, t('zh-CN', key, { number: row.number, ...params }));
  const m = REPLY.exec(text.normalize('NFKC').trim());
  if (!m) return answer('hotline.sms.help').then(() => 'help');
  const result = CALLBACK_RESULTS[Number(m[1]) - 1]!;
  const words = m[2]!.trim() || null;
  if (row.status !== 'completed' || !(await recordCallback(tx, row, result, 'sms', words, null)))
    return answer('hotline.sms.closed').then(() => 'closed');
  await bump(tx, ticketId);
  await recordStep(tx, ticketId, SMS_ACTOR, 'callback', row.department_id, words ? `${result}: ${words}` : result);
  await answer('hotline.sms.thanks', { result: t('zh-CN', `hotline.callback.${result}`) });
  return 'recorded';
}
