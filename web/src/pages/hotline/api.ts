import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

// API shapes come from the hotline module's route schemas (type-only: nothing of the server is bundled).
import type {
  CallbackResult,
  Category,
  HotIssue,
  HotlineReport,
  Kind,
  PeriodQuery,
  DuplicateCandidate,
  DuplicateQuery,
  Photo,
  Status,
  Ticket,
  TicketCreated,
  TicketInput,
  TicketListQuery,
  TrackedTicket,
} from '../../../../src/modules/hotline/api.ts';

export type {
  CallbackResult,
  Category,
  DuplicateCandidate,
  HotIssue,
  HotlineReport,
  Kind,
  Photo,
  Status,
  Ticket,
  TicketCreated,
  TicketInput,
  TicketListQuery,
  TrackedTicket,
};

/** The kinds in the order the forms offer them (the module's KINDS). */
export const KINDS: readonly Kind[] = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'];
/** The statuses in which the ticket is finished for the caller. */
export const FINISHED: readonly Status[] = ['completed', 'closed', 'merged'];
/** Photos one request may carry (src/modules/hotline/photos.ts MAX_PHOTOS, MAX_PHOTO_BYTES). */
export const MAX_PHOTOS = 4;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** 回访 results in the order the agent picks them (the module's CALLBACK_RESULTS). */
export const CALLBACK_RESULTS: readonly CallbackResult[] = ['satisfied', 'basic', 'unsatisfied'];
export type HandlingStep =
  'extend-request' | 'extend-approve' | 'extend-refuse' | 'supervise' | 'supervise-reply' | 'reopen' | 'callback' | 'onsite';
/** Who works in the 12345 centre (src/modules/hotline/store.ts CENTRE_ROLES). */
export const CENTRE_ROLES = ['hotline_agent', 'administrator'] as const;

const ticket = (id: string, step: string) => `/api/hotline/tickets/${encodeURIComponent(id)}/${step}`;

/** 12345: tickets of the centre, a department or a citizen, their steps, and the public 查询. */
export const hotline = {
  categories: () => api.get<{ items: Category[] }>('/api/hotline/categories'),
  list: (query: Partial<TicketListQuery>, signal?: AbortSignal) => api.get<Page<Ticket>>('/api/hotline/tickets', query, signal),
  get: (id: string) => api.get<Ticket>(`/api/hotline/tickets/${encodeURIComponent(id)}`),
  create: (input: TicketInput) => api.post<TicketCreated>('/api/hotline/tickets', input),
  /** 派单; a text to 12345 is classified as it goes (category and kind) */
  dispatch: (t: Ticket, departmentId: string, classified: { categoryCode?: string; kind?: Kind } = {}) =>
    api.post<Ticket>(ticket(t.id, 'dispatch'), { version: t.version, departmentId, ...classified }),
  merge: (t: Ticket, intoId: string) => api.post<Ticket>(ticket(t.id, 'merge'), { version: t.version, intoId }),
  duplicates: (query: DuplicateQuery) => api.post<{ items: DuplicateCandidate[] }>('/api/hotline/tickets/duplicates', query),
  photoUrl: (t: Ticket, p: Photo) => `/api/hotline/tickets/${encodeURIComponent(t.id)}/photos/${encodeURIComponent(p.id)}`,
  /** 直接答复, from a knowledge-base article when one was used */
  answer: (t: Ticket, reply: string, articleId?: string) =>
    api.post<Ticket>(ticket(t.id, 'answer'), { version: t.version, reply, ...(articleId ? { articleId } : {}) }),
  accept: (t: Ticket) => api.post<Ticket>(ticket(t.id, 'accept'), { version: t.version }),
  giveBack: (t: Ticket, reason: string) => api.post<Ticket>(ticket(t.id, 'return'), { version: t.version, reason }),
  complete: (t: Ticket, reply: string) => api.post<Ticket>(ticket(t.id, 'complete'), { version: t.version, reply }),
  /** the steps after 签收 (延期, 督办, 重办, 回访): `POST …/<step>` with the version read and the step's fields */
  handle: (t: Ticket, step: HandlingStep, body: Record<string, unknown>) =>
    api.post<Ticket>(ticket(t.id, step), { version: t.version, ...body }),
  track: (number: string, code: string) => api.get<TrackedTicket>('/api/hotline/track', { number, code }),
};

/** A report's period as the page holds it: day or week always chosen, the date the server's today until picked. */
export type ReportPeriod = Required<Pick<PeriodQuery, 'period'>> & Pick<PeriodQuery, 'date'>;
const periodQuery = (p: ReportPeriod) => ({ period: p.period, ...(p.date ? { date: p.date } : {}) });

/** 12345 报表: the day's or week's figures (the server's today when no date is given) and the same as a workbook. */
export const hotlineReports = {
  get: (p: ReportPeriod, signal?: AbortSignal) => api.get<HotlineReport>('/api/hotline/reports', periodQuery(p), signal),
  xlsxUrl: (p: ReportPeriod) => `/api/hotline/reports?${new URLSearchParams({ ...periodQuery(p), format: 'xlsx' }).toString()}`,
};
