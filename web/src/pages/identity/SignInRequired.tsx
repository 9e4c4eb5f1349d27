import { LoginOutlined } from '@ant-design/icons';
import { Button, Card, Empty } from 'antd';
import { signInUrl } from '../../api/auth.ts';
import { useT } from '../../i18n/useT.ts';

/** What a portal page shows to a visitor who is not signed in: a way to sign in and come back. */
export function SignInRequired({ next }: { next: string }) {
  const { t } = useT();
  return (
    <Card variant="borderless" className="identity-card" style={{ maxWidth: 560, margin: '24px auto' }}>
      <Empty description={t('identity.signInFirst')}>
        <Button type="primary" icon={<LoginOutlined />} href={signInUrl(next)} data-testid="sign-in">
          {t('identity.signIn')}
        </Button>
      </Empty>
    </Card>
  );
}
