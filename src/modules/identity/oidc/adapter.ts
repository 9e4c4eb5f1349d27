import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Queryable } from '../../../kernel/db/index.ts';

/**
 * oidc-provider's storage in PostgreSQL, so sessions, codes and tokens are shared by all
 * instances. Expired rows are ignored on read and purged by housekeeping.
 */
export function postgresAdapter(db: Queryable, loadClient: (clientId: string) => Promise<AdapterPayload | undefined>) {
  return class PostgresAdapter implements Adapter {
    private readonly model: string;

    constructor(model: string) {
      this.model = model;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      await db.query(
        `insert into oidc_payload (model, id, payload, grant_id, user_code, uid, expires_at)
         values ($1, $2, $3, $4, $5, $6, case when $7::int is null then null else clock_now() + make_interval(secs => $7::int) end)
         on conflict (model, id) do update
           set payload = excluded.payload, grant_id = excluded.grant_id, user_code = excluded.user_code,
               uid = excluded.uid, expires_at = excluded.expires_at`,
        [this.model, id, JSON.stringify(payload), payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expiresIn ?? null],
      );
    }

    private async findBy(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
      const row = await db.one<{ payload: AdapterPayload; consumed: number | null }>(
        `select payload, extract(epoch from consumed_at)::int as consumed from oidc_payload
          where model = $1 and ${column} = $2 and (expires_at is null or expires_at > clock_now())`,
        [this.model, value],
      );
      if (!row) return undefined;
      return row.consumed ? { ...row.payload, consumed: row.consumed } : row.payload;
    }

    find(id: string) {
      // Clients live in their own table, managed by administrators, not by the provider.
      if (this.model === 'Client') return loadClient(id);
      return this.findBy('id', id);
    }

    findByUid(uid: string) {
      return this.findBy('uid', uid);
    }

    findByUserCode(userCode: string) {
      return this.findBy('user_code', userCode);
    }

    async consume(id: string): Promise<void> {
      await db.query('update oidc_payload set consumed_at = clock_now() where model = $1 and id = $2', [this.model, id]);
    }

    async destroy(id: string): Promise<void> {
      await db.query('delete from oidc_payload where model = $1 and id = $2', [this.model, id]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.query('delete from oidc_payload where grant_id = $1', [grantId]);
    }
  };
}

export async function purgeExpiredOidcPayloads(db: Queryable): Promise<number> {
  return (await db.query('delete from oidc_payload where expires_at <= clock_now() returning id')).length;
}

/**
 * What the provider issued to one client and still answers for: codes, access tokens (a
 * user's and the client's own), refresh tokens and grants, all keyed by `payload.clientId`.
 */
export const CLIENT_ISSUED_MODELS = [
  'AuthorizationCode',
  'AccessToken',
  'ClientCredentials',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'Grant',
] as const;

/**
 * Revoke everything the provider issued to a client (its secret was rotated): the rows go,
 * so the bearer check, introspection, userinfo and refresh all refuse them at once. Returns
 * how many of each model were revoked.
 */
export async function revokeClientIssued(db: Queryable, clientId: string): Promise<Record<string, number>> {
  const rows = await db.query<{ model: string; n: number }>(
    `with gone as (delete from oidc_payload where model = any($2::text[]) and payload->>'clientId' = $1 returning model)
     select model, count(*)::int as n from gone group by model order by model`,
    [clientId, [...CLIENT_ISSUED_MODELS]],
  );
  return Object.fromEntries(rows.map((r) => [r.model, Number(r.n)]));
}
