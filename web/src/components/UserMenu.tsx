import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../auth/useSession.ts';
import { useT } from '../i18n/useT.ts';

/** The signed-in user's name with a sign-out entry. */
export function UserMenu({ dark = false }: { dark?: boolean }) {
  const { t } = useT();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  if (!user) return null;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('common.logout') }],
        onClick: async () => {
          const endSessionUrl = await signOut().catch(() => null);
          message.success(t('auth.loggedOut'));
          // Ending the provider's session too, or the next sign-in would be silent.
          if (endSessionUrl) window.location.assign(endSessionUrl);
          else navigate('/');
        },
      }}
    >
      <Button type="text" className={dark ? 'header-button header-button-dark' : 'header-button'} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} />
        <span className="header-user-name">{user.name}</span>
      </Button>
    </Dropdown>
  );
}
