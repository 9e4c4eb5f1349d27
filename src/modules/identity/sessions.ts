import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../kernel/actor.ts';
import { accountSql, toActor, type AccountRow } from './account-actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';

export const SESSION_COOKIE = 'yw_session';

/** Where a session signs in from, for the active-user indicators (portal web, mobile H5, workbench). */
export type Channel = 'web' | 'mobile' | 'workbench';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function channelOf(kind: 'staff' | 'person', userAgent: string | undefined): Channel {
  if (kind === 'staff') return 'workbench';
  return /Mobile|Android|iPhone|MicroMessenger|AlipayClient/i.test(userAgent ?? '') ? 'mobile' : 'web';
}

export async function createSession(
  db: Queryable,
  subject: { kind: 'staff' | 'person'; id: string; actingEnterpriseId?: string | null },
  hours: number,
  meta: { ip?: string; userAgent?: string; idToken?: string; acr?: string },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const id = uuidv7();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + hours * 3600_000);
  await db.query(
    `insert into session (id, token_hash, subject_kind, subject_id, acting_enterprise_id, expires_at, ip, user_agent, id_token, channel, acr)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      id,
      hashToken(token),
      subject.kind,
      subject.id,
      subject.actingEnterpriseId ?? null,
      expiresAt.toISOString(),
      meta.ip ?? null,
      meta.userAgent?.slice(0, 300) ?? null,
      meta.idToken ?? null,
      channelOf(subject.kind, meta.userAgent),
      meta.acr ?? null,
    ],
  );
  return { id, token, expiresAt };
}

export async function idTokenOf(db: Queryable, token: string): Promise<string | null> {
  const row = await db.one<{ id_token: string | null }>('select id_token from session where token_hash = $1', [hashToken(token)]);
  return row?.id_token ?? null;
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  await db.query('delete from session where token_hash = $1', [hashToken(token)]);
}

/** Switch the enterprise a web session acts for (null: for oneself); the caller checked the right. */
export async function setSessionActing(db: Queryable, token: string, enterpriseId: string | null): Promise<void> {
  await db.query('update session set acting_enterprise_id = $2 where token_hash = $1', [hashToken(token), enterpriseId]);
}

export async function sessionIdOf(db: Queryable, token: string): Promise<string | undefined> {
  return (await db.one<{ id: string }>('select id from session where token_hash = $1', [hashToken(token)]))?.id;
}

/** The account's live sessions, newest first, so the owner can end the ones they do not know. */
export async function listSessions(db: Queryable, subject: { kind: string; id: string }) {
  const rows = await db.query<{
    id: string;
    created_at: Date;
    expires_at: Date;
    ip: string | null;
    user_agent: string | null;
    channel: Channel;
  }>(
    `select id, created_at, expires_at, ip, user_agent, channel from session
      where subject_kind = $1 and subject_id = $2 and expires_at > now() order by created_at desc limit 100`,
    [subject.kind, subject.id],
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    ip: r.ip,
    userAgent: r.user_agent,
    channel: r.channel,
  }));
}

/** End one of the account's own sessions; another account's session id matches nothing. */
export async function revokeSession(db: Queryable, subject: { kind: string; id: string }, sessionId: string): Promise<boolean> {
  const rows = await db.query('delete from session where id = $1 and subject_kind = $2 and subject_id = $3 returning id', [
    sessionId,
    subject.kind,
    subject.id,
  ]);
  return rows.length === 1;
}

/** Sign-in events of the account from the audit log (successes, failures, refusals). */
export async function loginHistory(db: Queryable, subject: { kind: string; id: string }, limit = 50) {
  const rows = await db.query<{ at: Date; action: string; details: Record<string, unknown> }>(
    `select at, action, details from audit_log
      where object_type = $1 and object_id = $2 and action like 'auth.%' order by seq desc limit $3`,
    [subject.kind, subject.id, limit],
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    event: r.action.slice('auth.'.length),
    ip: typeof r.details.ip === 'string' ? r.details.ip : null,
    method: typeof r.details.method === 'string' ? r.details.method : null,
    client: typeof r.details.client === 'string' ? r.details.client : null,
  }));
}

/** The actor behind a session cookie, in one query (see account-actor.ts for who counts as nobody). */
export async function actorForToken(db: Queryable, token: string): Promise<Actor | undefined> {
  if (token.length > 100) return undefined;
  const row = await db.one<AccountRow>(
    `select a.* from session se
      cross join lateral (${accountSql('se.subject_kind', 'se.subject_id', 'se.acting_enterprise_id')}) a
      where se.token_hash = $1 and se.expires_at > now()`,
    [hashToken(token)],
  );
  return toActor(row);
}

/** Housekeeping: expired sessions, sign-in challenges and SMS codes older than a day. */
export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.query('delete from session where expires_at <= now() returning token_hash');
  await db.query('delete from login_challenge where expires_at <= now()');
  // codes are kept a day: the per-phone hourly limit counts them
  await db.query("delete from sms_code where created_at < now() - interval '1 day'");
  return rows.length;
}
