import { api } from '../../api/client.ts';

// API shapes come from the payment module's route schemas (type-only: nothing of the server is bundled).
import type { PageResult } from '../../../../src/kernel/api.ts';
import type {
  Channel,
  Discrepancy,
  Notice,
  NoticeCreate,
  NoticeLine,
  PayStarted,
  ReceiptVerification,
  ReconRun,
  Refund,
  RefundCreate,
  ServedUnit,
  UnitTotal,
} from '../../../../src/modules/payment/api.ts';

export type { Channel, Discrepancy, Notice, NoticeLine, ReceiptVerification, ReconRun, Refund, ServedUnit, UnitTotal };

/** 12345 fen → "123.45", without floating point. */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export const payments = {
  channels: () => api.get<{ items: Channel[] }>('/api/payment/channels'),
  notices: (query: Record<string, string | number | undefined>) => api.get<PageResult<Notice>>('/api/payment/notices', query),
  notice: (id: string) => api.get<Notice>(`/api/payment/notices/${id}`),
  /** The collecting units the staff member serves: the notice list's filter offers these. */
  units: () => api.get<{ items: ServedUnit[] }>('/api/payment/units'),
  create: (body: NoticeCreate) => api.post<Notice>('/api/payment/notices', body),
  cancel: (id: string, reason: string) => api.post<Notice>(`/api/payment/notices/${id}/cancel`, { reason }),
  pay: (id: string, channel: string) => api.post<PayStarted>(`/api/payment/notices/${id}/pay`, { channel }),
  receiptPdfUrl: (id: string) => `/api/payment/notices/${id}/receipt.pdf`,
  refunds: (query: Record<string, string | number | undefined>) => api.get<PageResult<Refund>>('/api/payment/refunds', query),
  requestRefund: (body: RefundCreate) => api.post<Refund>('/api/payment/refunds', body),
  decide: (id: string, approve: boolean, note?: string) => api.post<Refund>(`/api/payment/refunds/${id}/decision`, { approve, ...(note ? { note } : {}) }),
  runs: (from: string, to: string) => api.get<{ items: ReconRun[] }>('/api/payment/reconciliation/runs', { from, to }),
  startRun: (channel: string, day: string) => api.post<ReconRun>('/api/payment/reconciliation/runs', { channel, day }),
  discrepancies: (query: Record<string, string | number | undefined>) => api.get<PageResult<Discrepancy>>('/api/payment/reconciliation/discrepancies', query),
  resolve: (id: string, action: string, note: string) => api.post<Discrepancy>(`/api/payment/reconciliation/discrepancies/${id}/resolve`, { action, note }),
  reportXlsxUrl: (from: string, to: string) => `/api/payment/reconciliation/report.xlsx?from=${from}&to=${to}`,
  totals: (from: string, to: string) => api.get<{ items: UnitTotal[] }>('/api/payment/totals', { from, to }),
};
