import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../../kernel/db/index.ts';
import type { PersonalData } from '../../../kernel/pii.ts';

export interface ClientRegistration {
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  grantTypes: ('authorization_code' | 'refresh_token' | 'client_credentials')[];
  scope: string;
  /** A public client (browser app) has no secret and must use PKCE. */
  public?: boolean;
  minAssuranceLevel?: 1 | 2 | 3;
}

/** Register a relying party; returns its secret once (it is stored encrypted). */
export async function registerClient(db: Queryable, secrets: PersonalData, reg: ClientRegistration): Promise<{ clientSecret: string | null }> {
  const clientSecret = reg.public ? null : randomBytes(32).toString('base64url');
  const metadata = {
    client_name: reg.name,
    redirect_uris: reg.redirectUris,
    post_logout_redirect_uris: reg.postLogoutRedirectUris ?? [],
    grant_types: reg.grantTypes,
    response_types: reg.grantTypes.includes('authorization_code') ? ['code'] : [],
    ...(reg.scope ? { scope: reg.scope } : {}),
    token_endpoint_auth_method: reg.public ? 'none' : 'client_secret_basic',
  };
  await db.query(
    `insert into oidc_client (client_id, name, metadata, secret_enc, min_assurance_level) values ($1, $2, $3, $4, $5)`,
    [reg.clientId, reg.name, JSON.stringify(metadata), clientSecret ? secrets.encrypt(clientSecret) : null, reg.minAssuranceLevel ?? 1],
  );
  return { clientSecret };
}

export async function setClientStatus(db: Queryable, clientId: string, status: 'active' | 'disabled'): Promise<void> {
  await db.query('update oidc_client set status = $2, updated_at = now() where client_id = $1', [clientId, status]);
}

/** The client as oidc-provider wants it, or undefined when unknown or disabled. */
export async function clientMetadata(db: Queryable, secrets: PersonalData, clientId: string) {
  const row = await db.one<{ metadata: Record<string, unknown>; secret_enc: string | null }>(
    `select metadata, secret_enc from oidc_client where client_id = $1 and status = 'active'`,
    [clientId],
  );
  if (!row) return undefined;
  return {
    ...row.metadata,
    client_id: clientId,
    ...(row.secret_enc ? { client_secret: secrets.decrypt(row.secret_enc) } : {}),
  };
}
