import type { Role } from '../../kernel/actor.ts';
import type { SealedForm } from './personal-form.ts';
import type { ActiveSpecial, CaseView, CorrectionItem, InstantResult } from './schemas.ts';

// The API shapes are the route schemas' (schemas.ts); these names stay for the module's own files.
export type { ActiveSpecial, CaseView, CorrectionItem, InstantResult };

export const CASE_STATUSES = ['draft', 'submitted', 'correction', 'processing', 'completed', 'refused', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses in which staff still have something to do. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['submitted', 'processing'];
export const FINAL_STATUSES: readonly CaseStatus[] = ['completed', 'refused', 'withdrawn'];

export type StepKind = 'accept' | 'review' | 'decide' | 'special' | 'payment';

/** One step of a case's workflow, copied from the item's workflow (or the default) into the case. */
export interface Step {
  key: string;
  name: string;
  roles: Role[];
  /** Absent on cases created before steps had kinds: see stepKind. */
  kind?: StepKind;
  /** For special steps: 现场勘查, 专家评审, 公示, 听证 … */
  procedure?: string;
}

/** The kind of a step; older cases had only 受理 → 审查 → 决定 without kinds. */
export function stepKind(steps: readonly Step[], index: number): StepKind {
  const s = steps[index];
  if (s?.kind) return s.kind;
  if (index === 0) return 'accept';
  return index === steps.length - 1 ? 'decide' : 'review';
}

/**
 * 受理 → 审查 → 决定; 办结 is the state reached when the decision is made. A general window clerk
 * (no department) or the department's own staff accept; the department's approvers review and decide.
 */
export const DEFAULT_STEPS: Step[] = [
  { key: 'accept', name: '受理', roles: ['window_clerk', 'approver'], kind: 'accept' },
  { key: 'review', name: '审查', roles: ['approver'], kind: 'review' },
  { key: 'decide', name: '决定', roles: ['approver'], kind: 'decide' },
];

/**
 * Timeline entries only staff see: supervision and hand-overs between staff are the
 * department's business, not the applicant's (督办 opinions name officials and may be frank).
 */
export const STAFF_ONLY_KINDS: readonly string[] = ['supervised', 'supervision_replied', 'supervision_overdue', 'assigned', 'transferred', 'overdue_explained'];

/** Staff roles that may see cases in their scope (acting needs the step's roles). */
/** A department's heads: they give work out (分派), and hear of its deadline warnings and of supervision orders nobody holds. */
export const HEAD_ROLES = ['department_admin', 'leader'] as const;

export const READ_ROLES: readonly Role[] = ['window_clerk', 'approver', 'department_admin', 'administrator', 'leader'];

export interface CaseRow {
  id: string;
  number: string | null;
  query_code: string | null;
  status: CaseStatus;
  outcome: 'approved' | 'disapproved' | null;
  channel: 'online' | 'window';
  item_id: string;
  item_version_id: string;
  item_code: string;
  item_name: string;
  case_type: 'immediate' | 'promised';
  region_code: string;
  department_id: string;
  applicant_kind: 'person' | 'enterprise';
  applicant_person_id: string | null;
  applicant_enterprise_id: string | null;
  applicant_name: string;
  agent_person_id: string | null;
  owner_person_id: string;
  /** Non-personal values and personal ones masked; the clear ones are sealed in form_pii (personal-form.ts). */
  form_data: Record<string, unknown>;
  form_pii: SealedForm;
  /** form field → the shared resource that filled it (免填报 from the base libraries) */
  prefilled_from: Record<string, PrefilledFrom>;
  steps: Step[];
  current_step: number;
  current_roles: string[];
  assignee_id: string | null;
  correction_count: number;
  correction_items: CorrectionItem[] | null;
  deferred_keys: string[];
  deferred_due: string | null;
  promised_days: number;
  statutory_days: number;
  clock_start: string | null;
  paused_since: string | null;
  paused_days: number;
  promised_due: string | null;
  statutory_due: string | null;
  deadline_provisional: boolean;
  warning: 'yellow' | 'red' | null;
  overdue: boolean;
  idempotency_key: string | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  special_procedure: ActiveSpecial | null;
  overdue_reason: string | null;
  fee_notice_id: string | null;
  commitment: { text: string; sm3: string; signedAt: string } | null;
  instant_result: InstantResult | null;
  [k: string]: unknown;
}

/** Columns read for a case; dates as plain strings so both backends agree. */
export const CASE_COLUMNS = `c.id, c.number, c.query_code, c.status, c.outcome, c.channel, c.item_id, c.item_version_id, c.item_code, c.item_name,
  c.case_type, c.region_code, c.department_id, c.applicant_kind, c.applicant_person_id, c.applicant_enterprise_id, c.applicant_name,
  c.agent_person_id, c.owner_person_id, c.form_data, c.form_pii, c.prefilled_from, c.steps, c.current_step, c.current_roles, c.assignee_id, c.correction_count,
  c.correction_items, c.deferred_keys, to_char(c.deferred_due, 'YYYY-MM-DD') as deferred_due, c.promised_days, c.statutory_days,
  to_char(c.clock_start, 'YYYY-MM-DD') as clock_start, to_char(c.paused_since, 'YYYY-MM-DD') as paused_since, c.paused_days,
  to_char(c.promised_due, 'YYYY-MM-DD') as promised_due, to_char(c.statutory_due, 'YYYY-MM-DD') as statutory_due, c.deadline_provisional, c.warning, c.overdue,
  c.idempotency_key, c.submitted_at, c.accepted_at, c.completed_at, c.created_at, c.updated_at, c.version,
  c.special_procedure, c.overdue_reason, c.fee_notice_id, c.commitment, c.instant_result`;

export const currentStep = (c: CaseRow): Step | undefined =>
  c.status === 'submitted' || c.status === 'processing' ? c.steps[c.current_step] : undefined;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * The case as the API shows it: personal form values masked. `clearForm` (the applicant's own
 * answers: `openForm`) replaces them with the clear ones.
 */
/** Where a prefilled form value came from: the shared resource, its provider and its field. */
export interface PrefilledFrom {
  resourceName: string;
  providerName: string;
  fieldName: string;
}

export function presentCase(c: CaseRow, clearForm?: Record<string, unknown>): CaseView {
  const step = currentStep(c);
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    outcome: c.outcome,
    channel: c.channel,
    itemId: c.item_id,
    itemVersionId: c.item_version_id,
    itemCode: c.item_code,
    itemName: c.item_name,
    caseType: c.case_type,
    regionCode: c.region_code,
    departmentId: c.department_id,
    applicantKind: c.applicant_kind,
    applicantName: c.applicant_name,
    applicantEnterpriseId: c.applicant_enterprise_id,
    formData: clearForm ?? c.form_data,
    personalFields: Object.keys(c.form_pii ?? {}),
    prefilledFrom: c.prefilled_from ?? {},
    steps: c.steps.map((s, i) => ({ key: s.key, name: s.name, kind: stepKind(c.steps, i) })),
    currentStep: step ? { key: step.key, name: step.name, index: c.current_step, kind: stepKind(c.steps, c.current_step) } : null,
    specialProcedure: c.special_procedure,
    feeNoticeId: c.fee_notice_id,
    commitment: c.commitment ? { signedAt: c.commitment.signedAt, sm3: c.commitment.sm3 } : null,
    instantApproval: c.instant_result,
    overdueReason: c.overdue_reason,
    assigneeId: c.assignee_id,
    correction: c.correction_items ? { items: c.correction_items, count: c.correction_count } : null,
    deferred: c.deferred_keys.length ? { materialKeys: c.deferred_keys, due: c.deferred_due } : null,
    clock: {
      promisedDays: c.promised_days,
      statutoryDays: c.statutory_days,
      start: c.clock_start,
      pausedSince: c.paused_since,
      pausedDays: c.paused_days,
      promisedDue: c.promised_due,
      statutoryDue: c.statutory_due,
      provisional: c.deadline_provisional,
      warning: c.warning,
      overdue: c.overdue,
    },
    submittedAt: iso(c.submitted_at),
    acceptedAt: iso(c.accepted_at),
    completedAt: iso(c.completed_at),
    createdAt: iso(c.created_at)!,
    updatedAt: iso(c.updated_at)!,
    version: c.version,
  };
}
