import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useT } from '../../i18n/useT.ts';
import { FIELD_TYPES, PERSONAL_KINDS, SHARING_TYPES, type ResourceField } from './api.ts';

/** The server's rule for a field key (ResourceField.key of the data module's schemas). */
const KEY = /^[a-z][a-z0-9_]{0,62}$/;

/** 信息项 of a resource, one card per field; the catalogue's own rules are checked on save. */
export function FieldListEditor() {
  const { t } = useT();
  const form = Form.useFormInstance();
  // four to a line on a desktop, two on a tablet; on a phone the short inputs two to a line
  const wide = { xs: 24, sm: 12, md: 6 };
  const half = { xs: 12, sm: 12, md: 6 };
  return (
    <Form.List
      name="fields"
      rules={[{ validator: (_, rows: unknown[]) => (rows?.length ? Promise.resolve() : Promise.reject(new Error(t('data.field.required')))) }]}
    >
      {(rows, { add, remove }, { errors }) => (
        <div data-testid="resource-fields-editor">
          {rows.map((row, i) => (
            <Card
              key={row.key}
              size="small"
              title={t('data.field.row', { n: i + 1 })}
              style={{ marginBottom: 12 }}
              styles={{ body: { paddingBottom: 0 } }}
              data-testid={`field-row-${i}`}
              extra={<Button type="text" danger icon={<DeleteOutlined />} aria-label={t('data.field.remove')} title={t('data.field.remove')} onClick={() => remove(row.name)} />}
            >
              <Row gutter={12}>
                <Col {...wide}>
                  <Form.Item name={[row.name, 'name']} label={t('data.field.name')} rules={[{ required: true, whitespace: true, message: t('data.field.nameRequired') }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col {...wide}>
                  <Form.Item
                    name={[row.name, 'key']}
                    label={t('data.field.key')}
                    rules={[
                      { required: true, message: t('data.field.keyRequired') },
                      { pattern: KEY, message: t('data.field.keyPattern') },
                      {
                        validator: (_, v: string) => {
                          const keys = ((form.getFieldValue('fields') as Partial<ResourceField>[] | undefined) ?? []).map((f) => f?.key);
                          return v && keys.filter((k) => k === v).length > 1 ? Promise.reject(new Error(t('data.field.keyTwice'))) : Promise.resolve();
                        },
                      },
                    ]}
                  >
                    <Input maxLength={63} spellCheck={false} autoCapitalize="off" />
                  </Form.Item>
                </Col>
                <Col {...half}>
                  <Form.Item name={[row.name, 'type']} label={t('data.field.type')} rules={[{ required: true }]}>
                    <Select options={FIELD_TYPES.map((ft) => ({ value: ft, label: t(`data.fieldTypes.${ft}`) }))} />
                  </Form.Item>
                </Col>
                <Col {...half}>
                  <Form.Item name={[row.name, 'length']} label={t('data.field.length')}>
                    <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col {...half}>
                  <Form.Item name={[row.name, 'personal']} label={t('data.field.personal')}>
                    <Select allowClear placeholder={t('data.field.notPersonal')} options={PERSONAL_KINDS.map((k) => ({ value: k, label: t(`data.personalKinds.${k}`) }))} />
                  </Form.Item>
                </Col>
                <Col {...half}>
                  <Form.Item name={[row.name, 'sharingType']} label={t('data.field.sharingType')} rules={[{ required: true }]}>
                    <Select options={SHARING_TYPES.map((s) => ({ value: s, label: t(`data.sharingTypes.${s}`) }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} md={6}>
                  <Form.Item name={[row.name, 'dataItem']} label={t('data.field.dataItem')} tooltip={t('data.field.dataItemHint')}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6} md={3}>
                  <Form.Item name={[row.name, 'authoritative']} label={t('data.field.authoritative')} valuePropName="checked">
                    <Checkbox />
                  </Form.Item>
                </Col>
                <Col xs={12} sm={6} md={3}>
                  <Form.Item name={[row.name, 'required']} label={t('data.field.requiredFlag')} tooltip={t('data.field.requiredHint')} valuePropName="checked">
                    <Checkbox />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            data-testid="field-add"
            onClick={() => add({ type: 'string', sharingType: (form.getFieldValue('sharingType') as string | undefined) ?? 'conditional', authoritative: false })}
          >
            {t('data.field.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
