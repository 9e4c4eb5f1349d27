import { api } from '../../api/client.ts';

export interface NoticeLine {
  lineNo: number;
  name: string;
  unitFen: number;
  quantity: number;
  reductionFen: number;
  reductionBasis: string | null;
  amountFen: number;
}

export interface Notice {
  id: string;
  code: string;
  caseId: string | null;
  itemCode: string | null;
  payerPersonId: string | null;
  payerName: string;
  departmentId: string;
  departmentName: string;
  amountFen: number;
  dueDate: string;
  status: 'unpaid' | 'paid' | 'cancelled' | 'refunded';
  overdue: boolean;
  paidAt: string | null;
  paidChannel: string | null;
  refundedFen: number;
  createdAt: string;
  lines: NoticeLine[];
  receipt: { id: string; receiptCode: string; receiptNumber: string; checkCode: string } | null;
}

export interface Refund {
  id: string;
  noticeId: string;
  noticeCode: string;
  payerName: string;
  departmentName: string;
  channel: string;
  amountFen: number;
  reason: string;
  origin: string;
  status: 'requested' | 'approved' | 'rejected' | 'sent' | 'done' | 'failed';
  requestedBy: string | null;
  decidedBy: string | null;
  failure: string | null;
  createdAt: string;
}

export interface ReconRun {
  id: string;
  channel: string;
  day: string;
  status: string;
  statementLines: number;
  matched: number;
  missingOurs: number;
  missingChannel: number;
  amountMismatch: number;
  error: string | null;
}

export interface Discrepancy {
  id: string;
  channel: string;
  day: string;
  kind: 'missing_ours' | 'missing_channel' | 'amount_mismatch';
  channelTxnId: string;
  paymentCode: string | null;
  ourFen: number | null;
  channelFen: number | null;
  departmentName: string | null;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolutionNote: string | null;
  actions: ('record_payment' | 'report_to_channel' | 'write_off')[];
}

export interface UnitTotal {
  departmentId: string;
  departmentName: string;
  noticesIssued: number;
  issuedFen: number;
  paid: number;
  paidFen: number;
  paidOnline: number;
  refundedFen: number;
}

export interface Channel {
  code: string;
  name: string;
  signature: string;
}

interface Page<T> {
  items: T[];
  total: number;
}

/** 12345 fen → "123.45", without floating point. */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export const payments = {
  channels: () => api.get<{ items: Channel[] }>('/api/payment/channels'),
  notices: (query: Record<string, string | number | undefined>) => api.get<Page<Notice>>('/api/payment/notices', query),
  notice: (id: string) => api.get<Notice>(`/api/payment/notices/${id}`),
  create: (body: unknown) => api.post<Notice>('/api/payment/notices', body),
  cancel: (id: string, reason: string) => api.post<Notice>(`/api/payment/notices/${id}/cancel`, { reason }),
  pay: (id: string, channel: string) => api.post<{ orderId: string; payUrl: string }>(`/api/payment/notices/${id}/pay`, { channel }),
  receiptPdfUrl: (id: string) => `/api/payment/notices/${id}/receipt.pdf`,
  refunds: (query: Record<string, string | number | undefined>) => api.get<Page<Refund>>('/api/payment/refunds', query),
  requestRefund: (body: { noticeId: string; amountFen: number; reason: string }) => api.post<Refund>('/api/payment/refunds', body),
  decide: (id: string, approve: boolean, note?: string) => api.post<Refund>(`/api/payment/refunds/${id}/decision`, { approve, ...(note ? { note } : {}) }),
  runs: (from: string, to: string) => api.get<{ items: ReconRun[] }>('/api/payment/reconciliation/runs', { from, to }),
  startRun: (channel: string, day: string) => api.post<ReconRun>('/api/payment/reconciliation/runs', { channel, day }),
  discrepancies: (query: Record<string, string | number | undefined>) => api.get<Page<Discrepancy>>('/api/payment/reconciliation/discrepancies', query),
  resolve: (id: string, action: string, note: string) => api.post<Discrepancy>(`/api/payment/reconciliation/discrepancies/${id}/resolve`, { action, note }),
  reportXlsxUrl: (from: string, to: string) => `/api/payment/reconciliation/report.xlsx?from=${from}&to=${to}`,
  totals: (from: string, to: string) => api.get<{ items: UnitTotal[] }>('/api/payment/totals', { from, to }),
};
