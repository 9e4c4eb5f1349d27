import type { Actor } from '../../kernel/actor.ts';
import { unauthenticated } from '../../kernel/errors.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { UserReply, type User } from './schemas.ts';

function userView(actor: Actor): User {
  if (actor.kind === 'staff') {
    const { id, kind, username, name, departmentId, departmentName, regionCode, roles } = actor;
    return { id, kind, username, name, departmentId, departmentName, regionCode, roles, actingFor: null };
  }
  if (actor.kind === 'person') {
    return { id: actor.id, kind: actor.kind, username: null, name: actor.name, departmentId: null, departmentName: null, regionCode: null, roles: [], actingFor: actor.actingFor ?? null };
  }
  if (actor.kind === 'client') return { id: actor.id, kind: actor.kind, username: null, name: actor.id, departmentId: null, departmentName: null, regionCode: null, roles: [], actingFor: null };
  throw unauthenticated();
}

export function registerIdentityRoutes(app: HttpApp) {
  app.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: UserReply } } }, async (req) => ({
    user: userView(req.actor),
  }));
}
