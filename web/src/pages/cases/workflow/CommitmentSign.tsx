import { Alert, Card, Checkbox, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { WorkflowDetail } from './api.ts';
import { dateTime } from '../../../app/city-time.ts';

/**
 * 告知承诺书: before submitting a commitment item the applicant reads the statement and ticks
 * "我已阅读并承诺"; once submitted the case shows that it was signed and the later verification.
 */
export function CommitmentSign({ detail, agreed, onAgree, editable }: { detail: WorkflowDetail; agreed: boolean; onAgree: (v: boolean) => void; editable: boolean }) {
  const { t } = useT();
  const text = detail.item.commitment;
  const signed = detail.case.commitment;
  if (!text) return null;
  const check = detail.commitmentCheck;
  return (
    <Card title={t('casesWorkflow.commitment.title')} style={{ marginBottom: 12 }} data-testid="commitment">
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 6 }} data-testid="commitment-text">
        {text}
      </Typography.Paragraph>
      {signed ? (
        <Alert
          type="success"
          showIcon
          message={`${t('casesWorkflow.commitment.signed')} ${dateTime(signed.signedAt)}`}
          description={check && checkText(t, check)}
        />
      ) : (
        editable && (
          <Checkbox checked={agreed} onChange={(e) => onAgree(e.target.checked)} data-testid="commitment-agree">
            {t('casesWorkflow.commitment.agree')}
          </Checkbox>
        )
      )}
    </Card>
  );
}

type Check = NonNullable<WorkflowDetail['commitmentCheck']>;

/** The verification in words: when it is due, or what it found. */
function checkText(t: ReturnType<typeof useT>['t'], check: Check): string {
  if (!check.result) return t('casesWorkflow.commitment.check', { due: check.due });
  return t('casesWorkflow.commitment.checkResult', { result: t(check.result === 'kept' ? 'casesWorkflow.checks.kept' : 'casesWorkflow.checks.broken') });
}

/**
 * The status card's line for a case decided on the applicant's commitment (告知承诺制): the
 * verification still to come, or what it found. A commitment found untrue costs the applicant the
 * licence, so this is not left in the folded form section.
 */
export function CommitmentStatus({ check }: { check: WorkflowDetail['commitmentCheck'] }) {
  const { t } = useT();
  if (!check) return null;
  const type = !check.result ? 'info' : check.result === 'kept' ? 'success' : 'error';
  return <Alert type={type} showIcon data-testid="commitment-status" message={t('casePage.commitment', { check: checkText(t, check) })} />;
}
