import { DashboardOutlined, HomeOutlined, SettingOutlined } from '@ant-design/icons';
import { mayEnter } from '../../auth/access.ts';
import { useSession } from '../../auth/useSession.ts';
import { AreaLayout, type AreaMenuItem } from '../../components/AreaLayout.tsx';
import { useT } from '../../i18n/useT.ts';
import { StaffMessageBell } from './StaffMessageBell.tsx';
import { modulesFor } from './staffModules.tsx';

export default function StaffLayout() {
  const { t } = useT();
  const { user } = useSession();
  const roles = user?.roles.map((r) => r.role) ?? [];
  const menu: AreaMenuItem[] = [
    { key: '/staff', icon: <HomeOutlined />, label: t('staff.menu.home') },
    ...modulesFor(roles).map((m) => ({ key: `/staff/${m.path}`, icon: m.icon, label: t(m.label) })),
    ...(mayEnter(user, 'admin') ? [{ key: '/admin', icon: <SettingOutlined />, label: t('staff.menu.admin') }] : []),
    ...(mayEnter(user, 'cockpit') ? [{ key: '/cockpit', icon: <DashboardOutlined />, label: t('staff.menu.cockpit') }] : []),
  ];
  return <AreaLayout title={t('app.staffTitle')} base="/staff" menu={menu} actions={<StaffMessageBell />} />;
}
