import { api } from '../../../api/client.ts';
// API shapes come from the cases module's route schemas (type-only: nothing of the server is bundled).
import type { CaseAction, CaseView } from '../../../../../src/modules/cases/api.ts';
import type { Assignee, CommitmentCheckRow, FormReveal, SupervisableRow } from '../../../../../src/modules/cases/api.ts';

export type { ActiveSpecial, InstantResult as InstantApproval, SpecialRecord, Supervision } from '../../../../../src/modules/cases/api.ts';
export type { CommitmentCheckRow, SupervisableRow };

export const PROCEDURES = ['on_site', 'expert_review', 'publicity', 'hearing', 'inspection', 'other'] as const satisfies readonly NonNullable<CaseAction['procedure']>[];
export type Procedure = (typeof PROCEDURES)[number];

export type StepKind = CaseView['steps'][number]['kind'];
/** One fee line a decision assesses (核定). */
export type FeeLine = NonNullable<CaseAction['fees']>[number];
// The workflow panels' names for the case view and detail: the API's, which carry every workflow field.
export type { CaseView as WorkflowCase, CaseDetail as WorkflowDetail } from '../../../../../src/modules/cases/api.ts';

export const workflow = {
  assignees: (caseId: string) => api.get<{ items: Assignee[] }>(`/api/cases/${caseId}/assignees`),
  supervise: (caseId: string, opinion: string, replyInDays: number) => api.post<{ id: string; replyDue: string }>(`/api/cases/${caseId}/supervisions`, { opinion, replyInDays }),
  reply: (caseId: string, supervisionId: string, reply: string) => api.post<{ id: string }>(`/api/cases/${caseId}/supervisions/${supervisionId}/reply`, { reply }),
  supervisable: (late: boolean) => api.get<{ items: SupervisableRow[] }>('/api/cases/supervisable', late ? { late: true } : {}),
  commitmentChecks: (open: boolean) => api.get<{ items: CommitmentCheckRow[] }>('/api/cases/commitment-checks', { open }),
  /** 查看明文: one personal form field in clear, with the reason the server audits. */
  reveal: (caseId: string, field: string, reason: string) => api.post<FormReveal>(`/api/cases/${caseId}/form/reveal`, { field, reason }),
  recordCheck: (caseId: string, result: 'kept' | 'broken', opinion: string) => api.post<{ id: string }>(`/api/cases/${caseId}/commitment-check`, { result, opinion }),
  /** Submit a draft, signing the item's 告知承诺书 when it has one. */
  submit: (caseId: string, version: number, idempotencyKey: string, commitment: boolean) =>
    api.post<{ case: CaseView }>(`/api/cases/${caseId}/submit`, { version, idempotencyKey, ...(commitment ? { commitment: true } : {}) }),
};
