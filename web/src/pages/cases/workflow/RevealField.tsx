import { Button, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { workflow } from './api.ts';

/**
 * A personal form value as a handler sees it: masked, with 查看明文 asking why; the server
 * checks the handler, keeps the reason in the audit log and answers the clear value.
 */
export function RevealField({ caseId, field, masked }: { caseId: string; field: string; masked: unknown }) {
  const { t } = useT();
  const showError = useApiError();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [clear, setClear] = useState<string>();

  const submit = async () => {
    setBusy(true);
    try {
      const r = await workflow.reveal(caseId, field, reason.trim());
      setClear(typeof r.value === 'string' ? r.value : JSON.stringify(r.value));
      setOpen(false);
      setReason('');
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  if (clear !== undefined) return <span data-testid={`revealed-${field}`}>{clear}</span>;
  return (
    <Space>
      <span>{String(masked)}</span>
      <Tag>{t('casesWorkflow.reveal.masked')}</Tag>
      <Button size="small" type="link" onClick={() => setOpen(true)} data-testid={`reveal-${field}`}>{t('casesWorkflow.reveal.title')}</Button>
      <Modal
        open={open}
        title={t('casesWorkflow.reveal.title')}
        okText={t('casesWorkflow.reveal.ok')}
        okButtonProps={{ disabled: !reason.trim(), loading: busy }}
        onOk={submit}
        onCancel={() => setOpen(false)}
      >
        <Input.TextArea
          value={reason}
          maxLength={200}
          showCount
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('casesWorkflow.reveal.reason')}
          status={reason && !reason.trim() ? 'error' : undefined}
          data-testid="reveal-reason"
        />
      </Modal>
    </Space>
  );
}
