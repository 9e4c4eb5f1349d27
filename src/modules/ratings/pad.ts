import type { Actor, Role } from '../../kernel/actor.ts';
import { requireRole, requireScope } from '../../kernel/auth.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { notFound } from '../../kernel/errors.ts';
import { caseIdByNumber, caseRatingSubject } from '../cases/index.ts';
import { windowRefsInRegion } from '../org/index.ts';
import type { PadCase, PadWindow } from './schemas.ts';

/** Staff who record an applicant's rating: the clerk's window pad, the hotline agent on the phone. */
const ASSIST_ROLES: readonly Role[] = ['window_clerk', 'hotline_agent'];

/**
 * The window pad (or the hotline agent) finds the case by its number; it shows what the
 * applicant is asked to rate and whether that is still open, nothing about the applicant.
 */
export async function padCase(db: Queryable, actor: Actor, number: string): Promise<PadCase> {
  requireRole(actor, ASSIST_ROLES);
  const id = await caseIdByNumber(db, number);
  const subject = id ? await caseRatingSubject(db, id) : undefined;
  if (!subject) throw notFound('case', number);
  requireScope(actor, ASSIST_ROLES, { regionCode: subject.regionCode });
  const rated = await db.one<{ n: number }>(`select count(*) as n from rating where case_id = $1 and stage = 'completed'`, [subject.id]);
  return {
    caseId: subject.id,
    caseNumber: subject.number ?? number,
    itemName: subject.itemName,
    finished: subject.reached.completed,
    /** The dimensions a hotline rating is asked on follow how the case was handled. */
    dimensionSet: subject.channel === 'online' ? ('online' as const) : ('offline' as const),
    rated: Number(rated?.n ?? 0) > 0,
  };
}

/** The windows a clerk's pad may stand at: those in the regions of the clerk's window_clerk grants. */
export async function padWindows(db: Queryable, actor: Actor): Promise<{ items: PadWindow[] }> {
  const staff = requireRole(actor, ['window_clerk']);
  const regions = [...new Set(staff.roles.filter((g) => g.role === 'window_clerk').map((g) => g.regionCode))];
  const lists = await Promise.all(regions.map((r) => windowRefsInRegion(db, r)));
  return { items: [...new Map(lists.flat().map((w) => [w.id, w])).values()] };
}
