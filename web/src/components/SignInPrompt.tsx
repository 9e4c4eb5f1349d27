import { Button, Card, Empty } from 'antd';
import { Link } from 'react-router-dom';
import { loginPath } from '../auth/access.ts';
import { useT } from '../i18n/useT.ts';

/**
 * What a person's own page (my cases, payments, wallet …) shows to a visitor not signed in as a
 * person: why there is nothing, and the way to sign in that comes back to `back`.
 */
export function SignInPrompt({ message, back, button }: { message: string; back: string; button?: string }) {
  const { t } = useT();
  return (
    <Card variant="borderless" style={{ maxWidth: 760, margin: '24px auto' }}>
      <Empty description={message}>
        <Link to={loginPath(back)}>
          <Button type="primary">{button ?? t('common.login')}</Button>
        </Link>
      </Empty>
    </Card>
  );
}
