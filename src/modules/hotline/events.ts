import { Type } from 'typebox';
import { defineTopic, type PayloadOf } from '../../kernel/events/index.ts';
import { CALLBACK_CHANNELS, CALLBACK_RESULTS } from './vocab.ts';

/** The hotline module's outbox topics: its deadline timers, and the 回访 fact for the ratings module. */

/**
 * Timer: the day after a 签收 or 办结 due date. The key names the due date, so a deadline moved
 * by 延期 or 重办 gets a new timer and the old one finds another due date and does nothing.
 */
export const DEADLINE_DUE = defineTopic(
  'hotline.deadline_due',
  Type.Object({
    ticketId: Type.String(),
    deadline: Type.Union([Type.Literal('accept'), Type.Literal('complete')]),
    due: Type.String(),
  }),
);

/** A 回访 result was recorded (the centre's call-back or the caller's SMS reply), once per round of handling. */
export const CALLBACK_RECORDED = defineTopic(
  'hotline.callback_recorded',
  Type.Object({
    ticketId: Type.String(),
    number: Type.String(),
    /** 0 for the first handling, n after the n-th 重办 */
    round: Type.Integer({ minimum: 0 }),
    departmentId: Type.String(),
    regionCode: Type.String(),
    result: Type.Enum(CALLBACK_RESULTS),
    channel: Type.Enum(CALLBACK_CHANNELS),
    at: Type.String(),
  }),
);
export type CallbackRecorded = PayloadOf<typeof CALLBACK_RECORDED>;
