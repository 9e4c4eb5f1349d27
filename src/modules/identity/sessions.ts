import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../kernel/actor.ts';
import { auditEntriesAbout } from '../../kernel/audit/entries.ts';
import { personAccountSql, personActor, type PersonAccountRow } from './account-actor.ts';
import { staffActor } from '../org/index.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import * as clock from '../../kernel/clock.ts';

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
  const expiresAt = new Date(clock.nowMs() + hours * 3600_000);
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
      where subject_kind = $1 and subject_id = $2 and expires_at > clock_now() order by created_at desc limit 100`,
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
  const entries = await auditEntriesAbout(db, { type: subject.kind, id: subject.id }, { actionPrefix: 'auth.', limit });
  return entries.map((e) => ({
    at: e.at,
    event: e.action.slice('auth.'.length),
    ip: typeof e.details.ip === 'string' ? e.details.ip : null,
    method: typeof e.details.method === 'string' ? e.details.method : null,
    client: typeof e.details.client === 'string' ? e.details.client : null,
  }));
}

/**
 * The actor behind a session cookie: a person (and the enterprise the session acts for) in the
 * same query as the session, a staff member in one more (see account-actor.ts for who counts as
 * nobody).
 */
export async function actorForToken(db: Queryable, token: string): Promise<Actor | undefined> {
  if (token.length > 100) return undefined;
  const row = await db.one<PersonAccountRow & { kind: 'staff' | 'person'; subject_id: string }>(
    `select se.subject_kind as kind, se.subject_id, a.* from session se
      cross join lateral (${personAccountSql('se.subject_id', 'se.acting_enterprise_id')}) a
      where se.token_hash = $1 and se.expires_at > clock_now()`,
    [hashToken(token)],
  );
  if (!row) return undefined;
  return row.kind === 'staff' ? staffActor(db, row.subject_id) : personActor(row);
}

/** Housekeeping: expired sessions, sign-in challenges and SMS codes older than a day. */
export async function purgeExpiredSessions(db: Queryable): Promise<number> {
  const rows = await db.query('delete from session where expires_at <= clock_now() returning token_hash');
  await db.query('delete from login_challenge where expires_at <= clock_now()');
  // codes are kept a day: the per-phone hourly limit counts them
  await db.query("delete from sms_code where created_at < clock_now() - interval '1 day'");
  return rows.length;
}
