import { CopyOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { identity, type TotpState } from '../../api/identity.ts';
import { useT } from '../../i18n/useT.ts';
import { useFormErrors } from './serverErrors.ts';

const STATE_COLOR: Record<TotpState, string> = { none: 'default', pending: 'orange', active: 'green' };
const SIX_DIGITS = /^\d{6}$/;

/**
 * The authenticator (TOTP) second factor: enrol with the QR code and a first code, or turn it
 * off with a current code — unless the account's roles require it.
 */
export function TotpCard({ state, required, onChange }: { state: TotpState; required: boolean; onChange(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showFormError = useFormErrors();
  const [form] = Form.useForm<{ code: string }>();
  const [enrolment, setEnrolment] = useState<{ qr: string; secret: string } | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [busy, setBusy] = useState(false);

  const begin = async () => {
    setBusy(true);
    try {
      setEnrolment(await identity.beginTotp());
    } catch (err) {
      showFormError(form, err, []);
    } finally {
      setBusy(false);
    }
  };

  const submit = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      if (enrolment) await identity.confirmTotp(code);
      else await identity.removeTotp(code);
      message.success(t(enrolment ? 'identity.totp.enabled' : 'identity.totp.disabled'));
      form.resetFields();
      setEnrolment(null);
      setDisabling(false);
      onChange();
    } catch (err) {
      showFormError(form, err, ['code'], { TOTP_INVALID: 'code' });
    } finally {
      setBusy(false);
    }
  };

  const codeForm = (label: string, submitText: string, danger = false) => (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="totp-form" style={{ maxWidth: 360 }}>
      <Form.Item name="code" label={label} rules={[{ required: true, pattern: SIX_DIGITS, message: t('identity.totp.codeFormat') }]}>
        <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" />
      </Form.Item>
      <Button type="primary" danger={danger} htmlType="submit" loading={busy} data-testid="totp-submit">
        {submitText}
      </Button>
    </Form>
  );

  return (
    <Card
      title={t('identity.totp.title')}
      className="identity-card"
      data-testid="totp-card"
      extra={<Tag color={STATE_COLOR[state]} data-testid="totp-state">{t(`identity.totp.${state}`)}</Tag>}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('identity.totp.why')}</Typography.Text>
        {required ? <Alert type="info" showIcon title={t('identity.totp.requiredHint')} /> : null}
        {state !== 'active' && !enrolment ? (
          <Button type="primary" icon={<SafetyOutlined />} onClick={begin} loading={busy} data-testid="totp-enable">
            {t('identity.totp.enable')}
          </Button>
        ) : null}
        {enrolment ? (
          <div className="identity-totp" data-testid="totp-enrolment">
            <Typography.Paragraph>{t('identity.totp.scan')}</Typography.Paragraph>
            <img src={enrolment.qr} alt={t('identity.totp.qrAlt')} width={180} height={180} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('identity.totp.manual')}{' '}
              <Typography.Text code copyable={{ text: enrolment.secret, icon: <CopyOutlined />, tooltips: [t('identity.totp.copy'), t('identity.totp.copied')] }} data-testid="totp-secret">
                {enrolment.secret}
              </Typography.Text>
            </Typography.Paragraph>
            {codeForm(t('identity.totp.confirmLabel'), t('identity.totp.confirm'))}
          </div>
        ) : null}
        {state === 'active' && !required && !disabling ? (
          <Button danger onClick={() => setDisabling(true)} data-testid="totp-disable">
            {t('identity.totp.disable')}
          </Button>
        ) : null}
        {state === 'active' && disabling ? codeForm(t('identity.totp.disableAsk'), t('identity.totp.disable'), true) : null}
      </Space>
    </Card>
  );
}
