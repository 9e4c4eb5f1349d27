import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable, Row } from '../../../kernel/db/index.ts';
import { forbidden, unauthenticated } from '../../../kernel/errors.ts';
import { allKeys, t, type Lang } from '../../../kernel/i18n/index.ts';
import type { NoticeKind } from '../bundle/notice-facts.ts';
import { bundleNoticeText, NOTICE_PREFIX, type NoticeDetails } from '../bundle/notices.ts';
import type { CaseMessage, CaseMessages } from '../schemas.ts';

const SMS_PREFIX = 'cases.sms.';
/** Applicant-facing kinds: every event with an SMS text, except the ones meant for staff. */
const APPLICANT_KINDS = allKeys('zh-CN')
  .filter((k) => k.startsWith(SMS_PREFIX) && !k.startsWith(`${SMS_PREFIX}staff_`))
  .map((k) => k.slice(SMS_PREFIX.length));

type Person = Extract<Actor, { kind: 'person' }>;

function reader(actor: Actor): { person: Person; key: string; where: string; param: string } {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'applicant' });
  // the same cases as "my cases": one's own, or the enterprise's while acting for it
  return actor.actingFor
    ? { person: actor, key: `${actor.id}:${actor.actingFor.enterpriseId}`, where: 'c.applicant_enterprise_id = $1', param: actor.actingFor.enterpriseId }
    : { person: actor, key: actor.id, where: `c.owner_person_id = $1 and c.applicant_kind = 'person'`, param: actor.id };
}

export type { CaseMessage };

interface MessageRow {
  id: string;
  case_id: string;
  bundle: boolean;
  number: string | null;
  item_name: string;
  query_code: string | null;
  kind: string;
  at: Date;
  details: NoticeDetails | null;
}

/**
 * What the reader was told: the SMS kinds of their ordinary cases, and for a 一件事 the bundle's
 * notices instead of its members' transitions (one per change of the bundle, as its SMS).
 */
const told = (where: string) => `
  select e.id, e.case_id, false as bundle, c.number, c.item_name, c.query_code, e.kind, e.at, null::jsonb as details
    from case_event e join case_record c on c.id = e.case_id
   where ${where} and e.kind = any($2::text[]) and not exists (select 1 from case_bundle_member m where m.case_id = c.id)
  union all
  select e.id, c.id, true, c.number, c.bundle_name, c.query_code, e.kind, e.at, e.details
    from case_bundle_event e join case_bundle c on c.id = e.bundle_case_id
   where ${where} and e.kind like 'notice\\_%'`;

function messageText(lang: Lang, m: MessageRow): string {
  const text = m.bundle
    ? bundleNoticeText(lang, m.kind.slice(NOTICE_PREFIX.length) as NoticeKind, { number: m.number, bundleName: m.item_name, queryCode: m.query_code }, m.details ?? {})
    : t(lang, `${SMS_PREFIX}${m.kind}`, { number: m.number ?? '', item: m.item_name, code: m.query_code ?? '' });
  // the SMS text without its sender tag
  return text.replace(/^(【[^】]*】|\[[^\]]*\])\s*/, '');
}

/**
 * 站内消息: what the applicant was told by SMS at each change of their cases, newest first, in
 * their language, with what is new since they last read. No copy is stored: the timeline is the source.
 */
export async function myMessages(q: Queryable, actor: Actor, lang: Lang, query: { page: number; pageSize: number }): Promise<CaseMessages> {
  const r = reader(actor);
  const read = await q.one<{ read_at: Date }>(`select read_at from case_message_read where reader = $1`, [r.key]);
  const since = read?.read_at ?? new Date(0);
  const params = [r.param, APPLICANT_KINDS];
  const rows = await q.query<MessageRow & Row>(`select * from (${told(r.where)}) m order by at desc, id desc limit $3 offset $4`, [
    ...params,
    query.pageSize,
    (query.page - 1) * query.pageSize,
  ]);
  const counts = await q.one<{ total: number; unread: number }>(
    `select count(*)::int as total, count(*) filter (where m.at > $3)::int as unread from (${told(r.where)}) m`,
    [...params, since],
  );
  const items: CaseMessage[] = rows.map((m) => ({
    id: m.id,
    caseId: m.case_id,
    bundle: m.bundle,
    number: m.number,
    itemName: m.item_name,
    kind: m.kind,
    at: new Date(m.at).toISOString(),
    text: messageText(lang, m),
    unread: new Date(m.at) > since,
  }));
  return { items, total: counts?.total ?? 0, unread: counts?.unread ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Everything up to now is read. */
export async function markMessagesRead(q: Queryable, actor: Actor): Promise<{ readAt: string }> {
  const r = reader(actor);
  const row = await q.one<{ read_at: Date }>(
    `insert into case_message_read (reader, read_at) values ($1, clock_now())
     on conflict (reader) do update set read_at = excluded.read_at returning read_at`,
    [r.key],
  );
  return { readAt: new Date(row!.read_at).toISOString() };
}
