import { Button, Input, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { staff } from '../../api/org.ts';
import type { Staff } from '../../api/types.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { RoleTags } from '../../components/RoleTags.tsx';
import { CrudPage } from '../../crud/CrudPage.tsx';
import { regionFilter } from '../../crud/filters.tsx';
import type { CrudConfig } from '../../crud/types.ts';
import { useT } from '../../i18n/useT.ts';
import { RoleDialog } from './RoleDialog.tsx';

const MOBILE = /^1[3-9]\d{9}$/;

export default function StaffPage() {
  const { t } = useT();
  const [roleTarget, setRoleTarget] = useState<{ member: Staff; reload: () => void } | null>(null);

  const config = useMemo<CrudConfig<Staff>>(
    () => ({
      resource: staff,
      title: 'staffAdmin.title',
      entity: 'staffAdmin.entity',
      searchPlaceholder: 'staffAdmin.searchPlaceholder',
      testId: 'staff',
      filters: [regionFilter()],
      displayName: (s) => `${s.name}（${s.username}）`,
      errorFields: { USERNAME_TAKEN: 'username', PASSWORD_TOO_SHORT: 'password', PHONE_INVALID: 'phone' },
      columns: ({ t }) => [
        { key: 'username', dataIndex: 'username', title: t('staffAdmin.username') },
        { key: 'name', dataIndex: 'name', title: t('staffAdmin.name') },
        { key: 'department', dataIndex: 'departmentName', title: t('staffAdmin.department') },
        { key: 'region', title: t('staffAdmin.region'), render: (_, s) => <RegionName code={s.regionCode} /> },
        {
          key: 'phone',
          dataIndex: 'phone',
          title: t('staffAdmin.phone'),
          render: (v: string | null) => <span className="mono">{v ?? ''}</span>,
        },
        {
          key: 'status',
          title: t('staffAdmin.status'),
          render: (_, s) =>
            s.status === 'active' ? <Tag color="green">{t('staffAdmin.active')}</Tag> : <Tag>{t('staffAdmin.disabled')}</Tag>,
        },
        {
          key: 'roles',
          title: t('staffAdmin.roles'),
          render: (_, s) => <RoleTags roles={s.roles} empty={t('staffAdmin.noRoles')} />,
        },
      ],
      fields: [
        {
          name: 'username',
          label: 'staffAdmin.username',
          required: true,
          fixedOnEdit: true,
          input: ({ disabled }) => <Input maxLength={40} autoComplete="off" disabled={disabled} />,
        },
        { name: 'name', label: 'staffAdmin.name', required: true, input: () => <Input maxLength={50} /> },
        {
          name: 'password',
          label: 'staffAdmin.password',
          required: true,
          blankOnEdit: true,
          help: 'staffAdmin.passwordRule',
          rules: (t) => [{ min: 10, message: t('staffAdmin.passwordRule') }],
          input: () => <Input.Password autoComplete="new-password" />,
        },
        { name: 'departmentId', label: 'staffAdmin.department', nullable: true, input: () => <DepartmentSelect allowClear /> },
        { name: 'regionCode', label: 'staffAdmin.region', required: true, input: () => <RegionSelect /> },
        {
          name: 'phone',
          label: 'staffAdmin.phone',
          blankOnEdit: true,
          rules: (t) => [{ pattern: MOBILE, message: t('staffAdmin.phoneInvalid') }],
          input: () => <Input maxLength={11} inputMode="tel" />,
        },
        {
          name: 'status',
          label: 'staffAdmin.status',
          only: 'edit',
          required: true,
          input: ({ t }) => (
            <Select
              options={[
                { value: 'active', label: t('staffAdmin.active') },
                { value: 'disabled', label: t('staffAdmin.disabled') },
              ]}
            />
          ),
        },
      ],
      rowActions: (member, reload) => (
        <Button type="link" size="small" onClick={() => setRoleTarget({ member, reload })}>
          {t('staffAdmin.assignRoles')}
        </Button>
      ),
    }),
    [t],
  );

  return (
    <>
      <CrudPage config={config} />
      <RoleDialog
        member={roleTarget?.member ?? null}
        onClose={() => setRoleTarget(null)}
        onSaved={() => {
          roleTarget?.reload();
          setRoleTarget(null);
        }}
      />
    </>
  );
}
