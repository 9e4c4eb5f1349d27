import { App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { dataLedger, type DataUse } from './api.ts';

/** The server's limit on a reason (UseReport). */
const REASON_MAX = 500;

/**
 * 提出异议 on one use: the use named again, the reason (required, at most 500 characters). Once
 * sent, or refused (409 `DATA_USE_REPORTED`: reported meanwhile, e.g. in another tab), `onDone`
 * lets the list show the use as it now stands.
 */
export function ReportUseDialog({ use, onClose, onDone }: { use: DataUse | null; onClose(): void; onDone(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<{ reason: string }>();
  const [sending, setSending] = useState(false);

  const send = async ({ reason }: { reason: string }) => {
    if (!use) return;
    setSending(true);
    try {
      await dataLedger.report(use.id, reason.trim());
      message.success(t('dataLedger.reportSent'));
    } catch (err) {
      showError(err);
    } finally {
      setSending(false);
      onDone();
    }
  };

  return (
    <Modal
      open={use !== null}
      title={t('dataLedger.reportTitle')}
      okText={t('dataLedger.reportOk')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: sending, 'data-testid': 'data-use-report-ok' }}
      destroyOnHidden
    >
      {use ? (
        <Typography.Paragraph>
          {use.departmentName}
          {use.system ? ` · ${use.system}` : ''} · {use.resourceName}
          <br />
          <Typography.Text type="secondary">{t('dataLedger.reportHint')}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={send} preserve={false}>
        <Form.Item
          name="reason"
          label={t('dataLedger.reportReason')}
          rules={[{ required: true, whitespace: true, message: t('dataLedger.reasonRequired') }]}
        >
          <Input.TextArea maxLength={REASON_MAX} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid="data-use-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
