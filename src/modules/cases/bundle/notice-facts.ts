import { bundleStatus, type BundleState } from './status.ts';
import { stepKind, type CaseRow } from '../model.ts';

/**
 * What a 一件事's applicant should know now, as facts computed from the member cases. A fact is
 * told once (bundle-notices.ts stores it); the facts new since the last telling become at most
 * one message per kind, so three members accepted one by one give one "accepted" message.
 */

/** Member events told as they happen rather than as a state: a 容缺 reminder, a broken commitment. */
export const MEMBER_EVENT_NOTICES = ['deferred_reminder', 'commitment_broken'] as const;
export const NOTICE_KINDS = ['submitted', 'accepted', 'correction', 'payment', 'refused', 'completed', 'withdrawn', ...MEMBER_EVENT_NOTICES] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface NoticeMember {
  position: number;
  itemName: string;
  c: Pick<CaseRow, 'status' | 'outcome' | 'steps' | 'current_step' | 'correction_count' | 'fee_notice_id'>;
}

export interface Fact {
  key: string;
  kind: NoticeKind;
  /** the member the fact is about, for the member kinds */
  itemName?: string;
}

export type MemberOutcome = 'approved' | 'disapproved' | 'refused' | 'withdrawn';

export interface Notice {
  kind: NoticeKind;
  facts: string[];
  /** member items concerned (correction, payment, refused) */
  items: string[];
  /** each member's result (completed) */
  outcomes: { item: string; outcome: MemberOutcome }[];
}

const PAST_ACCEPTANCE = new Set(['processing', 'completed']);

export function noticeFacts(state: BundleState, members: readonly NoticeMember[]): Fact[] {
  if (state !== 'submitted') return [];
  const { status } = bundleStatus(state, members.map((m) => m.c));
  if (status === 'completed' || status === 'withdrawn') return [{ key: status, kind: status }];
  const facts: Fact[] = [{ key: 'submitted', kind: 'submitted' }];
  const started = members.filter((m) => m.c.status !== 'draft');
  const live = started.filter((m) => m.c.status !== 'refused' && m.c.status !== 'withdrawn');
  // every member now being worked has been accepted (later catalogue steps, still drafts, wait)
  if (live.length && live.every((m) => PAST_ACCEPTANCE.has(m.c.status))) facts.push({ key: 'accepted', kind: 'accepted' });
  for (const m of started) {
    if (m.c.status === 'correction') facts.push({ key: `correction:${m.position}:${m.c.correction_count}`, kind: 'correction', itemName: m.itemName });
    if (m.c.status === 'refused') facts.push({ key: `refused:${m.position}`, kind: 'refused', itemName: m.itemName });
    if (m.c.status === 'processing' && m.c.fee_notice_id && stepKind(m.c.steps, m.c.current_step) === 'payment')
      facts.push({ key: `payment:${m.position}:${m.c.fee_notice_id}`, kind: 'payment', itemName: m.itemName });
  }
  return facts;
}

function outcomeOf(c: NoticeMember['c']): MemberOutcome {
  if (c.status === 'completed') return c.outcome === 'approved' ? 'approved' : 'disapproved';
  return c.status === 'refused' ? 'refused' : 'withdrawn';
}

/**
 * The messages for the facts not told yet. The end of the bundle says everything at once; "all
 * accepted" makes "submitted" needless when both are new (a late delivery).
 */
export function newNotices(fresh: readonly Fact[], members: readonly NoticeMember[]): Notice[] {
  const byKind = (kind: NoticeKind) => fresh.filter((f) => f.kind === kind);
  const notice = (kind: NoticeKind, facts: Fact[]): Notice => ({
    kind,
    facts: facts.map((f) => f.key),
    items: facts.flatMap((f) => (f.itemName ? [f.itemName] : [])),
    outcomes: kind === 'completed' ? members.filter((m) => m.c.status !== 'draft').map((m) => ({ item: m.itemName, outcome: outcomeOf(m.c) })) : [],
  });
  const out: Notice[] = [];
  for (const kind of ['completed', 'withdrawn', 'correction', 'payment', 'refused', 'accepted', 'submitted'] as const) {
    const facts = byKind(kind);
    if (!facts.length) continue;
    if (kind === 'submitted' && byKind('accepted').length) {
      out.find((n) => n.kind === 'accepted')!.facts.push(...facts.map((f) => f.key));
      continue;
    }
    out.push(notice(kind, facts));
  }
  return out;
}
