import { api } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

// API shapes come from the data module's route schemas (type-only: nothing of the server is bundled).
import type { DataUse, DataUseQuery } from '../../../../src/modules/data/api.ts';

export type { DataUse };
export type DataUseKind = DataUse['kind'];

/** The kinds of use, in the order the filter offers them (the module's USE_KINDS). */
export const DATA_USE_KINDS: readonly DataUseKind[] = ['gateway', 'export', 'prefill', 'material', 'licence', 'reveal'];

/** 我的数据使用记录: the signed-in person's own ledger, and a report (异议) on one use. */
export const dataLedger = {
  mine: (query: Partial<DataUseQuery>, signal?: AbortSignal) => api.get<Page<DataUse>>('/api/my/data-uses', query, signal),
  report: (id: string, reason: string) => api.post<DataUse>(`/api/my/data-uses/${id}/report`, { reason }),
};
