import { LoginOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { signInUrl } from '../../api/auth.ts';
import { identity } from '../../api/identity.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/useT.ts';
import './identity.css';
import { checkPassword, passwordOk } from './passwordPolicy.ts';
import { PasswordStrength } from './PasswordStrength.tsx';
import { useFormErrors } from './serverErrors.ts';
import { MOBILE, SmsCodeButton } from './SmsCodeButton.tsx';

interface Values {
  phone: string;
  code: string;
  password: string;
  confirm: string;
}

/** 找回密码 /reset-password: a code sent to the registered phone allows a new password. */
export default function ResetPasswordPage() {
  const { t } = useT();
  const [form] = Form.useForm<Values>();
  const showFormError = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  const password = Form.useWatch('password', form) ?? '';
  const phone = Form.useWatch('phone', form);
  const check = checkPassword(password, phone ? [phone] : []);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await identity.resetPassword({ phone: v.phone.trim(), code: v.code.trim(), password: v.password });
      setDone(true);
    } catch (err) {
      showFormError(form, err, ['phone', 'code', 'password'], { SMS_CODE_INVALID: 'code', PASSWORD_WEAK: 'password' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="portal-container identity-narrow">
      <PageTitle>{t('identity.reset.title')}</PageTitle>
      <Card variant="borderless" className="identity-card" data-testid="reset-page">
        {done ? (
          <Result
            status="success"
            title={t('identity.reset.done')}
            subTitle={t('identity.reset.doneText')}
            extra={
              <Button type="primary" size="large" icon={<LoginOutlined />} href={signInUrl('/me/security')} data-testid="reset-sign-in">
                {t('identity.reset.signIn')}
              </Button>
            }
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('identity.reset.intro')}</Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="reset-form">
              <Form.Item name="phone" label={t('identity.field.phone')} rules={[{ required: true, pattern: MOBILE, message: t('identity.phoneInvalid') }]}>
                <Input maxLength={11} inputMode="numeric" autoComplete="tel" placeholder={t('identity.placeholder.phone')} />
              </Form.Item>
              <Form.Item label={t('identity.field.code')} required>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="code" noStyle rules={[{ required: true, message: t('identity.required', { field: t('identity.field.code') }) }]}>
                    <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" placeholder={t('identity.placeholder.code')} aria-label={t('identity.field.code')} />
                  </Form.Item>
                  <SmsCodeButton form={form} purpose="reset" />
                </Space.Compact>
              </Form.Item>
              <Form.Item
                name="password"
                label={t('identity.field.newPassword')}
                extra={<PasswordStrength check={check} />}
                dependencies={['phone']}
                rules={[
                  { required: true, message: t('identity.required', { field: t('identity.field.newPassword') }) },
                  ({ getFieldValue }) => ({
                    // judged on the value being validated: the render's `check` may be one keystroke old
                    validator: async (_, value?: string) =>
                      !value || passwordOk(checkPassword(value, [String(getFieldValue('phone') ?? '')]))
                        ? undefined
                        : Promise.reject(new Error(t('identity.password.tooWeak'))),
                  }),
                ]}
              >
                <Input.Password maxLength={64} autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('identity.field.confirm')}
                dependencies={['password']}
                rules={[
                  { required: true, message: t('identity.required', { field: t('identity.field.confirm') }) },
                  ({ getFieldValue }) => ({
                    validator: async (_, value) => (value === getFieldValue('password') ? undefined : Promise.reject(new Error(t('identity.password.mismatch')))),
                  }),
                ]}
              >
                <Input.Password maxLength={64} autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" size="large" block loading={saving} data-testid="reset-submit">
                {t('identity.reset.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
