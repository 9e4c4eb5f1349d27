import { api } from '../../api/client.ts';

export interface CaseMessage {
  id: string;
  /** the case, or for a 一件事 the bundle case (then `bundle` is true) */
  caseId: string;
  bundle: boolean;
  number: string | null;
  itemName: string;
  kind: string;
  at: string;
  text: string;
  unread: boolean;
}

export const caseMessages = {
  list: (pageSize = 50) => api.get<{ items: CaseMessage[]; total: number; unread: number }>('/api/cases/messages', { pageSize }),
  markRead: () => api.post<{ readAt: string }>('/api/cases/messages/read'),
};
