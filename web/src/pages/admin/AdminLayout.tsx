import {
  ApartmentOutlined,
  AppstoreOutlined,
  DiffOutlined,
  IdcardOutlined,
  ProfileOutlined,
  TagsOutlined,
  BankOutlined,
  ApiOutlined,
  CalendarOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  LikeOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useSession } from '../../auth/useSession.ts';
import { AreaLayout } from '../../components/AreaLayout.tsx';
import { CalendarBanner } from '../../components/CalendarBanner.tsx';
import { useT } from '../../i18n/useT.ts';

export default function AdminLayout() {
  const { t } = useT();
  // node-wide settings only for the node's administrator; a county or department administrator
  // would only be refused by the API (NODE_ADMIN_REQUIRED)
  const nodeAdmin = useSession().user?.nodeAdmin === true;
  return (
    <AreaLayout
      title={t('app.adminTitle')}
      base="/admin"
      banner={<CalendarBanner />}
      menu={[
        {
          key: 'org',
          label: t('admin.menu.org'),
          children: [
            { key: '/admin/regions', icon: <EnvironmentOutlined />, label: t('admin.menu.regions') },
            { key: '/admin/departments', icon: <ApartmentOutlined />, label: t('admin.menu.departments') },
            { key: '/admin/halls', icon: <BankOutlined />, label: t('admin.menu.halls') },
            { key: '/admin/windows', icon: <ShopOutlined />, label: t('admin.menu.windows') },
            { key: '/admin/kiosks', icon: <DesktopOutlined />, label: t('admin.menu.kiosks') },
            { key: '/admin/staff', icon: <TeamOutlined />, label: t('admin.menu.staff') },
          ],
        },
        {
          key: 'catalog',
          label: t('catalog.admin.menu.group'),
          children: [
            { key: '/admin/catalog/items', icon: <ProfileOutlined />, label: t('catalog.admin.menu.items') },
            { key: '/admin/catalog/bundles', icon: <AppstoreOutlined />, label: t('catalog.admin.menu.bundles') },
            { key: '/admin/catalog/synonyms', icon: <TagsOutlined />, label: t('catalog.admin.menu.synonyms') },
            { key: '/admin/catalog/consistency', icon: <DiffOutlined />, label: t('catalog.admin.menu.consistency') },
          ],
        },
        ...(nodeAdmin ? [{ key: '/admin/calendar', icon: <CalendarOutlined />, label: t('admin.menu.calendar') }] : []),
        { key: '/admin/seals', icon: <SafetyCertificateOutlined />, label: t('seal.menu') },
        { key: '/admin/licence-types', icon: <IdcardOutlined />, label: t('licenseTypes.menu') },
        ...(nodeAdmin
          ? [
              { key: '/admin/clients', icon: <ApiOutlined />, label: t('identity.clients.menu') },
              { key: '/admin/ratings', icon: <LikeOutlined />, label: t('ratings.menu.settings') },
            ]
          : []),
      ]}
    />
  );
}
