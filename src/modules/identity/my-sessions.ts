import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { AppContext } from '../../kernel/context.ts';
import { notFound } from '../../kernel/errors.ts';
import { requireSignedIn } from './my-account.ts';
import { listSessions, loginHistory, revokeSession, sessionIdOf } from './sessions.ts';

/** The account's live sessions, the one this request came with marked `current`. */
export async function mySessions(ctx: AppContext, actor: Actor, currentToken: string | undefined) {
  const subject = requireSignedIn(actor);
  const current = currentToken ? await sessionIdOf(ctx.db, currentToken) : undefined;
  return (await listSessions(ctx.db, subject)).map((s) => ({ ...s, current: s.id === current }));
}

/** End one of one's own sessions (a device one does not recognise); audited with the request's address. */
export async function revokeMySession(ctx: AppContext, actor: Actor, sessionId: string, ip: string): Promise<void> {
  const subject = requireSignedIn(actor);
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeSession(tx, subject, sessionId))) throw notFound('session', sessionId);
    await appendAudit(tx, subject, { action: 'auth.session_revoked', objectType: subject.kind, objectId: subject.id, details: { session: sessionId, ip } });
  });
}

export function myLogins(ctx: AppContext, actor: Actor) {
  return loginHistory(ctx.db, requireSignedIn(actor));
}
