import { systemActor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { loadCalendar, type WorkingCalendar } from '../../kernel/calendar/index.ts';
import * as clock from '../../kernel/clock.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { emit } from '../../kernel/events/index.ts';
import { departmentStaffWith, notifyStaff } from '../org/index.ts';
import { DEADLINE_DUE } from './events.ts';
import { recordStep } from './store.ts';
import { ACCEPT_WORKING_DAYS, DUE_WORKING_DAYS, YELLOW_WORKING_DAYS_BEFORE_DUE, type Kind } from './vocab.ts';

/** Whom a department's overdue ticket or 督办 is told to: its staff who administer it or approve (handle) its tickets. */
export const NOTIFIED_ROLES = ['department_admin', 'approver'] as const;

/** The calendar a deadline of up to a few dozen working days from `from` can reach. */
export async function calendarFrom(q: Queryable, from: string): Promise<WorkingCalendar> {
  const year = Number(from.slice(0, 4));
  return loadCalendar(q, year - 1, year + 1);
}

/** 办结 due `days` working days after `from`, and the day its yellow warning starts. */
export function completeDue(cal: WorkingCalendar, from: string, days: number): { dueDate: string; yellowOn: string } {
  const dueDate = cal.addWorkingDays(from, days);
  return { dueDate, yellowOn: cal.addWorkingDays(dueDate, -YELLOW_WORKING_DAYS_BEFORE_DUE) };
}

/** Deadlines of a ticket handled from today (派单 and 重办): 签收 and 办结 by its kind. */
export async function handlingDeadlines(
  q: Queryable,
  kind: Kind,
): Promise<{ acceptDue: string; dueDate: string; yellowOn: string }> {
  const today = clock.today();
  const cal = await calendarFrom(q, today);
  return { acceptDue: cal.addWorkingDays(today, ACCEPT_WORKING_DAYS), ...completeDue(cal, today, DUE_WORKING_DAYS[kind]) };
}

/** Midnight at the start of a calendar day in Asia/Shanghai. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** The timer that records the deadline as passed, due at the start of the day after it. */
export async function scheduleDeadline(
  tx: Tx,
  t: { id: string; region_code: string },
  deadline: 'accept' | 'complete',
  due: string,
) {
  await emit(
    tx,
    DEADLINE_DUE,
    { ticketId: t.id, deadline, due },
    {
      regionCode: t.region_code,
      dueAt: new Date(startOfDay(due).getTime() + 86_400_000),
      dedupeKey: `hotline-deadline:${t.id}:${deadline}:${due}`,
    },
  );
}

/**
 * `hotline.deadline_due`: if the ticket still waits for the step and the due date is still the
 * one timed, the deadline passed — recorded once (`hotline_overdue`) in the history, and the
 * department's heads get a staff message. A ticket handled in time, or a deadline moved since,
 * leaves nothing to do; a redelivered timer finds the row and does nothing again.
 */
export async function recordOverdue(tx: Tx, payload: { ticketId: string; deadline: 'accept' | 'complete'; due: string }) {
  const { ticketId, deadline, due } = payload;
  const t = await tx.one<{
    id: string;
    number: string;
    title: string;
    status: string;
    region_code: string;
    department_id: string | null;
    current: string | null;
  }>(
    `select id, number, title, status, region_code, department_id, (case when $2 = 'accept' then accept_due else due_date end)::text as current
       from hotline_ticket where id = $1 for update`,
    [ticketId, deadline],
  );
  const waiting = deadline === 'accept' ? ['dispatched'] : ['dispatched', 'accepted'];
  if (!t || !t.department_id || !waiting.includes(t.status) || t.current !== due || clock.today() <= due) return;
  const fresh = await tx.one(
    `insert into hotline_overdue (ticket_id, deadline, due, department_id) values ($1, $2, $3, $4) on conflict do nothing returning ticket_id`,
    [ticketId, deadline, due, t.department_id],
  );
  if (!fresh) return;
  const actor = systemActor('hotline.deadlines');
  await recordStep(tx, ticketId, actor, `${deadline}_overdue`, t.department_id, due);
  const heads = await departmentStaffWith(tx, t.department_id, NOTIFIED_ROLES);
  await notifyStaff(
    tx,
    heads.map((h) => h.id),
    {
      kind: deadline === 'accept' ? 'hotline_accept_overdue' : 'hotline_complete_overdue',
      ref: ticketId,
      params: { number: t.number, title: t.title, due },
    },
  );
  await appendAudit(tx, actor, {
    action: `hotline_ticket.${deadline}_overdue`,
    objectType: 'hotline_ticket',
    objectId: ticketId,
    regionCode: t.region_code,
    details: { number: t.number, due, notified: heads.length },
  });
}
