import { UserOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link } from 'react-router-dom';
import { homeOf, loginPath } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { UserMenu } from '../../components/UserMenu.tsx';
import { useT } from '../../i18n/useT.ts';

/** "我的": sign in, or (signed in) the user's own area. */
export function MyEntry() {
  const { t } = useT();
  const { user } = useSession();
  // a citizen's menu: account pages, acting for an enterprise (shown in the bar), sign-out
  if (user?.kind === 'person') return <UserMenu dark />;
  const to = user ? homeOf(user) : loginPath('/');
  return (
    <Link to={to} data-testid="portal-my">
      <Button type="text" className="header-button header-button-dark" icon={<UserOutlined />}>
        <span className="header-user-name">{user ? user.name : t('common.myAccount')}</span>
      </Button>
    </Link>
  );
}
