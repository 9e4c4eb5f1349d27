import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { date } from '../../app/city-time.ts';
import { useT } from '../../i18n/useT.ts';
import type { Demand, DemandStatus, Grant } from './demandApi.ts';

const STATUS_COLOURS: Record<DemandStatus, string> = { pending: 'gold', approved: 'green', refused: 'red', withdrawn: 'default' };

/** Today in the city (the server's calendar day). */
export const cityToday = () => date(Date.now());

/** Calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export function DemandStatusTag({ demand }: { demand: Pick<Demand, 'status' | 'answeredBy'> }) {
  const { t } = useT();
  return (
    <Tag color={STATUS_COLOURS[demand.status]} data-testid="demand-status">
      {demand.status === 'approved' && demand.answeredBy === 'system' ? t('data.demand.grantedAtOnce') : t(`data.demand.statuses.${demand.status}`)}
    </Tag>
  );
}

/** The answer clock of a pending demand: 剩余 N 天, 今天到期, or 已逾期 in red. */
export function DueTag({ demand }: { demand: Pick<Demand, 'status' | 'dueDate' | 'overdue'> }) {
  const { t } = useT();
  if (demand.status !== 'pending') return null;
  const left = daysBetween(cityToday(), demand.dueDate);
  const [colour, text] =
    demand.overdue || left < 0 ? ['red', t('data.demand.clock.overdue')] : left === 0 ? ['orange', t('data.demand.clock.today')] : [left <= 3 ? 'gold' : 'blue', t('data.demand.clock.left', { n: left })];
  return (
    <Tag color={colour} icon={<ClockCircleOutlined />} data-testid="demand-clock">
      {text}
    </Tag>
  );
}

/** Whether the requester said the answer met its need. */
export function SatisfactionTag({ satisfied }: { satisfied: boolean | null }) {
  const { t } = useT();
  if (satisfied === null) return null;
  return (
    <Tag color={satisfied ? 'green' : 'volcano'} data-testid="demand-satisfaction">
      {satisfied ? t('data.demand.satisfied') : t('data.demand.unsatisfied')}
    </Tag>
  );
}

/** A grant in force, expired, not yet in force, or revoked. */
export function GrantStateTag({ grant }: { grant: Grant }) {
  const { t } = useT();
  const today = cityToday();
  const state = grant.status === 'revoked' ? 'revoked' : grant.validTo < today ? 'expired' : grant.validFrom > today ? 'future' : 'active';
  const colour = { revoked: 'red', expired: 'default', future: 'blue', active: 'green' }[state];
  return (
    <Tag color={colour} data-testid="grant-state">
      {t(`data.grant.states.${state}`)}
    </Tag>
  );
}

/** Whether a grant allows bulk exchange (批量交换) besides lookups. */
export function BulkTag({ bulk }: { bulk: boolean }) {
  const { t } = useT();
  return (
    <Tag color={bulk ? 'cyan' : 'default'} data-testid="grant-bulk">
      {bulk ? t('data.grant.bulkYes') : t('data.grant.bulkNo')}
    </Tag>
  );
}
