import type { Actor } from '../../kernel/actor.ts';
import type { Queryable } from '../../kernel/db/index.ts';
import { actingFor } from './enterprises.ts';
import { parseAccountId } from './oidc/accounts.ts';

/**
 * The actor behind `Authorization: Bearer <token>`: an access token the provider issued, read
 * from its own storage. A client-credentials token is the department system itself
 * (a `client` actor, which no module trusts like the platform's own `system`); a user's access token (mobile apps, department systems
 * calling on a user's behalf) is that user. A disabled client's tokens stop working at once.
 */
export async function actorForBearer(db: Queryable, token: string): Promise<Actor | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const row = await db.one<{ model: string; client_id: string; account_id: string | null }>(
    `select p.model, p.payload->>'clientId' as client_id, p.payload->>'accountId' as account_id
       from oidc_payload p join oidc_client c on c.client_id = p.payload->>'clientId' and c.status = 'active'
      where p.model in ('AccessToken', 'ClientCredentials') and p.id = $1
        and (p.expires_at is null or p.expires_at > now()) and p.consumed_at is null`,
    [token],
  );
  if (!row) return undefined;
  if (row.model === 'ClientCredentials') return { kind: 'client', id: row.client_id };
  if (!row.account_id) return undefined;
  const { subjectId, enterpriseId } = parseAccountId(row.account_id);
  const account = await db.one<{ kind: 'staff' | 'person'; name: string; username: string | null; department_id: string | null; department_name: string | null; region_code: string | null; roles: unknown }>(
    `select 'staff' as kind, s.name, s.username, s.department_id, d.name as department_name, s.region_code,
            coalesce((select json_agg(json_build_object('role', sr.role, 'regionCode', sr.region_code, 'departmentId', sr.department_id))
                        from staff_role sr where sr.staff_id = s.id), '[]'::json) as roles
       from staff s left join department d on d.id = s.department_id where s.id = $1 and s.status = 'active'
     union all
     select 'person', p.name, null, null, null, p.region_code, '[]'::json from person p where p.id = $1 and p.status = 'active'`,
    [subjectId],
  );
  if (!account) return undefined;
  if (account.kind === 'staff') {
    return {
      kind: 'staff',
      id: subjectId,
      name: account.name,
      username: account.username ?? '',
      departmentId: account.department_id,
      departmentName: account.department_name,
      regionCode: account.region_code ?? '',
      roles: account.roles as Extract<Actor, { kind: 'staff' }>['roles'],
    };
  }
  if (!enterpriseId) return { kind: 'person', id: subjectId, name: account.name };
  const acting = await actingFor(db, subjectId, enterpriseId);
  if (!acting) return undefined;
  const { expiresAt: _expires, ...rest } = acting;
  return { kind: 'person', id: subjectId, name: account.name, actingFor: rest };
}
