import { api } from '../../api/client.ts';

// The shapes are the cases module's route schemas' (type-only: nothing of the server is bundled).
import type { CaseMessages } from '../../../../src/modules/cases/api.ts';

export type { CaseMessage } from '../../../../src/modules/cases/api.ts';

export const caseMessages = {
  list: (pageSize = 50) => api.get<CaseMessages>('/api/cases/messages', { pageSize }),
  markRead: () => api.post<{ readAt: string }>('/api/cases/messages/read'),
};
