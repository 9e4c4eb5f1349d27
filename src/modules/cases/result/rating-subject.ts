import type { Actor } from '../../../kernel/actor.ts';
import type { Queryable } from '../../../kernel/db/index.ts';
import { isApplicantOf, loadCase } from '../access.ts';
import { FINAL_STATUSES } from '../model.ts';

/** What the ratings module needs to know about a case: who applied, what and who is rated. */
export interface CaseRatingSubject {
  id: string;
  number: string | null;
  status: string;
  channel: 'online' | 'window';
  itemId: string;
  itemCode: string;
  itemName: string;
  regionCode: string;
  departmentId: string;
  /** The person who applied (the agent for an enterprise): the real-name rater. */
  raterPersonId: string;
  /** Stages the case has passed: submitted, accepted, completed (final: decided, refused or withdrawn). */
  reached: { submitted: boolean; accepted: boolean; completed: boolean };
  /** The staff member who last acted on the case (the decision for a finished one). */
  handler: { id: string; name: string } | null;
  /** The service window (and its hall) where a window case was recorded; null online. */
  place: { windowId: string; hallId: string } | null;
}

/** Read-only view of a case for rating; undefined when there is no such case. */
export async function caseRatingSubject(q: Queryable, caseId: string): Promise<CaseRatingSubject | undefined> {
  const c = await loadCase(q, caseId);
  if (!c) return undefined;
  const handler = await q.one<{ actor_id: string; actor_name: string | null }>(
    `select actor_id, actor_name from case_event where case_id = $1 and actor_kind = 'staff' and actor_id is not null order by at desc, id desc limit 1`,
    [caseId],
  );
  const place = await q.one<{ window_id: string | null; hall_id: string | null }>('select window_id, hall_id from case_record where id = $1', [caseId]);
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    channel: c.channel,
    itemId: c.item_id,
    itemCode: c.item_code,
    itemName: c.item_name,
    regionCode: c.region_code,
    departmentId: c.department_id,
    raterPersonId: c.agent_person_id ?? c.applicant_person_id ?? c.owner_person_id,
    reached: {
      submitted: c.submitted_at !== null,
      accepted: c.accepted_at !== null,
      completed: c.number !== null && FINAL_STATUSES.includes(c.status),
    },
    handler: handler ? { id: handler.actor_id, name: handler.actor_name ?? '' } : null,
    place: place?.window_id && place.hall_id ? { windowId: place.window_id, hallId: place.hall_id } : null,
  };
}

/** Whether the actor is the case's applicant side (the person, or whoever acts for the enterprise). */
export async function isCaseApplicant(q: Queryable, actor: Actor, caseId: string): Promise<boolean> {
  const c = await loadCase(q, caseId);
  return !!c && isApplicantOf(actor, c);
}

/** A case's id from its number (a clerk's pad finds the case the applicant just finished). */
export async function caseIdByNumber(q: Queryable, number: string): Promise<string | undefined> {
  return (await q.one<{ id: string }>('select id from case_record where number = $1', [number]))?.id;
}

/**
 * The ratings module tells the case its satisfaction (满意度) when the completion-stage rating is
 * recorded, in that transaction; the first one counts (one rating per case and stage).
 */
export async function noteCaseSatisfaction(tx: Queryable, caseId: string, s: { level: number; levelName: string; defaulted: boolean; ratedAt: Date }): Promise<void> {
  await tx.query(
    `insert into case_satisfaction (case_id, level, level_name, defaulted, rated_at) values ($1, $2, $3, $4, $5) on conflict (case_id) do nothing`,
    [caseId, s.level, s.levelName, s.defaulted, s.ratedAt],
  );
}
