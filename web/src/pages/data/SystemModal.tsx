import { App, Form, Input, InputNumber, Modal, Typography, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import { placeDemandError } from './demandErrors.ts';
import { dataSystems, type DataSystem } from './exchange-api.ts';

interface Values {
  clientId: string;
  departmentId: string;
  rateLimit: number;
}
const INPUTS = ['clientId', 'departmentId', 'rateLimit'];
/** What the server gives a system bound without a rate (systems.ts). */
const DEFAULT_RATE = 50;

interface Props {
  /** 'bind' a new system, a bound one to change its rate limit, or null = closed. */
  editing: 'bind' | DataSystem | null;
  onClose(): void;
  onSaved(system: DataSystem): void;
  /** Someone else changed or unbound it first: read the list again. */
  onStale(): void;
}

/** 绑定 a department system (an OIDC client of client credentials) to its department, or change its rate limit. */
export function SystemModal({ editing, onClose, onSaved, onStale }: Props) {
  const { t } = useT();
  const { message, notification } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const bound = editing && editing !== 'bind' ? editing : null;
  useEffect(() => {
    if (editing) form.setFieldsValue(bound ? { rateLimit: bound.rateLimit } : { clientId: '', departmentId: undefined, rateLimit: DEFAULT_RATE });
  }, [editing, bound, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      const saved = bound
        ? await dataSystems.change(bound.clientId, { version: bound.version, status: bound.status, rateLimit: v.rateLimit })
        : await dataSystems.bind({ clientId: v.clientId.trim(), departmentId: v.departmentId, rateLimit: v.rateLimit });
      message.success(t(bound ? 'data.system.changed' : 'data.system.bound'));
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        notification.warning({ title: err.message || t('error.title'), description: t('error.versionConflict') });
        onStale();
      } else if (!placeDemandError(form, err, INPUTS)) showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!editing}
      title={bound ? t('data.system.rateTitle', { name: bound.clientName }) : t('data.system.bindTitle')}
      okText={bound ? t('data.actions.save') : t('data.system.bind')}
      cancelText={t('data.actions.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'system-save' } as ButtonProps}
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} requiredMark={false} data-testid="system-form">
        {bound ? (
          <Typography.Paragraph type="secondary">{t('data.system.rateHint', { department: bound.departmentName })}</Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('data.system.bindHint')}</Typography.Paragraph>
            <Form.Item
              name="clientId"
              label={t('data.system.clientId')}
              rules={[
                { required: true, whitespace: true, message: t('data.system.clientIdRequired') },
                { pattern: /^[a-z0-9][a-z0-9-]{1,62}$/, message: t('data.system.clientIdPattern') },
              ]}
            >
              <Input maxLength={63} autoComplete="off" placeholder="rsj-ywxt" data-testid="system-client-id" />
            </Form.Item>
            <Form.Item name="departmentId" label={t('data.system.department')} rules={[{ required: true, message: t('data.system.departmentRequired') }]}>
              <DepartmentSelect style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="rateLimit" label={t('data.system.rateLimit')} extra={t('data.system.rateLimitHint')} rules={[{ required: true, message: t('data.system.rateLimitRequired') }]}>
          <InputNumber min={1} max={100_000} precision={0} style={{ width: 200 }} suffix={t('data.system.perSecond')} data-testid="system-rate" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
