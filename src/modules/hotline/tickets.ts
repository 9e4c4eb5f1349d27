import { randomInt } from 'node:crypto';
import type { Actor } from '../../kernel/actor.ts';
import { allowKinds } from '../../kernel/auth.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import * as clock from '../../kernel/clock.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { AppError, isUniqueViolation, unauthenticated, unprocessable, validationFailed } from '../../kernel/errors.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { personalData } from '../../kernel/pii.ts';
import { nodeCityCode } from '../../kernel/settings.ts';
import type { PageResult } from '../../kernel/sql/paging.ts';
import { regionExists } from '../org/index.ts';
import { suggestDepartment, ticketCategory } from './categories.ts';
import { countForHotIssues } from './hot-issues.ts';
import { findDuplicates } from './duplicates.ts';
import { attachPhotos } from './photos.ts';
import type { Ticket, TicketCreated, TicketInput, TicketListQuery, TrackedTicket } from './schemas.ts';
import { classifierReasons, heldRanking, rankCategories, textOf } from './suggest.ts';
import type { Ranked } from './classifier.ts';
import { calendarFrom, completeDue } from './deadlines.ts';
import {
  ACCEPT_WARNING,
  COMPLETE_WARNING,
  isCentre,
  listCondition,
  readableTicket,
  recordStep,
  TICKET_SELECT,
  ticketViews,
  type TicketRow,
} from './store.ts';
import { DUE_WORKING_DAYS, type Channel } from './vocab.ts';

/**
 * Which channel a poster speaks for, and whether it may create a ticket at all: the centre's
 * agents take calls (phone), a signed-in citizen writes in (portal), a registered app or
 * department system posts through the Open311 API (open311, its client id kept with the
 * ticket). Anyone else is refused.
 */
export function channelOf(actor: Actor, open311 = false): Channel {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind === 'person') return 'portal';
  if (actor.kind === 'client' && open311) return 'open311';
  if (isCentre(actor)) return 'phone';
  throw new AppError('HOTLINE_CHANNEL_NOT_ALLOWED', 403);
}

/** 14 digits: the day of intake and a sequence — readable on the phone, unique for good. */
async function nextNumber(tx: Tx): Promise<string> {
  const row = (await tx.one<{ n: string }>(`select nextval('hotline_ticket_seq') as n`))!;
  return `${clock.today().replaceAll('-', '')}${String(Number(row.n) % 1_000_000).padStart(6, '0')}`;
}

/** A new ticket as the services take it: a text to 12345 (channel `sms`) comes without a category. */
export type NewTicket = Omit<TicketInput, 'categoryCode'> & { categoryCode: string | null };

/**
 * The one creation path of every channel (phone, portal, SMS, Open311, department systems): the
 * same numbering, classification, dispatch suggestion and deadline. The ticket starts `new`,
 * waiting for the centre to dispatch it or answer it; the caller gets the number and a query
 * code to follow it without signing in. The same idempotency key from the same poster gives the
 * first ticket back (its query code is not shown twice). Photos the poster uploaded are attached
 * in the same transaction; the centre is shown the open tickets that look like the same matter.
 */
export async function createTicket(ctx: AppContext, actor: Actor, input: NewTicket, channel: Channel): Promise<TicketCreated> {
  // the classifier reads the text before the transaction (its first use trains it from the database)
  const ranked = await rankCategories(ctx, textOf(input));
  return ctx.db.transaction((tx) => createTicketIn(ctx, tx, actor, input, channel, null, ranked));
}

/**
 * The same, inside a transaction the caller holds (an SMS handled in its event's transaction);
 * `callerPersonId`: the registered person a text came from, whose 我的诉求 lists it.
 */
export async function createTicketIn(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  input: NewTicket,
  channel: Channel,
  callerPersonId: string | null = null,
  // inside a transaction the model can only be read as it is held (training needs the database)
  ranked: Ranked[] = heldRanking(ctx, textOf(input)),
): Promise<TicketCreated> {
  const pii = personalData(ctx.config.masterKey);
  const place = input.place ?? {};
  if ((place.lat === undefined) !== (place.lng === undefined))
    throw validationFailed('place', 'give both lat and lng, or neither');
  const content = input.content.trim();
  const title = input.title?.trim() || [...content].slice(0, 30).join('');
  const poster = actor.kind === 'client' ? actor.id : 'id' in actor ? actor.id : null;

  if (input.idempotencyKey && poster) {
    const earlier = await tx.one<TicketRow>(`${TICKET_SELECT} where t.client_id = $1 and t.idempotency_key = $2`, [
      poster,
      input.idempotencyKey,
    ]);
    if (earlier) return { ticket: (await ticketViews(tx, pii, [earlier], [viewerOf(actor)]))[0]!, queryCode: '', duplicates: [] };
  }
  const category = input.categoryCode === null ? null : await ticketCategory(tx, input.categoryCode);
  if (!category && (input.categoryCode !== null || channel !== 'sms'))
    throw unprocessable('HOTLINE_CATEGORY_UNKNOWN', { code: input.categoryCode ?? '' }, { field: 'categoryCode' });
  const regionCode = place.regionCode ?? (await nodeCityCode(tx));
  if (!regionCode || !(await regionExists(tx, regionCode)))
    throw unprocessable('HOTLINE_REGION_UNKNOWN', { code: regionCode ?? '' }, { field: 'place.regionCode' });
  const suggestion = category ? await suggestDepartment(tx, category, regionCode) : null;
  const text = await classifierReasons(tx, ranked, category ?? null, regionCode);
  const today = clock.today();
  const { dueDate, yellowOn } = completeDue(await calendarFrom(tx, today), today, DUE_WORKING_DAYS[input.kind]);
  const callerName = actor.kind === 'person' ? actor.name : (input.caller?.name?.trim() ?? null);
  const callerPhone = input.caller?.phone ?? null;
  const id = uuidv7();
  const number = await nextNumber(tx);
  const queryCode = String(randomInt(0, 1_000_000)).padStart(6, '0');
  try {
    await tx.query('savepoint ticket');
    await tx.query(
      `insert into hotline_ticket (id, number, query_code_index, kind, category_code, channel, status, title, content, caller_person_id,
                                   caller_name_enc, caller_phone_enc, caller_phone_index, anonymous, address, region_code, lat, lng,
                                   suggested_department_id, suggestion, due_date, client_id, idempotency_key, created_by, media_url, due_yellow_on)
       values ($1, $2, $3, $4, $5, $6, 'new', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)`,
      [
        id,
        number,
        pii.index(`${number}:${queryCode}`),
        input.kind,
        category?.code ?? null,
        channel,
        title,
        content,
        actor.kind === 'person' ? actor.id : callerPersonId,
        callerName ? pii.encrypt(callerName) : null,
        callerPhone ? pii.encrypt(callerPhone) : null,
        callerPhone ? pii.index(callerPhone) : null,
        input.anonymous ?? false,
        place.address?.trim() ?? null,
        regionCode,
        place.lat ?? null,
        place.lng ?? null,
        suggestion?.departmentId ?? null,
        JSON.stringify({ reasons: [...(suggestion?.reasons ?? []), ...text.reasons], classifier: text.view }),
        dueDate,
        input.idempotencyKey ? poster : null,
        input.idempotencyKey ?? null,
        poster,
        input.mediaUrl ?? null,
        yellowOn,
      ],
    );
  } catch (err) {
    // the same key posted twice at the same moment: the other post's ticket stands
    if (isUniqueViolation(err) && input.idempotencyKey) throw new AppError('HOTLINE_TICKET_DUPLICATE', 409);
    throw err;
  }
  await attachPhotos(tx, poster, id, input.photoIds ?? []);
  await recordStep(tx, id, actor, 'created', null, channel);
  if (category) await countForHotIssues(tx, { categoryCode: category.code, parentCode: category.parent_code!, regionCode });
  await appendAudit(tx, auditActor(actor), {
    action: 'hotline_ticket.create',
    objectType: 'hotline_ticket',
    objectId: id,
    regionCode,
    details: { number, channel, kind: input.kind },
  });
  const row = (await tx.one<TicketRow>(`${TICKET_SELECT} where t.id = $1`, [id]))!;
  // the agent on the phone is told at once when the matter is already open (合并 is offered)
  const duplicates = isCentre(actor)
    ? await findDuplicates(tx, pii, actor, {
        content,
        ...(callerPhone ? { callerPhone } : {}),
        place: { ...place, regionCode },
        excludeId: id,
      })
    : [];
  return { ticket: (await ticketViews(tx, pii, [row], [viewerOf(actor)]))[0]!, queryCode, duplicates };
}

/** The poster sees its new ticket as the centre (an agent), the caller (a citizen) or a poster app (no caller shown back). */
const viewerOf = (actor: Actor) => (actor.kind === 'person' ? 'caller' : actor.kind === 'staff' ? 'centre' : 'department');

/** Audit entries name staff and persons; an app posting is recorded as the platform on its behalf. */
const auditActor = (actor: Actor) => (actor.kind === 'client' ? { kind: 'system' as const, id: `client:${actor.id}` } : actor);

const CALLED_BACK = `exists (select 1 from hotline_callback b where b.ticket_id = t.id and b.round = t.reopen_count`;
/** The centre's work lists after 办结: 回访 to make, 待重办 (called back 不满意), and open 督办. */
const QUEUES = {
  callback: `t.status = 'completed' and not ${CALLED_BACK})`,
  reopen: `t.status = 'completed' and ${CALLED_BACK} and b.result = 'unsatisfied')`,
  supervised: `exists (select 1 from hotline_supervision s where s.ticket_id = t.id and s.replied_at is null)`,
} as const;

/** Tickets this actor may see, newest first (the centre may look a caller up by phone). */
export async function listTickets(ctx: AppContext, actor: Actor, query: TicketListQuery): Promise<PageResult<Ticket>> {
  allowKinds(actor, ['person', 'staff']);
  const pii = personalData(ctx.config.masterKey);
  const params: unknown[] = [];
  const where = [listCondition(actor, params)];
  if (query.status) where.push(`t.status = $${params.push(query.status)}`);
  if (query.kind) where.push(`t.kind = $${params.push(query.kind)}`);
  if (query.callerPhone) {
    if (!isCentre(actor)) throw new AppError('HOTLINE_CALLER_LOOKUP_CENTRE_ONLY', 403);
    where.push(`t.caller_phone_index = $${params.push(pii.index(query.callerPhone))}`);
  }
  if (query.warning) {
    const w = `$${params.push(query.warning)}`;
    where.push(`((${ACCEPT_WARNING}) = ${w} or (${COMPLETE_WARNING}) = ${w})`);
  }
  if (query.queue) where.push(QUEUES[query.queue]);
  if (query.q)
    where.push(
      `(t.number = $${params.push(query.q.trim())} or t.title ilike $${params.push(`%${query.q.trim().replace(/[\\%_]/g, '\\$&')}%`)})`,
    );
  const condition = where.join(' and ');
  const total = Number(
    (await ctx.db.one<{ n: string }>(`select count(*) as n from hotline_ticket t where ${condition}`, params))!.n,
  );
  const rows = await ctx.db.query<TicketRow>(
    `${TICKET_SELECT} where ${condition} order by t.created_at desc, t.id desc limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    params,
  );
  // in a list the caller is masked for everyone but the caller: the whole record is one click away
  const items = await ticketViews(
    ctx.db,
    pii,
    rows,
    rows.map(() => (actor.kind === 'person' ? 'caller' : 'department')),
  );
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/**
 * One ticket with its history. The centre reads the caller in clear (it calls back), which is
 * audited; the department sees the caller masked, or not at all when anonymous.
 */
export async function getTicket(ctx: AppContext, actor: Actor, id: string): Promise<Ticket> {
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const { row, reader } = await readableTicket(tx, actor, id);
    if (reader === 'centre' && (row.caller_name_enc || row.caller_phone_enc))
      await appendAudit(tx, actor as Extract<Actor, { kind: 'staff' }>, {
        action: 'hotline_ticket.caller_read',
        objectType: 'hotline_ticket',
        objectId: id,
        regionCode: row.region_code,
        details: { number: row.number },
      });
    const [ticket] = await ticketViews(tx, pii, [row], [reader]);
    const history = await tx.query<{ at: string; action: string; note: string | null }>(
      'select at, action, note from hotline_ticket_event where ticket_id = $1 order by id',
      [id],
    );
    return {
      ...ticket!,
      history: history.map((h) => ({
        at: new Date(h.at).toISOString(),
        action: h.action,
        note: reader === 'caller' ? null : h.note,
      })),
    };
  });
}

/** 查询: anyone with the number and the query code follows the ticket; a wrong pair is 404 like none. */
export async function trackTicket(ctx: AppContext, number: string, code: string): Promise<TrackedTicket> {
  const pii = personalData(ctx.config.masterKey);
  const row = await ctx.db.one<TicketRow>(`${TICKET_SELECT} where t.number = $1 and t.query_code_index = $2`, [
    number,
    pii.index(`${number}:${code}`),
  ]);
  if (!row) throw new AppError('HOTLINE_TICKET_NOT_FOUND', 404);
  const [view] = await ticketViews(ctx.db, pii, [row], ['department']);
  const history = await ctx.db.query<{ at: string; action: string }>(
    'select at, action from hotline_ticket_event where ticket_id = $1 order by id',
    [row.id],
  );
  return {
    number: row.number,
    kind: row.kind,
    categoryName: row.category_name,
    status: row.status,
    department: view!.department?.name ?? null,
    dueDate: row.due_date,
    reply: row.reply,
    mergedInto: view!.mergedInto,
    history: history.map((h) => ({ at: new Date(h.at).toISOString(), action: h.action })),
  };
}
