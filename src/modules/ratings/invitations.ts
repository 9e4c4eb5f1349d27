import { createHash, randomBytes } from 'node:crypto';
import { systemActor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Queryable, Tx } from '../../kernel/db/index.ts';
import { emit } from '../../kernel/events/index.ts';
import { t } from '../../kernel/i18n/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import type { CaseRatingSubject } from '../cases/index.ts';
import { personView, queueSms } from '../identity/index.ts';
import { departmentRefsById, windowRef } from '../org/index.ts';
import { DEFAULT_LEVEL, type Stage } from './dictionary.ts';
import { DEFAULT_DUE } from './events.ts';
import type { RatingSettings } from './settings.ts';
import { insertRating, type RatedObjects } from './store.ts';
import * as clock from '../../kernel/clock.ts';

export interface InvitationRow extends RatedObjects {
  id: string;
  dimension_set: 'online' | 'offline';
  rater_person_id: string;
  status: 'open' | 'rated' | 'defaulted';
  due_at: Date;
  created_at: Date;
  [k: string]: unknown;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function lockInvitation(tx: Tx, caseId: string, stage: Stage): Promise<InvitationRow | undefined> {
  return tx.one<InvitationRow>('select * from rating_invitation where case_id = $1 and stage = $2 for update', [caseId, stage]);
}

/**
 * The invitation of a case for a stage, created on first need: by the case event (with an SMS
 * link and the timer that later records 基本满意), or by the rater arriving first. Two callers at
 * once create one row; the loser reads the winner's.
 */
export async function ensureInvitation(
  tx: Tx,
  pii: PersonalData,
  subject: CaseRatingSubject,
  stage: Stage,
  settings: RatingSettings,
  /** The SMS link is sent only for invitations made by the case event, not when the rater is already here. */
  notify: { publicUrl: string } | null,
): Promise<{ invitation: InvitationRow; created: boolean }> {
  const token = randomBytes(24).toString('base64url');
  const dept = (await departmentRefsById(tx, [subject.departmentId])).get(subject.departmentId);
  const window = subject.place ? await windowRef(tx, subject.place.windowId) : undefined;
  const dueAt = new Date(clock.nowMs() + settings.defaultAfterDays * 86_400_000);
  const inserted = await tx.one<InvitationRow>(
    `insert into rating_invitation (id, case_id, case_number, stage, region_code, department_id, department_name, item_id, item_code, item_name,
        dimension_set, rater_person_id, staff_id, staff_name, token_hash, due_at, hall_id, hall_name, window_id, window_name)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     on conflict (case_id, stage) do nothing returning *`,
    [
      uuidv7(), subject.id, subject.number ?? '', stage, subject.regionCode, subject.departmentId, dept?.name ?? '', subject.itemId,
      subject.itemCode, subject.itemName, subject.channel === 'online' ? 'online' : 'offline', subject.raterPersonId,
      subject.handler?.id ?? null, subject.handler?.name ?? null, tokenHash(token), dueAt,
      window?.hallId ?? null, window?.hallName ?? null, window?.id ?? null, window ? `${window.number} ${window.name}` : null,
    ],
  );
  if (!inserted) return { invitation: (await lockInvitation(tx, subject.id, stage))!, created: false };
  await emit(tx, DEFAULT_DUE, { invitationId: inserted.id }, { regionCode: subject.regionCode, dueAt, dedupeKey: `rating-default:${inserted.id}` });
  const person = notify ? await personView(tx, pii, subject.raterPersonId, true) : undefined;
  if (notify && person?.phone) {
    const text = t('zh-CN', 'ratings.sms.invite', { number: subject.number ?? '', item: subject.itemName, link: `${notify.publicUrl}/rate/${token}`, days: settings.defaultAfterDays });
    await queueSms(tx, pii, person.phone, text);
    // an SMS reply (1–5) answers the latest invitation sent to the phone before the reply; the
    // kernel clock runs on within a transaction, so two invitations sent in one still differ
    const sentAt = clock.now();
    await tx.query('update rating_invitation set sms_sent_at = $2 where id = $1', [inserted.id, sentAt]);
    inserted.sms_sent_at = sentAt;
  }
  return { invitation: inserted, created: true };
}

/**
 * Silence until the due time counts as 基本满意, marked as defaulted (Guangdong rule). A rating
 * given in the meantime, or an invitation already defaulted, leaves nothing to do.
 */
export async function defaultInvitation(tx: Tx, invitationId: string): Promise<void> {
  const inv = await tx.one<InvitationRow>('select * from rating_invitation where id = $1 for update', [invitationId]);
  if (!inv || inv.status !== 'open') return;
  const rating = await insertRating(tx, inv, { level: DEFAULT_LEVEL, channel: 'default', defaulted: true, raterPersonId: inv.rater_person_id });
  await tx.query(`update rating_invitation set status = 'defaulted' where id = $1`, [inv.id]);
  await appendAudit(tx, systemActor('ratings.timer'), {
    action: 'rating.defaulted',
    objectType: 'rating',
    objectId: rating.id,
    regionCode: inv.region_code,
    details: { caseId: inv.case_id, stage: inv.stage },
  });
}

export async function invitationByToken(q: Queryable, token: string): Promise<InvitationRow | undefined> {
  return q.one<InvitationRow>('select * from rating_invitation where token_hash = $1', [tokenHash(token)]);
}
