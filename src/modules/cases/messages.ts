import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { forbidden, unauthenticated } from '../../kernel/errors.ts';
import { allKeys, t, type Lang } from '../../kernel/i18n/index.ts';

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

export interface CaseMessage {
  id: string;
  caseId: string;
  number: string | null;
  itemName: string;
  kind: string;
  at: string;
  text: string;
  unread: boolean;
}

/**
 * 站内消息: what the applicant was told by SMS at each change of their cases, newest first, in
 * their language, with what is new since they last read. No copy is stored: the timeline is the source.
 */
export async function myMessages(q: Queryable, actor: Actor, lang: Lang, query: { page: number; pageSize: number }) {
  const r = reader(actor);
  const read = await q.one<{ read_at: Date }>(`select read_at from case_message_read where reader = $1`, [r.key]);
  const since = read?.read_at ?? new Date(0);
  const params = [r.param, APPLICANT_KINDS];
  const rows = await q.query<{ id: string; case_id: string; number: string | null; item_name: string; query_code: string | null; kind: string; at: Date }>(
    `select e.id, e.case_id, c.number, c.item_name, c.query_code, e.kind, e.at
       from case_event e join case_record c on c.id = e.case_id
      where ${r.where} and e.kind = any($2::text[])
      order by e.at desc, e.id desc limit $3 offset $4`,
    [...params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const counts = await q.one<{ total: number; unread: number }>(
    `select count(*)::int as total, count(*) filter (where e.at > $3)::int as unread
       from case_event e join case_record c on c.id = e.case_id where ${r.where} and e.kind = any($2::text[])`,
    [...params, since],
  );
  const items: CaseMessage[] = rows.map((m) => ({
    id: m.id,
    caseId: m.case_id,
    number: m.number,
    itemName: m.item_name,
    kind: m.kind,
    at: new Date(m.at).toISOString(),
    // the SMS text without its sender tag
    text: t(lang, `${SMS_PREFIX}${m.kind}`, { number: m.number ?? '', item: m.item_name, code: m.query_code ?? '' }).replace(/^(【[^】]*】|\[[^\]]*\])\s*/, ''),
    unread: new Date(m.at) > since,
  }));
  return { items, total: counts?.total ?? 0, unread: counts?.unread ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Everything up to now is read. */
export async function markMessagesRead(q: Queryable, actor: Actor): Promise<{ readAt: string }> {
  const r = reader(actor);
  const row = await q.one<{ read_at: Date }>(
    `insert into case_message_read (reader, read_at) values ($1, now())
     on conflict (reader) do update set read_at = excluded.read_at returning read_at`,
    [r.key],
  );
  return { readAt: new Date(row!.read_at).toISOString() };
}
