import { api } from '../../api/client.ts';

// API shapes come from the ratings module's route schemas (type-only: nothing of the server is bundled).
import type {
  Dictionary,
  LinkInvitation,
  Mine,
  PadCase,
  PadWindow,
  RatingContent,
  RatingReport as Report,
  RatingView as Rating,
  GroupBy,
  TaskAction,
  TaskDetail,
  TaskList,
  TaskStatus,
  TaskView as Task,
} from '../../../../src/modules/ratings/api.ts';

export type { Figures, Invitation, MyRating, Ranked, RatingSettings, TaskRow } from '../../../../src/modules/ratings/api.ts';
export type { Dictionary, GroupBy, LinkInvitation, Rating, RatingContent, Report, Task, TaskAction, TaskStatus };
export type Stage = Rating['stage'];
export type DimensionSet = PadCase['dimensionSet'];

export const ratings = {
  dictionary: () => api.get<Dictionary>('/api/ratings/dictionary'),
  mine: () => api.get<Mine>('/api/ratings/mine'),
  rate: (caseId: string, stage: Stage, content: RatingContent) => api.post<Rating>('/api/ratings', { caseId, stage, channel: 'portal', ...content }),
  linkInvitation: (token: string) =>
    api.get<LinkInvitation>(`/api/public/ratings/invitations/${token}`),
  rateByLink: (token: string, content: RatingContent) => api.post<Rating>(`/api/public/ratings/invitations/${token}`, content),
  padWindows: () => api.get<{ items: PadWindow[] }>('/api/ratings/pad/windows'),
  padCase: (number: string) => api.get<PadCase>('/api/ratings/pad/case', { number }),
  rateAtPad: (caseId: string, windowId: string, content: RatingContent) => api.post<Rating>('/api/ratings/assisted', { caseId, windowId, channel: 'hall_pad', ...content }),
  rateByHotline: (caseId: string, content: RatingContent) => api.post<Rating>('/api/ratings/assisted', { caseId, channel: 'hotline', ...content }),
  tasks: (query: { status?: TaskStatus; overdue?: boolean; active?: boolean; appeal?: string; page?: number; pageSize?: number }) =>
    api.get<TaskList>('/api/ratings/tasks', query),
  task: (id: string) => api.get<TaskDetail>(`/api/ratings/tasks/${id}`),
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
