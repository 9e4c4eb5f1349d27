import type { Static } from 'typebox';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

// API shapes of the base libraries, the exchange gateway and the reported uses, from the data
// module's route schemas (type-only: nothing of the server is bundled).
import type {
  CallListQuery,
  CallStats,
  CallStatsQuery,
  DataCall,
  DataIssue,
  DataSystem,
  IssueListQuery,
  IssueReport,
  IssueResolve,
  RecordLoad,
  RecordLoadReport,
  RecordQuality,
  SystemBind,
  SystemChange,
  UseReportAnswer,
  UseReportListQuery,
  UseReportTask,
} from '../../../../src/modules/data/api.ts';

export type { CallStats, DataCall, DataIssue, DataSystem, IssueReport, IssueResolve, RecordLoad, RecordLoadReport, RecordQuality, SystemBind, SystemChange, UseReportTask };
export type IssueQuery = Partial<IssueListQuery>;
export type IssueStatus = DataIssue['status'];
export type IssueSource = DataIssue['source'];
export type RecordFormat = RecordLoad['format'];
export type CallGrouping = CallStatsQuery['by'];
export type CallStatsRow = CallStats['items'][number];
export type CallQuery = Partial<CallListQuery>;
export type CallOutcome = NonNullable<CallListQuery['outcome']>;
export type UseReportStatus = UseReportTask['status'];
export type UseReportQuery = Partial<UseReportListQuery>;
export type UseReportReply = Static<typeof UseReportAnswer>;
export type SystemStatus = DataSystem['status'];

export const ISSUE_STATUSES = Object.keys({ open: true, fixed: true, rejected: true } satisfies Record<IssueStatus, true>) as IssueStatus[];
export const ISSUE_SOURCES = Object.keys({ rule: true, report: true } satisfies Record<IssueSource, true>) as IssueSource[];
export const CALL_OUTCOMES = Object.keys({ ok: true, refused: true } satisfies Record<CallOutcome, true>) as CallOutcome[];
export const USE_REPORT_STATUSES = Object.keys({ open: true, answered: true } satisfies Record<UseReportStatus, true>) as UseReportStatus[];

/** Who binds department systems and answers reported uses (SYSTEM_ROLES of systems.ts, ANSWER_ROLES of ledger.ts). */
export const EXCHANGE_ROLES = ['administrator', 'data_officer'] as const;

const resource = (id: string) => `/api/data/resources/${encodeURIComponent(id)}`;
const system = (clientId: string) => `/api/data/systems/${encodeURIComponent(clientId)}`;

export const dataLibrary = {
  load: (resourceId: string, body: RecordLoad) => api.post<RecordLoadReport>(`${resource(resourceId)}/records`, body),
  quality: (resourceId: string) => api.get<RecordQuality>(`${resource(resourceId)}/quality`),
};

export const dataIssues = {
  list: (query: IssueQuery, signal?: AbortSignal) => api.get<Page<DataIssue>>('/api/data/issues', query, signal),
  report: (body: IssueReport) => api.post<DataIssue>('/api/data/issues', body),
  resolve: (id: string, body: IssueResolve) => api.post<DataIssue>(`/api/data/issues/${encodeURIComponent(id)}/resolve`, body),
};

export const dataSystems = {
  list: () => api.get<{ items: DataSystem[] }>('/api/data/systems'),
  bind: (body: SystemBind) => api.post<DataSystem>('/api/data/systems', body),
  change: (clientId: string, body: SystemChange) => api.put<DataSystem>(system(clientId), body),
  unbind: (clientId: string, version: number) => api.delete(`${system(clientId)}?version=${version}`),
};

export const dataCalls = {
  stats: (query: CallStatsQuery, signal?: AbortSignal) => api.get<CallStats>('/api/data/calls/stats', query, signal),
  list: (query: CallQuery, signal?: AbortSignal) => api.get<Page<DataCall>>('/api/data/calls', query, signal),
};

export const dataUseReports = {
  list: (query: UseReportQuery, signal?: AbortSignal) => api.get<Page<UseReportTask>>('/api/data/use-reports', query, signal),
  answer: (id: string, body: UseReportReply) => api.post<UseReportTask>(`/api/data/use-reports/${encodeURIComponent(id)}/answer`, body),
};
