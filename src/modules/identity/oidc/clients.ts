import { randomBytes } from 'node:crypto';
import type { Queryable } from '../../../kernel/db/index.ts';
import { isUniqueViolation } from '../../../kernel/errors.ts';
import type { PersonalData } from '../../../kernel/pii.ts';
import { levelOfAcr } from './accounts.ts';

/** A relying party as stored; `clients/register.ts` decides which ones may be registered. */
export interface NewClient {
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  grantTypes: ('authorization_code' | 'refresh_token' | 'client_credentials')[];
  scope: string;
  /** A public client (browser app) has no secret and must use PKCE. */
  public?: boolean;
  minAssuranceLevel?: 1 | 2 | 3;
  /** YiWang's own web areas: signed in without a consent screen. */
  firstParty?: boolean;
  /** Shown on the sign-in and consent pages. */
  logoUri?: string;
}

/** Extra client metadata (declared to the provider) marking YiWang's own web areas. */
export const FIRST_PARTY = 'yiwang_first_party';
/** The lowest 实名等级 the client accepts; the provider asks for a step-up below it. */
export const MIN_LEVEL = 'yiwang_min_level';

/**
 * The 实名等级 a sign-in must reach: the client's minimum, raised by the acr_values it asked
 * for (any of the listed values satisfies the request, so the lowest of them counts).
 */
export function requiredLevel(client: unknown, acrValues: unknown): number {
  const fromClient = Number((client as Record<string, unknown> | undefined)?.[MIN_LEVEL] ?? 1);
  const asked = String(acrValues ?? '')
    .split(' ')
    .map(levelOfAcr)
    .filter((l) => l > 0);
  return Math.max(fromClient, asked.length ? Math.min(...asked) : 1);
}

/** Store a relying party; returns its secret once (it is stored encrypted). */
export async function insertClient(
  db: Queryable,
  secrets: PersonalData,
  reg: NewClient,
): Promise<{ clientSecret: string | null }> {
  const clientSecret = reg.public ? null : randomBytes(32).toString('base64url');
  const metadata = {
    client_name: reg.name,
    redirect_uris: reg.redirectUris,
    post_logout_redirect_uris: reg.postLogoutRedirectUris ?? [],
    grant_types: reg.grantTypes,
    response_types: reg.grantTypes.includes('authorization_code') ? ['code'] : [],
    ...(reg.scope ? { scope: reg.scope } : {}),
    token_endpoint_auth_method: reg.public ? 'none' : 'client_secret_basic',
    ...(reg.logoUri ? { logo_uri: reg.logoUri } : {}),
  };
  await db.query(
    `insert into oidc_client (client_id, name, metadata, secret_enc, min_assurance_level, first_party) values ($1, $2, $3, $4, $5, $6)`,
    [
      reg.clientId,
      reg.name,
      JSON.stringify(metadata),
      clientSecret ? secrets.encrypt(clientSecret) : null,
      reg.minAssuranceLevel ?? 1,
      reg.firstParty ?? false,
    ],
  );
  return { clientSecret };
}

/** The client as oidc-provider wants it, or undefined when unknown or disabled. */
export async function clientMetadata(db: Queryable, secrets: PersonalData, clientId: string) {
  const row = await db.one<{
    metadata: Record<string, unknown>;
    secret_enc: string | null;
    first_party: boolean;
    min_assurance_level: number;
  }>(
    `select metadata, secret_enc, first_party, min_assurance_level from oidc_client where client_id = $1 and status = 'active'`,
    [clientId],
  );
  if (!row) return undefined;
  return {
    ...row.metadata,
    client_id: clientId,
    [FIRST_PARTY]: row.first_party,
    [MIN_LEVEL]: row.min_assurance_level,
    ...(row.secret_enc ? { client_secret: secrets.decrypt(row.secret_enc) } : {}),
  };
}

export const WEB_CLIENT_ID = 'yiwang-web';

/**
 * The relying party of YiWang's own web areas, registered on first use for the node's public
 * URL. Returns its secret, which every instance reads from the database.
 */
export async function ensureWebClient(db: Queryable, secrets: PersonalData, baseUrl: string): Promise<string> {
  const existing = await db.one<{ secret_enc: string; metadata: { redirect_uris: string[] } }>(
    'select secret_enc, metadata from oidc_client where client_id = $1',
    [WEB_CLIENT_ID],
  );
  const redirect = `${baseUrl}/api/auth/callback`;
  if (existing?.metadata.redirect_uris.includes(redirect)) return secrets.decrypt(existing.secret_enc);
  if (existing) {
    // Same node reached under a new address (another port in development): add it.
    await db.query(
      `update oidc_client set metadata = jsonb_set(jsonb_set(metadata, '{redirect_uris}', (metadata->'redirect_uris') || to_jsonb($2::text)),
                                             '{post_logout_redirect_uris}', (metadata->'post_logout_redirect_uris') || to_jsonb($3::text)),
              updated_at = clock_now()
        where client_id = $1`,
      [WEB_CLIENT_ID, redirect, `${baseUrl}/`],
    );
    return secrets.decrypt(existing.secret_enc);
  }
  let registered: { clientSecret: string | null };
  try {
    registered = await insertClient(db, secrets, {
      clientId: WEB_CLIENT_ID,
      name: '一网政务服务平台',
      redirectUris: [redirect],
      postLogoutRedirectUris: [`${baseUrl}/`],
      grantTypes: ['authorization_code', 'refresh_token'],
      scope: 'openid profile yiwang',
      firstParty: true,
    });
  } catch (err) {
    // another instance registered it at the same moment
    if (isUniqueViolation(err)) return ensureWebClient(db, secrets, baseUrl);
    throw err;
  }
  return registered.clientSecret!;
}
