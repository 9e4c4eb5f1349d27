import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Queryable } from '../../kernel/db/index.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import type { Actor, RoleGrant } from '../../kernel/actor.ts';
import { staffActor } from '../org/index.ts';

export type SubjectKind = 'staff' | 'person';

/** Roles whose accounts may not sign in on a password alone. */
export const TOTP_REQUIRED_ROLES: readonly RoleGrant['role'][] = ['administrator', 'department_admin'];

const totpFor = (secret: OTPAuth.Secret, label: string) =>
  new OTPAuth.TOTP({ issuer: 'YiWang 一网', label, algorithm: 'SHA1', digits: 6, period: 30, secret });

export async function totpState(db: Queryable, kind: SubjectKind, id: string): Promise<'none' | 'pending' | 'active'> {
  const row = await db.one<{ confirmed: boolean }>('select confirmed_at is not null as confirmed from totp_credential where subject_kind = $1 and subject_id = $2', [kind, id]);
  if (!row) return 'none';
  return row.confirmed ? 'active' : 'pending';
}

export async function totpRequired(db: Queryable, kind: SubjectKind, id: string): Promise<boolean> {
  if (kind !== 'staff') return false;
  const staff = await staffActor(db, id);
  return staff?.roles.some((g) => TOTP_REQUIRED_ROLES.includes(g.role)) ?? false;
}

/**
 * Start (or restart) enrolment: a fresh secret, stored encrypted and unconfirmed until the
 * first valid code. Returns what the authenticator app needs: the otpauth URI and its QR.
 */
export async function beginTotpEnrolment(db: Queryable, pii: PersonalData, kind: SubjectKind, id: string, label: string) {
  const secret = new OTPAuth.Secret({ size: 20 });
  await db.query(
    `insert into totp_credential (subject_kind, subject_id, secret_enc) values ($1, $2, $3)
     on conflict (subject_kind, subject_id) do update set secret_enc = excluded.secret_enc, confirmed_at = null, last_step = null, created_at = clock_now()
       where totp_credential.confirmed_at is null`,
    [kind, id, pii.encrypt(secret.base32)],
  );
  const row = await db.one<{ secret_enc: string; confirmed: boolean }>(
    'select secret_enc, confirmed_at is not null as confirmed from totp_credential where subject_kind = $1 and subject_id = $2',
    [kind, id],
  );
  if (!row || row.confirmed) return undefined; // already enrolled: never re-show a live secret
  const base32 = pii.decrypt(row.secret_enc);
  const uri = totpFor(OTPAuth.Secret.fromBase32(base32), label).toString();
  return { secret: base32, uri, qr: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
}

/**
 * Check a code (±1 step for clock drift). A step once accepted is never accepted again, so a
 * code seen over someone's shoulder cannot be replayed. Confirms a pending enrolment.
 */
export async function verifyTotp(db: Queryable, pii: PersonalData, kind: SubjectKind, id: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const row = await db.one<{ secret_enc: string; last_step: string | null }>(
    'select secret_enc, last_step from totp_credential where subject_kind = $1 and subject_id = $2',
    [kind, id],
  );
  if (!row) return false;
  const totp = totpFor(OTPAuth.Secret.fromBase32(pii.decrypt(row.secret_enc)), id);
  const delta = totp.validate({ token: code, window: 1 });
  if (delta === null) return false;
  // The real time, not the kernel clock: the code comes from an app on the person's phone,
  // which counts real seconds whatever date the platform is set to.
  const step = Math.floor(Date.now() / 1000 / 30) + delta;
  const updated = await db.query(
    `update totp_credential set last_step = $3, confirmed_at = coalesce(confirmed_at, clock_now())
      where subject_kind = $1 and subject_id = $2 and (last_step is null or last_step < $3) returning subject_id`,
    [kind, id, step],
  );
  return updated.length === 1;
}

export async function removeTotp(db: Queryable, kind: SubjectKind, id: string): Promise<void> {
  await db.query('delete from totp_credential where subject_kind = $1 and subject_id = $2', [kind, id]);
}

export const subjectOf = (actor: Actor): { kind: SubjectKind; id: string } | undefined =>
  actor.kind === 'staff' || actor.kind === 'person' ? { kind: actor.kind, id: actor.id } : undefined;
