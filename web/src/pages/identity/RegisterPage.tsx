import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { signInUrl } from '../../api/auth.ts';
import { identity, type AssuranceLevel } from '../../api/identity.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useT } from '../../i18n/useT.ts';
import './identity.css';
import { AssuranceBadge } from './AssuranceBadge.tsx';
import { checkPassword, identifiersOf, passwordOk } from './passwordPolicy.ts';
import { PasswordStrength } from './PasswordStrength.tsx';
import { useFormErrors } from './serverErrors.ts';
import { MOBILE, SmsCodeButton } from './SmsCodeButton.tsx';

interface Values {
  name: string;
  idNumber: string;
  phone: string;
  code: string;
  password: string;
  confirm: string;
  email?: string;
}

const FIELDS = ['name', 'idNumber', 'phone', 'code', 'password', 'email'];
// Codes whose field the server does not name, or names differently from the form.
const BY_CODE = { SMS_CODE_INVALID: 'code', IDENTITY_MISMATCH: 'name', PERSON_EXISTS: 'idNumber' };

/** 注册 /register: a citizen creates an account; the SMS code proves the phone (实名一级). */
export default function RegisterPage() {
  const { t } = useT();
  const [form] = Form.useForm<Values>();
  const showFormError = useFormErrors();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<{ name: string; level: AssuranceLevel } | null>(null);
  const password = Form.useWatch('password', form) ?? '';
  const phone = Form.useWatch('phone', form);
  const idNumber = Form.useWatch('idNumber', form);
  const check = checkPassword(password, identifiersOf({ phone, idNumber }));

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const email = v.email?.trim();
      const created = await identity.register({
        name: v.name.trim(),
        idNumber: v.idNumber.trim().toUpperCase(),
        phone: v.phone.trim(),
        code: v.code.trim(),
        password: v.password,
        ...(email ? { email } : {}),
      });
      setDone({ name: v.name.trim(), level: created.assuranceLevel });
    } catch (err) {
      showFormError(form, err, FIELDS, BY_CODE);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="portal-container identity-narrow">
      <PageTitle>{t('identity.register.title')}</PageTitle>
      <Card variant="borderless" className="identity-card" data-testid="register-page">
        {done ? (
          <Result
            status="success"
            title={t('identity.register.done')}
            subTitle={t('identity.register.doneText', { name: done.name })}
            extra={
              <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="register-done">
                <Space wrap>
                  <Typography.Text>{t('identity.level.name')}</Typography.Text>
                  <AssuranceBadge level={done.level} />
                </Space>
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t(`identity.level.explain${done.level}`)} {done.level < 3 ? t(`identity.level.raise${done.level as 1 | 2}`) : null}
                </Typography.Paragraph>
                <Button type="primary" size="large" icon={<LoginOutlined />} href={signInUrl('/me/security')} data-testid="register-sign-in">
                  {t('identity.register.signIn')}
                </Button>
              </Space>
            }
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('identity.register.intro')}</Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="register-form" autoComplete="on">
              <Form.Item name="name" label={t('identity.field.name')} rules={[{ required: true, whitespace: true, message: t('identity.required', { field: t('identity.field.name') }) }]}>
                <Input maxLength={50} autoComplete="name" placeholder={t('identity.placeholder.name')} />
              </Form.Item>
              <Form.Item
                name="idNumber"
                label={t('identity.field.idNumber')}
                rules={[{ required: true, pattern: /^\s*\d{17}[\dXx]\s*$/, message: t('identity.idNumberInvalid') }]}
              >
                <Input maxLength={18} autoComplete="off" placeholder={t('identity.placeholder.idNumber')} />
              </Form.Item>
              <Form.Item name="phone" label={t('identity.field.phone')} rules={[{ required: true, pattern: MOBILE, message: t('identity.phoneInvalid') }]}>
                <Input maxLength={11} inputMode="numeric" autoComplete="tel" placeholder={t('identity.placeholder.phone')} />
              </Form.Item>
              <Form.Item label={t('identity.field.code')} required>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item name="code" noStyle rules={[{ required: true, message: t('identity.required', { field: t('identity.field.code') }) }]}>
                    <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" placeholder={t('identity.placeholder.code')} aria-label={t('identity.field.code')} />
                  </Form.Item>
                  <SmsCodeButton form={form} purpose="register" />
                </Space.Compact>
              </Form.Item>
              <Form.Item
                name="password"
                label={t('identity.field.password')}
                extra={<PasswordStrength check={check} />}
                dependencies={['phone', 'idNumber']}
                rules={[
                  { required: true, message: t('identity.required', { field: t('identity.field.password') }) },
                  ({ getFieldValue }) => ({
                    // judged on the value being validated: the render's `check` may be one keystroke old
                    validator: async (_, value?: string) =>
                      !value || passwordOk(checkPassword(value, identifiersOf({ phone: getFieldValue('phone'), idNumber: getFieldValue('idNumber') })))
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
              <Form.Item name="email" label={t('identity.field.email')} rules={[{ type: 'email', message: t('identity.emailInvalid') }]}>
                <Input maxLength={254} autoComplete="email" placeholder={t('identity.placeholder.email')} />
              </Form.Item>
              <Alert type="info" showIcon title={t('identity.register.privacy')} style={{ marginBottom: 16 }} />
              <Button type="primary" htmlType="submit" size="large" block loading={saving} data-testid="register-submit">
                {t('identity.register.submit')}
              </Button>
              <div className="identity-links">
                {t('identity.register.haveAccount')} <a href={signInUrl('/me/security')}>{t('identity.signIn')}</a> · <Link to="/reset-password">{t('identity.reset.title')}</Link>
              </div>
            </Form>
          </>
        )}
      </Card>
    </div>
  );
}
