import { FieldTimeOutlined, FileTextOutlined, IdcardOutlined, PayCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';

const ENTRIES: { to: string; label: MessageKey; icon: React.ReactNode; color: string; id: string }[] = [
  { id: 'cases', to: '/my-cases', label: 'portalBrowse.quick.cases', icon: <FileTextOutlined />, color: '#1456b8' },
  { id: 'wallet', to: '/wallet', label: 'portalBrowse.quick.wallet', icon: <IdcardOutlined />, color: '#059669' },
  { id: 'payments', to: '/payments', label: 'portalBrowse.quick.payments', icon: <PayCircleOutlined />, color: '#f59e0b' },
  { id: 'progress', to: '/progress', label: 'portalBrowse.quick.progress', icon: <FieldTimeOutlined />, color: '#7c3aed' },
];

/** 快捷服务 under the search box: what a returning visitor opens most (粤省事's top row). */
export function QuickEntries() {
  const { t } = useT();
  return (
    <nav className="quick-entries" aria-label={t('portalBrowse.quick.title')}>
      {ENTRIES.map((e) => (
        <Link key={e.id} to={e.to} className="quick-entry" data-testid={`quick-${e.id}`}>
          <span className="quick-entry-icon" style={{ color: e.color }}>
            {e.icon}
          </span>
          <span>{t(e.label)}</span>
        </Link>
      ))}
    </nav>
  );
}
