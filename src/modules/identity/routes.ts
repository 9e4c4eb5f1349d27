import { Type } from 'typebox';
import type { Actor } from '../../kernel/actor.ts';
import { unauthenticated } from '../../kernel/errors.ts';
import type { HttpApp } from '../../kernel/module.ts';

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
  actingFor: Type.Union([
    Type.Object({ enterpriseId: Type.String(), uscc: Type.String(), name: Type.String(), role: Type.String(), scope: Type.String(), itemCodes: Type.Array(Type.String()) }),
    Type.Null(),
  ]),
});
const UserReply = Type.Object({ user: User });

function userView(actor: Actor) {
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
