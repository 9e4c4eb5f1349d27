import { AuditOutlined, BankOutlined, BellOutlined, CheckOutlined, FileTextOutlined, IdcardOutlined, LikeOutlined, LogoutOutlined, PayCircleOutlined, SafetyOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Badge, Button, Dropdown, type MenuProps } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { identity, type ActingOption } from '../api/identity.ts';
import { useSession } from '../auth/useSession.ts';
import { useT } from '../i18n/useT.ts';
import { useActAs } from '../pages/identity/useActAs.ts';
import { caseMessages } from '../pages/cases/messages-api.ts';
import '../pages/identity/identity.css';

/**
 * The signed-in user's name (and, for a person acting for an enterprise, 「代 XX 办理」) with
 * the account pages, the switch of acting identity (切换办事身份) and sign-out.
 */
export function UserMenu({ dark = false }: { dark?: boolean }) {
  const { t } = useT();
  const { user, signOut } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const actAs = useActAs();
  const [enterprises, setEnterprises] = useState<ActingOption[]>([]);
  const [unread, setUnread] = useState(0);
  const isPerson = user?.kind === 'person';

  useEffect(() => {
    if (!isPerson) return;
    let live = true;
    // the switch is a convenience: without the list the menu still offers the account pages
    identity.enterprises().then((items) => live && setEnterprises(items), () => undefined);
    caseMessages.list(1).then((r) => live && setUnread(r.unread), () => undefined);
    return () => {
      live = false;
    };
  }, [isPerson]);

  if (!user) return null;
  const acting = user.actingFor ?? null;
  const mark = (on: boolean) => (on ? <CheckOutlined /> : <span className="identity-menu-spacer" />);
  const items: MenuProps['items'] = [
    ...(isPerson
      ? [
          { key: 'nav:/my-cases', icon: <FileTextOutlined />, label: t('identity.menu.cases') },
          {
            key: 'nav:/messages',
            icon: <BellOutlined />,
            label: <span data-testid="menu-messages">{t('casesMessages.menu')} <Badge count={unread} size="small" /></span>,
          },
          { key: 'nav:/payments', icon: <PayCircleOutlined />, label: t('identity.menu.payments') },
          { key: 'nav:/wallet', icon: <IdcardOutlined />, label: t('identity.menu.wallet') },
          { key: 'nav:/my-ratings', icon: <LikeOutlined />, label: t('ratings.menu.mine') },
          { key: 'nav:/my-data-uses', icon: <AuditOutlined />, label: t('dataLedger.menu') },
        ]
      : []),
    { key: 'security', icon: <SafetyOutlined />, label: t('identity.menu.security') },
    ...(isPerson ? [{ key: 'enterprises', icon: <BankOutlined />, label: t('identity.menu.enterprises') }] : []),
    ...(isPerson && enterprises.length > 0
      ? [
          {
            key: 'act-as',
            icon: <SwapOutlined />,
            label: <span data-testid="act-as-menu">{t('identity.actAs.menu')}</span>,
            children: [
              { key: 'act:self', icon: mark(!acting), label: <span data-testid="act-as-self">{t('identity.actAs.self', { name: user.name })}</span> },
              ...enterprises.map((e) => ({
                key: `act:${e.enterpriseId}`,
                icon: mark(acting?.enterpriseId === e.enterpriseId),
                label: <span data-testid="act-as-enterprise">{e.name}</span>,
              })),
            ],
          },
        ]
      : []),
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('common.logout') },
  ];

  const onClick: MenuProps['onClick'] = async ({ key }) => {
    if (key.startsWith('nav:')) return navigate(key.slice(4));
    if (key === 'security') return navigate('/me/security');
    if (key === 'enterprises') return navigate('/me/enterprises');
    if (key.startsWith('act:')) {
      const id = key.slice(4);
      if (id === 'self') return acting ? actAs(null, user.name) : undefined;
      const target = enterprises.find((e) => e.enterpriseId === id);
      return target && target.enterpriseId !== acting?.enterpriseId ? actAs(id, target.name) : undefined;
    }
    const endSessionUrl = await signOut().catch(() => null);
    message.success(t('auth.loggedOut'));
    // Ending the provider's session too, or the next sign-in would be silent.
    if (endSessionUrl) window.location.assign(endSessionUrl);
    else navigate('/');
  };

  return (
    <Dropdown trigger={['click']} menu={{ items, onClick }}>
      <Button type="text" className={dark ? 'header-button header-button-dark' : 'header-button'} data-testid="user-menu">
        <Avatar size="small" icon={acting ? <BankOutlined /> : <UserOutlined />} />
        <span className="header-user-name">{user.name}</span>
        {acting ? (
          <span className="identity-acting" data-testid="acting-for" title={t('identity.actAs.banner', { name: acting.name })}>
            {t('identity.actAs.banner', { name: acting.name })}
          </span>
        ) : null}
      </Button>
    </Dropdown>
  );
}
