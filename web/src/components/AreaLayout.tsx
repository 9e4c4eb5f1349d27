import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCity } from '../app/useCity.ts';
import { BrandMark } from './BrandMark.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { PageLoading } from './PageLoading.tsx';
import { UserMenu } from './UserMenu.tsx';

export type AreaMenuItem = { key: string; icon?: ReactNode; label: string; children?: AreaMenuItem[] };

export interface AreaLayoutProps {
  /** Area title beside the brand, e.g. 系统管理. */
  title: string;
  /** Path of the area ("/admin"); menu keys are paths below it. */
  base: string;
  menu: AreaMenuItem[];
  /** Header buttons of the area before the language switch (the workbench's message bell). */
  actions?: ReactNode;
  /** Shown above every page of the area (the administration's calendar banner). */
  banner?: ReactNode;
}

/** The menu entry of the page; the area's home is selected on itself only, not on every page below it. */
function selectedKey(pathname: string, base: string, menu: AreaMenuItem[]): string[] {
  const keys = menu.flatMap((item) => [item.key, ...(item.children ?? []).map((c) => c.key)]);
  const best = keys.filter((k) => pathname === k || (k !== base && pathname.startsWith(`${k}/`))).sort((a, b) => b.length - a.length)[0];
  return best ? [best] : [];
}

/** The layout of the staff workbench and the administration: header, sider menu, content. */
export function AreaLayout({ title, base, menu, actions, banner }: AreaLayoutProps) {
  const city = useCity();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items: MenuProps['items'] = menu.map((item) =>
    item.children
      ? {
          type: 'group',
          key: item.key,
          label: item.label,
          children: item.children.map((c) => ({ key: c.key, icon: c.icon, label: c.label })),
        }
      : { key: item.key, icon: item.icon, label: item.label },
  );
  const menuNode = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selectedKey(location.pathname, base, menu)}
      onClick={({ key }) => {
        navigate(key);
        setDrawerOpen(false);
      }}
      className="area-menu"
      data-testid="area-menu"
    />
  );

  return (
    <Layout className="area-layout">
      <Layout.Header className="area-header">
        <Button
          type="text"
          className="header-button"
          icon={collapsed || narrow ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
          onClick={() => (narrow ? setDrawerOpen(true) : setCollapsed(!collapsed))}
          aria-label="menu"
        />
        <Link to={base} className="brand">
          <BrandMark />
          <span className="brand-text">
            {title}
            <small>{city.name}</small>
          </span>
        </Link>
        <div className="header-spacer" />
        {actions}
        <LanguageSwitch />
        <UserMenu />
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            styles={{ body: { padding: 0 } }}
          >
            {menuNode}
          </Drawer>
        ) : (
          <Layout.Sider width={220} theme="light" collapsible collapsed={collapsed} trigger={null} className="area-sider">
            {menuNode}
          </Layout.Sider>
        )}
        <Layout.Content className="area-content">
          {banner}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
