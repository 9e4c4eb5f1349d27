import { Alert, Button, Card, Form, Input, InputNumber, Radio, Space, Tag, Typography } from 'antd';
import { dateTime } from '../../app/city-time.ts';
import { useT } from '../../i18n/useT.ts';
import { submitOnCtrlEnter } from './parts.tsx';
import { TextStep } from './TextStep.tsx';
import { CALLBACK_RESULTS, hotline, type HandlingStep, type Ticket } from './api.ts';

/** The service's limits (src/modules/hotline/vocab.ts): days per request, requests per ticket. */
const EXTENSION_MAX_DAYS = 10;
const EXTENSIONS_PER_TICKET = 2;

/** The history's names of these steps (hotline.action.*). */
export type HandlingAction =
  'extend_request' | 'extend_approve' | 'extend_refuse' | 'supervise' | 'supervise_reply' | 'reopen' | 'callback' | 'onsite';
type Run = (action: HandlingAction, run: () => Promise<Ticket>) => Promise<void>;

/**
 * The steps after 签收 (#16 points 5 and 6), below the dispatch and 办结 steps of the drawer:
 * what is open (延期 request, 督办, 回访 result) and the actions of this reader — the department
 * asks for an extension and replies to a 督办; the centre decides on the extension, supervises
 * an overdue or complained ticket, calls the caller back and reopens.
 */
export function HandlingSteps({ ticket: k, centre, busy, step }: { ticket: Ticket; centre: boolean; busy: boolean; step: Run }) {
  const { t } = useT();
  const run = (action: HandlingAction, path: HandlingStep) => (body: Record<string, unknown>) =>
    step(action, () => hotline.handle(k, path, body));
  const overdue = k.warning.accept === 'red' || k.warning.complete === 'red';
  const complained = k.callback?.result === 'unsatisfied';
  const held = k.status === 'dispatched' || k.status === 'accepted' || k.status === 'completed';
  const parts = [
    k.extension ? (
      <Alert
        key="ext"
        type="info"
        showIcon
        data-testid="hotline-extension-open"
        title={t('hotlineHandling.extension.open', { days: k.extension.days, reason: k.extension.reason })}
      />
    ) : null,
    k.supervision ? (
      <Alert
        key="sup"
        type="warning"
        showIcon
        data-testid="hotline-supervision-open"
        title={t('hotlineHandling.supervision.open', { note: k.supervision.note, at: dateTime(k.supervision.at) })}
      />
    ) : null,
    k.callback ? (
      <Typography.Text key="cb" data-testid="hotline-callback-result">
        {t('hotlineHandling.callback.done', {
          result: t(`hotlineHandling.result.${k.callback.result}`),
          channel: t(`hotlineHandling.callbackChannel.${k.callback.channel}`),
          at: dateTime(k.callback.at),
        })}
        {k.callback.note ? ` — ${k.callback.note}` : ''}
      </Typography.Text>
    ) : null,
    k.reopenCount ? (
      <Tag key="reopen" color="volcano">
        {t('hotlineHandling.reopen.count', { count: k.reopenCount })}
      </Tag>
    ) : null,
    // the department
    !centre && k.status === 'accepted' && !k.extension && k.extensionsUsed < EXTENSIONS_PER_TICKET ? (
      <ExtensionRequest key="ask" busy={busy} used={k.extensionsUsed} onSend={run('extend_request', 'extend-request')} />
    ) : null,
    !centre && k.supervision ? (
      <TextStep
        key="reply"
        testId="hotline-supervise-reply"
        label={t('hotlineHandling.supervision.reply')}
        placeholder={t('hotlineHandling.supervision.replyPlaceholder')}
        required={t('hotlineHandling.required.text')}
        compact
        max={2000}
        busy={busy}
        onSend={(text) => run('supervise_reply', 'supervise-reply')(text ? { reply: text } : {})}
      />
    ) : null,
    // the centre
    centre && k.status === 'accepted' && k.extension ? (
      <Space key="decide" orientation="vertical" style={{ width: '100%' }}>
        <TextStep
          testId="hotline-extend-approve"
          label={t('hotlineHandling.extension.note')}
          button={t('hotlineHandling.extension.approve')}
          placeholder=""
          compact
          max={500}
          busy={busy}
          primary
          onSend={(text) => run('extend_approve', 'extend-approve')(text ? { note: text } : {})}
        />
        <TextStep
          testId="hotline-extend-refuse"
          label={t('hotlineHandling.extension.refuseReason')}
          button={t('hotlineHandling.extension.refuse')}
          placeholder=""
          required={t('hotlineHandling.required.text')}
          compact
          max={500}
          busy={busy}
          danger
          onSend={(text) => run('extend_refuse', 'extend-refuse')(text ? { reason: text } : {})}
        />
      </Space>
    ) : null,
    centre && held && !k.supervision && (overdue || complained) ? (
      <TextStep
        key="sup-send"
        testId="hotline-supervise"
        label={t('hotlineHandling.supervision.note')}
        button={t('hotlineHandling.supervision.send')}
        placeholder={t('hotlineHandling.supervision.notePlaceholder')}
        required={t('hotlineHandling.required.text')}
        compact
        max={500}
        busy={busy}
        danger
        onSend={(text) => run('supervise', 'supervise')(text ? { note: text } : {})}
      />
    ) : null,
    k.onsiteRequestedAt ? (
      <Tag key="onsite" color="geekblue" data-testid="hotline-onsite-done">
        {t('hotlineHandling.onsite.done', { at: dateTime(k.onsiteRequestedAt) })}
      </Tag>
    ) : centre &&
      k.categoryCode &&
      (k.address || k.lat !== null) &&
      ['new', 'returned', 'dispatched', 'accepted'].includes(k.status) ? (
      <TextStep
        key="onsite-send"
        testId="hotline-onsite"
        label={t('hotlineHandling.onsite.note')}
        button={t('hotlineHandling.onsite.send')}
        placeholder={t('hotlineHandling.onsite.placeholder')}
        compact
        max={500}
        busy={busy}
        onSend={(text) => run('onsite', 'onsite')(text ? { note: text } : {})}
      />
    ) : null,
    centre && k.status === 'completed' && !k.callback ? (
      <Callback key="callback" busy={busy} onSend={run('callback', 'callback')} />
    ) : null,
    centre && k.status === 'completed' ? (
      <TextStep
        key="reopen-send"
        testId="hotline-reopen"
        label={t('hotlineHandling.reopen.reason')}
        button={t('hotlineHandling.reopen.send')}
        placeholder={t('hotlineHandling.reopen.reasonPlaceholder')}
        required={t('hotlineHandling.required.text')}
        compact
        max={500}
        busy={busy}
        onSend={(text) => run('reopen', 'reopen')(text ? { reason: text } : {})}
      />
    ) : null,
  ].filter(Boolean);
  if (!parts.length) return null;
  return (
    <Card size="small" data-testid="hotline-handling-steps">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {parts}
      </Space>
    </Card>
  );
}

/** 延期申请: working days (1–10) and the reason. */
function ExtensionRequest({ busy, used, onSend }: { busy: boolean; used: number; onSend(body: Record<string, unknown>): void }) {
  const { t } = useT();
  const [form] = Form.useForm<{ days: number; reason: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ days: 3 }}
      onFinish={(v) => onSend({ days: v.days, reason: v.reason.trim() })}
      onKeyDown={submitOnCtrlEnter(() => form.submit())}
    >
      <Typography.Text type="secondary">
        {t('hotlineHandling.extension.used', { used, max: EXTENSIONS_PER_TICKET })}
      </Typography.Text>
      <Form.Item
        name="days"
        label={t('hotlineHandling.extension.days')}
        rules={[{ required: true, message: t('hotlineHandling.required.text') }]}
        style={{ marginBottom: 8 }}
      >
        <InputNumber min={1} max={EXTENSION_MAX_DAYS} precision={0} data-testid="hotline-extend-days" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('hotlineHandling.extension.reason')}
        rules={[{ required: true, whitespace: true, message: t('hotlineHandling.required.text') }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t('hotlineHandling.extension.reasonPlaceholder')}
          data-testid="hotline-extend-reason"
        />
      </Form.Item>
      <Button htmlType="submit" loading={busy} data-testid="hotline-extend-request">
        {t('hotlineHandling.extension.request')}
      </Button>
    </Form>
  );
}

/** 回访: the caller's satisfaction and what they said. */
function Callback({ busy, onSend }: { busy: boolean; onSend(body: Record<string, unknown>): void }) {
  const { t } = useT();
  const [form] = Form.useForm<{ result: string; note?: string }>();
  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={(v) => onSend({ result: v.result, ...(v.note?.trim() ? { note: v.note.trim() } : {}) })}
      onKeyDown={submitOnCtrlEnter(() => form.submit())}
    >
      <Form.Item
        name="result"
        label={t('hotlineHandling.callback.result')}
        rules={[{ required: true, message: t('hotlineHandling.required.result') }]}
        style={{ marginBottom: 8 }}
      >
        <Radio.Group
          optionType="button"
          options={CALLBACK_RESULTS.map((r) => ({ value: r, label: t(`hotlineHandling.result.${r}`) }))}
          data-testid="hotline-callback-result-pick"
        />
      </Form.Item>
      <Form.Item name="note" label={t('hotlineHandling.callback.note')} style={{ marginBottom: 8 }}>
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder={t('hotlineHandling.callback.notePlaceholder')}
          data-testid="hotline-callback-note"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="hotline-callback">
        {t('hotlineHandling.callback.send')}
      </Button>
    </Form>
  );
}

/** 黄牌/红牌 of the 签收 and 办结 deadlines, as the server computed them on the kernel clock. */
export function WarningTags({ ticket: k }: { ticket: Ticket }) {
  const { t } = useT();
  const tags = [
    k.warning.accept !== 'none'
      ? {
          color: k.warning.accept === 'red' ? 'red' : 'gold',
          text: t(`hotlineHandling.warning.${k.warning.accept === 'red' ? 'acceptRed' : 'acceptYellow'}`),
        }
      : null,
    k.warning.complete !== 'none'
      ? {
          color: k.warning.complete === 'red' ? 'red' : 'gold',
          text: t(`hotlineHandling.warning.${k.warning.complete === 'red' ? 'completeRed' : 'completeYellow'}`),
        }
      : null,
  ].filter((x): x is { color: string; text: string } => x !== null);
  return (
    <>
      {tags.map((x) => (
        <Tag key={x.text} color={x.color} data-testid="hotline-warning">
          {x.text}
        </Tag>
      ))}
    </>
  );
}
