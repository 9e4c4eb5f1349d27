import { App, Button, Drawer, Form, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { Versioned } from '../api/resource.ts';
import { useApiError } from '../components/useApiError.ts';
import { useT } from '../i18n/useT.ts';
import { fieldOfError } from './fieldError.ts';
import { activeFields, formToBody, recordToForm } from './formBody.ts';
import type { CrudConfig, FormMode, FormValues } from './types.ts';

interface Props<T extends Versioned> {
  config: CrudConfig<T>;
  /** The record being edited; null = create. */
  record: T | null;
  open: boolean;
  onClose(): void;
  /** After a successful save; `stale` when the server reported a version conflict. */
  onSaved(stale?: boolean): void;
}

/** The create/edit drawer of a list page, built from the page's field list. */
export function CrudFormDrawer<T extends Versioned>({ config, record, open, onClose, onSaved }: Props<T>) {
  const { t } = useT();
  const { message, notification } = App.useApp();
  const showError = useApiError();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const mode: FormMode = record ? 'edit' : 'create';
  const fields = activeFields(config.fields, mode);
  const entity = t(config.entity);

  const initialValues: FormValues = record
    ? (config.toForm ?? ((r: T) => recordToForm(r, config.fields)))(record)
    : Object.fromEntries(fields.filter((f) => f.initialValue !== undefined).map((f) => [f.name, f.initialValue]));

  async function submit() {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const body = formToBody(values, config.fields, mode);
    setSaving(true);
    try {
      if (record) await config.resource.update(record.id, { ...body, version: record.version });
      else await config.resource.create(body);
      message.success(t(record ? 'common.saved' : 'common.created'));
      onSaved();
    } catch (err) {
      const field = fieldOfError(
        err,
        fields.map((f) => f.name),
        config.errorFields,
      );
      if (field && err instanceof ApiError) {
        form.setFields([{ name: field, errors: [err.message || err.code] }]);
        form.scrollToField(field);
      } else if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        notification.warning({ title: err.message || t('error.title'), description: t('error.versionConflict') });
        onSaved(true);
      } else {
        showError(err);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      size={config.drawerWidth ?? 520}
      title={t(record ? 'common.editTitle' : 'common.createTitle', { entity })}
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={submit} data-testid={`${config.testId}-save`}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form
        key={record?.id ?? 'new'}
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        data-testid={`${config.testId}-form`}
        preserve={false}
      >
        {fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={t(field.label)}
            valuePropName={field.valuePropName}
            normalize={field.normalize}
            extra={field.help ? t(field.help) : mode === 'edit' && field.blankOnEdit ? t('common.keepBlank') : undefined}
            rules={[
              ...(field.required && !(mode === 'edit' && field.blankOnEdit) ? [{ required: true, whitespace: true }] : []),
              ...(field.rules?.(t) ?? []),
            ]}
          >
            {field.input({ mode, t, disabled: mode === 'edit' && !!field.fixedOnEdit })}
          </Form.Item>
        ))}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
