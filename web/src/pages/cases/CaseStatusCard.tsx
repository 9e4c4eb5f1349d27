import { Alert, Button, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { materialKey, type CaseDetail } from './api.ts';
import { CaseDeadlines } from './CaseDeadlines.tsx';
import { StatusTag } from './CaseTimeline.tsx';
import { nextStep } from './nextStep.ts';
import { CommitmentStatus } from './workflow/CommitmentSign.tsx';
import { RunningSpecial } from './workflow/SpecialProcedures.tsx';

/** Where the primary action of a next step takes the applicant on the page. */
export type CaseSection = 'form' | 'results';

/**
 * The top of the applicant's case page: where the case is (status, current step, number, its
 * deadlines with their names) and what the applicant must do next, with that as the one primary
 * button. On a phone all of it fits the first screen; the result, the progress and the submitted
 * form follow below.
 */
export function CaseStatusCard({ detail, onGo, extra }: { detail: CaseDetail; onGo: (section: CaseSection) => void; extra?: ReactNode }) {
  const { t } = useT();
  const c = detail.case;
  const next = nextStep(detail);
  const materialName = (key: string) => detail.item.materials.find((m, i) => materialKey(m, i) === key)?.name ?? key;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="case-status-card">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <StatusTag status={c.status} outcome={c.outcome} />
          {c.currentStep && c.status === 'processing' && <Typography.Text>{t('casePage.atStep', { step: c.currentStep.name })}</Typography.Text>}
        </Space>
        <Space wrap size={[12, 0]}>
          {c.number && <Typography.Text copyable data-testid="case-number">{c.number}</Typography.Text>}
          {detail.queryCode && <Typography.Text type="secondary">{t('cases.queryCode')}: <span data-testid="query-code">{detail.queryCode}</span></Typography.Text>}
        </Space>
        <CaseDeadlines c={c} colour={detail.colour} />
        {c.specialProcedure && <RunningSpecial special={c.specialProcedure} />}
        <CommitmentStatus check={detail.commitmentCheck} />
        <div data-testid={`next-step-${next}`} style={{ background: '#f6f8fb', borderRadius: 6, padding: 10 }}>
          <Typography.Text strong>{t('casePage.next.title')}</Typography.Text>
          <Typography.Paragraph style={{ margin: '4px 0 8px' }}>{next === 'pay' ? t('casesWorkflow.payment.text') : t(`casePage.next.${next}` as MessageKey, { step: c.currentStep?.name ?? '', due: c.deferred?.due ?? '' })}</Typography.Paragraph>
          {next === 'correct' && c.correction && (
            <Alert
              type="warning"
              style={{ marginBottom: 8 }}
              data-testid="correction-list"
              message={t('cases.correction.title')}
              description={<ul style={{ margin: 0, paddingLeft: 18 }}>{c.correction.items.map((i, n) => <li key={n}>{i.materialKey ? `${materialName(i.materialKey)}: ` : ''}{i.note}</li>)}</ul>}
            />
          )}
          <NextAction detail={detail} onGo={onGo} />
        </div>
        {extra}
      </Space>
    </Card>
  );
}

/** The next step's one primary button: to the fee notice, to the form and materials, or to the result. */
function NextAction({ detail, onGo }: { detail: CaseDetail; onGo: (section: CaseSection) => void }) {
  const { t } = useT();
  const next = nextStep(detail);
  if (next === 'pay') {
    return (
      <div data-testid="payment-step">
        <Link to={`/payments/${detail.case.feeNoticeId}`}>
          <Button type="primary" block data-testid="pay-notice">{t('casesWorkflow.payment.pay')}</Button>
        </Link>
      </div>
    );
  }
  if (next === 'fill' || next === 'correct' || next === 'deferred') {
    return <Button type="primary" block onClick={() => onGo('form')} data-testid="next-action">{t(`casePage.action.${next}`)}</Button>;
  }
  if (next === 'collect' || next === 'decision') {
    return <Button type="primary" block onClick={() => onGo('results')} data-testid="next-action">{t(`casePage.action.${next}`)}</Button>;
  }
  return null;
}
