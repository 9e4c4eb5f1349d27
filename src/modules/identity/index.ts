import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerOidcRoutes } from './oidc/routes.ts';
import { registerIdentityRoutes } from './routes.ts';
import { actorForToken, SESSION_COOKIE } from './sessions.ts';

export const identityModule: Module = {
  name: 'identity',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes(app, ctx) {
    registerIdentityRoutes(app, ctx);
    registerOidcRoutes(app, ctx);
  },
  async resolveActor(ctx, req) {
    const token = req.cookies?.[SESSION_COOKIE];
    return token ? actorForToken(ctx.db, token) : undefined;
  },
};

export { createPerson } from './persons.ts';
export { hashPassword } from './password.ts';
