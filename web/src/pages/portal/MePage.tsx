import {
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  FileTextOutlined,
  IdcardOutlined,
  LikeOutlined,
  PayCircleOutlined,
  PhoneOutlined,
  RightOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar } from 'antd';
import { Link } from 'react-router-dom';
import { homeOf } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import { SignInPrompt } from '../../components/SignInPrompt.tsx';

const LINKS: { to: string; label: MessageKey; icon: React.ReactNode }[] = [
  { to: '/my-cases', label: 'portalBrowse.quick.cases', icon: <FileTextOutlined /> },
  { to: '/messages', label: 'portalBrowse.me.messages', icon: <BellOutlined /> },
  { to: '/wallet', label: 'portalBrowse.quick.wallet', icon: <IdcardOutlined /> },
  { to: '/payments', label: 'portalBrowse.quick.payments', icon: <PayCircleOutlined /> },
  { to: '/my-ratings', label: 'portalBrowse.me.ratings', icon: <LikeOutlined /> },
  { to: '/my-data-uses', label: 'dataLedger.menu', icon: <AuditOutlined /> },
  { to: '/hotline', label: 'hotline.portal.mine', icon: <PhoneOutlined /> },
  { to: '/me/enterprises', label: 'portalBrowse.me.enterprises', icon: <BankOutlined /> },
  { to: '/me/security', label: 'portalBrowse.me.security', icon: <SafetyOutlined /> },
];

/** 我的 (the tab bar's last tab): the signed-in person's own pages in one list; sign-out stays in the header menu. */
export default function MePage() {
  const { t } = useT();
  const { user } = useSession();
  if (!user) {
    return (
      <div className="portal-container portal-page">
        <SignInPrompt message={t('portalBrowse.me.signIn')} back="/me" button={t('portalBrowse.me.signInButton')} />
      </div>
    );
  }
  const links =
    user.kind === 'person' ? LINKS : [{ to: homeOf(user), label: 'common.myAccount' as MessageKey, icon: <UserOutlined /> }];
  return (
    <div className="portal-container portal-page" data-testid="me-page">
      <div className="me-head">
        <Avatar size={48} icon={<UserOutlined />} />
        <strong>{user.name}</strong>
      </div>
      <ul className="me-links">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>
              <span className="me-link-icon">{l.icon}</span>
              <span className="me-link-label">{t(l.label)}</span>
              <RightOutlined />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
