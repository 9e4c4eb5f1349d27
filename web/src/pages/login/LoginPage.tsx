import { LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { safeNext } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { BareLayout } from '../../components/BareLayout.tsx';
import { useT } from '../../i18n/useT.ts';

const ERRORS = ['SIGN_IN_EXPIRED', 'SIGN_IN_DENIED', 'SIGN_IN_FAILED'] as const;

/**
 * Sign-in happens at the unified identity provider (统一身份认证). This page sends the
 * browser there at once, or, when the provider sent it back with an error, says why and
 * offers to try again.
 */
export default function LoginPage() {
  const { t, tx } = useT();
  const { signIn } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next')) ?? '/staff';
  const error = ERRORS.find((code) => code === params.get('error'));

  useEffect(() => {
    document.title = `${t('auth.title')} · YiWang`;
    if (!error) signIn(next);
  }, [t, error, next, signIn]);

  return (
    <BareLayout>
      <Card className="login-card" variant="borderless">
        <Typography.Title level={3}>{t('auth.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.subtitle')}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={tx(`auth.error.${error}`, error)} className="login-error" data-testid="login-error" /> : null}
        <Button type="primary" size="large" block icon={<LoginOutlined />} loading={!error} onClick={() => signIn(next)} data-testid="login-start">
          {t('auth.submit')}
        </Button>
      </Card>
    </BareLayout>
  );
}
