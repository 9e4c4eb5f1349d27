import type { Actor } from '../../kernel/actor.ts';
import { requireStaff } from '../../kernel/auth.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { t, type Lang } from '../../kernel/i18n/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { StaffMessage, StaffMessageKind, StaffMessagePage, StaffMessagesRead } from './schemas.ts';

export type { StaffMessageKind };

export interface StaffMessageInput {
  kind: StaffMessageKind;
  caseId?: string | null;
  ref?: string | null;
  params: Record<string, string | number>;
}

/**
 * Writes one message per recipient in the caller's transaction, so it exists exactly when the
 * event it tells of committed. A recipient named twice (the handler who is also a head) gets one;
 * ids that are no staff account are skipped rather than failing the event. Returns how many.
 */
export async function notifyStaff(tx: Tx, staffIds: readonly string[], message: StaffMessageInput): Promise<number> {
  const recipients = [...new Set(staffIds)];
  if (!recipients.length) return 0;
  const rows = await tx.query<{ id: string }>(
    `insert into staff_message (id, staff_id, kind, case_id, ref, params)
     select u.id, s.id, $3, $4, $5, $6 from unnest($1::uuid[], $2::uuid[]) as u(id, staff_id) join staff s on s.id = u.staff_id
     returning id`,
    [recipients.map(() => uuidv7()), recipients, message.kind, message.caseId ?? null, message.ref ?? null, JSON.stringify(message.params)],
  );
  return rows.length;
}

interface Row {
  id: string;
  kind: StaffMessageKind;
  case_id: string | null;
  ref: string | null;
  params: Record<string, string | number>;
  created_at: Date;
  read_at: Date | null;
  [k: string]: unknown;
}

const unreadCount = async (q: Queryable, staffId: string) =>
  (await q.one<{ n: number }>(`select count(*)::int as n from staff_message where staff_id = $1 and read_at is null`, [staffId]))?.n ?? 0;

/** One's own messages, newest first, in the reader's language; persons and visitors are refused. */
export async function myStaffMessages(q: Queryable, actor: Actor, lang: Lang, query: { page: number; pageSize: number; unread?: boolean }): Promise<StaffMessagePage> {
  const staff = requireStaff(actor);
  const filter = query.unread === undefined ? '' : query.unread ? ' and read_at is null' : ' and read_at is not null';
  const rows = await q.query<Row>(
    `select id, kind, case_id, ref, params, created_at, read_at from staff_message
      where staff_id = $1${filter} order by created_at desc, id desc limit $2 offset $3`,
    [staff.id, query.pageSize, (query.page - 1) * query.pageSize],
  );
  const total = (await q.one<{ n: number }>(`select count(*)::int as n from staff_message where staff_id = $1${filter}`, [staff.id]))?.n ?? 0;
  const items: StaffMessage[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    caseId: r.case_id,
    ref: r.ref,
    number: typeof r.params.number === 'string' && r.params.number ? r.params.number : null,
    text: t(lang, `staffMessage.${r.kind}`, r.params),
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at && new Date(r.read_at).toISOString(),
  }));
  return { items, total, unread: await unreadCount(q, staff.id), page: query.page, pageSize: query.pageSize };
}

export async function myUnreadCount(q: Queryable, actor: Actor): Promise<{ unread: number }> {
  return { unread: await unreadCount(q, requireStaff(actor).id) };
}

/**
 * Marks the listed messages read, or all when none are listed. Only one's own: an id of someone
 * else's message (or of none) changes nothing, so nobody can mark another's bell read.
 */
export async function markStaffMessagesRead(q: Queryable, actor: Actor, ids?: readonly string[]): Promise<StaffMessagesRead> {
  const staff = requireStaff(actor);
  const rows = await q.query<{ id: string }>(
    `update staff_message set read_at = clock_now()
      where staff_id = $1 and read_at is null and ($2::uuid[] is null or id = any($2::uuid[])) returning id`,
    [staff.id, ids ? [...new Set(ids)] : null],
  );
  return { marked: rows.length, unread: await unreadCount(q, staff.id) };
}
