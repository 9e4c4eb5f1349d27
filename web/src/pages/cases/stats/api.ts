import { api } from '../../../api/client.ts';

// The shapes are the cases module's report schemas' (type-only: nothing of the server is bundled).
import type { DepartmentStats } from '../../../../../src/modules/cases/api.ts';

export type { CaseFigures } from '../../../../../src/modules/cases/api.ts';
export type { DepartmentStats };

export const caseStats = {
  department: (q: { from: string; to: string; departmentId?: string }) => api.get<DepartmentStats>('/api/cases/stats', q),
};
