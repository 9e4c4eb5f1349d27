import { api } from '../../../api/client.ts';
import { putFile, type CaseStatus, type FormDefinition } from '../api.ts';

/** The bundle case API (/api/case-bundles): one application for a 一件事, one case per department. */

export type BundleStatus = 'draft' | 'submitted' | 'correction' | 'processing' | 'completed' | 'withdrawn';
export type BundleOutcome = 'approved' | 'partial' | 'disapproved' | null;

export interface BundleMemberView {
  position: number;
  itemId: string;
  itemCode: string;
  itemName: string;
  step: number;
  optional: boolean;
  departmentName: string | null;
  case: {
    id: string;
    number: string | null;
    status: CaseStatus;
    outcome: 'approved' | 'disapproved' | null;
    steps: { key: string; name: string }[];
    currentStep: { key: string; name: string; index: number } | null;
    promisedDue: string | null;
    overdue: boolean;
    completedAt: string | null;
  } | null;
}

export interface BundleMaterialView {
  key: string;
  name: string;
  necessity: string;
  source: string;
  skipped: boolean;
  neededBy: { position: number; itemName: string; materialKey: string }[];
  files: { id: string; fileName: string; stage: string; uploadedAt: string }[];
}

export interface BundleTimelineEntry {
  at: string;
  kind: string;
  itemName: string | null;
  actorName?: string | null;
  opinion?: string | null;
}

export interface BundleCaseDetail {
  bundleCase: {
    id: string;
    number: string | null;
    queryCode: string | null;
    status: BundleStatus;
    outcome: BundleOutcome;
    bundleCode: string;
    bundleName: string;
    applicantName: string;
    formData: Record<string, unknown>;
    promisedDue: string | null;
    overdue: boolean;
    submittedAt: string | null;
    completedAt: string | null;
    version: number;
  };
  members: BundleMemberView[];
  form: FormDefinition;
  materials: BundleMaterialView[];
  correction: { itemName: string; note: string; materialKey: string | null; field: string | null }[] | null;
  timeline: BundleTimelineEntry[];
  actions: string[];
}

export interface MyBundleRow {
  id: string;
  number: string | null;
  bundleName: string;
  status: BundleStatus;
  outcome: BundleOutcome;
  promisedDue: string | null;
  members: { caseId: string | null; itemName: string; status: CaseStatus | null; outcome: string | null }[];
}

export interface BundleProgress {
  number: string;
  bundleName: string;
  status: BundleStatus;
  outcome: BundleOutcome;
  promisedDue: string | null;
  members: { itemName: string; departmentName: string | null; status: CaseStatus | null; outcome: string | null; step: string | null }[];
  timeline: BundleTimelineEntry[];
}

export const bundleCases = {
  create: (bundle: string, optionalItems: string[], idempotencyKey: string) =>
    api.post<BundleCaseDetail>('/api/case-bundles', { bundle, optionalItems, idempotencyKey }),
  get: (id: string) => api.get<BundleCaseDetail>(`/api/case-bundles/${id}`),
  mine: () => api.get<{ items: MyBundleRow[]; total: number }>('/api/case-bundles/mine', { pageSize: 100 }),
  save: (id: string, version: number, formData: Record<string, unknown>) => api.put<BundleCaseDetail>(`/api/case-bundles/${id}/form`, { version, formData }),
  submit: (id: string, version: number, idempotencyKey: string) => api.post<BundleCaseDetail>(`/api/case-bundles/${id}/submit`, { version, idempotencyKey }),
  resubmit: (id: string, version: number) => api.post<BundleCaseDetail>(`/api/case-bundles/${id}/resubmit`, { version }),
  withdraw: (id: string, version: number) => api.post<BundleCaseDetail>(`/api/case-bundles/${id}/withdraw`, { version }),
  progress: (number: string, code: string) => api.get<BundleProgress>('/api/public/bundle-progress', { number, code }),
};

export const uploadBundleMaterial = (id: string, key: string, file: File) =>
  putFile<{ id: string }>(`/api/case-bundles/${id}/materials/${encodeURIComponent(key)}`, file);
