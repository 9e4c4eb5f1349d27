import type { Actor } from '../../kernel/actor.ts';
import { requireScope } from '../../kernel/auth.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { Tx } from '../../kernel/db/index.ts';
import { AppError, conflict, forbidden, notFound, unauthenticated, unprocessable } from '../../kernel/errors.ts';
import { emit } from '../../kernel/events/index.ts';
import { personalData } from '../../kernel/pii.ts';
import { caseRatingSubject, isCaseApplicant, type CaseRatingSubject } from '../cases/index.ts';
import { windowRef } from '../org/index.ts';
import { BAD_TAG_CODES, DIMENSIONS, isBad, type Channel, type DimensionSet, type Stage } from './dictionary.ts';
import { RATED } from './events.ts';
import { ensureInvitation, invitationByToken, type InvitationRow } from './invitations.ts';
import { ratingSettings } from './settings.ts';
import type { LinkInvitation, RatingView } from './schemas.ts';
import { insertRating, presentRating, type RatingInput } from './store.ts';
import { openTask } from './tasks.ts';

export interface RatingContent {
  level: number;
  dimensions?: Record<string, number>;
  tags?: string[];
  comment?: string;
}

// Control characters other than line breaks and tabs have no place in a comment (and NUL
// cannot be stored in PostgreSQL text).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * On-site channels are rated on the on-site dimensions, online ones on the online dimensions;
 * the SMS link and the hotline follow how the case was handled.
 */
const dimensionSetOf = (channel: Channel, inv: InvitationRow): DimensionSet =>
  channel === 'hall_pad' || channel === 'kiosk' ? 'offline' : channel === 'portal' || channel === 'mobile' ? 'online' : inv.dimension_set;

/** The content checked against the national dictionaries and the channel's dimension set. */
function checkContent(inv: InvitationRow, channel: Channel, c: RatingContent): Required<RatingContent> {
  const tags = [...new Set(c.tags ?? [])];
  const unknown = tags.filter((t) => !BAD_TAG_CODES.includes(t));
  if (unknown.length) throw unprocessable('RATING_TAG_UNKNOWN', { tag: unknown.join(',') }, { tags: unknown });
  if (isBad(c.level) && tags.length === 0) throw unprocessable('RATING_TAG_REQUIRED');
  if (!isBad(c.level) && tags.length) throw unprocessable('RATING_TAGS_ONLY_FOR_BAD');
  const set = dimensionSetOf(channel, inv);
  const allowed: readonly string[] = DIMENSIONS[set].map((d) => d.code);
  const dims = Object.keys(c.dimensions ?? {}).filter((k) => !allowed.includes(k));
  if (dims.length) throw unprocessable('RATING_DIMENSION_UNKNOWN', { dimension: dims.join(','), set }, { dimensions: dims, allowed });
  return { level: c.level, dimensions: c.dimensions ?? {}, tags, comment: (c.comment ?? '').replace(CONTROL, '').trim() };
}

interface Rater {
  personId: string;
  channel: Channel;
  recordedBy?: string;
  place?: RatingInput['place'];
  /** Who the audit entry names: the signed-in caller, or the applicant behind an SMS link. */
  actor: Parameters<typeof appendAudit>[1];
}

/**
 * One rating per case and stage: the invitation row is locked, so of two ratings at once the
 * second finds it rated and gets 409. A bad rating opens its rectification task in the same
 * transaction.
 */
async function rate(ctx: AppContext, tx: Tx, subject: CaseRatingSubject, stage: Stage, rater: Rater, content: RatingContent): Promise<RatingView> {
  const settings = await ratingSettings(tx);
  if (!settings.stages.includes(stage)) throw conflict('RATING_STAGE_DISABLED', { stage });
  if (!subject.reached[stage]) throw conflict('RATING_STAGE_NOT_REACHED', { stage, status: subject.status });
  const pii = personalData(ctx.config.masterKey);
  const { invitation } = await ensureInvitation(tx, pii, subject, stage, settings, null);
  if (invitation.status !== 'open') throw conflict('RATING_EXISTS', { stage }, { stage, status: invitation.status });
  const checked = checkContent(invitation, rater.channel, content);
  const row = await insertRating(tx, invitation, { ...checked, channel: rater.channel, raterPersonId: rater.personId, recordedBy: rater.recordedBy, place: rater.place });
  await tx.query(`update rating_invitation set status = 'rated' where id = $1`, [invitation.id]);
  const taskId = isBad(row.level) ? await openTask(tx, row, settings.rectifyWorkingDays) : null;
  await appendAudit(tx, rater.actor, {
    action: 'rating.created',
    objectType: 'rating',
    objectId: row.id,
    regionCode: row.region_code,
    details: { caseId: row.case_id, stage, level: row.level, channel: row.channel, taskId },
  });
  await emit(tx, RATED, { ratingId: row.id, caseId: row.case_id, stage, level: row.level, departmentId: row.department_id, itemId: row.item_id, taskId }, { regionCode: row.region_code });
  return presentRating(row);
}

async function subjectOf(tx: Tx, caseId: string): Promise<CaseRatingSubject> {
  const s = await caseRatingSubject(tx, caseId);
  if (!s) throw notFound('case', caseId);
  return s;
}

/** The applicant rates their own case (portal, mobile or kiosk, signed in: real-name). */
export async function rateOwnCase(ctx: AppContext, actor: Actor, input: RatingContent & { caseId: string; stage?: Stage; channel: Channel }): Promise<RatingView> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden({ required: 'applicant' });
  return ctx.db.transaction(async (tx) => {
    // someone else's case does not exist for this person
    if (!(await isCaseApplicant(tx, actor, input.caseId))) throw notFound('case', input.caseId);
    return rate(ctx, tx, await subjectOf(tx, input.caseId), input.stage ?? 'completed', { personId: actor.id, channel: input.channel, actor }, input);
  });
}

/** The SMS link: the token was sent to the applicant's registered phone, so the rating stays real-name. */
export async function rateByToken(ctx: AppContext, actor: Actor, token: string, input: RatingContent): Promise<RatingView> {
  return ctx.db.transaction(async (tx) => {
    const inv = await invitationByToken(tx, token);
    if (!inv) throw new AppError('RATING_LINK_INVALID', 404);
    const who = actor.kind === 'anonymous' ? { kind: 'person' as const, id: inv.rater_person_id } : actor;
    return rate(ctx, tx, await subjectOf(tx, inv.case_id), inv.stage, { personId: inv.rater_person_id, channel: 'sms', actor: who }, input);
  });
}

/** What the SMS link shows before rating: the case and item, nothing personal. */
export async function invitationForToken(ctx: AppContext, token: string): Promise<LinkInvitation> {
  const inv = await invitationByToken(ctx.db, token);
  if (!inv) throw new AppError('RATING_LINK_INVALID', 404);
  return { caseNumber: inv.case_number, itemName: inv.item_name, departmentName: inv.department_name, stage: inv.stage, status: inv.status, dimensionSet: inv.dimension_set };
}

/**
 * Staff record the applicant's own rating: the pad at a window (the applicant rates the clerk
 * at the counter) or a hotline agent on the applicant's behalf.
 */
export async function rateAssisted(
  ctx: AppContext,
  actor: Actor,
  input: RatingContent & { caseId: string; stage?: Stage; channel: 'hall_pad' | 'hotline'; windowId?: string },
): Promise<RatingView> {
  return ctx.db.transaction(async (tx) => {
    const subject = await subjectOf(tx, input.caseId);
    const staff = requireScope(actor, input.channel === 'hall_pad' ? ['window_clerk'] : ['hotline_agent'], { regionCode: subject.regionCode });
    let place: RatingInput['place'];
    if (input.channel === 'hall_pad') {
      const w = input.windowId ? await windowRef(tx, input.windowId) : undefined;
      if (!w) throw unprocessable('RATING_WINDOW_UNKNOWN', {}, { windowId: input.windowId ?? null });
      place = { hallId: w.hallId, hallName: w.hallName, windowId: w.id, windowName: `${w.number} ${w.name}`, staffId: staff.id, staffName: staff.name };
    }
    const rater = { personId: subject.raterPersonId, channel: input.channel, recordedBy: staff.id, place, actor };
    return rate(ctx, tx, subject, input.stage ?? 'completed', rater, input);
  });
}

/**
 * A reply to the invitation SMS (1–5), matched to the invitation by the phone it came from: the
 * phone is the applicant's registered one, so the rating stays real-name.
 */
export async function rateBySmsReply(ctx: AppContext, tx: Tx, inv: InvitationRow, content: RatingContent): Promise<RatingView> {
  const rater = { personId: inv.rater_person_id, channel: 'sms' as const, actor: { kind: 'person' as const, id: inv.rater_person_id } };
  return rate(ctx, tx, await subjectOf(tx, inv.case_id), inv.stage, rater, content);
}
