import { Tag, Timeline, Tooltip } from 'antd';
import type { MessageKey } from '../../i18n/messages.ts';
import { useT } from '../../i18n/useT.ts';
import type { CaseStatus, Colour, TimelineEntry } from './api.ts';
import { TimelineActor } from './TimelineActor.tsx';
import { dateTime } from '../../app/city-time.ts';

const STATUS_COLOURS: Record<CaseStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  correction: 'orange',
  processing: 'processing',
  completed: 'green',
  refused: 'red',
  withdrawn: 'default',
};

export function StatusTag({ status, outcome }: { status: CaseStatus; outcome?: string | null }) {
  const { t } = useT();
  const text = status === 'completed' && outcome === 'disapproved' ? t('cases.outcome.disapproved') : t(`cases.status.${status}` as MessageKey);
  return <Tag color={STATUS_COLOURS[status]} data-testid="case-status">{text}</Tag>;
}

export function DeadlineTag({ colour, due }: { colour: Colour; due: string | null }) {
  const { t } = useT();
  if (!colour) return <Tag>{t('cases.immediate')}</Tag>;
  const c = colour === 'red' ? 'red' : colour === 'yellow' ? 'gold' : 'green';
  return <Tag color={c} data-testid={`deadline-${colour}`}>{due ?? ''}</Tag>;
}

/** 「暂定」: the deadline runs into a year whose holidays are not confirmed; it is recomputed when they are. */
export function ProvisionalTag({ provisional }: { provisional: boolean }) {
  const { t } = useT();
  if (!provisional) return null;
  return (
    <Tooltip title={t('cases.provisionalHint')}>
      <Tag color="orange" data-testid="deadline-provisional">{t('cases.provisional')}</Tag>
    </Tooltip>
  );
}

/** 已缴费: the amount and time the payment channel reported. */
function PaidLine({ details }: { details: Record<string, unknown> }) {
  const { t } = useT();
  if (typeof details.amountFen !== 'number') return null;
  return (
    <div data-testid="timeline-paid">
      {t('caseTimeline.paid', { amount: (details.amountFen / 100).toFixed(2) })}
      {typeof details.paidAt === 'string' && <small style={{ color: '#888', marginLeft: 8 }}>{t('caseTimeline.paidAt', { at: dateTime(details.paidAt) })}</small>}
    </div>
  );
}

/** 办件时间轴: every transition with its time, who acted and the opinion given. */
export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t, tx } = useT();
  return (
    <Timeline
      data-testid="case-timeline"
      items={entries.map((e) => ({
        key: `${e.at}${e.kind}`,
        color: /refused|disapproved|overdue/.test(e.kind) ? 'red' : /correction|warning/.test(e.kind) ? 'orange' : 'blue',
        children: (
          <div>
            <strong>{tx(`cases.kind.${e.kind}`, tx(`casesWorkflow.kind.${e.kind}`, tx(`caseTimeline.kind.${e.kind}`, t('caseTimeline.otherKind'))))}</strong>
            {typeof e.details?.name === 'string' && /special_procedure/.test(e.kind) && <Tag style={{ marginLeft: 6 }}>{e.details.name}</Tag>}{' '}
            <small style={{ color: '#888' }}>{dateTime(e.at)}</small>
            <TimelineActor actor={e.actor} />
            {e.kind === 'paid' && <PaidLine details={e.details} />}
            {e.opinion && <div>{e.opinion}</div>}
          </div>
        ),
      }))}
    />
  );
}
