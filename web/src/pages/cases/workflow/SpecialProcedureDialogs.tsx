import { Form, Input, Modal, Select } from 'antd';
import type { MessageKey } from '../../../i18n/messages.ts';
import { useT } from '../../../i18n/useT.ts';
import { PROCEDURES, type Procedure } from './api.ts';

export interface StartSpecial {
  procedure: Procedure;
  procedureName?: string;
  opinion: string;
}

/** 启动特别程序: which procedure, its own name if any, and why. */
export function StartSpecialDialog({ open, busy, onStart, onCancel }: { open: boolean; busy: boolean; onStart: (s: StartSpecial) => void; onCancel: () => void }) {
  const { t } = useT();
  const [form] = Form.useForm<StartSpecial>();
  return (
    <Modal
      open={open}
      title={t('casesWorkflow.action.start_special')}
      okButtonProps={{ loading: busy, 'data-testid': 'special-start-ok' }}
      onOk={() => void form.validateFields().then((v) => onStart({ ...v, opinion: v.opinion.trim(), procedureName: v.procedureName?.trim() || undefined }))}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="procedure" label={t('casesWorkflow.special.procedure')} rules={[{ required: true }]}>
          <Select
            data-testid="special-procedure"
            options={PROCEDURES.map((p) => ({ value: p, label: t(`casesWorkflow.procedure.${p}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="procedureName" label={t('casesWorkflow.special.name')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="opinion" label={t('casesWorkflow.special.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} data-testid="special-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A dialog asking for one required text: the result of a procedure, the reason for a delay. */
export function TextDialog({ open, busy, title, label, testId, onOk, onCancel }: {
  open: boolean;
  busy: boolean;
  title: string;
  label: string;
  testId: string;
  onOk: (text: string) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okButtonProps={{ loading: busy, 'data-testid': `${testId}-ok` }}
      onOk={() => void form.validateFields().then((v) => onOk(v.text.trim()))}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="text" label={label} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid={testId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
