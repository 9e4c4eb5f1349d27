import type { Actor } from '../../../kernel/actor.ts';
import { appendAudit } from '../../../kernel/audit/audit.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { conflict, isUniqueViolation, unprocessable } from '../../../kernel/errors.ts';
import { assertValid } from '../../../kernel/http/validation.ts';
import { personalData } from '../../../kernel/pii.ts';
import { insertClient } from '../oidc/clients.ts';
import { requireClientAdmin } from './access.ts';
import { checkRedirectUri, checkRedirectUris } from './redirect-uri.ts';
import { ClientRegistration, type ClientSecret } from './schemas.ts';

/**
 * What a registration must be, whoever asks: the rules `registerClient` applies, for `yiwang
 * client add` to refuse a mistyped command before it opens the database.
 */
export function checkClientRegistration(input: ClientRegistration): void {
  assertValid(ClientRegistration, input);
  const interactive = input.grantTypes.includes('authorization_code');
  if (interactive && input.redirectUris.length === 0) throw unprocessable('REDIRECT_URI_REQUIRED', {}, { field: 'redirectUris' });
  if (interactive && !input.scopes.includes('openid')) throw unprocessable('SCOPE_OPENID_REQUIRED', {}, { field: 'scopes' });
  checkRedirectUris(input.redirectUris, 'redirectUris');
  checkRedirectUris(input.postLogoutRedirectUris, 'postLogoutRedirectUris');
  if (input.logoUri) checkRedirectUri(input.logoUri, 'logoUri');
}

/**
 * Register a department system with the OpenID Provider (the admin page and `yiwang client
 * add`). A system that signs users in needs a redirect URI and the openid scope; one that only
 * calls YiWang as itself (client credentials) keeps no redirect URIs. Returns the secret once.
 */
export async function registerClient(ctx: AppContext, actor: Actor, input: ClientRegistration): Promise<ClientSecret> {
  await requireClientAdmin(ctx.db, actor);
  checkClientRegistration(input);
  const interactive = input.grantTypes.includes('authorization_code');
  try {
    return await ctx.db.transaction(async (tx) => {
      const { clientSecret } = await insertClient(tx, personalData(ctx.config.masterKey), {
        clientId: input.clientId,
        name: input.name,
        redirectUris: interactive ? input.redirectUris : [],
        postLogoutRedirectUris: input.postLogoutRedirectUris,
        grantTypes: input.grantTypes,
        scope: input.scopes.join(' '),
        minAssuranceLevel: input.minAssuranceLevel,
        logoUri: input.logoUri,
      });
      await appendAudit(tx, actor, {
        action: 'oidc_client.create',
        objectType: 'oidc_client',
        objectId: input.clientId,
        details: { grantTypes: input.grantTypes, scopes: input.scopes, minAssuranceLevel: input.minAssuranceLevel ?? 1 },
      });
      // a confidential client always gets a secret (only public clients have none)
      return { clientId: input.clientId, clientSecret: clientSecret! };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('CLIENT_EXISTS');
    throw err;
  }
}
