import { Type } from 'typebox';
import type { Actor } from '../../kernel/actor.ts';
import { unauthenticated } from '../../kernel/errors.ts';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { personalData } from '../../kernel/pii.ts';
import { login } from './login.ts';
import { endSession, SESSION_COOKIE } from './sessions.ts';

const Grant = Type.Object({ role: Type.String(), regionCode: Type.String(), departmentId: Type.Union([Type.String(), Type.Null()]) });
const User = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  username: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Grant),
});
const UserReply = Type.Object({ user: User });

function userView(actor: Actor) {
  if (actor.kind === 'staff') {
    const { id, kind, username, name, departmentId, departmentName, regionCode, roles } = actor;
    return { id, kind, username, name, departmentId, departmentName, regionCode, roles };
  }
  if (actor.kind === 'person') return { id: actor.id, kind: actor.kind, username: null, name: actor.name, departmentId: null, departmentName: null, regionCode: null, roles: [] };
  throw unauthenticated();
}

export function registerIdentityRoutes(app: HttpApp, ctx: AppContext) {
  const pii = personalData(ctx.config.masterKey);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    // Lax keeps the cookie off cross-site POSTs; with JSON-only bodies that closes CSRF.
    sameSite: 'lax' as const,
    secure: ctx.config.secureCookies,
  };

  app.post('/api/auth/login', {
    schema: {
      tags: ['auth'],
      body: Type.Object(
        { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 128 }) },
        { additionalProperties: false },
      ),
      response: { 200: UserReply },
    },
  }, async (req, reply) => {
    const session = await login(ctx.db, pii, req.body, {
      sessionHours: ctx.config.sessionHours,
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: session.expiresAt });
    return { user: userView(session.actor) };
  });

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await endSession(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: UserReply } } }, async (req) => ({
    user: userView(req.actor),
  }));
}
