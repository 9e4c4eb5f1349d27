import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor } from '../actor.ts';
import { AppError } from '../errors.ts';
import type { AppContext } from '../context.ts';
import { hmacSm3 } from '../crypto/sm3.ts';
import { pickLang, type Lang } from '../i18n/index.ts';
import type { HttpApp, Module } from '../module.ts';
import { errorBody, installErrorHandling } from './errors.ts';
import { registerHealthRoutes } from './health.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { createMetrics } from './metrics.ts';
import { installTextCheck, validatorCompiler } from './validation.ts';
import { lazySerializers, trackRouteSchemas } from './lazy-compile.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    lang: Lang;
  }
}

export const MAX_JSON_BODY = 1024 * 1024;

export function loggerOptions(level: string) {
  return {
    level,
    // Session cookies and credentials never reach the log.
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  };
}

/** One HTTP app for the API, the OpenAPI document and the built web app. */
export async function buildApp(ctx: AppContext, modules: Module[]): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: ctx.log,
    bodyLimit: MAX_JSON_BODY,
    trustProxy: ctx.config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    // schemas compile on a route's first request (see lazy-compile.ts)
    schemaController: { compilersFactory: { buildSerializer: lazySerializers } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as HttpApp;
  app.setValidatorCompiler(validatorCompiler);
  trackRouteSchemas(app);
  // first of all hooks, so that every answer carries them, refusals and 404s included
  installSecurityHeaders(app, { secureCookies: ctx.config.secureCookies });
  // NUL, other control characters and lone surrogates are refused on every route (400)
  installTextCheck(app);
  const indexHtml = join(ctx.config.webDir, 'index.html');
  const hasWeb = ctx.config.webDir !== '' && existsSync(indexHtml);
  // Client-side routes (/admin/…, /staff/…) get the web app; unknown API paths get JSON.
  const notFound = (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '';
    const isApi = /^\/(api|healthz|readyz|metrics|oidc)(\/|$)/.test(path);
    if (hasWeb && !isApi && (req.method === 'GET' || req.method === 'HEAD') && !/\.\w+$/.test(path)) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send(errorBody(req.lang, 'ROUTE_NOT_FOUND', { path }, { method: req.method, path }));
  };
  // Before any route: a route keeps the error handler in force when it was added.
  installErrorHandling(app, notFound);

  app.decorateRequest('actor', null as never);
  app.decorateRequest('lang', 'zh-CN');
  // Signed cookies carry short-lived state such as a sign-in in progress.
  await app.register(cookie, { secret: hmacSm3(ctx.config.masterKey, 'yiwang.cookie-signing') });

  const resolvers = modules.flatMap((m) => (m.resolveActor ? [m.resolveActor] : []));
  app.addHook('onRequest', async (req) => {
    req.actor = ANONYMOUS;
    req.lang = pickLang(req.headers['accept-language'], (req.query as { lang?: string } | undefined)?.lang);
    if (isCrossSiteWrite(req, ctx.config.publicUrl)) throw new AppError('CSRF_REJECTED', 403);
    // the web app's files are public: a page load asks for ~80 of them, each would look up the session
    if (isWebAsset(req)) return;
    for (const resolve of resolvers) {
      const actor = await resolve(ctx, req);
      if (actor) {
        req.actor = actor;
        break;
      }
    }
  });

  const metrics = createMetrics(ctx.db);
  app.addHook('onResponse', async (req, reply) => {
    metrics.observe(req.method, req.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
  });

  await app.register(swagger, {
    openapi: {
      info: { title: 'YiWang API', version: '0.1.0', description: '一网 — digital government platform' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yw_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerHealthRoutes(app, ctx, metrics.registry);
  for (const module of modules) {
    if (module.routes) await module.routes(app, ctx);
  }

  if (hasWeb) {
    const hashedDir = join(ctx.config.webDir, 'assets') + sep;
    await app.register(fastifyStatic, {
      root: ctx.config.webDir,
      wildcard: false,
      index: false,
      // The build names every file under assets/ by its content hash: a browser keeps it for good
      // and does not ask again on the next page load (it revalidated all ~80 of them before).
      // index.html, which names the current hashes, is asked for anew each time.
      setHeaders(reply, path) {
        reply.header('cache-control', path.startsWith(hashedDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}

const isWebAsset = (req: FastifyRequest) => (req.method === 'GET' || req.method === 'HEAD') && (req.url.startsWith('/assets/') || req.url === '/favicon.svg');

/**
 * Cookie-authenticated writes must come from our own pages. SameSite=Lax cookies and JSON-only
 * bodies already stop classic form CSRF; this also refuses any write a browser marks as
 * cross-site (Sec-Fetch-Site) or whose Origin is another host. Clients that send neither
 * header (department systems, curl) are not browsers and carry no ambient cookies.
 */
function isCrossSiteWrite(req: FastifyRequest, publicUrl: string): boolean {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return false;
  // the OpenID Provider serves other sites by design (token calls of browser clients) and
  // guards its own forms with per-interaction tokens
  if (req.url.startsWith('/oidc/') && !req.url.startsWith('/oidc/interaction/')) return false;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin || origin === 'null') return origin === 'null';
  try {
    const host = new URL(origin).host;
    return host !== req.headers.host && host !== req.headers['x-forwarded-host'] && (!publicUrl || host !== new URL(publicUrl).host);
  } catch {
    return true;
  }
}
