import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerOidcRoutes } from './oidc/routes.ts';
import { oidcRuntime } from './oidc/runtime.ts';
import { registerWebSignIn } from './web-sign-in.ts';
import { registerIdentityRoutes } from './routes.ts';
import { actorForToken, SESSION_COOKIE } from './sessions.ts';

export const identityModule: Module = {
  name: 'identity',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes(app, ctx) {
    const runtime = oidcRuntime(ctx);
    registerIdentityRoutes(app);
    registerOidcRoutes(app, ctx, runtime);
    registerWebSignIn(app, ctx, runtime);
  },
  async resolveActor(ctx, req) {
    const token = req.cookies?.[SESSION_COOKIE];
    return token ? actorForToken(ctx.db, token) : undefined;
  },
};

export { createPerson } from './persons.ts';
export { hashPassword } from './password.ts';
