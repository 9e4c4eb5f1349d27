import { Form, Radio } from 'antd';
import { useT } from '../../i18n/useT.ts';
import { dataIssues, type DataIssue, type IssueResolve } from './exchange-api.ts';
import { TextModal } from './TextModal.tsx';
import { useChange } from './useChange.ts';

interface Props {
  /** The issue answered; null = closed. */
  issue: DataIssue | null;
  onClose(): void;
  /** Answered, or answered by someone else first (the list reads it again). */
  onResolved(): void;
}

/** 处理 a data issue: fixed (corrected at the source or by a load) or rejected, with the answer the reporter reads. */
export function IssueResolveModal({ issue, onClose, onResolved }: Props) {
  const { t } = useT();
  const change = useChange();
  const resolve = (i: DataIssue, status: IssueResolve['status'], answer: string) =>
    change(() => dataIssues.resolve(i.id, { version: i.version, status, answer }), {
      done: t('data.issue.resolved'),
      stale: ['DATA_ISSUE_CLOSED'],
      staleText: t('data.issue.stale'),
      settled: onResolved,
    });
  return (
    <TextModal
      open={!!issue}
      title={t('data.issue.resolveTitle')}
      hint={issue ? t('data.issue.resolveHint', { key: issue.keyShown, field: issue.fieldName, description: issue.description }) : null}
      label={t('data.issue.answer')}
      required={t('data.issue.answerRequired')}
      okText={t('data.issue.resolve')}
      initial={{ status: 'fixed' }}
      extra={
        <Form.Item name="status" label={t('data.issue.outcome')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'fixed', label: t('data.issue.statuses.fixed') },
              { value: 'rejected', label: t('data.issue.statuses.rejected') },
            ]}
            data-testid="issue-outcome"
          />
        </Form.Item>
      }
      inputTestId="issue-answer"
      okTestId="issue-resolve-submit"
      onCancel={onClose}
      onSubmit={(v) => resolve(issue!, v.status as IssueResolve['status'], v.text)}
    />
  );
}
