import { App, Button, Card, Descriptions, Drawer, Grid, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { date, dateTime } from '../../app/city-time.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { useApiError, useErrorText } from '../../components/useApiError.ts';
import { useRemote } from '../../components/useRemote.ts';
import { useT } from '../../i18n/useT.ts';
import { hotline, type Kind, type Ticket } from './api.ts';
import { HandlingSteps, WarningTags, type HandlingAction } from './HandlingSteps.tsx';
import { DuplicatesCard, TicketPhotos } from './intake-parts.tsx';
import { KnowledgePanel } from './KnowledgePanel.tsx';
import { TextStep } from './TextStep.tsx';
import { CategoryCascader, DueDate, History, KindRadio, StatusTag } from './parts.tsx';

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
  const step = async (action: StepAction, run: () => Promise<Ticket>) => {
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
      extra={
        ticket ? (
          <Space size={0}>
            <WarningTags ticket={ticket} />
            <StatusTag status={ticket.status} />
          </Space>
        ) : null
      }
      onClose={onClose}
      data-testid="hotline-drawer"
    >
      {!ticket && loading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : null}
      {!ticket && !loading && error ? <Result status="warning" subTitle={errorText(error)} /> : null}
      {ticket ? (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Details ticket={ticket} />
          {centre && (ticket.status === 'new' || ticket.status === 'returned') ? (
            <>
              <DuplicatesCard ticket={ticket} onMerge={(into) => step('merge', () => hotline.merge(ticket, into.id))} />
              <CentreSteps ticket={ticket} busy={busy} step={step} />
            </>
          ) : null}
          {!centre && (ticket.status === 'dispatched' || ticket.status === 'accepted') ? (
            <DepartmentSteps ticket={ticket} busy={busy} step={step} />
          ) : null}
          <HandlingSteps ticket={ticket} centre={centre} busy={busy} step={step} />
          <History ticket={ticket} />
        </Space>
      ) : null}
    </Drawer>
  );
}

type StepAction = 'dispatch' | 'answer' | 'accept' | 'return' | 'complete' | 'merge' | HandlingAction;
type Step = (action: StepAction, run: () => Promise<Ticket>) => Promise<void>;

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
          {
            key: 'kind',
            label: t('hotline.col.kind'),
            children: `${t(`hotline.kind.${k.kind}`)} · ${k.categoryName ?? t('hotline.detail.unclassified')}`,
          },
          { key: 'caller', label: t('hotline.detail.caller'), children: caller },
          {
            key: 'place',
            label: t('hotline.detail.place'),
            children: (
              <Space size={8} wrap>
                <RegionName code={k.regionCode} />
                {k.address ? <span>{k.address}</span> : null}
                {k.lat !== null && k.lng !== null ? (
                  <Typography.Text type="secondary">
                    {t('hotline.location.at', { lat: k.lat.toFixed(5), lng: k.lng.toFixed(5) })}
                  </Typography.Text>
                ) : null}
              </Space>
            ),
          },
          ...(k.photos.length || k.mediaUrl
            ? [
                {
                  key: 'photos',
                  label: t('hotline.detail.photos'),
                  children: (
                    <Space orientation="vertical" size={4}>
                      <TicketPhotos ticket={k} />
                      {k.mediaUrl ? (
                        <Typography.Link href={k.mediaUrl} target="_blank" rel="noreferrer noopener">
                          {k.mediaUrl}
                        </Typography.Link>
                      ) : null}
                    </Space>
                  ),
                },
              ]
            : []),
          ...(k.mergedInto
            ? [
                {
                  key: 'merged',
                  label: t('hotline.detail.mergedInto'),
                  children: (
                    <Space size={8} wrap data-testid="hotline-merged-into">
                      <Typography.Text strong>{k.mergedInto.number}</Typography.Text>
                      <StatusTag status={k.mergedInto.status} />
                      {k.mergedInto.department ? <span>{k.mergedInto.department}</span> : null}
                    </Space>
                  ),
                },
              ]
            : []),
          { key: 'channel', label: t('hotline.detail.channel'), children: t(`hotline.channel.${k.channel}`) },
          { key: 'created', label: t('hotline.detail.created'), children: dateTime(k.createdAt) },
          { key: 'due', label: t('hotline.detail.due'), children: <DueDate due={k.dueDate} status={k.status} /> },
          ...(k.acceptDue && k.status === 'dispatched'
            ? [{ key: 'acceptDue', label: t('hotline.detail.acceptDue'), children: date(k.acceptDue) }]
            : []),
          ...(k.article
            ? [
                {
                  key: 'article',
                  label: t('hotlineKnowledge.panel.title'),
                  children: `${k.article.title} · ${t('hotlineKnowledge.version.label', { version: k.article.version })}`,
                },
              ]
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
  // a text to 12345 comes unclassified: the agent names its kind and category as it dispatches
  const unclassified = !ticket.categoryCode;
  const [kind, setKind] = useState<Kind>(ticket.kind);
  // the classifier's hint for such a text is the category offered first
  const [categoryCode, setCategoryCode] = useState<string | undefined>(
    unclassified ? ticket.suggestion?.classifier?.categoryCode : undefined,
  );
  const classified = unclassified ? { kind, ...(categoryCode ? { categoryCode } : {}) } : {};
  const suggested = ticket.suggestion?.department;
  return (
    <Card size="small" title={t('hotline.detail.suggestion')} data-testid="hotline-centre-steps">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {unclassified ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="hotline-classify">
            <Typography.Text type="warning">{t('hotline.detail.classifyFirst')}</Typography.Text>
            <KindRadio value={kind} onChange={setKind} />
            <CategoryCascader value={categoryCode} onChange={setCategoryCode} />
            {ticket.suggestion?.reasons.map((r) => (
              <Typography.Text key={r} type="secondary" data-testid="hotline-classifier-hint">
                {r}
              </Typography.Text>
            ))}
          </Space>
        ) : null}
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
            disabled={!other || (unclassified && !categoryCode)}
            loading={busy}
            onClick={() => other && step('dispatch', () => hotline.dispatch(ticket, other, classified))}
            data-testid="hotline-dispatch-other"
          >
            {t('hotline.step.dispatch')}
          </Button>
        </Space.Compact>
        <KnowledgePanel
          text={ticket.content}
          ticketId={ticket.id}
          busy={busy}
          onUse={(hit) => step('answer', () => hotline.answer(ticket, hit.answer, hit.kind === 'article' ? hit.id : undefined))}
        />
        <TextStep
          label={t('hotline.step.answer')}
          placeholder={t('hotline.step.answerPlaceholder')}
          required={t('hotline.required.reply')}
          max={2000}
          busy={busy}
          testId="hotline-answer"
          onSend={(reply) => step('answer', () => hotline.answer(ticket, reply))}
        />
      </Space>
    </Card>
  );
}

/** 签收 a dispatched ticket; 退回 with the reason; 办结 an accepted one with the reply. */
function DepartmentSteps({ ticket, busy, step }: { ticket: Ticket; busy: boolean; step: Step }) {
  const { t } = useT();
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
          <TextStep
            label={t('hotline.step.reason')}
            placeholder={t('hotline.step.reasonPlaceholder')}
            required={t('hotline.required.reason')}
            max={500}
            busy={busy}
            danger
            autoFocus
            testId="hotline-give-back-ok"
            button={t('hotline.step.giveBack')}
            onSend={(reason) => step('return', () => hotline.giveBack(ticket, reason))}
          />
        ) : null}
        {ticket.status === 'accepted' ? (
          <TextStep
            label={t('hotline.step.reply')}
            placeholder={t('hotline.step.replyPlaceholder')}
            required={t('hotline.required.reply')}
            max={2000}
            busy={busy}
            primary
            testId="hotline-complete"
            button={t('hotline.step.complete')}
            onSend={(reply) => step('complete', () => hotline.complete(ticket, reply))}
          />
        ) : null}
      </Space>
    </Card>
  );
}
