import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Modal, Space, Spin, Typography, Upload, type ButtonProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useErrorText } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { LoadErrorsTable, type LoadError } from './LoadErrorsTable.tsx';

/** What a check or a load answers: all or nothing, with the errors that stopped it. */
export interface DryRunReport {
  ok: boolean;
  dryRun: boolean;
  errors: LoadError[];
}

interface Props<R extends DryRunReport> {
  open: boolean;
  title: string;
  hint: ReactNode;
  /** The file types offered ('.csv,.xlsx'). */
  accept: string;
  /** Checks the file (`dryRun`) or stores it. */
  run(file: File, dryRun: boolean): Promise<R>;
  /** What a report says besides its errors (rows, records, resources). */
  summary(report: R): ReactNode;
  okText: string;
  /** What the verdict says: the check passed, or found `n` errors and nothing was stored. */
  checkedText: string;
  failedText(n: number): string;
  /** The message once stored. */
  doneText(report: R): string;
  testId: string;
  onClose(): void;
  /** Stored: the caller closes the modal and shows the change. */
  onDone(report: R): void;
}

/**
 * Loading a file in two steps: the file chosen is checked first (a dry run: nothing stored) and
 * the report shown, every error at its row and column; only a clean check may then be stored.
 */
export function DryRunModal<R extends DryRunReport>({ open, title, hint, accept, run, summary, okText, checkedText, failedText, doneText, testId, onClose, onDone }: Props<R>) {
  const { t } = useT();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<R>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState<'check' | 'store'>();
  useEffect(() => {
    if (!open) return;
    setFile(undefined);
    setReport(undefined);
    setFailure(undefined);
  }, [open]);

  const attempt = async (chosen: File, dryRun: boolean) => {
    setBusy(dryRun ? 'check' : 'store');
    setFailure(undefined);
    try {
      const answer = await run(chosen, dryRun);
      if (!dryRun && answer.ok) {
        message.success(doneText(answer));
        onDone(answer);
      } else setReport(answer);
    } catch (err) {
      setReport(undefined);
      setFailure(err);
    } finally {
      setBusy(undefined);
    }
  };
  const choose = (chosen: File) => {
    setFile(chosen);
    setReport(undefined);
    void attempt(chosen, true);
    return false;
  };

  return (
    <Modal
      open={open}
      title={title}
      width={760}
      okText={okText}
      cancelText={t('data.actions.cancel')}
      okButtonProps={{ disabled: !file || !report?.ok || busy === 'check', loading: busy === 'store', 'data-testid': `${testId}-submit` } as ButtonProps}
      onOk={() => file && attempt(file, false)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid={testId}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {hint}
        </Typography.Paragraph>
        <Upload.Dragger accept={accept} maxCount={1} showUploadList={false} beforeUpload={choose} disabled={!!busy} data-testid={`${testId}-file`}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : t('data.load.choose')}</p>
          <p className="ant-upload-hint">{file ? t('data.load.chooseAgain') : t('data.load.chooseHint', { types: accept.replaceAll(',', ' ') })}</p>
        </Upload.Dragger>
        {busy === 'check' ? <Spin description={t('data.load.checking')} /> : null}
        {failure ? <Alert type="error" showIcon title={errorText(failure)} data-testid={`${testId}-failure`} /> : null}
        {report ? (
          <>
            <Alert
              type={report.ok ? 'success' : 'error'}
              showIcon
              data-testid={`${testId}-verdict`}
              title={report.ok ? checkedText : failedText(report.errors.length)}
            />
            {summary(report)}
            {report.errors.length ? <LoadErrorsTable errors={report.errors} /> : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
