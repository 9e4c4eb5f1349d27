import { api } from '../../api/client.ts';

import type { StaffMessagePage, StaffMessagesRead } from '../../../../src/modules/org/api.ts';

export type { StaffMessage, StaffMessageKind } from '../../../../src/modules/org/api.ts';

/** Fired after messages were marked read, so the bell does not wait for its next poll. */
export const STAFF_MESSAGES_CHANGED = 'staff-messages-changed';

export const staffMessages = {
  list: (query: { page?: number; pageSize?: number; unread?: boolean } = {}) =>
    api.get<StaffMessagePage>('/api/staff/messages', query),
  unreadCount: () => api.get<{ unread: number }>('/api/staff/messages/unread-count'),
  async markRead(ids?: string[]) {
    const res = await api.post<StaffMessagesRead>('/api/staff/messages/read', ids ? { ids } : {});
    window.dispatchEvent(new CustomEvent(STAFF_MESSAGES_CHANGED, { detail: res.unread }));
    return res;
  },
};
