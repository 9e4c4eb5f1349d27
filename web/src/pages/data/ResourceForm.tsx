import { App, Button, Col, Divider, Drawer, Form, Grid, Input, Row, Select, Space, Typography, type FormInstance } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../auth/useSession.ts';
import { useApiError } from '../../components/useApiError.ts';
import { useT } from '../../i18n/useT.ts';
import {
  dataResources,
  OPEN_TYPES,
  RESOURCE_FORMATS,
  SHARING_METHODS,
  SHARING_TYPES,
  UPDATE_CYCLES,
  type Resource,
  type ResourceCreate,
  type ResourceField,
} from './api.ts';
import { CLASS_CODE, ClassCodeInput } from './ClassCodeInput.tsx';
import { FieldListEditor } from './FieldListEditor.tsx';
import { placeError } from './formErrors.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { useClassName } from './tags.tsx';

/** The form's values: the create body, with what inputs give back for an empty optional input. */
type Values = Omit<ResourceCreate, 'fields' | 'relatedCodes'> & {
  relatedCodes?: string[];
  fields: (Omit<ResourceField, 'length' | 'personal'> & { length?: number | null; personal?: ResourceField['personal'] | null })[];
};

/** A form input's name as antd types it for this form. */
type FieldName = Parameters<FormInstance<Values>['setFields']>[0][number]['name'];

const EMPTY: Partial<Values> = { format: 'database', sharingType: 'conditional', sharingMethod: 'api', openType: 'closed', updateCycle: 'daily', relatedCodes: [], fields: [] };

const toValues = (r: Resource): Partial<Values> => ({
  providerDepartmentId: r.providerDepartmentId,
  classCode: r.classCode,
  name: r.name,
  summary: r.summary,
  format: r.format,
  sharingType: r.sharingType,
  sharingCondition: r.sharingCondition ?? undefined,
  sharingMethod: r.sharingMethod,
  openType: r.openType,
  openCondition: r.openCondition ?? undefined,
  updateCycle: r.updateCycle,
  sourceSystem: r.sourceSystem,
  legalBasis: r.legalBasis ?? undefined,
  relatedCodes: r.relatedCodes,
  fields: r.fields,
  keyField: r.keyField,
  regionField: r.regionField,
});

const text = (s: string | null | undefined) => s?.trim() || undefined;

/** The request body: trimmed, blank optionals left out, conditions only with the type that asks for them. */
function toBody(v: Values): Omit<ResourceCreate, 'providerDepartmentId'> {
  return {
    classCode: v.classCode,
    name: v.name.trim(),
    summary: v.summary.trim(),
    format: v.format,
    sharingType: v.sharingType,
    ...(v.sharingType === 'conditional' && text(v.sharingCondition) ? { sharingCondition: text(v.sharingCondition) } : {}),
    sharingMethod: v.sharingMethod,
    openType: v.openType,
    ...(v.openType === 'conditional' && text(v.openCondition) ? { openCondition: text(v.openCondition) } : {}),
    updateCycle: v.updateCycle,
    sourceSystem: v.sourceSystem.trim(),
    ...(text(v.legalBasis) ? { legalBasis: text(v.legalBasis) } : {}),
    relatedCodes: (v.relatedCodes ?? []).map((c) => c.trim()).filter(Boolean),
    // a change names them as they should be now: left out, a library would lose its key
    keyField: v.keyField || null,
    regionField: v.regionField || null,
    fields: (v.fields ?? []).map((f) => ({
      key: f.key.trim(),
      name: f.name.trim(),
      type: f.type,
      ...(f.length ? { length: f.length } : {}),
      ...(f.personal ? { personal: f.personal } : {}),
      sharingType: f.sharingType,
      ...(text(f.dataItem) ? { dataItem: text(f.dataItem) } : {}),
      ...(f.authoritative ? { authoritative: true } : {}),
      ...(f.required ? { required: true } : {}),
    })),
  };
}

interface Props {
  open: boolean;
  /** The resource to change; null = a new one. */
  editing: Resource | null;
  onClose(): void;
  /** The resource as saved, or null when someone else changed it meanwhile (reload it). */
  onSaved(resource: Resource | null): void;
}

/** Create or change a resource: its metadata, its sharing and opening, and its 信息项. */
export function ResourceForm({ open, editing, onClose, onSaved }: Props) {
  const { t } = useT();
  const { message, notification } = App.useApp();
  const showError = useApiError();
  const className = useClassName();
  const { user } = useSession();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const wide = Grid.useBreakpoint().md !== false;
  const sharingType = Form.useWatch('sharingType', form);
  const openType = Form.useWatch('openType', form);
  const fieldRows = Form.useWatch('fields', form) as Values['fields'] | undefined;
  // the key and the region of a library's records: fields of the list as it is being edited
  const fieldOptions = (types: ResourceField['type'][]) =>
    (fieldRows ?? []).filter((f) => f?.key && f.name && types.includes(f.type)).map((f) => ({ value: f.key, label: `${f.name}（${f.key}）` }));
  // a department administrator enters the catalogue of their own department
  const ownDepartment = useMemo(
    () => user?.roles.find((g) => g.role === 'department_admin' && g.departmentId)?.departmentId ?? undefined,
    [user],
  );

  useEffect(() => {
    if (open) form.setFieldsValue(editing ? toValues(editing) : { ...EMPTY, providerDepartmentId: ownDepartment });
    else form.resetFields();
  }, [open, editing, form, ownDepartment]);

  const save = async () => {
    // the form shows what is wrong beside each input: nothing more to report here
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body = toBody({ ...form.getFieldsValue(true), ...v } as Values);
    setSaving(true);
    try {
      const saved = editing
        ? await dataResources.update(editing.id, { ...body, version: editing.version })
        : await dataResources.create({ providerDepartmentId: v.providerDepartmentId, ...body });
      message.success(t(editing ? 'data.actions.saved' : 'data.actions.created'));
      onSaved(saved);
    } catch (err) {
      const placed = placeError(err);
      if (placed) {
        const name = placed.name as FieldName;
        form.setFields([{ name, errors: [placed.text] }]);
        form.scrollToField(name, { block: 'center' });
      } else if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        notification.warning({ title: err.message || t('error.title'), description: t('error.versionConflict') });
        onSaved(null);
      } else {
        showError(err);
      }
    } finally {
      setSaving(false);
    }
  };

  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];
  const col = { xs: 24, md: 12 };

  return (
    <Drawer
      open={open}
      size={wide ? 880 : '100%'}
      title={editing ? t('data.editTitle', { name: editing.name }) : t('data.create')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('data.actions.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={save} data-testid="resource-save">
            {t('data.actions.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={EMPTY} data-testid="resource-form" scrollToFirstError={{ block: 'center' }}>
        <Divider titlePlacement="start">{t('data.form.basics')}</Divider>
        {editing ? (
          <Row gutter={16}>
            <Col {...col}>
              <Form.Item label={t('data.provider')} extra={t('data.form.fixed')}>
                <Typography.Text data-testid="form-provider">{editing.providerName}</Typography.Text>
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item label={t('data.classCode')} extra={t('data.form.fixed')}>
                <Typography.Text>{t('data.classOf', { name: className(editing.classCode, editing.className), code: editing.classCode })}</Typography.Text>
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Row gutter={16}>
            <Col {...col}>
              <Form.Item name="providerDepartmentId" label={t('data.provider')} rules={[{ required: true, message: t('data.form.providerRequired') }]}>
                <DepartmentSelect style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item
                name="classCode"
                label={t('data.classCode')}
                extra={t('data.form.classHint')}
                rules={[
                  { required: true, message: t('data.form.classRequired') },
                  { pattern: CLASS_CODE, message: t('data.form.classPattern') },
                ]}
              >
                <ClassCodeInput />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="name" label={t('data.name')} rules={required('data.form.nameRequired')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="summary" label={t('data.summary')} rules={required('data.form.summaryRequired')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name="format" label={t('data.format')} rules={[{ required: true }]}>
              <Select options={RESOURCE_FORMATS.map((f) => ({ value: f, label: t(`data.formats.${f}`) }))} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="updateCycle" label={t('data.updateCycle')} rules={[{ required: true }]}>
              <Select options={UPDATE_CYCLES.map((c) => ({ value: c, label: t(`data.updateCycles.${c}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sourceSystem" label={t('data.sourceSystem')} rules={required('data.form.sourceSystemRequired')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="relatedCodes" label={t('data.relatedCodes')} extra={t('data.form.relatedCodesHint')}>
          <Select mode="tags" open={false} suffixIcon={null} maxCount={20} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>

        <Divider titlePlacement="start">{t('data.form.sharing')}</Divider>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name="sharingType" label={t('data.sharingType')} rules={[{ required: true }]}>
              <Select options={SHARING_TYPES.map((s) => ({ value: s, label: t(`data.sharingTypes.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="sharingMethod" label={t('data.sharingMethod')} rules={[{ required: true }]}>
              <Select options={SHARING_METHODS.map((m) => ({ value: m, label: t(`data.sharingMethods.${m}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {sharingType === 'conditional' ? (
          <Form.Item name="sharingCondition" label={t('data.sharingCondition')} rules={required('data.form.conditionRequired')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="legalBasis" label={t('data.legalBasis')} rules={sharingType === 'none' ? required('data.form.legalBasisRequired') : []}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 5 }} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...col}>
            <Form.Item name="openType" label={t('data.openType')} rules={[{ required: true }]}>
              <Select options={OPEN_TYPES.map((o) => ({ value: o, label: t(`data.openTypes.${o}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {openType === 'conditional' ? (
          <Form.Item name="openCondition" label={t('data.openCondition')} rules={required('data.form.openConditionRequired')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        ) : null}

        <Divider titlePlacement="start">{t('data.field.title')}</Divider>
        <FieldListEditor />
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col {...col}>
            <Form.Item name="keyField" label={t('data.form.keyField')} extra={t('data.form.keyFieldHint')}>
              <Select allowClear options={fieldOptions(['string', 'integer', 'decimal', 'date', 'datetime', 'boolean'])} data-testid="resource-key-field" />
            </Form.Item>
          </Col>
          <Col {...col}>
            <Form.Item name="regionField" label={t('data.form.regionField')} extra={t('data.form.regionFieldHint')}>
              <Select allowClear options={fieldOptions(['string'])} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
