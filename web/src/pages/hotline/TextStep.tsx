import { Button, Form, Input } from 'antd';
import { submitOnCtrlEnter } from './parts.tsx';

/**
 * One text sent with its button (or Ctrl+Enter): a reply, a reason, a note of a ticket's step.
 * `required` is the message shown when it is left empty; without it the text may be empty
 * (`onSend` then gets ''). `compact` starts at one line (the handling steps' side card).
 */
export function TextStep(props: Common) {
  const [form] = Form.useForm<{ text?: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => props.onSend(v.text?.trim() ?? '')}
      onKeyDown={submitOnCtrlEnter(() => form.submit())}
    >
      <Form.Item
        name="text"
        label={props.label}
        rules={props.required ? [{ required: true, whitespace: true, message: props.required }] : []}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          autoFocus={props.autoFocus}
          maxLength={props.max}
          autoSize={props.compact ? { minRows: 1, maxRows: 6 } : { minRows: 2, maxRows: 8 }}
          placeholder={props.placeholder}
          data-testid={`${props.testId}-text`}
        />
      </Form.Item>
      <Button
        type={props.primary ? 'primary' : 'default'}
        danger={props.danger}
        htmlType="submit"
        loading={props.busy}
        data-testid={props.testId}
      >
        {props.button ?? props.label}
      </Button>
    </Form>
  );
}

interface Common {
  label: string;
  placeholder: string;
  max: number;
  busy: boolean;
  testId: string;
  /** the button's text (the label's when absent) */
  button?: string;
  primary?: boolean;
  danger?: boolean;
  autoFocus?: boolean;
  compact?: boolean;
  /** the message when left empty; without it the text is optional */
  required?: string;
  onSend(text: string): void;
}
