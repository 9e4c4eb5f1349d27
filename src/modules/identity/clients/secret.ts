import { randomBytes } from 'node:crypto';
import type { Actor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { personalData } from '../../../kernel/pii.ts';
import { revokeClientIssued } from '../oidc/adapter.ts';
import { requireClientAdmin } from './access.ts';
import type { ClientSecret } from './schemas.ts';
import { loadDepartmentSystem } from './store.ts';

/**
 * Give a department system a new secret (shown once); the old one stops working at once, and
 * so does everything issued with it: the client's codes, access and refresh tokens and grants
 * are revoked in the same transaction, and the audit entry counts them. A secret is rotated
 * because it may have leaked, and a leaked secret's tokens are as good as the secret.
 */
export async function rotateClientSecret(ctx: AppContext, actor: Actor, clientId: string): Promise<ClientSecret> {
  await requireClientAdmin(ctx.db, actor);
  await loadDepartmentSystem(ctx.db, clientId);
  const secret = randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await tx.query('update oidc_client set secret_enc = $2, updated_at = clock_now() where client_id = $1', [clientId, personalData(ctx.config.masterKey).encrypt(secret)]);
    const revoked = await revokeClientIssued(tx, clientId);
    await appendAudit(tx, actor, { action: 'oidc_client.secret_rotated', objectType: 'oidc_client', objectId: clientId, details: { revoked } });
  });
  return { clientId, clientSecret: secret };
}
