import type { FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { t } from '../../../kernel/i18n/index.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { personalData } from '../../../kernel/pii.ts';
import { authenticate } from '../login.ts';
import { ACR, assuranceLevel } from './accounts.ts';
import { consentPage, loginPage } from './pages.ts';
import { OIDC_PREFIX } from './provider.ts';
import type { OidcRuntime } from './runtime.ts';

/** Mounts the provider at /oidc and serves its interaction pages. */
export function registerOidcRoutes(app: HttpApp, ctx: AppContext, runtime: OidcRuntime) {
  const pii = personalData(ctx.config.masterKey);
  const provider = runtime.provider;

  async function clientName(p: Provider, clientId: unknown): Promise<string> {
    const client = await p.Client.find(String(clientId));
    return String(client?.clientName ?? clientId);
  }

  // Interaction pages: form posts, parsed here only; the rest of the API takes JSON alone.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    scope.get(`${OIDC_PREFIX}/interaction/:uid`, { schema: { hide: true } }, async (req, reply) => {
      const p = await provider(req);
      const details = await p.interactionDetails(req.raw, reply.raw);
      const name = await clientName(p, details.params.client_id);
      reply.type('text/html');
      if (details.prompt.name === 'login') return loginPage(req.lang, details.uid, name);
      const scopes = String(details.params.scope ?? 'openid').split(' ').filter(Boolean);
      return consentPage(req.lang, details.uid, name, scopes);
    });

    scope.post(`${OIDC_PREFIX}/interaction/:uid/login`, { schema: { hide: true } }, async (req, reply) => {
      const p = await provider(req);
      const details = await p.interactionDetails(req.raw, reply.raw);
      const body = (req.body ?? {}) as Record<string, string>;
      try {
        const account = await authenticate(ctx.db, pii, { username: String(body.username ?? '').slice(0, 64), password: String(body.password ?? '').slice(0, 128) }, { ip: req.ip });
        const level = await assuranceLevel(ctx.db, account.kind, account.id);
        await ctx.db.transaction((tx) =>
          appendAudit(tx, account, {
            action: 'auth.login',
            objectType: account.kind,
            objectId: account.id,
            regionCode: account.regionCode,
            details: { ip: req.ip, via: 'oidc', client: String(details.params.client_id) },
          }),
        );
        reply.hijack();
        await p.interactionFinished(req.raw, reply.raw, { login: { accountId: account.id, acr: ACR[level] } }, { mergeWithLastSubmission: false });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const name = await clientName(p, details.params.client_id);
        return reply.status(err.status).type('text/html').send(loginPage(req.lang, details.uid, name, t(req.lang, `error.${err.code}`, err.params)));
      }
    });

    scope.post(`${OIDC_PREFIX}/interaction/:uid/confirm`, { schema: { hide: true } }, async (req, reply) => {
      const p = await provider(req);
      const details = await p.interactionDetails(req.raw, reply.raw);
      const accountId = details.session?.accountId;
      if (!accountId || details.prompt.name !== 'consent') throw new AppError('BAD_REQUEST', 400);
      const grant = details.grantId
        ? ((await p.Grant.find(details.grantId)) ?? new p.Grant({ accountId, clientId: String(details.params.client_id) }))
        : new p.Grant({ accountId, clientId: String(details.params.client_id) });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
      const grantId = await grant.save();
      reply.hijack();
      await p.interactionFinished(req.raw, reply.raw, { consent: { grantId } }, { mergeWithLastSubmission: true });
    });

    scope.post(`${OIDC_PREFIX}/interaction/:uid/abort`, { schema: { hide: true } }, async (req, reply) => {
      const p = await provider(req);
      reply.hijack();
      await p.interactionFinished(req.raw, reply.raw, { error: 'access_denied', error_description: 'the user denied access' }, { mergeWithLastSubmission: false });
    });
  });

  // Everything else under /oidc is the provider itself; it reads its own request bodies.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
    const handle = async (req: FastifyRequest, reply: FastifyReply) => {
      const p = await provider(req);
      reply.hijack();
      // As a mounted app sees it (Express convention): the provider derives its mount path
      // from originalUrl versus url and prefixes every endpoint it advertises with it.
      (req.raw as typeof req.raw & { originalUrl?: string }).originalUrl = req.raw.url;
      req.raw.url = req.raw.url!.slice(OIDC_PREFIX.length) || '/';
      p.callback()(req.raw, reply.raw);
    };
    scope.all(`${OIDC_PREFIX}/*`, { schema: { hide: true } }, handle);
    scope.all(OIDC_PREFIX, { schema: { hide: true } }, handle);
  });
}
