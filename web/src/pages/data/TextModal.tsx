import { Form, Input, Modal, Typography, type ButtonProps, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/useT.ts';

/** What the modal gives back: the text, trimmed, and the values of the `extra` inputs. */
export type TextModalValues = { text: string } & Record<string, unknown>;

interface Props {
  open: boolean;
  title: string;
  hint?: ReactNode;
  /** The text's label and the message when it is left empty. */
  label: string;
  required: string;
  okText: string;
  danger?: boolean;
  maxLength?: number;
  /** More inputs above the text (Form.Items), with their starting values. */
  extra?: ReactNode;
  initial?: Record<string, unknown>;
  /** The form, when the caller places a server error at one of the `extra` inputs. */
  form?: FormInstance;
  /** The test ids of the text box and of the OK button. */
  inputTestId: string;
  okTestId: string;
  onCancel(): void;
  /** Resolves when done (the modal closes), rejects to keep it open (the caller reported why). */
  onSubmit(values: TextModalValues): Promise<void>;
}

/** A modal asking for one text (a reason, an answer), with what else `extra` asks; the data pages' confirmations. */
export function TextModal({ open, title, hint, label, required, okText, danger, maxLength = 500, extra, initial, form: given, inputTestId, okTestId, onCancel, onSubmit }: Props) {
  const { t } = useT();
  const [own] = Form.useForm<TextModalValues>();
  const form = (given ?? own) as FormInstance<TextModalValues>;
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    try {
      await onSubmit({ ...v, text: v.text.trim() });
      form.resetFields();
    } catch {
      // the caller reported it
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('data.actions.cancel')}
      okButtonProps={{ danger, loading: busy, 'data-testid': okTestId } as ButtonProps}
      onOk={confirm}
      onCancel={onCancel}
      destroyOnHidden
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" preserve={false} initialValues={initial} requiredMark={false}>
        {extra}
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true, message: required }]}>
          <Input.TextArea maxLength={maxLength} autoSize={{ minRows: 2, maxRows: 6 }} data-testid={inputTestId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
