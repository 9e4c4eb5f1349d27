import { api } from '../../api/client.ts';

export interface ResultDocument {
  id: string;
  kind: 'approval' | 'disapproval' | 'refusal';
  title: string;
  fileName: string;
  size: number;
  sm3: string;
  createdAt: string;
}
export interface CaseResults {
  documents: ResultDocument[];
  licence: { id: string; identifier: string; typeCode: string; operation: string; relatedIdentifier: string | null } | null;
  licenceUses: { materialKey: string; identifier: string }[];
  problems: { stage: 'document' | 'licence'; code: string; details: { message?: string }; attempts: number; at: string }[];
  mayRetry: boolean;
}

export const caseResults = {
  get: (caseId: string) => api.get<CaseResults>(`/api/cases/${caseId}/results`),
  retry: (caseId: string) => api.post<CaseResults>(`/api/cases/${caseId}/results/retry`, {}),
  licenceMaterials: (caseId: string) => api.get<{ items: { materialKey: string; identifier: string }[] }>(`/api/cases/${caseId}/licence-materials`),
  pdfUrl: (caseId: string, resultId: string) => `/api/cases/${caseId}/results/${resultId}/pdf`,
};
