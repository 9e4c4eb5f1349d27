import type { Queryable } from '../../../kernel/db/index.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import type { Client, GrantType } from './schemas.ts';

/** The oidc_client row as the client-management use cases read it. */
export interface ClientRow {
  client_id: string;
  name: string;
  metadata: {
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: GrantType[];
    scope?: string;
    logo_uri?: string;
  };
  min_assurance_level: number;
  status: 'active' | 'disabled';
  first_party: boolean;
  created_at: Date;
  [key: string]: unknown;
}

/** What an administrator sees of a client: never its secret. */
export const clientView = (r: ClientRow): Client => ({
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

export async function loadClient(q: Queryable, clientId: string): Promise<ClientRow> {
  const row = await q.one<ClientRow>('select * from oidc_client where client_id = $1', [clientId]);
  if (!row) throw notFound('oidc_client', clientId);
  return row;
}

/**
 * A client administrators may change: not YiWang's own web areas, which the platform registers
 * and keeps for itself (`ensureWebClient`); disabling them would lock everybody out.
 */
export async function loadDepartmentSystem(q: Queryable, clientId: string): Promise<ClientRow> {
  const row = await loadClient(q, clientId);
  if (row.first_party) throw new AppError('CLIENT_FIRST_PARTY', 409);
  return row;
}

/** What other modules may know of department systems: name, status and whether it calls as itself (client credentials). */
export interface ClientRef {
  clientId: string;
  name: string;
  active: boolean;
  clientCredentials: boolean;
  firstParty: boolean;
}

export async function clientRefs(q: Queryable, clientIds: string[]): Promise<Map<string, ClientRef>> {
  if (!clientIds.length) return new Map();
  const rows = await q.query<ClientRow>('select * from oidc_client where client_id = any($1)', [[...new Set(clientIds)]]);
  return new Map(
    rows.map((r) => [
      r.client_id,
      {
        clientId: r.client_id,
        name: r.name,
        active: r.status === 'active',
        clientCredentials: (r.metadata.grant_types ?? []).includes('client_credentials'),
        firstParty: r.first_party,
      },
    ]),
  );
}
