import Provider, { interactionPolicy, type Configuration } from 'oidc-provider';
import { hmacSm3 } from '../../../kernel/crypto/sm3.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { personalData } from '../../../kernel/pii.ts';
import { escapeHtml } from '../../../kernel/html.ts';
import { pickLang } from '../../../kernel/i18n/index.ts';
import { ACR, accountClaims, levelOfAcr } from './accounts.ts';
import { loggedOutPage, logoutPage } from './pages.ts';
import { postgresAdapter } from './adapter.ts';
import { clientMetadata, FIRST_PARTY, MIN_LEVEL, requiredLevel } from './clients.ts';
import { createSigningKey, loadSigningKeys } from './keys.ts';

export const OIDC_PREFIX = '/oidc';

/**
 * YiWang as an OpenID Provider (oidc-provider, an OpenID Certified implementation). All of its
 * state is in PostgreSQL; the cookie keys derive from the master key, so every instance can
 * read every other instance's cookies.
 */
/**
 * The standard prompts, plus: a single sign-on session proven at a lower 实名等级 than the
 * client needs (its minimum, or the acr_values it asks for) goes back to sign-in for a step-up
 * instead of silently handing out the weaker session.
 */
function levelAwarePolicy() {
  const { Check, base } = interactionPolicy;
  const policy = base();
  policy.get('login')!.checks.add(
    new Check('yiwang_level', 'the session is proven at a lower assurance level than required', async (koa) => {
      const { session, client, params } = koa.oidc;
      if (!session?.accountId) return Check.NO_NEED_TO_PROMPT;
      return levelOfAcr(session.acr) < requiredLevel(client, params?.acr_values) ? Check.REQUEST_PROMPT : Check.NO_NEED_TO_PROMPT;
    }),
  );
  return policy;
}

export async function createProvider(ctx: AppContext, issuer: string): Promise<Provider> {
  const secrets = personalData(ctx.config.masterKey);
  let keys = await loadSigningKeys(ctx.db, secrets);
  if (keys.length === 0) {
    await createSigningKey(ctx.db, secrets);
    keys = await loadSigningKeys(ctx.db, secrets);
  }
  const configuration: Configuration = {
    adapter: postgresAdapter(ctx.db, (id) => clientMetadata(ctx.db, secrets, id)) as unknown as Configuration['adapter'],
    jwks: { keys: keys as never },
    cookies: {
      keys: [hmacSm3(ctx.config.masterKey, 'yiwang.oidc.cookies')],
      long: { signed: true, secure: ctx.config.secureCookies, sameSite: 'lax' },
      short: { signed: true, secure: ctx.config.secureCookies, sameSite: 'lax' },
    },
    async findAccount(_ctx, sub) {
      const claims = await accountClaims(ctx.db, sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => claims };
    },
    extraClientMetadata: { properties: [FIRST_PARTY, MIN_LEVEL] },
    // YiWang's own web areas need no consent screen; every other client gets one.
    async loadExistingGrant(koa) {
      const { client, session, result, provider: p } = koa.oidc;
      const grantId = result?.consent?.grantId ?? (client && session?.grantIdFor(client.clientId));
      if (grantId) return p.Grant.find(grantId);
      if (!client || !session?.accountId || !(client as unknown as Record<string, unknown>)[FIRST_PARTY]) return undefined;
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(client.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    scopes: ['openid', 'offline_access', 'profile', 'yiwang'],
    claims: {
      // the provider's defaults, kept: acr is the 实名等级 of the sign-in
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      // amr: how the sign-in was proven (pwd, sms, otp), so a relying party can require a second factor
      openid: ['sub', 'acr', 'amr'],
      profile: ['name', 'preferred_username'],
      yiwang: ['yiwang_kind', 'assurance_level', 'department_id', 'region_code', 'roles', 'enterprise', 'agent', 'act'],
    },
    acrValues: Object.values(ACR),
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // A system learns about its own tokens only: one department's system must not read who
      // holds another system's tokens. Likewise it revokes only its own.
      introspection: { enabled: true, allowedPolicy: async (_koa, client, token) => token.clientId === client.clientId },
      revocation: { enabled: true, allowedPolicy: async (_koa, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (koa, form) => {
          koa.type = 'html';
          koa.body = logoutPage(pickLang(koa.get('accept-language')), form);
        },
        postLogoutSuccessSource: async (koa) => {
          koa.type = 'html';
          koa.body = loggedOutPage(pickLang(koa.get('accept-language')));
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_PREFIX}/interaction/${interaction.uid}`, policy: levelAwarePolicy() },
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && (code.scopes.has('offline_access') || code.scopes.has('openid')),
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      ClientCredentials: 600,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 14 * 24 * 3600,
      Session: ctx.config.sessionHours * 3600,
      Grant: 14 * 24 * 3600,
    },
    renderError: async (koa, out) => {
      koa.type = 'html';
      koa.body = `<!doctype html><meta charset="utf-8"><title>认证错误</title><h1>认证出错 / Sign-in error</h1><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = ctx.config.trustProxy;
  return provider;
}
