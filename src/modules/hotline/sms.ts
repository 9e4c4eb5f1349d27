import { systemActor } from '../../kernel/actor.ts';
import type { AppContext } from '../../kernel/context.ts';
import { on, type Subscription } from '../../kernel/events/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import { personalData } from '../../kernel/pii.ts';
import { queueSms, SMS_RECEIVED } from '../identity/index.ts';
import { createTicketIn } from './tickets.ts';

/** 12345's SMS service number: texts sent to it are requests (the carrier names it as the message's `to`). */
export const HOTLINE_SMS_NUMBER = '12345';

/**
 * `identity.sms_received` to 12345's number: the text becomes a ticket on channel `sms` through
 * the one creation path (numbering, deadline, the centre's queue), as 求助 without a category —
 * the centre classifies it when it dispatches. The sender gets the number and the query code
 * back by SMS; an empty text gets how to write in. Runs in the event's transaction, so the ticket
 * and the answer commit together; the carrier's message id makes a redelivery one ticket.
 */
export function smsIntakeHandler(ctx: AppContext): Subscription {
  const pii = personalData(ctx.config.masterKey);
  return on(SMS_RECEIVED, async (event, tx) => {
    const e = event.payload;
    if (e.to !== HOTLINE_SMS_NUMBER) return;
    const phone = pii.decrypt(e.phone);
    const text = pii.decrypt(e.text).trim();
    if (!text) return queueSms(tx, pii, phone, t('zh-CN', 'hotline.sms.empty'));
    const created = await createTicketIn(
      ctx,
      tx,
      systemActor(`sms:${HOTLINE_SMS_NUMBER}`),
      { kind: 'help', categoryCode: null, content: text, caller: { phone }, idempotencyKey: `sms-${e.inboundId}` },
      'sms',
      e.personId,
    );
    // a redelivered event finds the first ticket (no query code twice): the sender already has it
    if (!created.queryCode) return;
    await queueSms(
      tx,
      pii,
      phone,
      t('zh-CN', 'hotline.sms.received', { number: created.ticket.number, code: created.queryCode }),
    );
  });
}
