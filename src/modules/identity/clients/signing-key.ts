import type { Actor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { personalData } from '../../../kernel/pii.ts';
import { replaceSigningKey } from '../oidc/keys.ts';
import type { OidcRuntime } from '../oidc/runtime.ts';
import { requireClientAdmin } from './access.ts';

/**
 * Start signing tokens with a fresh key; the previous one stays published, so tokens already
 * issued still verify. This instance rebuilds its provider at once, the others within seconds.
 */
export async function rotateSigningKey(ctx: AppContext, actor: Actor, runtime: Pick<OidcRuntime, 'reload'>): Promise<{ kid: string }> {
  await requireClientAdmin(ctx.db, actor);
  const kid = await ctx.db.transaction(async (tx) => {
    const id = await replaceSigningKey(tx, personalData(ctx.config.masterKey));
    await appendAudit(tx, actor, { action: 'oidc_key.rotate', objectType: 'oidc_key', objectId: id });
    return id;
  });
  runtime.reload();
  return { kid };
}
