import type { Actor } from '../../kernel/actor.ts';
import { allowKinds, canAct, scopeCondition } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { maskPersonal } from '../../kernel/validate/mask.ts';
import { departmentRefsById } from '../org/index.ts';
import type { Ticket } from './schemas.ts';
import type { Channel, Kind, Status } from './vocab.ts';

/** The 12345 centre: agents (话务员) and the node's administrators over the ticket's region. */
export const CENTRE_ROLES = ['hotline_agent', 'administrator'] as const;
/** A department's staff who handle the tickets dispatched to it (承办). */
export const HANDLER_ROLES = ['department_admin', 'approver', 'window_clerk'] as const;

export type TicketRow = {
  id: string;
  number: string;
  kind: Kind;
  category_code: string;
  category_name: string;
  channel: Channel;
  status: Status;
  title: string;
  content: string;
  caller_person_id: string | null;
  caller_name_enc: string | null;
  caller_phone_enc: string | null;
  anonymous: boolean;
  address: string | null;
  region_code: string;
  lat: number | null;
  lng: number | null;
  suggested_department_id: string | null;
  suggestion: { reasons?: string[] };
  department_id: string | null;
  accept_due: string | null;
  due_date: string;
  reply: string | null;
  answered_at_intake: boolean;
  kb_article_id: string | null;
  kb_article_version: number | null;
  kb_article_title: string | null;
  created_at: string;
  version: number;
};

export const TICKET_SELECT = `select t.*, c.name as category_name, kv.title as kb_article_title from hotline_ticket t join hotline_category c on c.code = t.category_code
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
    ...new Set(rows.flatMap((r) => [r.department_id, r.suggested_department_id]).filter((d): d is string => Boolean(d))),
  ];
  const departments = await departmentRefsById(q, ids);
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
      regionCode: r.region_code,
      lat: r.lat,
      lng: r.lng,
      suggestion: suggested && reader === 'centre' ? { department: suggested, reasons: r.suggestion.reasons ?? [] } : null,
      department: ref(r.department_id),
      acceptDue: r.accept_due,
      dueDate: r.due_date,
      reply: r.reply,
      answeredAtIntake: r.answered_at_intake,
      article:
        r.kb_article_id && r.kb_article_version
          ? { id: r.kb_article_id, version: r.kb_article_version, title: r.kb_article_title ?? '' }
          : null,
      createdAt: new Date(r.created_at).toISOString(),
      version: r.version,
    };
  });
}

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
