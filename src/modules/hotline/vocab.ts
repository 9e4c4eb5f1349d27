/**
 * The hotline's vocabulary: the kinds of request (诉求类型) with the working days a department
 * has to finish them, the channels, and the statuses of a ticket.
 */

export const KINDS = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type Kind = (typeof KINDS)[number];

/**
 * Working days from intake to 办结 by kind — the local practice STANDARDS.md §1.5 records
 * (咨询 2–3, 求助 5, 投诉/举报/建议 ≤ 13 working days); praise is passed on within 3.
 */
export const DUE_WORKING_DAYS: Record<Kind, number> = {
  consultation: 3,
  help: 5,
  complaint: 13,
  report: 13,
  suggestion: 13,
  praise: 3,
};

/** 签收: a department takes a dispatched ticket within one working day. */
export const ACCEPT_WORKING_DAYS = 1;

export const KIND_NAMES: Record<Kind, string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
};

export const CHANNELS = ['phone', 'portal', 'sms', 'api', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * new (received, waiting for the centre) → dispatched (to a department, waiting for 签收) →
 * accepted (being handled) → completed (办结 with the department's reply); returned (退回 by the
 * department, the centre dispatches again); closed (answered at intake: 直接答复, 一次办结);
 * merged (合并 into an open ticket about the same matter, whose progress its caller follows).
 */
export const STATUSES = ['new', 'dispatched', 'accepted', 'returned', 'completed', 'closed', 'merged'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses in which the ticket is finished for the caller (Open311 `closed`). */
export const FINISHED: readonly Status[] = ['completed', 'closed', 'merged'];

/** Statuses of a ticket still being handled: what a new one may duplicate and be merged into. */
export const OPEN: readonly Status[] = ['new', 'dispatched', 'accepted', 'returned'];

/** 延期: working days one request may ask for, and how many requests (approved or not) a ticket may have. */
export const EXTENSION_MAX_DAYS = 10;
export const EXTENSIONS_PER_TICKET = 2;

/**
 * Deadline warnings (预警) for 签收 and 办结: yellow (黄牌) from the last working day before
 * the due date (办结) or on the due day itself (签收, which has only one working day), red (红牌)
 * once the due date has passed. Local practice warns a day ahead rather than at 80 % of the
 * time: a consultation has 3 working days, so 80 % would be the same day anyway.
 */
export const WARNINGS = ['none', 'yellow', 'red'] as const;
export type Warning = (typeof WARNINGS)[number];
export const YELLOW_WORKING_DAYS_BEFORE_DUE = 1;

/** 回访 results: 满意 / 基本满意 / 不满意; the SMS survey's reply digits 1 / 2 / 3 in this order. */
export const CALLBACK_RESULTS = ['satisfied', 'basic', 'unsatisfied'] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];
/** Who recorded a 回访 result: the centre's agent on the phone, or the caller's SMS reply. */
export const CALLBACK_CHANNELS = ['hotline', 'sms'] as const;
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];
