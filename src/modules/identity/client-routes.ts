import { randomBytes } from 'node:crypto';
import { Type } from 'typebox';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { requireRole } from '../../kernel/auth.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError, conflict, isUniqueViolation, notFound, unprocessable } from '../../kernel/errors.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { personalData } from '../../kernel/pii.ts';
import { identityIndicatorInputs } from './indicators.ts';
import { registerClient } from './oidc/clients.ts';
import { rotateSigningKey } from './oidc/keys.ts';
import type { OidcRuntime } from './oidc/runtime.ts';
import { ClientId, ClientPatch, ClientSecret, NewClient, OidcClient as Client, type GrantType } from './schemas.ts';

/**
 * A redirect target a department system may register: https anywhere, plain http only on the
 * machine itself (development), never a fragment — the code must not leak into page scripts.
 */
export function checkRedirectUri(uri: string, field: string): void {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw unprocessable('REDIRECT_URI_INVALID', {}, { field, uri });
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
  if (url.hash || !(url.protocol === 'https:' || (url.protocol === 'http:' && local))) {
    throw unprocessable('REDIRECT_URI_INVALID', {}, { field, uri });
  }
}

interface ClientRow {
  client_id: string;
  name: string;
  metadata: { redirect_uris?: string[]; post_logout_redirect_uris?: string[]; grant_types?: GrantType[]; scope?: string; logo_uri?: string };
  min_assurance_level: number;
  status: 'active' | 'disabled';
  first_party: boolean;
  created_at: Date;
  [key: string]: unknown;
}

const view = (r: ClientRow): Client => ({
  clientId: r.client_id,
  name: r.name,
  redirectUris: r.metadata.redirect_uris ?? [],
  postLogoutRedirectUris: r.metadata.post_logout_redirect_uris ?? [],
  grantTypes: r.metadata.grant_types ?? [],
  scope: r.metadata.scope ?? '',
  minAssuranceLevel: r.min_assurance_level,
  logoUri: r.metadata.logo_uri ?? null,
  status: r.status,
  firstParty: r.first_party,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Administrators register the department systems that sign users in through YiWang. */
export function registerClientRoutes(app: HttpApp, ctx: AppContext, runtime: OidcRuntime) {
  const { db } = ctx;
  const secrets = personalData(ctx.config.masterKey);
  const ADMIN = ['administrator'] as const;
  const fetchClient = async (id: string) => {
    const row = await db.one<ClientRow>('select * from oidc_client where client_id = $1', [id]);
    if (!row) throw notFound('oidc_client', id);
    return row;
  };

  app.get('/api/identity/clients', { schema: { tags: ['identity'], response: { 200: Type.Object({ items: Type.Array(Client) }) } } }, async (req) => {
    requireRole(req.actor, ADMIN);
    const rows = await db.query<ClientRow>('select * from oidc_client order by first_party desc, created_at');
    return { items: rows.map(view) };
  });

  app.post('/api/identity/clients', {
    schema: {
      tags: ['identity'],
      body: NewClient,
      response: { 201: ClientSecret },
    },
  }, async (req, reply) => {
    const actor = requireRole(req.actor, ADMIN);
    const body = req.body;
    const interactive = body.grantTypes.includes('authorization_code');
    if (interactive && body.redirectUris.length === 0) throw unprocessable('REDIRECT_URI_REQUIRED', {}, { field: 'redirectUris' });
    if (interactive && !(body.scopes as string[]).includes('openid')) throw unprocessable('SCOPE_OPENID_REQUIRED', {}, { field: 'scopes' });
    body.redirectUris.forEach((u, i) => checkRedirectUri(u, `redirectUris/${i}`));
    (body.postLogoutRedirectUris ?? []).forEach((u, i) => checkRedirectUri(u, `postLogoutRedirectUris/${i}`));
    if (body.logoUri) checkRedirectUri(body.logoUri, 'logoUri');
    const created = await db.transaction(async (tx) => {
      try {
        await tx.query('savepoint client_insert');
        const result = await registerClient(tx, secrets, {
          clientId: body.clientId,
          name: body.name,
          redirectUris: interactive ? body.redirectUris : [],
          postLogoutRedirectUris: body.postLogoutRedirectUris,
          grantTypes: body.grantTypes,
          scope: body.scopes.join(' '),
          minAssuranceLevel: body.minAssuranceLevel,
          logoUri: body.logoUri,
        });
        await appendAudit(tx, actor, { action: 'oidc_client.create', objectType: 'oidc_client', objectId: body.clientId, details: { grantTypes: body.grantTypes, scopes: body.scopes, minAssuranceLevel: body.minAssuranceLevel ?? 1 } });
        return result;
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        await tx.query('rollback to savepoint client_insert');
        throw conflict('CLIENT_EXISTS');
      }
    });
    return reply.status(201).send({ clientId: body.clientId, clientSecret: created.clientSecret! });
  });

  app.patch('/api/identity/clients/:id', {
    schema: {
      tags: ['identity'],
      params: Type.Object({ id: ClientId }),
      body: ClientPatch,
      response: { 200: Client },
    },
  }, async (req) => {
    const actor = requireRole(req.actor, ADMIN);
    const row = await fetchClient(req.params.id);
    if (row.first_party) throw new AppError('CLIENT_FIRST_PARTY', 409);
    const { name, redirectUris, minAssuranceLevel, status } = req.body;
    redirectUris?.forEach((u, i) => checkRedirectUri(u, `redirectUris/${i}`));
    await db.transaction(async (tx) => {
      await tx.query(
        `update oidc_client set name = coalesce($2, name),
                metadata = case when $3::jsonb is null then metadata else jsonb_set(metadata, '{redirect_uris}', $3::jsonb) end,
                min_assurance_level = coalesce($4, min_assurance_level), status = coalesce($5, status), updated_at = now()
          where client_id = $1`,
        [req.params.id, name ?? null, redirectUris ? JSON.stringify(redirectUris) : null, minAssuranceLevel ?? null, status ?? null],
      );
      if (name) await tx.query(`update oidc_client set metadata = jsonb_set(metadata, '{client_name}', to_jsonb($2::text)) where client_id = $1`, [req.params.id, name]);
      await appendAudit(tx, actor, { action: 'oidc_client.update', objectType: 'oidc_client', objectId: req.params.id, details: req.body });
    });
    return view(await fetchClient(req.params.id));
  });

  app.post('/api/identity/clients/:id/secret', {
    schema: { tags: ['identity'], params: Type.Object({ id: ClientId }), response: { 200: ClientSecret } },
  }, async (req) => {
    const actor = requireRole(req.actor, ADMIN);
    const row = await fetchClient(req.params.id);
    if (row.first_party) throw new AppError('CLIENT_FIRST_PARTY', 409);
    const secret = randomBytes(32).toString('base64url');
    await db.transaction(async (tx) => {
      await tx.query('update oidc_client set secret_enc = $2, updated_at = now() where client_id = $1', [req.params.id, secrets.encrypt(secret)]);
      await appendAudit(tx, actor, { action: 'oidc_client.secret_rotated', objectType: 'oidc_client', objectId: req.params.id });
    });
    return { clientId: req.params.id, clientSecret: secret };
  });

  app.get('/api/identity/indicators', {
    schema: {
      tags: ['identity'],
      querystring: Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) }),
    },
  }, async (req) => {
    requireRole(req.actor, ['administrator', 'data_officer', 'leader']);
    if (req.query.from > req.query.to) throw unprocessable('PERIOD_INVALID', {}, { field: 'from' });
    return identityIndicatorInputs(db, req.query);
  });

  app.post('/api/identity/keys/rotate', { schema: { tags: ['identity'], response: { 200: Type.Object({ kid: Type.String() }) } } }, async (req) => {
    const actor = requireRole(req.actor, ADMIN);
    const kid = await db.transaction(async (tx) => {
      const id = await rotateSigningKey(tx, secrets);
      await appendAudit(tx, actor, { action: 'oidc_key.rotate', objectType: 'oidc_key', objectId: id });
      return id;
    });
    runtime.reload();
    return { kid };
  });
}
