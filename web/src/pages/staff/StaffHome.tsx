import { Card, Col, Descriptions, Empty, Row, Table } from 'antd';
import { Link } from 'react-router-dom';
import type { RoleGrant } from '../../api/types.ts';
import { useSession } from '../../auth/useSession.ts';
import { CalendarBanner } from '../../components/CalendarBanner.tsx';
import { ComingSoon } from '../../components/ComingSoon.tsx';
import { DepartmentName } from '../../components/DepartmentName.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { useT } from '../../i18n/useT.ts';
import { modulesFor } from './staffModules.tsx';

/** Workbench home: who I am, my roles and their scope, and the modules to come. */
export default function StaffHome() {
  const { t, tx } = useT();
  const { user } = useSession();
  if (!user) return null;
  const modules = modulesFor(user.roles.map((r) => r.role));
  return (
    <div data-testid="staff-home">
      <PageTitle>{t('auth.welcome', { name: user.name })}</PageTitle>
      <CalendarBanner />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card variant="borderless" title={t('staff.profile')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('staff.name'), children: user.name },
                { key: 'username', label: t('staff.username'), children: user.username },
                { key: 'department', label: t('staff.department'), children: user.departmentName ?? '—' },
                { key: 'region', label: t('staff.region'), children: <RegionName code={user.regionCode ?? ''} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card variant="borderless" title={t('staff.roles')}>
            <Table<RoleGrant>
              size="small"
              rowKey={(g) => `${g.role}:${g.regionCode}:${g.departmentId ?? ''}`}
              dataSource={user.roles}
              pagination={false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staff.noRoles')} /> }}
              columns={[
                { key: 'role', title: t('staff.role'), render: (_, g) => tx(`role.${g.role}`, g.role) },
                { key: 'region', title: t('staff.scopeRegion'), render: (_, g) => <RegionName code={g.regionCode} /> },
                {
                  key: 'department',
                  title: t('staff.scopeDepartment'),
                  render: (_, g) => (g.departmentId ? <DepartmentName id={g.departmentId} /> : t('common.all')),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={24}>
          <Card variant="borderless" title={t('staff.shortcuts')}>
            <div className="shortcut-grid">
              {modules.map((m) => (
                <Link key={m.path} to={`/staff/${m.path}`} className="shortcut">
                  <span className="shortcut-icon">{m.icon}</span>
                  <span>{t(m.label)}</span>
                </Link>
              ))}
            </div>
          </Card>
        </Col>
        <Col span={24}>
          <Card variant="borderless" title={t('staff.menu.todo')}>
            <ComingSoon title={t('staff.soonTitle', { module: t('staff.menu.todo') })} text={t('staff.soonText')} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
