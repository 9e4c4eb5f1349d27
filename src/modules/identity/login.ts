import { ANONYMOUS, type Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { Db } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import type { PersonalData } from '../../kernel/pii.ts';
import { dummyHash, verifyPassword } from './password.ts';
import { actorForToken, createSession } from './sessions.ts';

interface Candidate {
  kind: 'staff' | 'person';
  id: string;
  password_hash: string;
  region_code: string | null;
  [key: string]: unknown;
}

/**
 * Staff sign in with their username; citizens with their mobile number or ID number (found
 * through the blind index). The answer is the same for an unknown account and a wrong
 * password, and takes the same time. Every attempt is audited.
 */
export async function authenticate(
  db: Db,
  pii: PersonalData,
  input: { username: string; password: string },
  meta: { ip?: string } = {},
): Promise<{ kind: 'staff' | 'person'; id: string; regionCode: string | null }> {
  const index = pii.index(input.username);
  const candidate = await db.one<Candidate>(
    `select 'staff' as kind, id, password_hash, region_code from staff where username = $1 and status = 'active'
     union all
     select 'person' as kind, id, password_hash, region_code from person where phone_index = $2 or id_number_index = $2
     limit 1`,
    [input.username, index],
  );
  const ok = await verifyPassword(input.password, candidate?.password_hash ?? (await dummyHash()));
  if (!candidate || !ok) {
    await db.transaction((tx) =>
      appendAudit(tx, ANONYMOUS, {
        action: 'auth.login_failed',
        objectType: candidate?.kind ?? 'account',
        objectId: candidate?.id ?? null,
        // an unknown name may be someone's mistyped password: record only its length
        details: candidate ? { ip: meta.ip ?? null } : { usernameLength: input.username.length, ip: meta.ip ?? null },
      }),
    );
    throw new AppError('LOGIN_FAILED', 401);
  }
  return { kind: candidate.kind, id: candidate.id, regionCode: candidate.region_code };
}

/** Password login to a YiWang session (the web areas' own sign-in). */
export async function login(
  db: Db,
  pii: PersonalData,
  input: { username: string; password: string },
  options: { sessionHours: number; ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
  const account = await authenticate(db, pii, input, options);
  const session = await createSession(db, { kind: account.kind, id: account.id }, options.sessionHours, options);
  const actor = await actorForToken(db, session.token);
  if (!actor) throw new AppError('LOGIN_FAILED', 401);
  await db.transaction((tx) =>
    appendAudit(tx, actor, {
      action: 'auth.login',
      objectType: account.kind,
      objectId: account.id,
      regionCode: account.regionCode,
      details: { ip: options.ip ?? null, via: 'session' },
    }),
  );
  return { ...session, actor };
}
