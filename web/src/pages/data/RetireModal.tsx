import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/useT.ts';

interface Props {
  open: boolean;
  name: string;
  onCancel(): void;
  /** Resolves when the resource is retired (the modal closes), rejects to keep it open. */
  onRetire(reason: string): Promise<void>;
}

/** 停止共享 asks why: the reason is kept in the resource's history. */
export function RetireModal({ open, name, onCancel, onRetire }: Props) {
  const { t } = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await onRetire(v.reason.trim());
      form.resetFields();
    } catch {
      // the caller reported it
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('data.actions.retireTitle', { name })}
      okText={t('data.actions.retire')}
      cancelText={t('data.actions.cancel')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'retire-confirm' } as ButtonProps}
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('data.actions.retireHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label={t('data.actions.retireReason')} rules={[{ required: true, whitespace: true, message: t('data.actions.retireReasonRequired') }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="retire-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
