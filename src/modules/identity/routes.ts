import type { Actor } from '../../kernel/actor.ts';
import { isNodeAdmin } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { unauthenticated } from '../../kernel/errors.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { nodeCityCode } from '../../kernel/settings.ts';
import { UserReply, type User } from './schemas.ts';

/** Who is signed in; `nodeAdmin` lets the web app offer the node-wide settings only to those who may change them. */
async function userView(ctx: AppContext, actor: Actor): Promise<User> {
  if (actor.kind === 'staff') {
    const { id, kind, username, name, departmentId, departmentName, regionCode, roles } = actor;
    const nodeAdmin = isNodeAdmin(actor, await nodeCityCode(ctx.db));
    return { id, kind, username, name, departmentId, departmentName, regionCode, roles, actingFor: null, nodeAdmin };
  }
  if (actor.kind === 'person') {
    return { id: actor.id, kind: actor.kind, username: null, name: actor.name, departmentId: null, departmentName: null, regionCode: null, roles: [], actingFor: actor.actingFor ?? null, nodeAdmin: false };
  }
  if (actor.kind === 'client') {
    return { id: actor.id, kind: actor.kind, username: null, name: actor.id, departmentId: null, departmentName: null, regionCode: null, roles: [], actingFor: null, nodeAdmin: false };
  }
  throw unauthenticated();
}

export function registerIdentityRoutes(app: HttpApp, ctx: AppContext) {
  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: UserReply } } }, async (req) => ({
    user: await userView(ctx, req.actor),
  }));
}
