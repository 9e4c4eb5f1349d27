import { Space, Tag } from 'antd';
import { useT } from '../../i18n/useT.ts';
import type { CaseView, Colour } from './api.ts';
import { ProvisionalTag } from './CaseTimeline.tsx';

const TAG_COLOURS = { red: 'red', yellow: 'gold', green: 'green' } as const;

/**
 * The case's deadlines, each tag saying which one it is — 承诺时限 (the department's promise,
 * coloured like the inbox: green, yellow near it, red past it), 法定时限 (the law's), 容缺补交
 * (the applicant's) — and its date. Before submission the clock has not started: the promise is
 * told in working days. A bare date tag left readers guessing which deadline it was.
 */
export function CaseDeadlines({ c, colour }: { c: CaseView; colour: Colour }) {
  const { t } = useT();
  if (c.caseType === 'immediate') return <Tag data-testid="deadline-immediate">{t('casePage.deadline.immediate')}</Tag>;
  const { promisedDue, statutoryDue, promisedDays, statutoryDays, provisional } = c.clock;
  return (
    <Space wrap size={[4, 4]} data-testid="case-deadlines">
      {promisedDue ? (
        <Tag color={colour ? TAG_COLOURS[colour] : undefined} data-testid={`deadline-${colour ?? 'promised'}`}>
          {t('casePage.deadline.promised', { date: promisedDue })}
        </Tag>
      ) : (
        promisedDays > 0 && <Tag data-testid="deadline-promised-days">{t('casePage.deadline.promisedDays', { days: promisedDays })}</Tag>
      )}
      {statutoryDue ? (
        <Tag data-testid="deadline-statutory">{t('casePage.deadline.statutory', { date: statutoryDue })}</Tag>
      ) : (
        !promisedDue && statutoryDays > 0 && <Tag data-testid="deadline-statutory-days">{t('casePage.deadline.statutoryDays', { days: statutoryDays })}</Tag>
      )}
      {c.deferred?.due && c.status === 'processing' && <Tag color="orange" data-testid="deadline-deferred">{t('casePage.deadline.deferred', { date: c.deferred.due })}</Tag>}
      <ProvisionalTag provisional={provisional} />
    </Space>
  );
}
