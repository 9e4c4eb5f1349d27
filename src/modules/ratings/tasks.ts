import type { Actor, Role } from '../../kernel/actor.ts';
import { canAct, requireRole, requireScope, scopeCondition } from '../../kernel/auth.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { loadCalendar } from '../../kernel/calendar/index.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { conflict, notFound } from '../../kernel/errors.ts';
import { emit } from '../../kernel/events/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import { personalData, type PersonalData } from '../../kernel/pii.ts';
import { personView, queueSms } from '../identity/index.ts';
import { notifyStaff, staffToAlert } from '../org/index.ts';
import { TASK_ESCALATED, TASK_ESCALATION_DUE } from './events.ts';
import { iso, presentRating, type RatingRow } from './store.ts';
import * as clock from '../../kernel/clock.ts';
import type { TaskAction, TaskDetail, TaskList, TaskStatus, TaskView } from './schemas.ts';

export type { TaskAction };

/** Who works on a department's rectification tasks; a department-narrowed grant sees only its department. */
export const TASK_ROLES: readonly Role[] = ['department_admin', 'approver', 'administrator'];
/** The data bureau decides appeals. */
export const APPEAL_ROLES: readonly Role[] = ['administrator'];


/** call back → verify → rectify → reply, each from the status the previous one left. */
const FLOW: Record<TaskAction, { from: TaskStatus; to: TaskStatus; column: string; at: string }> = {
  callback: { from: 'open', to: 'called_back', column: 'callback_note', at: 'called_back_at' },
  verify: { from: 'called_back', to: 'verified', column: 'verify_note', at: 'verified_at' },
  rectify: { from: 'verified', to: 'rectified', column: 'rectify_note', at: 'rectified_at' },
  reply: { from: 'rectified', to: 'replied', column: 'reply', at: 'replied_at' },
};

export interface TaskRow {
  id: string;
  rating_id: string;
  region_code: string;
  department_id: string;
  status: TaskStatus;
  deadline_days: number;
  due_date: string;
  callback_note: string | null;
  called_back_at: Date | null;
  verify_note: string | null;
  verified_at: Date | null;
  rectify_note: string | null;
  rectified_at: Date | null;
  reply: string | null;
  replied_at: Date | null;
  overdue: boolean;
  escalated_at: Date | null;
  appeal_status: 'pending' | 'upheld' | 'rejected' | null;
  appeal_reason: string | null;
  appealed_at: Date | null;
  appeal_decision_note: string | null;
  appeal_decided_at: Date | null;
  created_at: Date;
  version: number;
  [k: string]: unknown;
}

const TASK_COLUMNS = `k.id, k.rating_id, k.region_code, k.department_id, k.status, k.deadline_days, to_char(k.due_date, 'YYYY-MM-DD') as due_date,
  k.callback_note, k.called_back_at, k.verify_note, k.verified_at, k.rectify_note, k.rectified_at, k.reply, k.replied_at, k.overdue,
  k.escalated_at, k.appeal_status, k.appeal_reason, k.appealed_at, k.appeal_decision_note, k.appeal_decided_at, k.created_at, k.version`;

export function presentTask(k: TaskRow): TaskView {
  return {
    id: k.id,
    ratingId: k.rating_id,
    departmentId: k.department_id,
    status: k.status,
    deadlineDays: k.deadline_days,
    dueDate: k.due_date,
    callback: k.called_back_at ? { note: k.callback_note, at: iso(k.called_back_at) } : null,
    verification: k.verified_at ? { note: k.verify_note, at: iso(k.verified_at) } : null,
    rectification: k.rectified_at ? { note: k.rectify_note, at: iso(k.rectified_at) } : null,
    reply: k.replied_at ? { text: k.reply, at: iso(k.replied_at) } : null,
    overdue: k.overdue,
    escalatedAt: iso(k.escalated_at),
    appeal: k.appeal_status
      ? { status: k.appeal_status, reason: k.appeal_reason, at: iso(k.appealed_at), decisionNote: k.appeal_decision_note, decidedAt: iso(k.appeal_decided_at) }
      : null,
    createdAt: iso(k.created_at)!,
    version: k.version,
  };
}

/**
 * A bad rating opens a task for the responsible department, due after the configured number of
 * working days (kernel calendar; the day of the rating does not count). A timer the day after
 * the due date escalates it if no reply has been given.
 */
export async function openTask(tx: Tx, rating: RatingRow, workingDays: number): Promise<string> {
  const day = clock.today();
  const year = Number(day.slice(0, 4));
  const cal = await loadCalendar(tx, year - 1, year + 1);
  const due = cal.addWorkingDays(day, workingDays);
  const id = uuidv7();
  await tx.query(
    `insert into rating_task (id, rating_id, region_code, department_id, deadline_days, due_date) values ($1, $2, $3, $4, $5, $6)`,
    [id, rating.id, rating.region_code, rating.department_id, workingDays, due],
  );
  await emit(tx, TASK_ESCALATION_DUE, { taskId: id, dueDate: due }, {
    regionCode: rating.region_code,
    dueAt: new Date(new Date(`${due}T00:00:00+08:00`).getTime() + 86_400_000),
    dedupeKey: `rating-task-overdue:${id}`,
  });
  // the department's administrators hear of it in the workbench, with the rating
  const admins = await staffToAlert(tx, { staffIds: [], departmentId: rating.department_id, roles: ['department_admin'] });
  await notifyStaff(tx, admins.map((a) => a.id), { kind: 'rating_task', caseId: rating.case_id, ref: id, params: { number: rating.case_number, item: rating.item_name, dueDate: due } });
  return id;
}

async function loadTask(q: Queryable, id: string, forUpdate = false): Promise<TaskRow | undefined> {
  return q.one<TaskRow>(`select ${TASK_COLUMNS} from rating_task k where k.id = $1${forUpdate ? ' for update' : ''}`, [id]);
}

/** Staff outside the task's region or department get 404: other departments' tasks do not exist for them. */
async function visibleTask(q: Queryable, actor: Actor, id: string, roles: readonly Role[], forUpdate = false): Promise<TaskRow> {
  requireRole(actor, roles);
  const k = await loadTask(q, id, forUpdate);
  if (!k || !canAct(actor, roles, { regionCode: k.region_code, departmentId: k.department_id })) throw notFound('rating_task', id);
  return k;
}

const loadRating = (q: Queryable, id: string) => q.one<RatingRow>('select * from rating where id = $1', [id]).then((r) => r!);

export async function listTasks(db: Queryable, actor: Actor, query: { status?: string; overdue?: boolean; active?: boolean; appeal?: string; page: number; pageSize: number }): Promise<TaskList> {
  requireRole(actor, TASK_ROLES);
  const params: unknown[] = [];
  const where = [scopeCondition(actor, TASK_ROLES, { region: 'k.region_code', department: 'k.department_id' }, params)];
  if (query.status) where.push(`k.status = $${params.push(query.status)}`);
  if (query.overdue !== undefined) where.push(`k.overdue = $${params.push(query.overdue)}`);
  if (query.active !== undefined) where.push(`${query.active ? '' : 'not '}(k.status not in ('replied', 'excluded'))`);
  if (query.appeal) where.push(`k.appeal_status = $${params.push(query.appeal)}`);
  params.push(query.pageSize, (query.page - 1) * query.pageSize);
  const rows = await db.query<TaskRow & { total: number; r_level: number; r_item: string; r_dept: string; r_number: string; r_tags: string[] }>(
    `select ${TASK_COLUMNS}, r.level as r_level, r.item_name as r_item, r.department_name as r_dept, r.case_number as r_number, r.tags as r_tags,
            count(*) over () as total
       from rating_task k join rating r on r.id = k.rating_id
      where ${where.join(' and ')}
      order by k.overdue desc, k.due_date, k.id
      limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  return {
    items: rows.map((r) => ({ ...presentTask(r), level: r.r_level, itemName: r.r_item, departmentName: r.r_dept, caseNumber: r.r_number, tags: r.r_tags })),
    total: Number(rows[0]?.total ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getTask(db: Queryable, actor: Actor, id: string): Promise<TaskDetail> {
  const k = await visibleTask(db, actor, id, TASK_ROLES);
  return { task: presentTask(k), rating: presentRating(await loadRating(db, k.rating_id)) };
}

/**
 * The rater's phone in clear, for the call-back. A read of personal data: only the department's
 * task staff, and audited.
 */
export async function taskContact(ctx: AppContext, actor: Actor, id: string) {
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const k = await visibleTask(tx, actor, id, TASK_ROLES);
    const rating = await loadRating(tx, k.rating_id);
    const person = await personView(tx, pii, rating.rater_person_id, true);
    await appendAudit(tx, actor, { action: 'rating.contact_read', objectType: 'rating_task', objectId: k.id, regionCode: k.region_code, details: { purpose: 'callback' } });
    return { name: person?.name ?? '', phone: person?.phone ?? null };
  });
}

const checkVersion = (k: TaskRow, version: number) => {
  if (k.version !== version) throw conflict('VERSION_CONFLICT', {}, { current: k.version });
};

async function update(tx: Tx, k: TaskRow, sets: string, params: unknown[]): Promise<TaskRow> {
  const row = await tx.one<TaskRow>(
    `update rating_task k set ${sets}, version = k.version + 1 where k.id = $1 and k.version = $2 returning ${TASK_COLUMNS}`,
    [k.id, k.version, ...params],
  );
  if (!row) throw conflict('VERSION_CONFLICT', {}, { current: k.version });
  return row;
}

/** The department works the task step by step; the reply goes to the rater by SMS and in their list. */
export async function actOnTask(ctx: AppContext, actor: Actor, id: string, action: TaskAction, input: { version: number; note: string }): Promise<TaskView> {
  const pii = personalData(ctx.config.masterKey);
  return ctx.db.transaction(async (tx) => {
    const k = await visibleTask(tx, actor, id, TASK_ROLES, true);
    checkVersion(k, input.version);
    const step = FLOW[action];
    if (k.status === 'excluded' || k.status === 'replied') throw conflict('RATING_TASK_CLOSED', { status: k.status });
    if (k.status !== step.from) throw conflict('RATING_TASK_ORDER', { action, status: k.status }, { action, status: k.status, required: step.from });
    const note = input.note.trim();
    const replyLate = action === 'reply' && clock.today() > k.due_date;
    const updated = await update(
      tx,
      k,
      `status = $3, ${step.column} = $4, ${step.at} = clock_now()${action === 'reply' ? `, replied_by = $5, overdue = k.overdue or $6` : ''}`,
      action === 'reply' ? [step.to, note, 'id' in actor ? actor.id : null, replyLate] : [step.to, note],
    );
    await appendAudit(tx, actor, { action: `rating_task.${action}`, objectType: 'rating_task', objectId: k.id, regionCode: k.region_code, details: { status: step.to } });
    if (action === 'reply') await notifyRater(tx, pii, await loadRating(tx, k.rating_id));
    return presentTask(updated);
  });
}

async function notifyRater(tx: Tx, pii: PersonalData, rating: RatingRow): Promise<void> {
  const person = await personView(tx, pii, rating.rater_person_id, true);
  if (!person?.phone) return;
  await queueSms(tx, pii, person.phone, t('zh-CN', 'ratings.sms.replied', { number: rating.case_number, item: rating.item_name }));
}

/** 申诉复核: the department says the rating is malicious or mistaken; the data bureau decides. */
export async function appealTask(ctx: AppContext, actor: Actor, id: string, input: { version: number; reason: string }): Promise<TaskView> {
  return ctx.db.transaction(async (tx) => {
    const k = await visibleTask(tx, actor, id, TASK_ROLES, true);
    checkVersion(k, input.version);
    if (k.status === 'excluded') throw conflict('RATING_TASK_CLOSED', { status: k.status });
    if (k.appeal_status) throw conflict('RATING_APPEAL_EXISTS', { status: k.appeal_status });
    const updated = await update(tx, k, `appeal_status = 'pending', appeal_reason = $3, appealed_at = clock_now()`, [input.reason.trim()]);
    await appendAudit(tx, actor, { action: 'rating_task.appeal', objectType: 'rating_task', objectId: k.id, regionCode: k.region_code, details: {} });
    return presentTask(updated);
  });
}

/** Upheld: the rating stays visible, marked excluded, and leaves every figure; the task closes. */
export async function decideAppeal(ctx: AppContext, actor: Actor, id: string, input: { version: number; decision: 'upheld' | 'rejected'; note: string }): Promise<TaskView> {
  return ctx.db.transaction(async (tx) => {
    requireRole(actor, APPEAL_ROLES);
    const k = await loadTask(tx, id, true);
    if (!k) throw notFound('rating_task', id);
    requireScope(actor, APPEAL_ROLES, { regionCode: k.region_code });
    checkVersion(k, input.version);
    if (k.appeal_status !== 'pending') throw conflict('RATING_APPEAL_NOT_PENDING', { status: k.appeal_status ?? 'none' });
    const upheld = input.decision === 'upheld';
    const updated = await update(
      tx,
      k,
      `appeal_status = $3, appeal_decision_note = $4, appeal_decided_by = $5, appeal_decided_at = clock_now()${upheld ? `, status = 'excluded'` : ''}`,
      [input.decision, input.note.trim(), 'id' in actor ? actor.id : null],
    );
    if (upheld) await tx.query('update rating set excluded = true, excluded_reason = $2 where id = $1', [k.rating_id, input.note.trim()]);
    await appendAudit(tx, actor, { action: `rating_task.appeal_${input.decision}`, objectType: 'rating_task', objectId: k.id, regionCode: k.region_code, details: { ratingId: k.rating_id } });
    return presentTask(updated);
  });
}

/** The day after the due date: a task without a reply is overdue and escalated to the data bureau. */
export async function escalateIfOverdue(tx: Tx, taskId: string, dueDate: string): Promise<void> {
  const k = await loadTask(tx, taskId, true);
  if (!k || k.due_date !== dueDate || k.status === 'replied' || k.status === 'excluded' || k.escalated_at) return;
  await tx.query('update rating_task set overdue = true, escalated_at = clock_now(), version = version + 1 where id = $1', [k.id]);
  await appendAudit(tx, { kind: 'system', id: 'ratings.timer' }, { action: 'rating_task.escalated', objectType: 'rating_task', objectId: k.id, regionCode: k.region_code, details: { dueDate } });
  await emit(tx, TASK_ESCALATED, { taskId: k.id, ratingId: k.rating_id, departmentId: k.department_id, dueDate }, { regionCode: k.region_code });
}
