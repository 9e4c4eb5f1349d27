import { App, Button, Card, Descriptions, Drawer, Form, Grid, Input, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { date, dateTime } from '../../app/city-time.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { useApiError, useErrorText } from '../../components/useApiError.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useT } from '../../i18n/useT.ts';
import { hotline, type Ticket } from './api.ts';
import { DueDate, History, StatusTag, submitOnCtrlEnter } from './parts.tsx';

interface Props {
  /** The ticket shown; undefined = closed. */
  id: string | undefined;
  /** The centre dispatches or answers; a department accepts, gives back, finishes. */
  centre: boolean;
  onClose(): void;
  /** A step was taken: the list shows the ticket anew. */
  onChanged(): void;
}

/** One ticket: what the caller asked, who they are (as this reader may see them), the suggestion, the steps and the history. */
export function TicketDrawer({ id, centre, onClose, onChanged }: Props) {
  const { t } = useT();
  const { message } = App.useApp();
  const showError = useApiError();
  const errorText = useErrorText();
  const wide = Grid.useBreakpoint().md !== false;
  const load = useCallback(() => hotline.get(id ?? ''), [id]);
  const { data, error, loading, reload } = useRemote<Ticket>(load, !!id);
  const [busy, setBusy] = useState(false);
  const ticket = data && data.id === id ? data : undefined;

  /** Take a step; the drawer reads the ticket again (the history grew) and the list follows. */
  const step = async (action: 'dispatch' | 'answer' | 'accept' | 'return' | 'complete', run: () => Promise<Ticket>) => {
    setBusy(true);
    try {
      await run();
      message.success(t('hotline.step.done', { action: t(`hotline.action.${action}`) }));
      onChanged();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
      reload();
    }
  };

  return (
    <Drawer
      open={!!id}
      size={wide ? 760 : '100%'}
      title={ticket ? t('hotline.detail.title', { number: ticket.number }) : ' '}
      extra={ticket ? <StatusTag status={ticket.status} /> : null}
      onClose={onClose}
      data-testid="hotline-drawer"
    >
      {!ticket && loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {!ticket && !loading && error ? <Result status="warning" subTitle={errorText(error)} /> : null}
      {ticket ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Details ticket={ticket} />
          {centre && (ticket.status === 'new' || ticket.status === 'returned') ? (
            <CentreSteps ticket={ticket} busy={busy} step={step} />
          ) : null}
          {!centre && (ticket.status === 'dispatched' || ticket.status === 'accepted') ? (
            <DepartmentSteps ticket={ticket} busy={busy} step={step} />
          ) : null}
          <History ticket={ticket} />
        </Space>
      ) : null}
    </Drawer>
  );
}

type Step = (action: 'dispatch' | 'answer' | 'accept' | 'return' | 'complete', run: () => Promise<Ticket>) => Promise<void>;

function Details({ ticket: k }: { ticket: Ticket }) {
  const { t } = useT();
  const caller = k.caller ? (
    <Space size={8} wrap data-testid="hotline-caller">
      <span>{k.caller.name ?? t('hotline.detail.noCaller')}</span>
      <span>{k.caller.phone ?? ''}</span>
      {k.anonymous ? <Tag color="purple">{t('hotline.detail.anonymousTag')}</Tag> : null}
    </Space>
  ) : (
    <Tag data-testid="hotline-caller">{t('hotline.detail.anonymous')}</Tag>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('hotline.detail.content')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="hotline-content-view">
          {k.content}
        </Typography.Paragraph>
      </Card>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { whiteSpace: 'nowrap' } }}
        data-testid="hotline-details"
        items={[
          { key: 'kind', label: t('hotline.col.kind'), children: `${t(`hotline.kind.${k.kind}`)} · ${k.categoryName}` },
          { key: 'caller', label: t('hotline.detail.caller'), children: caller },
          {
            key: 'place',
            label: t('hotline.detail.place'),
            children: (
              <Space size={8} wrap>
                <RegionName code={k.regionCode} />
                {k.address ? <span>{k.address}</span> : null}
              </Space>
            ),
          },
          { key: 'channel', label: t('hotline.detail.channel'), children: t(`hotline.channel.${k.channel}`) },
          { key: 'created', label: t('hotline.detail.created'), children: dateTime(k.createdAt) },
          { key: 'due', label: t('hotline.detail.due'), children: <DueDate due={k.dueDate} status={k.status} /> },
          ...(k.acceptDue && k.status === 'dispatched'
            ? [{ key: 'acceptDue', label: t('hotline.detail.acceptDue'), children: date(k.acceptDue) }]
            : []),
          ...(k.department ? [{ key: 'department', label: t('hotline.detail.department'), children: k.department.name }] : []),
          ...(k.reply
            ? [
                {
                  key: 'reply',
                  label: t('hotline.detail.reply'),
                  children: (
                    <span style={{ whiteSpace: 'pre-wrap' }} data-testid="hotline-reply">
                      {k.reply}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

/** 派单 to the suggested department in one click, or to another; or 直接答复. */
function CentreSteps({ ticket, busy, step }: { ticket: Ticket; busy: boolean; step: Step }) {
  const { t } = useT();
  const [other, setOther] = useState<string>();
  const [answer] = Form.useForm<{ reply: string }>();
  const suggested = ticket.suggestion?.department;
  return (
    <Card size="small" title={t('hotline.detail.suggestion')} data-testid="hotline-centre-steps">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {suggested ? (
          <div data-testid="hotline-suggestion">
            <Typography.Text strong>{suggested.name}</Typography.Text>
            <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
              {ticket.suggestion!.reasons.map((r) => (
                <li key={r}>
                  <Typography.Text type="secondary">{r}</Typography.Text>
                </li>
              ))}
            </ul>
            <Button
              type="primary"
              loading={busy}
              onClick={() => step('dispatch', () => hotline.dispatch(ticket, suggested.id))}
              data-testid="hotline-dispatch-suggested"
            >
              {t('hotline.step.dispatchSuggested', { department: suggested.name })}
            </Button>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('hotline.detail.noSuggestion')}</Typography.Text>
        )}
        <Space.Compact style={{ width: '100%' }}>
          <DepartmentSelect
            value={other}
            onChange={setOther}
            style={{ flex: 1, minWidth: 0 }}
            placeholder={t('hotline.step.dispatchOther')}
          />
          <Button
            disabled={!other}
            loading={busy}
            onClick={() => other && step('dispatch', () => hotline.dispatch(ticket, other))}
            data-testid="hotline-dispatch-other"
          >
            {t('hotline.step.dispatch')}
          </Button>
        </Space.Compact>
        <Form
          form={answer}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => step('answer', () => hotline.answer(ticket, v.reply.trim()))}
          onKeyDown={submitOnCtrlEnter(() => answer.submit())}
        >
          <Form.Item
            name="reply"
            label={t('hotline.step.answer')}
            rules={[{ required: true, whitespace: true, message: t('hotline.required.reply') }]}
            style={{ marginBottom: 8 }}
          >
            <Input.TextArea
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('hotline.step.answerPlaceholder')}
              data-testid="hotline-answer-text"
            />
          </Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="hotline-answer">
            {t('hotline.step.answer')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}

/** 签收 a dispatched ticket; 退回 with the reason; 办结 an accepted one with the reply. */
function DepartmentSteps({ ticket, busy, step }: { ticket: Ticket; busy: boolean; step: Step }) {
  const { t } = useT();
  const [back] = Form.useForm<{ reason: string }>();
  const [done] = Form.useForm<{ reply: string }>();
  const [givingBack, setGivingBack] = useState(false);
  return (
    <Card size="small" data-testid="hotline-department-steps">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          {ticket.status === 'dispatched' ? (
            <Button
              type="primary"
              loading={busy}
              onClick={() => step('accept', () => hotline.accept(ticket))}
              data-testid="hotline-accept"
            >
              {t('hotline.step.accept')}
            </Button>
          ) : null}
          <Button danger={givingBack} onClick={() => setGivingBack((v) => !v)} data-testid="hotline-give-back">
            {t('hotline.step.giveBack')}
          </Button>
        </Space>
        {givingBack ? (
          <Form
            form={back}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => step('return', () => hotline.giveBack(ticket, v.reason.trim()))}
            onKeyDown={submitOnCtrlEnter(() => back.submit())}
          >
            <Form.Item
              name="reason"
              label={t('hotline.step.reason')}
              rules={[{ required: true, whitespace: true, message: t('hotline.required.reason') }]}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                autoFocus
                maxLength={500}
                autoSize={{ minRows: 2, maxRows: 6 }}
                placeholder={t('hotline.step.reasonPlaceholder')}
                data-testid="hotline-reason"
              />
            </Form.Item>
            <Button danger htmlType="submit" loading={busy} data-testid="hotline-give-back-ok">
              {t('hotline.step.giveBack')}
            </Button>
          </Form>
        ) : null}
        {ticket.status === 'accepted' ? (
          <Form
            form={done}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => step('complete', () => hotline.complete(ticket, v.reply.trim()))}
            onKeyDown={submitOnCtrlEnter(() => done.submit())}
          >
            <Form.Item
              name="reply"
              label={t('hotline.step.reply')}
              rules={[{ required: true, whitespace: true, message: t('hotline.required.reply') }]}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                maxLength={2000}
                autoSize={{ minRows: 3, maxRows: 8 }}
                placeholder={t('hotline.step.replyPlaceholder')}
                data-testid="hotline-reply-text"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="hotline-complete">
              {t('hotline.step.complete')}
            </Button>
          </Form>
        ) : null}
      </Space>
    </Card>
  );
}
