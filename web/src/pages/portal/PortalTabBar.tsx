import { AppstoreOutlined, FileTextOutlined, HomeOutlined, IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { NavLink } from 'react-router-dom';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';

const TABS: { to: string; label: MessageKey; icon: React.ReactNode; end?: boolean }[] = [
  { to: '/', label: 'portalBrowse.tab.home', icon: <HomeOutlined />, end: true },
  { to: '/services', label: 'portalBrowse.tab.services', icon: <AppstoreOutlined /> },
  { to: '/my-cases', label: 'portalBrowse.tab.cases', icon: <FileTextOutlined /> },
  { to: '/wallet', label: 'portalBrowse.tab.wallet', icon: <IdcardOutlined /> },
  { to: '/me', label: 'portalBrowse.tab.me', icon: <UserOutlined /> },
];

/** The phone's bottom tab bar (as in 粤省事); hidden on wide screens, where the header serves. */
export function PortalTabBar() {
  const { t } = useT();
  return (
    <nav className="portal-tabbar" data-testid="portal-tabbar">
      {TABS.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end} className="portal-tab">
          <span className="portal-tab-icon">{tab.icon}</span>
          <span>{t(tab.label)}</span>
        </NavLink>
      ))}
    </nav>
  );
}
