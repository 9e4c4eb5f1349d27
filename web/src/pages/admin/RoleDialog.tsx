import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { getRoles, setStaffRoles } from '../../api/org.ts';
import type { RoleGrant, Staff } from '../../api/types.ts';
import { useCity } from '../../app/useCity.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useCodeList } from '../../components/useCodeList.ts';
import { useT } from '../../i18n/useT.ts';

interface Props {
  member: Staff | null;
  onClose(): void;
  onSaved(): void;
}

interface Values {
  roles: Array<{ role?: string; regionCode?: string; departmentId?: string | null }>;
}

/** Role assignment: each grant is a role, a region scope and optionally a department. */
export function RoleDialog({ member, onClose, onSaved }: Props) {
  const { t, tx } = useT();
  const city = useCity();
  const { message } = App.useApp();
  const showError = useApiError();
  const roles = useCodeList(getRoles);
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  async function save() {
    if (!member) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const grants = (values.roles ?? []).map((r) => ({
      role: r.role,
      regionCode: r.regionCode,
      departmentId: r.departmentId ?? null,
    })) as RoleGrant[];
    setSaving(true);
    try {
      await setStaffRoles(member.id, grants);
      message.success(t('staffAdmin.rolesSaved'));
      onSaved();
    } catch (err) {
      const index = err instanceof ApiError ? Number((err.details as { index?: unknown } | undefined)?.index) : NaN;
      if (err instanceof ApiError && Number.isInteger(index)) {
        form.setFields([{ name: ['roles', index, 'role'], errors: [err.message] }]);
      } else {
        showError(err);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={member !== null}
      title={member ? t('staffAdmin.rolesTitle', { name: member.name }) : ''}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={760}
    >
      {member ? (
        <Form<Values>
          key={member.id}
          form={form}
          layout="vertical"
          initialValues={{ roles: member.roles }}
          data-testid="role-form"
          preserve={false}
        >
          <Form.List name="roles">
            {(rows, { add, remove }) => (
              <>
                {rows.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('staffAdmin.noRoles')} /> : null}
                {rows.map((row) => (
                  <div key={row.key} className="role-row">
                    <Form.Item name={[row.name, 'role']} label={t('staffAdmin.role')} rules={[{ required: true }]}>
                      <Select
                        options={roles.map((r) => ({ value: r.code, label: tx(`role.${r.code}`, r.name) }))}
                        style={{ width: 170 }}
                      />
                    </Form.Item>
                    <Form.Item name={[row.name, 'regionCode']} label={t('staffAdmin.roleRegion')} rules={[{ required: true }]}>
                      <RegionSelect style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[row.name, 'departmentId']} label={t('staffAdmin.roleDepartment')}>
                      <DepartmentSelect allowClear style={{ width: 200 }} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(row.name)}
                      aria-label={t('common.remove')}
                      className="role-row-remove"
                    />
                  </div>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ regionCode: member.regionCode || city.code, departmentId: member.departmentId })}
                >
                  {t('staffAdmin.addRole')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      ) : null}
    </Modal>
  );
}
