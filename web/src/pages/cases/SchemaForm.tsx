import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch, type FormInstance } from 'antd';
import type { FieldSchema, FormDefinition } from './api.ts';
import { orderedFieldNames } from './formFields.ts';

/**
 * The application form rendered from the item version's JSON Schema: one control per top-level
 * property, ordered and grouped by the form's layout hints. The server validates again with the
 * same schema; these rules only spare the applicant a round trip.
 */
export function SchemaForm({ form, definition, values, disabled }: { form: FormInstance; definition: FormDefinition; values: Record<string, unknown>; disabled?: boolean }) {
  const props = definition.schema.properties ?? {};
  const required = new Set(definition.schema.required ?? []);
  const hints = definition.fields ?? {};
  const names = orderedFieldNames(definition);
  return (
    <Form form={form} layout="vertical" initialValues={values} disabled={disabled} data-testid="case-form">
      <Row gutter={16}>
        {names.map((name) => {
          const s = props[name]!;
          const hint = hints[name];
          const rules = [
            ...(required.has(name) ? [{ required: true, message: `${s.title ?? name}` }] : []),
            ...(s.pattern ? [{ pattern: new RegExp(s.pattern), message: `${s.title ?? name}` }] : []),
          ];
          return (
            <Col key={name} xs={24} md={hint?.span ?? 12}>
              <Form.Item name={name} label={s.title ?? name} rules={rules} valuePropName={s.type === 'boolean' ? 'checked' : 'value'}>
                {control(s, hint?.widget)}
              </Form.Item>
            </Col>
          );
        })}
      </Row>
    </Form>
  );
}

function control(s: FieldSchema, widget?: string) {
  if (s.enum) {
    return s.enum.length <= 4 ? (
      <Radio.Group options={s.enum.map((v) => ({ value: v, label: v }))} />
    ) : (
      <Select options={s.enum.map((v) => ({ value: v, label: v }))} />
    );
  }
  if (s.type === 'number' || s.type === 'integer') return <InputNumber style={{ width: '100%' }} precision={s.type === 'integer' ? 0 : undefined} />;
  if (s.type === 'boolean') return <Switch />;
  if (widget === 'textarea' || widget === 'address') return <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />;
  return <Input />;
}
