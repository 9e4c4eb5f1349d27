import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import type { AppContext } from '../../kernel/context.ts';
import { forbidden, unauthenticated } from '../../kernel/errors.ts';
import { actingFor } from './enterprises.ts';
import { accountClaims, parseAccountId } from './oidc/accounts.ts';
import { channelOf, createSession, endSession, idTokenOf, setSessionActing } from './sessions.ts';

/** Where a browser's request came from, as the session and its audit entry record it. */
export interface Browser {
  ip: string;
  userAgent: string | undefined;
}

/**
 * The web areas' session after the provider signed someone in (`sub` from the ID token): stored
 * and audited together (`auth.session`, which the daily-active indicator counts). Undefined when
 * the account no longer exists.
 */
export async function openWebSession(
  ctx: AppContext,
  signedIn: { sub: string; idToken: string | undefined; acr: string | undefined },
  browser: Browser,
): Promise<{ id: string; token: string; expiresAt: Date } | undefined> {
  const account = await accountClaims(ctx.db, signedIn.sub);
  if (!account) return undefined;
  const { subjectId: id, enterpriseId } = parseAccountId(signedIn.sub);
  const kind = account.yiwang_kind === 'staff' ? 'staff' : 'person';
  return ctx.db.transaction(async (tx) => {
    const session = await createSession(tx, { kind, id, actingEnterpriseId: enterpriseId }, ctx.config.sessionHours, {
      ip: browser.ip,
      userAgent: browser.userAgent,
      idToken: signedIn.idToken,
      acr: signedIn.acr,
    });
    await appendAudit(tx, { kind, id }, {
      action: 'auth.session',
      objectType: kind,
      objectId: id,
      details: { ip: browser.ip, session: session.id, actingFor: enterpriseId, channel: channelOf(kind, browser.userAgent) },
    });
    return session;
  });
}

/** End the session of this cookie; returns its ID token, for the provider's logout. */
export async function closeWebSession(ctx: AppContext, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  const idToken = await idTokenOf(ctx.db, token);
  await endSession(ctx.db, token);
  return idToken;
}

/**
 * A signed-in person switches between acting for themself and for an enterprise that authorised
 * them; the right is checked now and again at every request.
 */
export async function actAs(ctx: AppContext, actor: Actor, token: string | undefined, enterpriseId: string | null, ip: string): Promise<void> {
  if (!token || actor.kind === 'anonymous') throw unauthenticated();
  if (actor.kind !== 'person') throw forbidden();
  if (enterpriseId && !(await actingFor(ctx.db, actor.id, enterpriseId))) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    await setSessionActing(tx, token, enterpriseId);
    await appendAudit(tx, actor, { action: 'auth.act_as', objectType: 'person', objectId: actor.id, details: { enterpriseId, ip } });
  });
}
