import { App, DatePicker, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { identity, type ActingOption } from '../../api/identity.ts';
import { useT } from '../../i18n/useT.ts';
import { useFormErrors } from './serverErrors.ts';
import { MOBILE } from './SmsCodeButton.tsx';

interface Values {
  by: 'phone' | 'idNumber';
  phone?: string;
  idNumber?: string;
  scope: 'all' | 'items';
  itemCodes?: string[];
  expiresAt: Dayjs;
  isAdmin?: boolean;
}

/** The server's limit on an authorisation: at most three years ahead. */
const MAX_DAYS = 3 * 365;

/**
 * 授权经办人: name the person by phone or ID number, the scope (all items or listed item
 * codes) and the expiry; only the legal representative may make someone an administrator.
 */
export function GrantAgentModal({ enterprise, onClose, onDone }: { enterprise: ActingOption; onClose(): void; onDone(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showFormError = useFormErrors();
  const [saving, setSaving] = useState(false);
  const by = Form.useWatch('by', form) ?? 'phone';
  const scope = Form.useWatch('scope', form) ?? 'all';

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await identity.grantAgent(enterprise.enterpriseId, {
        ...(v.by === 'phone' ? { phone: v.phone!.trim() } : { idNumber: v.idNumber!.trim().toUpperCase() }),
        scope: v.scope,
        ...(v.scope === 'items' ? { itemCodes: v.itemCodes ?? [] } : {}),
        // the whole chosen day counts
        expiresAt: v.expiresAt.endOf('day').toISOString(),
        ...(enterprise.role === 'legal_rep' ? { isAdmin: !!v.isAdmin } : {}),
      });
      message.success(t('identity.agent.granted'));
      onDone();
    } catch (err) {
      showFormError(form, err, ['phone', 'idNumber', 'itemCodes', 'expiresAt'], { AGENT_PERSON_REQUIRED: v.by, AGENT_IS_SELF: v.by });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('identity.agent.grantTitle', { enterprise: enterprise.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, 'data-testid': 'agent-grant-submit' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ by: 'phone', scope: 'all', expiresAt: dayjs().add(1, 'year'), isAdmin: false }}
        data-testid="agent-form"
      >
        <Form.Item name="by" label={t('identity.agent.who')} extra={t('identity.agent.whoHint')}>
          <Radio.Group optionType="button" options={[{ value: 'phone', label: t('identity.agent.byPhone') }, { value: 'idNumber', label: t('identity.agent.byIdNumber') }]} />
        </Form.Item>
        {by === 'phone' ? (
          <Form.Item name="phone" label={t('identity.field.phone')} rules={[{ required: true, pattern: MOBILE, message: t('identity.phoneInvalid') }]}>
            <Input maxLength={11} inputMode="numeric" />
          </Form.Item>
        ) : (
          <Form.Item name="idNumber" label={t('identity.field.idNumber')} rules={[{ required: true, pattern: /^\s*\d{17}[\dXx]\s*$/, message: t('identity.idNumberInvalid') }]}>
            <Input maxLength={18} />
          </Form.Item>
        )}
        <Form.Item name="scope" label={t('identity.agent.scope')}>
          <Radio.Group options={[{ value: 'all', label: t('identity.agent.scopeAll') }, { value: 'items', label: t('identity.agent.scopeItems') }]} />
        </Form.Item>
        {scope === 'items' ? (
          <Form.Item name="itemCodes" label={t('identity.agent.itemCodes')} extra={t('identity.agent.itemCodesHint')} rules={[{ required: true, type: 'array', min: 1, message: t('identity.required', { field: t('identity.agent.itemCodes') }) }]}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} maxCount={200} />
          </Form.Item>
        ) : null}
        <Form.Item name="expiresAt" label={t('identity.agent.expiresAt')} extra={t('identity.agent.expiresHint')} rules={[{ required: true, message: t('identity.required', { field: t('identity.agent.expiresAt') }) }]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(MAX_DAYS, 'day'), 'day')}
            inputReadOnly
          />
        </Form.Item>
        {enterprise.role === 'legal_rep' ? (
          <Form.Item name="isAdmin" label={t('identity.agent.isAdmin')} extra={t('identity.agent.adminHint')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
