import type { AppContext } from '../../../kernel/context.ts';
import type { Tx } from '../../../kernel/db/index.ts';
import { on, type EventHandler, type Subscription } from '../../../kernel/events/index.ts';
import { notifyStaff, staffToAlert, type StaffMessageKind } from '../../org/index.ts';
import { loadCase } from '../access.ts';
import { CASE_TOPICS, type CaseTransitionPayload } from '../events.ts';
import { HEAD_ROLES, type CaseRow } from '../model.ts';

/** What every staff message about a case says of it. */
export const caseParams = (c: CaseRow) => ({ number: c.number ?? '', item: c.item_name });

/**
 * A supervision order (and its missed reply) goes to whoever holds the case, or to the
 * department's heads when nobody does: someone must answer it.
 */
export async function notifySupervision(tx: Tx, c: CaseRow, kind: Extract<StaffMessageKind, 'supervised' | 'supervision_overdue'>, supervisionId: string, params: Record<string, string>) {
  const people = await staffToAlert(tx, { staffIds: c.assignee_id ? [c.assignee_id] : [], departmentId: c.department_id, roles: c.assignee_id ? [] : HEAD_ROLES });
  return notifyStaff(tx, people.map((p) => p.id), { kind, caseId: c.id, ref: supervisionId, params: { ...caseParams(c), ...params } });
}

/** The timeline entry behind a transition's event: it holds what the payload leaves out (who got the case, who gave it). */
async function timelineEntryOf(tx: Tx, eventId: string) {
  return tx.one<{ step_key: string | null; actor_id: string | null; actor_name: string | null; assignee_id: string | null }>(
    `select e.step_key, e.actor_id, e.actor_name, e.details->>'assigneeId' as assignee_id from case_event e where e.id = $1`,
    [eventId],
  );
}

/**
 * A case handed to a colleague (assigned by a head, or transferred by its holder) tells the new
 * holder in the workbench, in the event's claiming transaction so once. Taking a case oneself
 * needs no message.
 */
export function staffNoticeHandlers(_ctx: AppContext): Subscription[] {
  const toAssignee: EventHandler<CaseTransitionPayload> = async (event, tx) => {
    const { caseId, eventId } = event.payload;
    const entry = await timelineEntryOf(tx, eventId);
    if (!entry?.assignee_id || entry.assignee_id === entry.actor_id) return;
    const c = await loadCase(tx, caseId);
    if (!c) return;
    const step = c.steps.find((s) => s.key === entry.step_key)?.name ?? '';
    await notifyStaff(tx, [entry.assignee_id], { kind: 'assigned', caseId: c.id, params: { ...caseParams(c), step, by: entry.actor_name ?? '' } });
  };
  return [on(CASE_TOPICS.assigned, toAssignee), on(CASE_TOPICS.transferred, toAssignee)];
}
