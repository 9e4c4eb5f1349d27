import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { actorForAccount } from './account-actor.ts';
import { parseAccountId } from './oidc/accounts.ts';

/**
 * The actor behind `Authorization: Bearer <token>`: an access token the provider issued, read
 * from its own storage. A client-credentials token is the department system itself (a
 * `client` actor, which no module trusts like the platform's own `system`); a user's access
 * token (mobile apps, department systems calling on a user's behalf) is that user. A disabled client's tokens stop working at once.
 */
export async function actorForBearer(db: Queryable, token: string): Promise<Actor | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const row = await db.one<{ model: string; client_id: string; account_id: string | null }>(
    `select p.model, p.payload->>'clientId' as client_id, p.payload->>'accountId' as account_id
       from oidc_payload p join oidc_client c on c.client_id = p.payload->>'clientId' and c.status = 'active'
      where p.model in ('AccessToken', 'ClientCredentials') and p.id = $1
        and (p.expires_at is null or p.expires_at > clock_now()) and p.consumed_at is null`,
    [token],
  );
  if (!row) return undefined;
  if (row.model === 'ClientCredentials') return { kind: 'client', id: row.client_id };
  if (!row.account_id) return undefined;
  const { subjectId, enterpriseId } = parseAccountId(row.account_id);
  return actorForAccount(db, subjectId, enterpriseId);
}
