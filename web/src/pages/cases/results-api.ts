import { api } from '../../api/client.ts';

// The shapes are the cases module's result schemas' (type-only: nothing of the server is bundled).
import type { CaseResults } from '../../../../src/modules/cases/api.ts';

export type { ResultDocument } from '../../../../src/modules/cases/api.ts';
export type { CaseResults };

export const caseResults = {
  get: (caseId: string) => api.get<CaseResults>(`/api/cases/${caseId}/results`),
  retry: (caseId: string) => api.post<CaseResults>(`/api/cases/${caseId}/results/retry`, {}),
  pdfUrl: (caseId: string, resultId: string) => `/api/cases/${caseId}/results/${resultId}/pdf`,
};
