import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { forbidden, unauthenticated } from '../../kernel/errors.ts';
import type { InvitationRow } from './invitations.ts';
import type { Mine, TaskStatus } from './schemas.ts';
import { iso, presentRating, type RatingRow } from './store.ts';

/** The rater's in-app view: open invitations, and their ratings with the department's reply. */
export async function myRatings(db: Queryable, actor: Actor): Promise<Mine> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'person' });
  const invitations = await db.query<InvitationRow>(
    `select * from rating_invitation where rater_person_id = $1 and status = 'open' order by created_at desc limit 100`,
    [actor.id],
  );
  const ratings = await db.query<RatingRow & { k_status: TaskStatus | null; k_reply: string | null; k_replied_at: Date | null; k_due: string | null }>(
    `select r.*, k.status as k_status, k.reply as k_reply, k.replied_at as k_replied_at, to_char(k.due_date, 'YYYY-MM-DD') as k_due
       from rating r left join rating_task k on k.rating_id = r.id
      where r.rater_person_id = $1 order by r.rated_at desc limit 200`,
    [actor.id],
  );
  return {
    invitations: invitations.map((i) => ({
      caseId: i.case_id,
      caseNumber: i.case_number,
      itemName: i.item_name,
      departmentName: i.department_name,
      stage: i.stage,
      dimensionSet: i.dimension_set,
      dueAt: iso(i.due_at)!,
    })),
    ratings: ratings.map((r) => ({
      ...presentRating(r),
      rectification: r.k_status ? { status: r.k_status, dueDate: r.k_due, reply: r.k_reply, repliedAt: iso(r.k_replied_at) } : null,
    })),
  };
}
