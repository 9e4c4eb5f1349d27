import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { listClients } from './clients/list.ts';
import { registerClient } from './clients/register.ts';
import { Client, ClientChange, ClientId, ClientRegistration, ClientSecret } from './clients/schemas.ts';
import { rotateClientSecret } from './clients/secret.ts';
import { rotateSigningKey } from './clients/signing-key.ts';
import { updateClient } from './clients/update.ts';
import { readIdentityIndicators } from './indicators.ts';
import type { OidcRuntime } from './oidc/runtime.ts';

/** Administrators register the department systems that sign users in through YiWang. */
export function registerClientRoutes(app: HttpApp, ctx: AppContext, runtime: OidcRuntime) {
  const tags = ['identity'];
  const IdParams = Type.Object({ id: ClientId });

  app.get('/api/identity/clients', { schema: { tags, response: { 200: Type.Object({ items: Type.Array(Client) }) } } }, async (req) => ({
    items: await listClients(ctx, req.actor),
  }));

  app.post('/api/identity/clients', { schema: { tags, body: ClientRegistration, response: { 201: ClientSecret } } }, async (req, reply) =>
    reply.status(201).send(await registerClient(ctx, req.actor, req.body)),
  );

  app.patch('/api/identity/clients/:id', { schema: { tags, params: IdParams, body: ClientChange, response: { 200: Client } } }, (req) =>
    updateClient(ctx, req.actor, req.params.id, req.body),
  );

  app.post('/api/identity/clients/:id/secret', { schema: { tags, params: IdParams, response: { 200: ClientSecret } } }, (req) =>
    rotateClientSecret(ctx, req.actor, req.params.id),
  );

  app.get(
    '/api/identity/indicators',
    { schema: { tags, querystring: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }) } },
    (req) => readIdentityIndicators(ctx, req.actor, req.query),
  );

  app.post('/api/identity/keys/rotate', { schema: { tags, response: { 200: Type.Object({ kid: Type.String() }) } } }, (req) =>
    rotateSigningKey(ctx, req.actor, runtime),
  );
}
