import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { FIELD_TYPES } from './api.ts';

/** The server's rule for a field key: camelCase, and not one of the holder's own columns. */
const KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;
const RESERVED = ['holderName', 'holderCode'];

/** The field schema of a licence type: one row per data item (key, label, type, required, personal). */
export function FieldListEditor() {
  const { t } = useT();
  return (
    <Form.List name="fields">
      {(rows, { add, remove }) => (
        <div data-testid="type-fields">
          {rows.map((row) => (
            <div key={row.key} className="licence-type-field-row" style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <Form.Item
                name={[row.name, 'key']}
                rules={[
                  { required: true, message: t('licenseTypes.field.keyRequired') },
                  { pattern: KEY, message: t('licenseTypes.field.keyPattern') },
                  { validator: (_, v: string) => (RESERVED.includes(v) ? Promise.reject(new Error(t('licenseTypes.field.keyReserved'))) : Promise.resolve()) },
                ]}
                style={{ width: 150, marginBottom: 8 }}
              >
                <Input placeholder={t('licenseTypes.field.key')} aria-label={t('licenseTypes.field.key')} maxLength={40} />
              </Form.Item>
              <Form.Item name={[row.name, 'label']} rules={[{ required: true, message: t('licenseTypes.field.labelRequired') }]} style={{ width: 170, marginBottom: 8 }}>
                <Input placeholder={t('licenseTypes.field.label')} aria-label={t('licenseTypes.field.label')} maxLength={60} />
              </Form.Item>
              <Form.Item name={[row.name, 'type']} style={{ width: 100, marginBottom: 8 }}>
                <Select aria-label={t('licenseTypes.field.type')} options={FIELD_TYPES.map((ft) => ({ value: ft, label: t(`licenseTypes.fieldTypes.${ft}`) }))} />
              </Form.Item>
              <Form.Item name={[row.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('licenseTypes.field.required')}</Checkbox>
              </Form.Item>
              <Form.Item name={[row.name, 'personal']} valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('licenseTypes.field.personal')}</Checkbox>
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('licenseTypes.field.remove')} onClick={() => remove(row.name)} />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', type: 'text', required: false, personal: false })}>
            {t('licenseTypes.field.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
