import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { personalData } from '../../kernel/pii.ts';
import { requireSignedIn } from './my-account.ts';
import { beginTotpEnrolment, removeTotp, totpRequired, totpState, verifyTotp } from './totp.ts';

/**
 * One's own authenticator app (TOTP): enrol, confirm with a first code, remove with a current
 * code. Confirming and removing are audited in the transaction that makes them.
 */
export async function startMyTotp(ctx: AppContext, actor: Actor) {
  const subject = requireSignedIn(actor);
  const label = actor.kind === 'staff' ? actor.username : actor.kind === 'person' ? actor.name : subject.id;
  const enrolment = await beginTotpEnrolment(ctx.db, personalData(ctx.config.masterKey), subject.kind, subject.id, label);
  if (!enrolment) throw new AppError('TOTP_ALREADY_ACTIVE', 409);
  return enrolment;
}

export async function confirmMyTotp(ctx: AppContext, actor: Actor, code: string, ip: string): Promise<void> {
  const subject = requireSignedIn(actor);
  if ((await totpState(ctx.db, subject.kind, subject.id)) !== 'pending') throw new AppError('TOTP_NOT_PENDING', 409);
  await ctx.db.transaction(async (tx) => {
    if (!(await verifyTotp(tx, personalData(ctx.config.masterKey), subject.kind, subject.id, code))) throw totpInvalid();
    await appendAudit(tx, subject, { action: 'auth.totp_enrolled', objectType: subject.kind, objectId: subject.id, details: { ip } });
  });
}

/** Not for accounts whose roles require a second factor (administrators). */
export async function removeMyTotp(ctx: AppContext, actor: Actor, code: string, ip: string): Promise<void> {
  const subject = requireSignedIn(actor);
  if (await totpRequired(ctx.db, subject.kind, subject.id)) throw new AppError('TOTP_REQUIRED', 409);
  await ctx.db.transaction(async (tx) => {
    if (!(await verifyTotp(tx, personalData(ctx.config.masterKey), subject.kind, subject.id, code))) throw totpInvalid();
    await removeTotp(tx, subject.kind, subject.id);
    await appendAudit(tx, subject, { action: 'auth.totp_removed', objectType: subject.kind, objectId: subject.id, details: { ip } });
  });
}

const totpInvalid = () => new AppError('TOTP_INVALID', 422, {}, { field: 'code' });
