import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { identity } from '../../api/identity.ts';
import { useT } from '../../i18n/useT.ts';
import { useFormErrors } from './serverErrors.ts';

interface Values {
  uscc: string;
  name: string;
}

/** 注册企业: the legal representative (实名二级 or higher) registers the enterprise; proven by the registry at once or pending a window. */
export function RegisterEnterpriseModal({ level, onClose, onDone }: { level: number; onClose(): void; onDone(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showFormError = useFormErrors();
  const [saving, setSaving] = useState(false);
  const tooLow = level < 2;

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const done = await identity.registerEnterprise({ uscc: v.uscc.trim().toUpperCase(), name: v.name.trim() });
      if (done.legalRep === 'proven') message.success(t('identity.enterprise.registered'));
      else message.warning(`${t('identity.enterprise.registeredPending')}：${t(`identity.enterprise.pendingReasons.${done.pendingReason ?? 'not_in_registry'}`)}`);
      onDone();
    } catch (err) {
      // the registry's refusals are about the code typed: shown under it
      showFormError(form, err, ['uscc', 'name'], { ENTERPRISE_EXISTS: 'uscc', ENTERPRISE_CLAIM_PENDING: 'uscc', LEGAL_REP_MISMATCH: 'uscc', ENTERPRISE_NOT_ACTIVE: 'uscc' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('identity.enterprise.registerTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: tooLow, loading: saving, 'data-testid': 'enterprise-register-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('identity.enterprise.registerIntro')}</Typography.Paragraph>
      {tooLow ? <Alert type="warning" showIcon title={t('identity.enterprise.levelTooLow', { level })} style={{ marginBottom: 16 }} data-testid="enterprise-level-low" /> : null}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={tooLow} data-testid="enterprise-form">
        <Form.Item name="uscc" label={t('identity.enterprise.uscc')} rules={[{ required: true, pattern: /^\s*[0-9A-HJ-NPQRTUWXY]{18}\s*$/i, message: t('identity.required', { field: t('identity.enterprise.uscc') }) }]}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="name" label={t('identity.enterprise.name')} rules={[{ required: true, whitespace: true, message: t('identity.required', { field: t('identity.enterprise.name') }) }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
