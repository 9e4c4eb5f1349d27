import { Alert, Button, Card, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import type { FeeLine, WorkflowDetail } from './api.ts';

interface FeeDraft {
  name: string;
  yuan: number | null;
  quantity: number;
}

const toFen = (yuan: number) => Math.round(yuan * 100);

/**
 * What a decision may carry besides the opinion: the reason when it would end a late case (the
 * server refuses a late finish without one) and, at a decision followed by a payment step, the
 * fees assessed (核定) in fen. Returns the fields for approve / disapprove and the inputs to show.
 */
export function useDecisionExtras(detail: WorkflowDetail | undefined) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const [fees, setFees] = useState<FeeDraft[]>([]);
  const c = detail?.case;
  const step = c?.currentStep;
  const can = (a: string) => detail?.actions.includes(a) ?? false;
  const last = Boolean(step && c && step.index === c.steps.length - 1);
  // the server asks for the reason only when the action ends the case
  const finishes = (can('approve') && last) || (can('disapprove') && (last || step?.kind === 'decide'));
  const needsReason = finishes && detail?.colour === 'red' && !c?.overdueReason;
  const beforePayment = Boolean(can('approve') && step?.kind === 'decide' && c?.steps[step.index + 1]?.kind === 'payment');

  const lines: FeeLine[] = fees
    .filter((f) => f.name.trim() && f.yuan !== null && f.yuan >= 0)
    .map((f) => ({ name: f.name.trim(), unitFen: toFen(f.yuan!), quantity: f.quantity }));
  const overdue = needsReason && reason.trim() ? { overdueReason: reason.trim() } : {};
  const approve = { ...overdue, ...(beforePayment && lines.length ? { fees: lines } : {}) };
  const totalFen = lines.reduce((s, l) => s + l.unitFen * l.quantity, 0);
  const update = (i: number, patch: Partial<FeeDraft>) => setFees((all) => all.map((f, n) => (n === i ? { ...f, ...patch } : f)));

  const node = (needsReason || beforePayment) && (
    <>
      {needsReason && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="error" showIcon message={t('casesWorkflow.overdue.required')} />
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('casesWorkflow.overdue.placeholder')}
            maxLength={500}
            autoSize={{ minRows: 1 }}
            data-testid="overdue-reason"
          />
        </Space>
      )}
      {beforePayment && (
        <Card size="small" type="inner" title={t('casesWorkflow.fees.title')} data-testid="fee-lines">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('casesWorkflow.fees.hint')}</Typography.Paragraph>
          {fees.map((f, i) => (
            <Space key={i} wrap style={{ marginBottom: 8 }}>
              <Input value={f.name} onChange={(e) => update(i, { name: e.target.value })} placeholder={t('casesWorkflow.fees.name')} maxLength={200} style={{ width: 200 }} />
              <InputNumber value={f.yuan} onChange={(v) => update(i, { yuan: v })} min={0} max={1_000_000_000} precision={2} placeholder={t('casesWorkflow.fees.unit')} />
              <InputNumber value={f.quantity} onChange={(v) => update(i, { quantity: v ?? 1 })} min={1} max={1_000_000} precision={0} addonBefore="×" />
              <Button type="text" danger onClick={() => setFees((all) => all.filter((_, n) => n !== i))}>✕</Button>
            </Space>
          ))}
          <Space>
            <Button size="small" onClick={() => setFees((all) => [...all, { name: '', yuan: null, quantity: 1 }])}>{t('casesWorkflow.fees.add')}</Button>
            {lines.length > 0 && <span>{t('casesWorkflow.fees.total', { amount: (totalFen / 100).toFixed(2) })}</span>}
          </Space>
        </Card>
      )}
    </>
  );
  return { node, approve, disapprove: overdue, reasonMissing: needsReason && !reason.trim() };
}
