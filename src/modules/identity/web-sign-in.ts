import type { FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import * as clock from '../../kernel/clock.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { personalData } from '../../kernel/pii.ts';
import { ensureWebClient, WEB_CLIENT_ID } from './oidc/clients.ts';
import type { OidcRuntime } from './oidc/runtime.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { actAs, closeWebSession, openWebSession } from './web-sessions.ts';

const SIGN_IN_COOKIE = 'yw_signin';

/** Only a path on this site: never an open redirect to somewhere else. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

/**
 * The web areas are a relying party of YiWang's own provider (backend for frontend): the
 * browser goes through the provider's sign-in, the server redeems the code and keeps a session
 * cookie for the API. The tokens never reach the browser's JavaScript.
 */
export function registerWebSignIn(app: HttpApp, ctx: AppContext, runtime: OidcRuntime) {
  const secrets = personalData(ctx.config.masterKey);
  let rp: Promise<oidc.Configuration> | undefined;
  const relyingParty = (req: FastifyRequest) =>
    (rp ??= (async () => {
      await runtime.provider(req);
      const secret = await ensureWebClient(ctx.db, secrets, runtime.baseUrl(req));
      const issuer = new URL(runtime.issuer(req));
      return oidc.discovery(issuer, WEB_CLIENT_ID, secret, undefined, {
        execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
      });
    })().catch((err) => {
      rp = undefined;
      throw err;
    }));
  const cookieBase = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.secureCookies };

  app.get('/api/auth/start', {
    schema: { tags: ['auth'], querystring: Type.Object({ next: Type.Optional(Type.String({ maxLength: 500 })) }) },
  }, async (req, reply) => {
    const config = await relyingParty(req);
    const attempt = { verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce(), next: safeNext(req.query.next) };
    reply.setCookie(SIGN_IN_COOKIE, JSON.stringify(attempt), { ...cookieBase, path: '/api/auth', signed: true, maxAge: 600 });
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${runtime.baseUrl(req)}/api/auth/callback`,
      scope: 'openid profile yiwang',
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.verifier),
      code_challenge_method: 'S256',
      state: attempt.state,
      nonce: attempt.nonce,
      ui_locales: req.lang,
    });
    return reply.redirect(url.href);
  });

  app.get('/api/auth/callback', { schema: { tags: ['auth'], hide: true } }, async (req, reply) => {
    const raw = req.cookies[SIGN_IN_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : undefined;
    reply.clearCookie(SIGN_IN_COOKIE, { ...cookieBase, path: '/api/auth' });
    if (!unsigned?.valid || !unsigned.value) return reply.redirect('/login?error=SIGN_IN_EXPIRED');
    const attempt = JSON.parse(unsigned.value) as { verifier: string; state: string; nonce: string; next: string };
    const query = req.query as Record<string, string | undefined>;
    if (query.error) return reply.redirect(`/login?error=${encodeURIComponent(query.error === 'access_denied' ? 'SIGN_IN_DENIED' : 'SIGN_IN_FAILED')}`);
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(await relyingParty(req), new URL(req.url, runtime.baseUrl(req)), {
        pkceCodeVerifier: attempt.verifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
      });
    } catch (err) {
      req.log.warn({ err }, 'web sign-in: code redemption failed');
      return reply.redirect('/login?error=SIGN_IN_FAILED');
    }
    const claims = tokens.claims()!;
    const session = await openWebSession(
      ctx,
      { sub: claims.sub, idToken: tokens.id_token, acr: typeof claims.acr === 'string' ? claims.acr : undefined },
      { ip: req.ip, userAgent: req.headers['user-agent'] },
    );
    if (!session) return reply.redirect('/login?error=SIGN_IN_FAILED');
    // Max-Age, not Expires: the browser counts the lifetime from now by its own clock, so a phone
    // whose clock is wrong (or a node whose clock is set to another date) keeps the session.
    const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - clock.nowMs()) / 1000));
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, maxAge });
    return reply.redirect(attempt.next);
  });

  // Ends the API session here and hands the browser the provider's logout, so the single
  // sign-on session ends too (RP-initiated logout).
  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], response: { 200: Type.Object({ endSessionUrl: Type.Union([Type.String(), Type.Null()]) }) } },
  }, async (req, reply) => {
    const idToken = await closeWebSession(ctx, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, cookieBase);
    if (!idToken) return { endSessionUrl: null };
    const url = oidc.buildEndSessionUrl(await relyingParty(req), {
      id_token_hint: idToken,
      post_logout_redirect_uri: `${runtime.baseUrl(req)}/`,
    });
    return { endSessionUrl: url.href };
  });

  // A signed-in person switches, within the web areas, between acting for themself and for an
  // enterprise that authorised them; the right is checked now and again at every request.
  app.post('/api/auth/act-as', {
    schema: {
      tags: ['auth'],
      body: Type.Object({ enterpriseId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]) }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean() }) },
    },
  }, async (req) => {
    await actAs(ctx, req.actor, req.cookies[SESSION_COOKIE], req.body.enterpriseId, req.ip);
    return { ok: true };
  });
}
