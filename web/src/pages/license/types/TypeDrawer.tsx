import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Divider, Drawer, Form, Input, InputNumber, Radio, Space, Switch, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { departments } from '../../../api/org.ts';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { HOLDER_KINDS, licenceTypes, type HolderKind, type LicenceTypeFull, type TypeField } from './api.ts';
import { DepartmentNames } from './DepartmentNames.tsx';
import { FieldListEditor } from './FieldListEditor.tsx';
import { ProducingItems } from './ProducingItems.tsx';

interface Values {
  definingDepartmentId: string;
  sequence: string;
  holderKind: HolderKind;
  name: string;
  issuing: { id?: string }[];
  fields: TypeField[];
  years?: number | null;
  months?: number | null;
  title?: string;
  note?: string;
  active: boolean;
}

const EMPTY: Partial<Values> = { holderKind: 'person', issuing: [{}], fields: [], active: true, years: 5 };

const toValues = (x: LicenceTypeFull): Partial<Values> => ({
  definingDepartmentId: x.definingDepartmentId,
  sequence: x.code.slice(18),
  holderKind: x.holderKind,
  name: x.name,
  issuing: x.issuingDepartmentIds.map((id) => ({ id })),
  fields: x.fields,
  years: x.validity.years ?? null,
  months: x.validity.months ?? null,
  title: x.template.title,
  note: x.template.note,
  active: x.status === 'active',
});

/** Create (editing = null) or edit one licence type; `onSaved` reloads the list. */
export function TypeDrawer({ open, editing, readOnly, onClose, onSaved }: { open: boolean; editing: LicenceTypeFull | null; readOnly: boolean; onClose(): void; onSaved(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [uscc, setUscc] = useState('');
  const definer = Form.useWatch('definingDepartmentId', form);
  const sequence = Form.useWatch('sequence', form);

  useEffect(() => {
    if (open) form.setFieldsValue(editing ? toValues(editing) : { ...EMPTY });
    else form.resetFields();
  }, [open, editing, form]);
  useEffect(() => {
    if (!definer) return setUscc('');
    departments.get(definer).then((d) => setUscc(d.uscc ?? ''), () => setUscc(''));
  }, [definer]);

  const save = async () => {
    // the form shows what is wrong beside each field: nothing more to report here
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const validity = { ...(v.years ? { years: v.years } : {}), ...(v.months ? { months: v.months } : {}) };
    const template = { ...(v.title ? { title: v.title } : {}), ...(v.note ? { note: v.note } : {}) };
    const issuingDepartmentIds = [...new Set(v.issuing.map((r) => r.id).filter((id): id is string => !!id))];
    const fields = (v.fields ?? []).map((f) => ({ ...f, required: !!f.required, personal: !!f.personal }));
    setSaving(true);
    try {
      if (editing) {
        await licenceTypes.update(editing.id, {
          name: v.name,
          issuingDepartmentIds,
          fields,
          validity,
          template,
          status: v.active ? 'active' : 'retired',
          version: editing.version,
        });
      } else {
        await licenceTypes.create({ definingDepartmentId: v.definingDepartmentId, sequence: v.sequence, holderKind: v.holderKind, name: v.name, issuingDepartmentIds, fields, validity, template });
      }
      message.success(t('licenseTypes.saved'));
      onSaved();
    } catch (err) {
      showError(err);
    } finally {
      setSaving(false);
    }
  };

  const basics = (
    <>
      <Form.Item name="name" label={t('licenseTypes.name')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Space align="start" wrap>
        <Form.Item name="definingDepartmentId" label={t('licenseTypes.definingDepartment')} rules={[{ required: true }]} extra={t('licenseTypes.definingHint')}>
          {editing ? <DepartmentNames ids={[editing.definingDepartmentId]} /> : <DepartmentSelect style={{ width: 280 }} />}
        </Form.Item>
        <Form.Item name="sequence" label={t('licenseTypes.sequence')} rules={[{ required: true, pattern: /^[0-9]{3}$/, message: t('licenseTypes.sequencePattern') }]}>
          <Input maxLength={3} disabled={!!editing} style={{ width: 90 }} />
        </Form.Item>
      </Space>
      <Form.Item label={t('licenseTypes.code')}>
        <code data-testid="type-code">{editing ? editing.code : `${uscc || '··················'}${sequence ?? '···'}`}</code>
      </Form.Item>
      <Form.Item name="holderKind" label={t('licenseTypes.holderKind')} rules={[{ required: true }]}>
        <Radio.Group disabled={!!editing} options={HOLDER_KINDS.map((k) => ({ value: k, label: t(`licenseTypes.holderKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item label={t('licenseTypes.issuingDepartments')} required>
        <Form.List name="issuing" rules={[{ validator: (_, rows: unknown[]) => (rows?.length ? Promise.resolve() : Promise.reject(new Error(t('licenseTypes.issuingRequired')))) }]}>
          {(rows, { add, remove }, { errors }) => (
            <>
              {rows.map((row) => (
                <Space key={row.key} style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[row.name, 'id']} rules={[{ required: true }]} noStyle>
                    <DepartmentSelect style={{ width: 320 }} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('licenseTypes.field.remove')} onClick={() => remove(row.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                {t('licenseTypes.addIssuer')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form.Item>
      <Divider titlePlacement="start">{t('licenseTypes.validity')}</Divider>
      <Space wrap>
        <Form.Item name="years" label={t('licenseTypes.years')}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="months" label={t('licenseTypes.months')}>
          <InputNumber min={0} max={1200} precision={0} />
        </Form.Item>
      </Space>
      <div style={{ marginTop: -12, marginBottom: 16, color: 'rgba(0,0,0,0.45)' }}>{t('licenseTypes.validityHint')}</div>
      <Divider titlePlacement="start">{t('licenseTypes.template')}</Divider>
      <Form.Item name="title" label={t('licenseTypes.templateTitle')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="note" label={t('licenseTypes.templateNote')}>
        <Input.TextArea maxLength={300} rows={2} />
      </Form.Item>
      {editing ? (
        <Form.Item name="active" label={t('licenseTypes.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      ) : null}
    </>
  );

  return (
    <Drawer
      open={open}
      size={760}
      title={editing ? t('licenseTypes.editTitle', { name: editing.name }) : t('licenseTypes.create')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('licenseTypes.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={readOnly} onClick={save} data-testid="type-save">
            {t('licenseTypes.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" data-testid="type-form" initialValues={EMPTY} disabled={readOnly}>
        <Tabs
          items={[
            { key: 'basics', label: t('licenseTypes.tabs.basics'), children: basics, forceRender: true },
            { key: 'fields', label: t('licenseTypes.tabs.fields'), children: <FieldListEditor />, forceRender: true },
            ...(editing ? [{ key: 'items', label: t('licenseTypes.tabs.items'), children: <ProducingItems typeId={editing.id} /> }] : []),
          ]}
        />
      </Form>
    </Drawer>
  );
}
