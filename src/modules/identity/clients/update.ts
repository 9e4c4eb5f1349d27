import type { Actor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { assertValid } from '../../../kernel/http/validation.ts';
import { requireClientAdmin } from './access.ts';
import { checkRedirectUris } from './redirect-uri.ts';
import { ClientChange, type Client } from './schemas.ts';
import { clientView, loadClient, loadDepartmentSystem } from './store.ts';

/**
 * Rename a department system, replace its redirect URIs, raise or lower its minimum 实名等级,
 * or disable it (the provider then refuses it at once: `clientMetadata` reads active ones only).
 */
export async function updateClient(ctx: AppContext, actor: Actor, clientId: string, change: ClientChange): Promise<Client> {
  await requireClientAdmin(ctx.db, actor);
  assertValid(ClientChange, change);
  await loadDepartmentSystem(ctx.db, clientId);
  const { name, redirectUris, minAssuranceLevel, status } = change;
  checkRedirectUris(redirectUris, 'redirectUris');
  await ctx.db.transaction(async (tx) => {
    // the provider reads the metadata: the name it shows and the redirect URIs live there too
    await tx.query(
      `update oidc_client set name = coalesce($2, name),
              metadata = case when $3::jsonb is null then metadata else jsonb_set(metadata, '{redirect_uris}', $3::jsonb) end,
              min_assurance_level = coalesce($4, min_assurance_level), status = coalesce($5, status), updated_at = clock_now()
        where client_id = $1`,
      [clientId, name ?? null, redirectUris ? JSON.stringify(redirectUris) : null, minAssuranceLevel ?? null, status ?? null],
    );
    if (name) await tx.query(`update oidc_client set metadata = jsonb_set(metadata, '{client_name}', to_jsonb($2::text)) where client_id = $1`, [clientId, name]);
    await appendAudit(tx, actor, { action: 'oidc_client.update', objectType: 'oidc_client', objectId: clientId, details: change });
  });
  return clientView(await loadClient(ctx.db, clientId));
}
