import type { Actor } from '../../kernel/actor.ts';
import { allowKinds, canAct, scopeCondition } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { maskPersonal } from '../../kernel/validate/mask.ts';
import { departmentRefsById } from '../org/index.ts';
import type { ClassifierView, Photo, Ticket } from './schemas.ts';
import type { CallbackChannel, CallbackResult, Channel, Kind, Status, Warning } from './vocab.ts';

/** The 12345 centre: agents (话务员) and the node's administrators over the ticket's region. */
export const CENTRE_ROLES = ['hotline_agent', 'administrator'] as const;
/** Staff of the 12345 centre (an agent or an administrator, in some region). */
export const isCentre = (actor: Actor) =>
  actor.kind === 'staff' && actor.roles.some((g) => (CENTRE_ROLES as readonly string[]).includes(g.role));

/** A department's staff who handle the tickets dispatched to it (承办). */
export const HANDLER_ROLES = ['department_admin', 'approver', 'window_clerk'] as const;

export type TicketRow = {
  id: string;
  number: string;
  kind: Kind;
  category_code: string | null;
  category_name: string | null;
  channel: Channel;
  status: Status;
  title: string;
  content: string;
  caller_person_id: string | null;
  caller_name_enc: string | null;
  caller_phone_enc: string | null;
  anonymous: boolean;
  address: string | null;
  onsite_requested_at: string | null;
  onsite_note: string | null;
  region_code: string;
  lat: number | null;
  lng: number | null;
  suggested_department_id: string | null;
  suggestion: { reasons?: string[]; classifier?: ClassifierView };
  department_id: string | null;
  accept_due: string | null;
  due_date: string;
  reply: string | null;
  answered_at_intake: boolean;
  media_url: string | null;
  merged_into_id: string | null;
  merged_number: string | null;
  merged_status: Status | null;
  merged_department_id: string | null;
  merged_due_date: string | null;
  merged_reply: string | null;
  due_yellow_on: string | null;
  reopen_count: number;
  return_count: number;
  completed_at: string | null;
  kb_article_id: string | null;
  kb_article_version: number | null;
  kb_article_title: string | null;
  created_at: string;
  version: number;
  accept_warning: Warning;
  complete_warning: Warning;
  extensions_used: number;
  open_extension: { days: number; reason: string; requestedAt: string } | null;
  open_supervision: { note: string; at: string } | null;
  callback: { result: CallbackResult; channel: CallbackChannel; note: string | null; at: string } | null;
};

/**
 * The warnings as of the kernel clock (clock_today()), in SQL so lists filter by them: 签收 is
 * yellow on its due day and red after it; 办结 yellow from `due_yellow_on` (a working day before
 * the due date, vocab.ts) and red after the due date — only while the department holds the ticket.
 */
export const ACCEPT_WARNING = `case when t.status <> 'dispatched' or t.accept_due is null then 'none'
  when clock_today() > t.accept_due then 'red' when clock_today() >= t.accept_due then 'yellow' else 'none' end`;
export const COMPLETE_WARNING = `case when t.status not in ('dispatched', 'accepted') then 'none'
  when clock_today() > t.due_date then 'red' when clock_today() >= coalesce(t.due_yellow_on, t.due_date) then 'yellow' else 'none' end`;

/** A ticket with its category's name, the article it was answered from, its warnings and open requests, and, when merged, the main ticket's progress its caller follows. */
export const TICKET_SELECT = `select t.*, c.name as category_name, kv.title as kb_article_title, m.number as merged_number, m.status as merged_status,
  m.department_id as merged_department_id, m.due_date as merged_due_date, m.reply as merged_reply,
  ${ACCEPT_WARNING} as accept_warning,
  ${COMPLETE_WARNING} as complete_warning,
  (select count(*)::int from hotline_extension e where e.ticket_id = t.id) as extensions_used,
  (select json_build_object('days', e.days, 'reason', e.reason, 'requestedAt', e.requested_at)
     from hotline_extension e where e.ticket_id = t.id and e.status = 'open') as open_extension,
  (select json_build_object('note', s.note, 'at', s.supervised_at)
     from hotline_supervision s where s.ticket_id = t.id and s.replied_at is null) as open_supervision,
  (select json_build_object('result', b.result, 'channel', b.channel, 'note', b.note, 'at', b.recorded_at)
     from hotline_callback b where b.ticket_id = t.id and b.round = t.reopen_count) as callback
  from hotline_ticket t left join hotline_category c on c.code = t.category_code left join hotline_ticket m on m.id = t.merged_into_id
  left join hotline_kb_version kv on kv.article_id = t.kb_article_id and kv.version = t.kb_article_version`;

/** How a reader relates to a ticket: the centre, the department it was dispatched to, the caller, or nobody. */
export type Reader = 'centre' | 'department' | 'caller' | null;

export function readerOf(actor: Actor, t: Pick<TicketRow, 'region_code' | 'department_id' | 'caller_person_id'>): Reader {
  if (actor.kind === 'person') return t.caller_person_id === actor.id ? 'caller' : null;
  if (actor.kind !== 'staff') return null;
  if (canAct(actor, CENTRE_ROLES, { regionCode: t.region_code })) return 'centre';
  if (
    t.department_id &&
    actor.departmentId === t.department_id &&
    canAct(actor, HANDLER_ROLES, { regionCode: t.region_code, departmentId: t.department_id })
  )
    return 'department';
  return null;
}

/** The ticket if this actor may read it; otherwise 404, as if there were none. */
export async function readableTicket(
  q: Queryable,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ row: TicketRow; reader: NonNullable<Reader> }> {
  // deny by default: a ticket is read by the centre, a department's staff or its caller — never by an app's token
  allowKinds(actor, ['person', 'staff']);
  const row = await q.one<TicketRow>(`${TICKET_SELECT} where t.id = $1 ${lock ? 'for update of t' : ''}`, [id]);
  const reader = row ? readerOf(actor, row) : null;
  if (!row || !reader) throw notFound('hotline_ticket', id);
  return { row, reader };
}

/**
 * Which tickets a list shows: the centre every ticket of its regions; department staff those
 * dispatched to their own department within their scope; a citizen their own.
 */
export function listCondition(actor: Actor, params: unknown[]): string {
  if (actor.kind === 'person') {
    params.push(actor.id);
    return `t.caller_person_id = $${params.length}`;
  }
  if (actor.kind !== 'staff') return 'false';
  const centre = scopeCondition(actor, CENTRE_ROLES, { region: 't.region_code' }, params);
  if (!actor.departmentId) return centre;
  const handlers = scopeCondition(actor, HANDLER_ROLES, { region: 't.region_code' }, params);
  params.push(actor.departmentId);
  return `(${centre} or (${handlers} and t.department_id = $${params.length}))`;
}

/**
 * A ticket as its reader may see it. The caller: in clear for the centre (it calls back) and for
 * the caller; masked for the department, and absent when the caller asked to stay anonymous.
 */
export async function ticketViews(q: Queryable, pii: PersonalData, rows: TicketRow[], readers: Reader[]): Promise<Ticket[]> {
  const ids = [
    ...new Set(
      rows
        .flatMap((r) => [r.department_id, r.suggested_department_id, r.merged_department_id])
        .filter((d): d is string => Boolean(d)),
    ),
  ];
  const departments = await departmentRefsById(q, ids);
  const photos = await photosOf(
    q,
    rows.map((r) => r.id),
  );
  const ref = (id: string | null) => {
    const d = id ? departments.get(id) : undefined;
    return d ? { id: d.id, name: d.name } : null;
  };
  return rows.map((r, i) => {
    const reader = readers[i];
    const name = r.caller_name_enc ? pii.decrypt(r.caller_name_enc) : null;
    const phone = r.caller_phone_enc ? pii.decrypt(r.caller_phone_enc) : null;
    const hidden = reader === 'department' && r.anonymous;
    const masked = reader === 'department';
    const caller =
      hidden || (!name && !phone)
        ? null
        : {
            name: name && masked ? maskPersonal('name', name) : name,
            phone: phone && masked ? maskPersonal('phone', phone) : phone,
          };
    const suggested = ref(r.suggested_department_id);
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      categoryCode: r.category_code,
      categoryName: r.category_name,
      channel: r.channel,
      status: r.status,
      title: r.title,
      content: r.content,
      caller,
      anonymous: r.anonymous,
      address: r.address,
      onsiteRequestedAt: r.onsite_requested_at && new Date(r.onsite_requested_at).toISOString(),
      regionCode: r.region_code,
      lat: r.lat,
      lng: r.lng,
      suggestion:
        reader === 'centre' && (suggested || r.suggestion.reasons?.length)
          ? { department: suggested, reasons: r.suggestion.reasons ?? [], classifier: r.suggestion.classifier ?? null }
          : null,
      department: ref(r.department_id),
      acceptDue: r.accept_due,
      dueDate: r.due_date,
      reply: r.reply,
      answeredAtIntake: r.answered_at_intake,
      photos: photos.get(r.id) ?? [],
      mediaUrl: r.media_url,
      mergedInto: mergedInto(r, ref),
      warning: { accept: r.accept_warning, complete: r.complete_warning },
      reopenCount: r.reopen_count,
      extensionsUsed: r.extensions_used,
      // between the centre and the department, like the history's notes: not the caller's to read
      extension:
        r.open_extension && reader !== 'caller' ? { ...r.open_extension, requestedAt: iso(r.open_extension.requestedAt) } : null,
      supervision: r.open_supervision && reader !== 'caller' ? { ...r.open_supervision, at: iso(r.open_supervision.at) } : null,
      callback: r.callback && { ...r.callback, at: iso(r.callback.at) },
      article:
        r.kb_article_id && r.kb_article_version
          ? { id: r.kb_article_id, version: r.kb_article_version, title: r.kb_article_title ?? '' }
          : null,
      createdAt: new Date(r.created_at).toISOString(),
      version: r.version,
    };
  });
}

/** The main ticket a merged one points to, as its caller follows it (no other caller, no history). */
export function mergedInto(r: TicketRow, ref: (id: string | null) => { name: string } | null): Ticket['mergedInto'] {
  if (!r.merged_number || !r.merged_status || !r.merged_due_date) return null;
  return {
    number: r.merged_number,
    status: r.merged_status,
    department: ref(r.merged_department_id)?.name ?? null,
    dueDate: r.merged_due_date,
    reply: r.merged_reply,
  };
}

/** The photos of each ticket, in the order they were uploaded. */
async function photosOf(q: Queryable, ticketIds: string[]): Promise<Map<string, Photo[]>> {
  const out = new Map<string, Photo[]>();
  if (!ticketIds.length) return out;
  const rows = await q.query<{ id: string; ticket_id: string; mime: string; size: number }>(
    'select id, ticket_id, mime, size from hotline_photo where ticket_id = any($1) order by uploaded_at, id',
    [ticketIds],
  );
  for (const r of rows) out.set(r.ticket_id, [...(out.get(r.ticket_id) ?? []), { id: r.id, mime: r.mime, size: Number(r.size) }]);
  return out;
}
const iso = (at: string) => new Date(at).toISOString();

/** One step in a ticket's history. */
export async function recordStep(
  q: Queryable,
  ticketId: string,
  actor: Actor,
  action: string,
  departmentId: string | null = null,
  note: string | null = null,
) {
  await q.query(
    'insert into hotline_ticket_event (ticket_id, action, actor_kind, actor_id, department_id, note) values ($1, $2, $3, $4, $5, $6)',
    [ticketId, action, actor.kind, 'id' in actor ? actor.id : null, departmentId, note],
  );
}

/** A step that changes only the side tables still moves the ticket's version: the next click must re-read. */
export const bump = (q: Queryable, id: string) =>
  q.query(`update hotline_ticket set version = version + 1, updated_at = clock_now() where id = $1`, [id]);
