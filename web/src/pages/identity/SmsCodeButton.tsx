import { App, Button, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { identity } from '../../api/identity.ts';
import { useT } from '../../i18n/useT.ts';
import { useFormErrors } from './serverErrors.ts';

export const MOBILE = /^1[3-9]\d{9}$/;

/**
 * 「获取验证码」: sends the SMS code for the form's phone and counts down before it may be
 * sent again (the server's resendAfter, 60 s by default).
 */
export function SmsCodeButton({ form, purpose }: { form: FormInstance; purpose: 'register' | 'reset' }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showFormError = useFormErrors();
  const [left, setLeft] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);

  const send = async () => {
    const phone = String(form.getFieldValue('phone') ?? '').trim();
    if (!MOBILE.test(phone)) {
      form.setFields([{ name: 'phone', errors: [t('identity.sms.phoneFirst')] }]);
      return;
    }
    setSending(true);
    try {
      const { resendAfter } = await identity.sendSmsCode(phone, purpose);
      setLeft(resendAfter);
      message.success(t('identity.sms.sent'));
    } catch (err) {
      showFormError(form, err, ['phone']);
    } finally {
      setSending(false);
    }
  };

  return (
    <Button onClick={send} loading={sending} disabled={left > 0} data-testid="send-code" style={{ minWidth: 112 }}>
      {left > 0 ? t('identity.sms.resend', { seconds: left }) : t('identity.sms.get')}
    </Button>
  );
}
