import { Type, type Static } from 'typebox';
import { defineTopic, Nullable } from '../../kernel/events/index.ts';

/**
 * The cases module's outbox topics. Other modules import them from `index.ts`; the timers are
 * the module's own.
 */

/** Every case transition's event: the case, its timeline entry (`eventId`) and the step. */
export const CaseTransition = Type.Object({
  caseId: Type.String(),
  /** The `case_event` row: it holds what the payload leaves out (who acted, the details). */
  eventId: Type.String(),
  number: Nullable(Type.String()),
  status: Type.String(),
  outcome: Nullable(Type.String()),
  itemId: Type.String(),
  departmentId: Type.String(),
  step: Nullable(Type.String()),
  opinion: Nullable(Type.String()),
}, { title: 'CaseTransition' });

export type CaseTransitionPayload = Static<typeof CaseTransition>;

/** Why the transitions no module follows are still written. */
const TIMELINE_FACT = 'a fact of the case timeline kept for audit and reporting; no module acts on it';
const transition = (name: string, terminal?: string) => defineTopic(`cases.${name}`, CaseTransition, { terminal });

/**
 * One topic per transition, keyed by its timeline kind (`case_event.kind`). The name is the kind
 * where the kind already says a past fact, otherwise the fact it records.
 */
export const CASE_TOPICS = {
  draft_created: transition('draft_created', TIMELINE_FACT),
  submitted: transition('submitted'),
  resubmitted: transition('resubmitted', TIMELINE_FACT),
  withdrawn: transition('withdrawn'),
  claimed: transition('claimed', TIMELINE_FACT),
  assigned: transition('assigned'),
  transferred: transition('transferred'),
  accepted: transition('accepted'),
  accepted_deferred: transition('accepted_deferred'),
  completed_at_acceptance: transition('completed_at_acceptance'),
  refused: transition('refused'),
  correction_requested: transition('correction_requested'),
  deferred_material_received: transition('deferred_material_received', TIMELINE_FACT),
  deferred_reminder: transition('deferred_reminder_sent'),
  instant_declined: transition('instant_declined', TIMELINE_FACT),
  /** a clerk completed a 即办 case whose 秒批 rules failed, for the reason given (details: reason, failed rules) */
  instant_overridden: transition('instant_overridden', TIMELINE_FACT),
  step_approved: transition('step_approved', TIMELINE_FACT),
  decided_approved: transition('decided_approved', TIMELINE_FACT),
  step_disapproved: transition('step_disapproved', TIMELINE_FACT),
  returned: transition('returned', TIMELINE_FACT),
  special_procedure_started: transition('special_procedure_started', TIMELINE_FACT),
  special_procedure_ended: transition('special_procedure_ended', TIMELINE_FACT),
  payment_requested: transition('payment_requested'),
  paid: transition('paid', TIMELINE_FACT),
  approved: transition('approved'),
  disapproved: transition('disapproved'),
  warning_yellow: transition('warning_raised', TIMELINE_FACT),
  overdue: transition('deadline_missed', TIMELINE_FACT),
  overdue_explained: transition('overdue_explained', TIMELINE_FACT),
  supervised: transition('supervised', TIMELINE_FACT),
  supervision_replied: transition('supervision_replied', TIMELINE_FACT),
  supervision_overdue: transition('supervision_reply_missed', TIMELINE_FACT),
  commitment_kept: transition('commitment_kept', TIMELINE_FACT),
  commitment_broken: transition('commitment_broken'),
  bundle_stopped: transition('stopped_by_bundle'),
  deadline_recomputed: transition('deadline_recomputed', TIMELINE_FACT),
};
export type TransitionKind = keyof typeof CASE_TOPICS;

/** The transitions that end a case: decided (also 即办), refused at acceptance, or withdrawn. */
export const CASE_FINAL_TOPICS = [CASE_TOPICS.approved, CASE_TOPICS.disapproved, CASE_TOPICS.completed_at_acceptance, CASE_TOPICS.refused, CASE_TOPICS.withdrawn];

/** A 一件事's own transitions (`case_bundle_event`): the bundle, and what the kind adds (members, step, reason). */
export const BundleTransition = Type.Object({ bundleCaseId: Type.String(), number: Nullable(Type.String()), bundleId: Type.String() }, { title: 'BundleTransition' });

const BUNDLE_FACT = 'a fact of the bundle timeline kept for audit and reporting; the member cases carry the events others follow';
const bundleTransition = (name: string) => defineTopic(`cases.bundle_${name}`, BundleTransition, { terminal: BUNDLE_FACT });

export const BUNDLE_TOPICS = {
  draft_created: bundleTransition('draft_created'),
  submitted: bundleTransition('submitted'),
  resubmitted: bundleTransition('resubmitted'),
  withdrawn: bundleTransition('withdrawn'),
  step_started: bundleTransition('step_started'),
  step_start_failed: bundleTransition('step_start_failed'),
  /** the waiting members of a later step were stopped: an earlier one was not approved */
  stopped: bundleTransition('step_stopped'),
};
export type BundleTransitionKind = keyof typeof BUNDLE_TOPICS;

/** Timer: the yellow warning (80 % of the promised time used) or red (overdue) of the deadline `promisedDue`. */
export const DEADLINE_WARNING_DUE = defineTopic(
  'cases.deadline_warning_due',
  Type.Object({ caseId: Type.String(), level: Type.Union([Type.Literal('yellow'), Type.Literal('red')]), promisedDue: Type.String() }),
);

/** Timer: the last working day before deferred (容缺) materials are due. */
export const DEFERRED_REMINDER_DUE = defineTopic('cases.deferred_reminder_due', Type.Object({ caseId: Type.String(), due: Type.String() }));

/** Timer: the day after a supervision order's reply was due. */
export const SUPERVISION_DUE = defineTopic('cases.supervision_due', Type.Object({ caseId: Type.String(), supervisionId: Type.String() }));
