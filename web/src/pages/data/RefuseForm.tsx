import { Button, Form, Input } from 'antd';
import { useT } from '../../i18n/useT.ts';

export interface RefuseValues {
  reason: string;
}

interface Props {
  form: ReturnType<typeof Form.useForm<RefuseValues>>[0];
  busy: boolean;
  onRefuse(): void;
}

/** 不同意: the reason the requester reads. */
export function RefuseForm({ form, busy, onRefuse }: Props) {
  const { t } = useT();
  return (
    <Form form={form} layout="vertical" requiredMark={false} data-testid="refuse-form">
      <Form.Item name="reason" label={t('data.answer.reason')} rules={[{ required: true, whitespace: true, message: t('data.answer.reasonRequired') }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 3, maxRows: 6 }} placeholder={t('data.answer.reasonHint')} data-testid="refuse-reason" />
      </Form.Item>
      <Button danger type="primary" loading={busy} onClick={onRefuse} data-testid="refuse-submit">
        {t('data.answer.refuse')}
      </Button>
    </Form>
  );
}
