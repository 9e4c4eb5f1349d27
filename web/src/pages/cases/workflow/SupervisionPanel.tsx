import { App, Button, Card, Form, Input, InputNumber, List, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { hasAnyRole } from '../../../auth/access.ts';
import { useSession } from '../../../auth/useSession.ts';
import { useApiError } from '../../../components/useApiError.ts';
import { useT } from '../../../i18n/useT.ts';
import { workflow, type Supervision, type WorkflowDetail } from './api.ts';
import { dateTime } from '../../../app/city-time.ts';

/** Roles as supervision.ts checks them; the server decides, the page only hides what cannot work. */
const SUPERVISORS = ['leader', 'administrator'] as const;
const REPLIERS = ['approver', 'department_admin'] as const;

/**
 * 督办: superiors issue an order with a reply period; the handling department sees the open
 * orders and answers each once.
 */
export function SupervisionPanel({ detail, onChanged }: { detail: WorkflowDetail; onChanged: () => Promise<unknown> }) {
  const { t } = useT();
  const { user } = useSession();
  const { message } = App.useApp();
  const showError = useApiError();
  const [issuing, setIssuing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ opinion: string; replyInDays: number }>();
  const mayIssue = hasAnyRole(user, SUPERVISORS) && ['submitted', 'processing'].includes(detail.case.status);
  const mayReply = hasAnyRole(user, REPLIERS);
  if (!detail.supervisions.length && !mayIssue) return null;

  const call = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await fn();
      message.success(done);
      await onChanged();
      return true;
    } catch (err) {
      showError(err);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={t('casesWorkflow.supervision.title')}
      data-testid="supervision-panel"
      extra={mayIssue && <Button size="small" type="primary" danger onClick={() => setIssuing(true)} data-testid="supervise">{t('casesWorkflow.supervision.issue')}</Button>}
    >
      <List
        size="small"
        dataSource={detail.supervisions}
        locale={{ emptyText: t('casesWorkflow.supervision.none') }}
        renderItem={(s) => <SupervisionItem s={s} mayReply={mayReply} busy={busy} onReply={(text) => call(() => workflow.reply(detail.case.id, s.id, text), t('casesWorkflow.supervision.replied'))} />}
      />
      <Modal
        open={issuing}
        title={t('casesWorkflow.supervision.issue')}
        okButtonProps={{ loading: busy, 'data-testid': 'supervise-ok' }}
        onCancel={() => setIssuing(false)}
        destroyOnHidden
        onOk={() =>
          void form.validateFields().then(async (v) => {
            if (await call(() => workflow.supervise(detail.case.id, v.opinion.trim(), v.replyInDays), t('casesWorkflow.supervision.issued'))) setIssuing(false);
          })
        }
      >
        <Form form={form} layout="vertical" preserve={false} initialValues={{ replyInDays: 2 }}>
          <Form.Item name="opinion" label={t('casesWorkflow.supervision.opinion')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} data-testid="supervise-opinion" />
          </Form.Item>
          <Form.Item name="replyInDays" label={t('casesWorkflow.supervision.replyInDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={30} precision={0} addonAfter={t('cases.workingDays')} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function SupervisionItem({ s, mayReply, busy, onReply }: { s: Supervision; mayReply: boolean; busy: boolean; onReply: (text: string) => Promise<boolean> }) {
  const { t } = useT();
  const [text, setText] = useState('');
  return (
    <List.Item data-testid="supervision-order">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <strong>{t('casesWorkflow.supervision.issuedBy', { name: s.issuedByName })}</strong>
          <small style={{ color: '#888' }}>{dateTime(s.createdAt)}</small>
          {s.reply === null ? <Tag color="red">{t('casesWorkflow.supervision.open')}</Tag> : <Tag color="green">{t('casesWorkflow.supervision.replied')}</Tag>}
          {s.reply === null && <Tag>{t('casesWorkflow.supervision.replyDue', { due: s.replyDue })}</Tag>}
        </Space>
        <div>{s.opinion}</div>
        {s.reply !== null && (
          <div style={{ paddingLeft: 12, borderLeft: '3px solid #52c41a' }}>
            <small style={{ color: '#888' }}>{t('casesWorkflow.supervision.repliedBy', { name: s.repliedByName ?? '' })}</small>
            <div data-testid="supervision-reply">{s.reply}</div>
          </div>
        )}
        {s.reply === null && mayReply && (
          <Space.Compact style={{ width: '100%' }}>
            <Input value={text} onChange={(e) => setText(e.target.value)} placeholder={t('casesWorkflow.supervision.replyPlaceholder')} maxLength={2000} data-testid="supervision-reply-text" />
            <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void onReply(text.trim()).then((ok) => ok && setText(''))} data-testid="supervision-reply-send">
              {t('casesWorkflow.supervision.reply')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </List.Item>
  );
}
