import { api } from '../../../api/client.ts';

/** One group's figures as GET /api/cases/stats returns them (rates in %, null without cases). */
export interface CaseFigures {
  received: number;
  accepted: number;
  completed: number;
  refused: number;
  onTime: number;
  immediate: number;
  overdueCompleted: number;
  overdueOpen: number;
  onTimeRate: number | null;
  immediateRate: number | null;
  avgWorkingDays: number | null;
  avgNaturalDays: number | null;
}

export interface DepartmentStats {
  from: string;
  to: string;
  departmentId: string | null;
  totals: CaseFigures;
  byItem: (CaseFigures & { itemId: string; itemCode: string; itemName: string })[];
  byMonth: (CaseFigures & { period: string })[];
}

export const caseStats = {
  department: (q: { from: string; to: string; departmentId?: string }) => api.get<DepartmentStats>('/api/cases/stats', q),
};
