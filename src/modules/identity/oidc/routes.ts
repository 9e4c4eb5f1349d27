import type { FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { AppContext } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { t } from '../../../kernel/i18n/index.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { personalData } from '../../../kernel/pii.ts';
import { authenticate, smsSignIn } from '../login.ts';
import { tablePopulationBase } from '../population.ts';
import { requestSignInCode } from '../sms-requests.ts';
import { interactionSteps } from './interaction.ts';
import { consentPage, loginPage, type LoginView } from './pages.ts';
import { OIDC_PREFIX } from './provider.ts';
import type { OidcRuntime } from './runtime.ts';

/** oidc-provider's own limit for the bodies it reads. */
const PROVIDER_BODY_LIMIT = 56 * 1024;

/** Mounts the provider at /oidc and serves its interaction pages. */
export function registerOidcRoutes(app: HttpApp, ctx: AppContext, runtime: OidcRuntime) {
  const pii = personalData(ctx.config.masterKey);
  const provider = runtime.provider;
  const steps = interactionSteps(ctx, pii, tablePopulationBase(ctx.db, pii));
  type Details = Awaited<ReturnType<Provider['interactionDetails']>>;

  async function clientName(p: Provider, clientId: unknown): Promise<string> {
    const client = await p.Client.find(String(clientId));
    return String(client?.clientName ?? clientId);
  }

  // Interaction pages: form posts, parsed here only; the rest of the API takes JSON alone.
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    /** The interaction of this browser, and the posted form once its CSRF token is checked. */
    async function interaction(req: FastifyRequest, reply: FastifyReply) {
      const p = await provider(req);
      const details = await p.interactionDetails(req.raw, reply.raw);
      const body = (req.method === 'POST' ? (req.body ?? {}) : {}) as Record<string, string>;
      if (req.method === 'POST' && body.csrf !== steps.csrfFor(details.uid)) throw new AppError('CSRF_REJECTED', 403);
      const field = (name: string, max: number) => String(body[name] ?? '').trim().slice(0, max);
      return { p, details, body, field };
    }

    const loginView = async (req: FastifyRequest, p: Provider, details: Details, extra: Partial<LoginView> = {}): Promise<LoginView> => ({
      uid: details.uid,
      csrf: steps.csrfFor(details.uid),
      client: await clientName(p, details.params.client_id),
      method: (req.query as Record<string, string>).method === 'sms' ? 'sms' : 'password',
      ...extra,
    });

    scope.get(`${OIDC_PREFIX}/interaction/:uid`, { schema: { hide: true } }, async (req, reply) => {
      const { p, details } = await interaction(req, reply);
      reply.type('text/html');
      if (details.prompt.name === 'login') {
        const ch = await steps.challenge(details.uid);
        const step = ch ? await steps.nextStep(p, details, ch) : null;
        if (ch && step) return steps.render(req.lang, p, details, ch, step);
        return loginPage(req.lang, await loginView(req, p, details));
      }
      const scopes = String(details.params.scope ?? 'openid').split(' ').filter(Boolean);
      return consentPage(req.lang, details.uid, steps.csrfFor(details.uid), await clientName(p, details.params.client_id), scopes);
    });

    scope.post(`${OIDC_PREFIX}/interaction/:uid/login`, { schema: { hide: true } }, async (req, reply) => {
      const { p, details, field } = await interaction(req, reply);
      try {
        const account = await authenticate(ctx.db, pii, { username: field('username', 64), password: String((req.body as Record<string, string>).password ?? '').slice(0, 128) }, { ip: req.ip });
        return await steps.begin(req, reply, p, details, account, 'password');
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const view = await loginView(req, p, details, { method: 'password', error: t(req.lang, `error.${err.code}`, err.params) });
        return reply.status(err.status).type('text/html').send(loginPage(req.lang, view));
      }
    });

    scope.post(`${OIDC_PREFIX}/interaction/:uid/sms-send`, { schema: { hide: true } }, async (req, reply) => {
      const { p, details, field } = await interaction(req, reply);
      const phone = field('phone', 11);
      try {
        await requestSignInCode(ctx, phone, req.lang);
        const view = await loginView(req, p, details, { method: 'sms', phone, notice: t(req.lang, 'oidc.login.codeSent') });
        return reply.type('text/html').send(loginPage(req.lang, view));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const view = await loginView(req, p, details, { method: 'sms', phone, error: t(req.lang, `error.${err.code}`, err.params) });
        return reply.status(err.status).type('text/html').send(loginPage(req.lang, view));
      }
    });

    scope.post(`${OIDC_PREFIX}/interaction/:uid/sms-login`, { schema: { hide: true } }, async (req, reply) => {
      const { p, details, field } = await interaction(req, reply);
      const phone = field('phone', 11);
      try {
        const person = await smsSignIn(ctx, pii, phone, field('code', 6), req.ip);
        return await steps.begin(req, reply, p, details, { kind: 'person', id: person }, 'sms');
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const view = await loginView(req, p, details, { method: 'sms', phone, error: t(req.lang, `error.${err.code}`, err.params) });
        return reply.status(err.status).type('text/html').send(loginPage(req.lang, view));
      }
    });

    for (const step of ['totp', 'enrol', 'stepup', 'choose'] as const) {
      scope.post(`${OIDC_PREFIX}/interaction/:uid/${step}`, { schema: { hide: true } }, async (req, reply) => {
        const { p, details, body } = await interaction(req, reply);
        return steps.answer(req, reply, p, details, step, body);
      });
    }

    scope.post(`${OIDC_PREFIX}/interaction/:uid/confirm`, { schema: { hide: true } }, async (req, reply) => {
      const { p, details } = await interaction(req, reply);
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
      const { p } = await interaction(req, reply);
      reply.hijack();
      await p.interactionFinished(req.raw, reply.raw, { error: 'access_denied', error_description: 'the user denied access' }, { mergeWithLastSubmission: false });
    });
  });

  // Everything else under /oidc is the provider itself. Its form posts (token, introspection,
  // revocation, logout) are read here, so that the kernel's text check sees their fields as it
  // sees every other route's (a NUL in client_id reached the database: a 500), and handed to the
  // provider as the text it would have read; other bodies it reads itself.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: PROVIDER_BODY_LIMIT }, (req, body, done) => {
      (req.raw as typeof req.raw & { body?: string }).body = String(body);
      const fields: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(String(body))) {
        const had = fields[k];
        fields[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
      }
      done(null, fields);
    });
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
