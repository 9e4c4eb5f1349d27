import { api } from '../../api/client.ts';

export type Stage = 'submitted' | 'accepted' | 'completed';
export type DimensionSet = 'online' | 'offline';
export type TaskStatus = 'open' | 'called_back' | 'verified' | 'rectified' | 'replied' | 'excluded';
export type TaskAction = 'callback' | 'verify' | 'rectify' | 'reply';

export interface Dictionary {
  levels: { level: number; code: string; name: string }[];
  dimensions: Record<DimensionSet, { code: string; name: string }[]>;
  badTags: { code: string; name: string }[];
  channels: string[];
}

export interface RatingContent {
  level: number;
  dimensions?: Record<string, number>;
  tags?: string[];
  comment?: string;
}

export interface Rating {
  id: string;
  caseId: string;
  caseNumber: string;
  stage: Stage;
  itemName: string;
  departmentName: string;
  hallName: string | null;
  windowName: string | null;
  staffName: string | null;
  channel: string;
  level: number;
  levelName: string;
  dimensions: Record<string, number>;
  tags: { code: string; name: string }[];
  comment: string;
  defaulted: boolean;
  excluded: boolean;
  excludedReason: string | null;
  ratedAt: string;
  rectification?: { status: TaskStatus; dueDate: string | null; reply: string | null; repliedAt: string | null } | null;
}

export interface Invitation {
  caseId: string;
  caseNumber: string;
  itemName: string;
  departmentName: string;
  stage: Stage;
  dimensionSet: DimensionSet;
  dueAt: string;
}

export interface Task {
  id: string;
  ratingId: string;
  status: TaskStatus;
  deadlineDays: number;
  dueDate: string;
  callback: { note: string | null; at: string | null } | null;
  verification: { note: string | null; at: string | null } | null;
  rectification: { note: string | null; at: string | null } | null;
  reply: { text: string | null; at: string | null } | null;
  overdue: boolean;
  escalatedAt: string | null;
  appeal: { status: 'pending' | 'upheld' | 'rejected'; reason: string | null; at: string | null; decisionNote: string | null; decidedAt: string | null } | null;
  version: number;
  level?: number;
  itemName?: string;
  departmentName?: string;
  caseNumber?: string;
  tags?: string[];
}

export interface Figures {
  total: number;
  valid: number;
  excluded: number;
  defaulted: number;
  byLevel: Record<string, number>;
  byChannel: Record<string, number>;
  satisfactionRate: number | null;
  score: number | null;
  bad: number;
  badRate: number | null;
  tasks: number;
  replied: number;
  repliedOnTime: number;
  onTimeRate: number | null;
}
export interface Ranked {
  key: string | null;
  name: string | null;
  bad: number;
  valid: number;
  badRate: number | null;
}
export interface Report {
  month: string;
  regionCode: string;
  by: string;
  summary: Figures;
  groups: (Figures & { key: string | null; name: string | null })[];
  rankings: { departments: Ranked[]; items: Ranked[] };
  tags: { code: string; name: string; count: number }[];
}

export type GroupBy = 'department' | 'item' | 'hall' | 'window' | 'region' | 'staff';

export const ratings = {
  dictionary: () => api.get<Dictionary>('/api/ratings/dictionary'),
  mine: () => api.get<{ invitations: Invitation[]; ratings: Rating[] }>('/api/ratings/mine'),
  rate: (caseId: string, stage: Stage, content: RatingContent) => api.post<Rating>('/api/ratings', { caseId, stage, channel: 'portal', ...content }),
  linkInvitation: (token: string) =>
    api.get<{ caseNumber: string; itemName: string; departmentName: string; stage: Stage; status: string; dimensionSet: DimensionSet }>(`/api/public/ratings/invitations/${token}`),
  rateByLink: (token: string, content: RatingContent) => api.post<Rating>(`/api/public/ratings/invitations/${token}`, content),
  padWindows: () => api.get<{ items: { id: string; number: string; name: string; hallId: string; hallName: string }[] }>('/api/ratings/pad/windows'),
  padCase: (number: string) => api.get<{ caseId: string; caseNumber: string; itemName: string; finished: boolean; rated: boolean; dimensionSet: DimensionSet }>('/api/ratings/pad/case', { number }),
  rateAtPad: (caseId: string, windowId: string, content: RatingContent) => api.post<Rating>('/api/ratings/assisted', { caseId, windowId, channel: 'hall_pad', ...content }),
  rateByHotline: (caseId: string, content: RatingContent) => api.post<Rating>('/api/ratings/assisted', { caseId, channel: 'hotline', ...content }),
  tasks: (query: { status?: TaskStatus; overdue?: boolean; active?: boolean; appeal?: string; page?: number; pageSize?: number }) =>
    api.get<{ items: Task[]; total: number }>('/api/ratings/tasks', query),
  task: (id: string) => api.get<{ task: Task; rating: Rating }>(`/api/ratings/tasks/${id}`),
  contact: (id: string) => api.get<{ name: string; phone: string | null }>(`/api/ratings/tasks/${id}/contact`),
  act: (id: string, action: TaskAction, version: number, note: string) => api.post<Task>(`/api/ratings/tasks/${id}/actions/${action}`, { version, note }),
  appeal: (id: string, version: number, reason: string) => api.post<Task>(`/api/ratings/tasks/${id}/appeal`, { version, reason }),
  decide: (id: string, version: number, decision: 'upheld' | 'rejected', note: string) =>
    api.post<Task>(`/api/ratings/tasks/${id}/appeal-decision`, { version, decision, note }),
  results: (query: { month: string; regionCode: string; by: GroupBy }) => api.get<Report>('/api/ratings/results', query),
  publicMonthly: (query: { month: string; regionCode: string }) => api.get<Report>('/api/public/ratings/monthly', query),
  exportUrl: (month: string, regionCode: string) => `/api/ratings/results.xlsx?month=${month}&regionCode=${regionCode}`,
};

/** The current month in Beijing time, 'YYYY-MM'. */
export const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);
