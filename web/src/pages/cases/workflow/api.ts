import { api } from '../../../api/client.ts';
import type { CaseDetail, CaseView, Colour } from '../api.ts';
// The server's own shapes where their file stands alone (the others would pull the server in).
import type { ActiveSpecial, InstantResult as InstantApproval } from '../../../../../src/modules/cases/model.ts';

export type { ActiveSpecial, InstantApproval };

export interface SpecialRecord {
  procedure: string;
  name: string;
  stepKey: string | null;
  reason: string | null;
  pausesClock: boolean;
  startedOn: string;
  endedOn: string | null;
  result: string | null;
  pausedDays: number | null;
}
export interface Supervision {
  id: string;
  issuedByName: string;
  opinion: string;
  replyDue: string;
  reply: string | null;
  repliedByName: string | null;
  repliedAt: string | null;
  createdAt: string;
}
export interface CommitmentCheckRow {
  caseId: string;
  number: string;
  itemName: string;
  applicantName: string;
  due: string;
  result: string | null;
  overdue: boolean;
}

export const PROCEDURES = ['on_site', 'expert_review', 'publicity', 'hearing', 'inspection', 'other'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export type StepKind = 'accept' | 'review' | 'decide' | 'special' | 'payment';

/** The workflow fields of the case view that the base CaseView type does not name. */
export interface WorkflowCase extends CaseView {
  steps: { key: string; name: string; kind: StepKind }[];
  currentStep: { key: string; name: string; index: number; kind: StepKind } | null;
  specialProcedure: ActiveSpecial | null;
  feeNoticeId: string | null;
  commitment: { signedAt: string; sm3: string } | null;
  instantApproval: InstantApproval | null;
  overdueReason: string | null;
}
export interface WorkflowDetail extends CaseDetail {
  case: WorkflowCase;
  specialProcedures: SpecialRecord[];
  supervisions: Supervision[];
  commitmentCheck: { due: string; result: string | null; opinion: string | null; checkedByName: string | null; checkedAt: string | null } | null;
  item: CaseDetail['item'] & { commitment: string | null };
}
export interface FeeLine {
  name: string;
  unitFen: number;
  quantity: number;
}
export interface SupervisableRow {
  id: string;
  number: string | null;
  itemName: string;
  applicantName: string;
  step: string | null;
  promisedDue: string | null;
  colour: Colour;
  openOrders: number;
}

/** The detail as the workflow panels read it (the same request, with the fields they need typed). */
export const asWorkflow = (d: CaseDetail) => d as WorkflowDetail;

export const workflow = {
  assignees: (caseId: string) => api.get<{ items: { id: string; name: string; departmentName: string | null }[] }>(`/api/cases/${caseId}/assignees`),
  supervise: (caseId: string, opinion: string, replyInDays: number) => api.post<{ id: string; replyDue: string }>(`/api/cases/${caseId}/supervisions`, { opinion, replyInDays }),
  reply: (caseId: string, supervisionId: string, reply: string) => api.post<{ id: string }>(`/api/cases/${caseId}/supervisions/${supervisionId}/reply`, { reply }),
  supervisable: (late: boolean) => api.get<{ items: SupervisableRow[] }>('/api/cases/supervisable', late ? { late: true } : {}),
  commitmentChecks: (open: boolean) => api.get<{ items: CommitmentCheckRow[] }>('/api/cases/commitment-checks', { open }),
  recordCheck: (caseId: string, result: 'kept' | 'broken', opinion: string) => api.post<{ id: string }>(`/api/cases/${caseId}/commitment-check`, { result, opinion }),
  /** Submit a draft, signing the item's 告知承诺书 when it has one. */
  submit: (caseId: string, version: number, idempotencyKey: string, commitment: boolean) =>
    api.post<{ case: CaseView }>(`/api/cases/${caseId}/submit`, { version, idempotencyKey, ...(commitment ? { commitment: true } : {}) }),
};
