import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { homeOf, safeNext } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { BareLayout } from '../../components/BareLayout.tsx';
import { useErrorText } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';

interface Values {
  username: string;
  password: string;
}

/** Username + password; afterwards back to ?next= (or the user's own area). */
export default function LoginPage() {
  const { t } = useT();
  const { signIn } = useSession();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('auth.title')} · YiWang`;
  }, [t]);

  async function submit(values: Values) {
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(values.username.trim(), values.password);
      navigate(safeNext(params.get('next')) ?? homeOf(user), { replace: true });
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <BareLayout>
      <Card className="login-card" variant="borderless">
        <Typography.Title level={3}>{t('auth.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} className="login-error" data-testid="login-error" /> : null}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} size="large" autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} size="large" autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </BareLayout>
  );
}
