import { Type } from 'typebox';
import { defineTopic, type PayloadOf } from '../../kernel/events/index.ts';
import { CALLBACK_CHANNELS, CALLBACK_RESULTS } from './vocab.ts';

/**
 * The hotline module's outbox topics: its deadline timers, the 回访 fact for the ratings module,
 * and the hand-off of on-site work to city governance.
 */

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

/**
 * 转现场处置: the centre found a ticket needs someone on the spot (a blocked drain, a missing
 * manhole cover) and hands it to city governance, whose grid makes it an incident (上报 → 立案 →
 * 派遣 …, issue #17). The payload carries what an incident needs — where, what, the category —
 * and never the caller. Terminal until the governance module consumes it; that module then reads
 * the tickets handed off before it existed from `hotline_ticket.onsite_requested_at`.
 */
export const ONSITE_REQUESTED = defineTopic(
  'hotline.onsite_requested',
  Type.Object({
    ticketId: Type.String(),
    number: Type.String(),
    categoryCode: Type.String(),
    regionCode: Type.String(),
    address: Type.Union([Type.String(), Type.Null()]),
    lat: Type.Union([Type.Number(), Type.Null()]),
    lng: Type.Union([Type.Number(), Type.Null()]),
    title: Type.String(),
    content: Type.String(),
    note: Type.Union([Type.String(), Type.Null()]),
    departmentId: Type.Union([Type.String(), Type.Null()]),
    at: Type.String(),
  }),
  { terminal: 'the seam to city governance (issue #17): its grid module consumes it when built' },
);
export type OnsiteRequested = PayloadOf<typeof ONSITE_REQUESTED>;
