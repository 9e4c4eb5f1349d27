import { systemActor } from '../../../kernel/actor.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { t, type Lang } from '../../../kernel/i18n/index.ts';
import { uuidv7 } from '../../../kernel/ids.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import { personView, queueSms } from '../../identity/index.ts';
import { MEMBER_EVENT_NOTICES, newNotices, noticeFacts, type MemberOutcome, type Notice, type NoticeKind, type NoticeMember } from './notice-facts.ts';
import { membersOf, type BundleCaseRow } from './store.ts';
import { CASE_COLUMNS, type CaseRow } from '../model.ts';

/**
 * 一件事一次办: the applicant of a bundle hears from the bundle, not from each member case
 * (their SMS is suppressed in transitions.ts). Each new fact about the bundle is told once: an
 * SMS in zh-CN like every case SMS, and a bundle timeline entry `notice_<kind>` that 我的消息
 * shows, both in the caller's transaction with the stored fact.
 */

const BUNDLE = systemActor('cases.bundle');
export const NOTICE_PREFIX = 'notice_';
const KEY = 'cases.bundle_sms.';

export interface NoticeDetails {
  items?: string[];
  outcomes?: { item: string; outcome: MemberOutcome }[];
}

/** The message of a bundle notice in a language; the same words as the SMS. */
export function bundleNoticeText(lang: Lang, kind: NoticeKind, b: { number: string | null; bundleName: string; queryCode: string | null }, d: NoticeDetails): string {
  const sep = t(lang, `${KEY}sep`);
  const items = d.outcomes?.length
    ? d.outcomes.map((o) => t(lang, `${KEY}outcome`, { item: o.item, outcome: t(lang, `${KEY}outcome.${o.outcome}`) })).join(t(lang, `${KEY}outcomeSep`))
    : (d.items ?? []).join(sep);
  return t(lang, `${KEY}${kind}`, { number: b.number ?? '', bundle: b.bundleName, code: b.queryCode ?? '', items });
}

async function noticeMembers(tx: Tx, bundleCaseId: string): Promise<NoticeMember[]> {
  const members = await membersOf(tx, bundleCaseId);
  const ids = members.flatMap((m) => (m.caseId ? [m.caseId] : []));
  const rows = ids.length ? await tx.query<CaseRow>(`select ${CASE_COLUMNS} from case_record c where c.id = any($1::uuid[])`, [ids]) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return members.flatMap((m) => {
    const c = m.caseId ? byId.get(m.caseId) : undefined;
    return c ? [{ position: m.position, itemName: m.itemName, c }] : [];
  });
}

/**
 * Tells the applicant what is new about the bundle. The caller holds the bundle row's lock, so
 * two members changing at once are told in one order; a fact already stored tells nothing again.
 */
export async function announceBundle(tx: Tx, pii: PersonalData, b: BundleCaseRow): Promise<void> {
  if (b.state !== 'submitted' || !b.number) return;
  const members = await noticeMembers(tx, b.id);
  const facts = noticeFacts(b.state, members);
  if (!facts.length) return;
  const told = new Set((await tx.query<{ fact: string }>('select fact from case_bundle_notice where bundle_case_id = $1', [b.id])).map((r) => r.fact));
  const notices = newNotices(facts.filter((f) => !told.has(f.key)), members);
  for (const n of notices) await tell(tx, pii, b, n);
}

/**
 * A member event that is news by itself (MEMBER_EVENT_NOTICES): told once per event, named by the
 * member's timeline entry, so a replay finds the fact stored.
 */
export async function announceMemberEvent(
  tx: Tx,
  pii: PersonalData,
  b: BundleCaseRow,
  e: { kind: (typeof MEMBER_EVENT_NOTICES)[number]; eventId: string; caseId: string },
): Promise<void> {
  if (b.state !== 'submitted' || !b.number) return;
  const member = (await membersOf(tx, b.id)).find((m) => m.caseId === e.caseId);
  if (member) await tell(tx, pii, b, { kind: e.kind, facts: [`event:${e.eventId}`], items: [member.itemName], outcomes: [] });
}

async function tell(tx: Tx, pii: PersonalData, b: BundleCaseRow, n: Notice): Promise<void> {
  const eventId = uuidv7();
  const stored = await tx.query<{ fact: string }>(
    `insert into case_bundle_notice (bundle_case_id, fact, event_id) select $1, f, $3 from unnest($2::text[]) f
     on conflict do nothing returning fact`,
    [b.id, n.facts, eventId],
  );
  if (!stored.length) return;
  const details: NoticeDetails = n.outcomes.length ? { outcomes: n.outcomes } : { items: n.items };
  await tx.query(
    `insert into case_bundle_event (id, bundle_case_id, kind, actor_kind, actor_id, actor_name, details) values ($1, $2, $3, $4, null, null, $5)`,
    [eventId, b.id, `${NOTICE_PREFIX}${n.kind}`, BUNDLE.kind, JSON.stringify(details)],
  );
  const person = await personView(tx, pii, b.owner_person_id, true);
  if (!person?.phone) return;
  await queueSms(tx, pii, person.phone, bundleNoticeText('zh-CN', n.kind, { number: b.number, bundleName: b.bundle_name, queryCode: b.query_code }, details));
}
