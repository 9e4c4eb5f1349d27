import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

// API shapes come from the hotline module's route schemas (type-only: nothing of the server is bundled).
import type {
  Category,
  Kind,
  Status,
  Ticket,
  TicketCreated,
  TicketInput,
  TicketListQuery,
  TrackedTicket,
} from '../../../../src/modules/hotline/api.ts';

export type { Category, Kind, Status, Ticket, TicketCreated, TicketInput, TrackedTicket };

/** The kinds in the order the forms offer them (the module's KINDS). */
export const KINDS: readonly Kind[] = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'];
/** The statuses in which the ticket is finished for the caller. */
export const FINISHED: readonly Status[] = ['completed', 'closed'];
/** Who works in the 12345 centre (src/modules/hotline/store.ts CENTRE_ROLES). */
export const CENTRE_ROLES = ['hotline_agent', 'administrator'] as const;

const ticket = (id: string, step: string) => `/api/hotline/tickets/${encodeURIComponent(id)}/${step}`;

/** 12345: tickets of the centre, a department or a citizen, their steps, and the public 查询. */
export const hotline = {
  categories: () => api.get<{ items: Category[] }>('/api/hotline/categories'),
  list: (query: Partial<TicketListQuery>, signal?: AbortSignal) => api.get<Page<Ticket>>('/api/hotline/tickets', query, signal),
  get: (id: string) => api.get<Ticket>(`/api/hotline/tickets/${encodeURIComponent(id)}`),
  create: (input: TicketInput) => api.post<TicketCreated>('/api/hotline/tickets', input),
  dispatch: (t: Ticket, departmentId: string) => api.post<Ticket>(ticket(t.id, 'dispatch'), { version: t.version, departmentId }),
  /** 直接答复, from a knowledge-base article when one was used */
  answer: (t: Ticket, reply: string, articleId?: string) =>
    api.post<Ticket>(ticket(t.id, 'answer'), { version: t.version, reply, ...(articleId ? { articleId } : {}) }),
  accept: (t: Ticket) => api.post<Ticket>(ticket(t.id, 'accept'), { version: t.version }),
  giveBack: (t: Ticket, reason: string) => api.post<Ticket>(ticket(t.id, 'return'), { version: t.version, reason }),
  complete: (t: Ticket, reply: string) => api.post<Ticket>(ticket(t.id, 'complete'), { version: t.version, reply }),
  track: (number: string, code: string) => api.get<TrackedTicket>('/api/hotline/track', { number, code }),
};
