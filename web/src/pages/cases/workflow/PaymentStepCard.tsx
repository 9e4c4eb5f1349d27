import { Button, Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../../i18n/useT.ts';
import type { WorkflowCase } from './api.ts';

/** 待缴费: the case waits at its payment step for the fee notice to be paid. */
export function PaymentStepCard({ c }: { c: WorkflowCase }) {
  const { t } = useT();
  if (c.currentStep?.kind !== 'payment' || !c.feeNoticeId) return null;
  return (
    <Card
      size="small"
      title={t('casesWorkflow.payment.title')}
      style={{ marginBottom: 12, borderColor: '#faad14' }}
      data-testid="payment-step"
    >
      <Typography.Paragraph>{t('casesWorkflow.payment.text')}</Typography.Paragraph>
      <Link to={`/payments/${c.feeNoticeId}`}>
        <Button type="primary" block data-testid="pay-notice">{t('casesWorkflow.payment.pay')}</Button>
      </Link>
    </Card>
  );
}
