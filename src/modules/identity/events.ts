import { Type } from 'typebox';
import { defineTopic, Nullable, type PayloadOf } from '../../kernel/events/index.ts';

/** The identity module's outbox topics. Phone numbers and texts stay SM4-encrypted at rest in the outbox. */

/** A text message waits for the carrier (`queueSms`, codes); the module's own sender delivers it. */
export const SMS_QUEUED = defineTopic('identity.sms_queued', Type.Object({ phone: Type.String(), body: Type.String() }));

/**
 * A text a carrier delivered, handed to whichever module answers it: ratings reads 1–5 replies to
 * the platform's own number; a text to a service number (`to`, e.g. 12345) is that service's.
 */
export const SMS_RECEIVED = defineTopic(
  'identity.sms_received',
  Type.Object({
    inboundId: Type.String(),
    /** the service number it was sent to, when the carrier names one (absent: the platform's own number) */
    to: Type.Optional(Type.String()),
    /** the person registered with the sender's phone, if any */
    personId: Nullable(Type.String()),
    phone: Type.String(),
    text: Type.String(),
    /** when the carrier received it: replies can reach us out of order */
    sentAt: Type.String(),
  }),
);
export type SmsReceived = PayloadOf<typeof SMS_RECEIVED>;
