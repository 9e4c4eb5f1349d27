import { App, Button, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { dataDemands, type Demand } from './demandApi.ts';
import { isStale, placeDemandError } from './demandErrors.ts';

interface Values {
  satisfied: boolean;
  note?: string;
}

interface Props {
  demand: Demand;
  onConfirmed(next: Demand): void;
  onStale(err: unknown): void;
}

/** The requester says, once, whether the answer met its need (数据共享需求满足率). */
export function ConfirmForm({ demand, onConfirmed, onStale }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      onConfirmed(await dataDemands.confirm(demand.id, { version: demand.version, satisfied: v.satisfied, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }));
      message.success(t('data.confirm.done'));
    } catch (err) {
      if (isStale(err)) onStale(err);
      else if (!placeDemandError(form, err, ['satisfied', 'note'])) showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" requiredMark={false} data-testid="confirm-form">
      <Typography.Paragraph type="secondary">{t('data.confirm.hint')}</Typography.Paragraph>
      <Form.Item name="satisfied" label={t('data.confirm.question')} rules={[{ required: true, message: t('data.confirm.required') }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: t('data.demand.satisfied') },
            { value: false, label: t('data.demand.unsatisfied') },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label={t('data.confirm.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('data.confirm.noteHint')} data-testid="confirm-note" />
      </Form.Item>
      <Button type="primary" loading={busy} onClick={confirm} data-testid="confirm-submit">
        {t('data.confirm.submit')}
      </Button>
    </Form>
  );
}
