import type { Role } from '../../kernel/actor.ts';

export const CASE_STATUSES = ['draft', 'submitted', 'correction', 'processing', 'completed', 'refused', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Statuses in which staff still have something to do. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['submitted', 'processing'];
export const FINAL_STATUSES: readonly CaseStatus[] = ['completed', 'refused', 'withdrawn'];

/** One step of a case's workflow. Steps are data so an item may later define its own. */
export interface Step {
  key: string;
  name: string;
  roles: Role[];
}

/**
 * 受理 → 审查 → 决定; 办结 is the state reached when the decision is made. A general window clerk
 * (no department) or the department's own staff accept; the department's approvers review and decide.
 */
export const DEFAULT_STEPS: Step[] = [
  { key: 'accept', name: '受理', roles: ['window_clerk', 'approver'] },
  { key: 'review', name: '审查', roles: ['approver'] },
  { key: 'decide', name: '决定', roles: ['approver'] },
];

/** Staff roles that may see cases in their scope (acting needs the step's roles). */
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
  form_data: Record<string, unknown>;
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
  warning: 'yellow' | 'red' | null;
  overdue: boolean;
  idempotency_key: string | null;
  submitted_at: Date | null;
  accepted_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  [k: string]: unknown;
}

export interface CorrectionItem {
  materialKey?: string;
  field?: string;
  note: string;
}

/** Columns read for a case; dates as plain strings so both backends agree. */
export const CASE_COLUMNS = `c.id, c.number, c.query_code, c.status, c.outcome, c.channel, c.item_id, c.item_version_id, c.item_code, c.item_name,
  c.case_type, c.region_code, c.department_id, c.applicant_kind, c.applicant_person_id, c.applicant_enterprise_id, c.applicant_name,
  c.agent_person_id, c.owner_person_id, c.form_data, c.steps, c.current_step, c.current_roles, c.assignee_id, c.correction_count,
  c.correction_items, c.deferred_keys, to_char(c.deferred_due, 'YYYY-MM-DD') as deferred_due, c.promised_days, c.statutory_days,
  to_char(c.clock_start, 'YYYY-MM-DD') as clock_start, to_char(c.paused_since, 'YYYY-MM-DD') as paused_since, c.paused_days,
  to_char(c.promised_due, 'YYYY-MM-DD') as promised_due, to_char(c.statutory_due, 'YYYY-MM-DD') as statutory_due, c.warning, c.overdue,
  c.idempotency_key, c.submitted_at, c.accepted_at, c.completed_at, c.created_at, c.updated_at, c.version`;

export const currentStep = (c: CaseRow): Step | undefined =>
  c.status === 'submitted' || c.status === 'processing' ? c.steps[c.current_step] : undefined;

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** The case as the API shows it (personal data of the applicant is not part of the row). */
export function presentCase(c: CaseRow) {
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
    formData: c.form_data,
    steps: c.steps.map((s) => ({ key: s.key, name: s.name })),
    currentStep: step ? { key: step.key, name: step.name, index: c.current_step } : null,
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
export type CaseView = ReturnType<typeof presentCase>;
