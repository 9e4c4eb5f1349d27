import { api } from '../../api/client.ts';

export type StaffMessageKind = 'deadline_yellow' | 'deadline_red' | 'assigned' | 'supervised' | 'supervision_overdue' | 'rating_task' | 'rating_escalated';

export interface StaffMessage {
  id: string;
  kind: StaffMessageKind;
  caseId: string | null;
  ref: string | null;
  number: string | null;
  text: string;
  createdAt: string;
  readAt: string | null;
}

/** Fired after messages were marked read, so the bell does not wait for its next poll. */
export const STAFF_MESSAGES_CHANGED = 'staff-messages-changed';

export const staffMessages = {
  list: (query: { page?: number; pageSize?: number; unread?: boolean } = {}) =>
    api.get<{ items: StaffMessage[]; total: number; unread: number }>('/api/staff/messages', query),
  unreadCount: () => api.get<{ unread: number }>('/api/staff/messages/unread-count'),
  async markRead(ids?: string[]) {
    const res = await api.post<{ marked: number; unread: number }>('/api/staff/messages/read', ids ? { ids } : {});
    window.dispatchEvent(new CustomEvent(STAFF_MESSAGES_CHANGED, { detail: res.unread }));
    return res;
  },
};
