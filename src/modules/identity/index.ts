import { fileURLToPath } from 'node:url';
import type { Module } from '../../kernel/module.ts';
import { registerOidcRoutes } from './oidc/routes.ts';
import { oidcRuntime } from './oidc/runtime.ts';
import { registerWebSignIn } from './web-sign-in.ts';
import { registerIdentityRoutes } from './routes.ts';
import { registerAccountRoutes } from './account-routes.ts';
import { registerClientRoutes } from './client-routes.ts';
import { registerInPersonRoutes } from './in-person.ts';
import { actorForBearer } from './bearer.ts';
import { personalData } from '../../kernel/pii.ts';
import { SMS_TOPIC, smsHandler } from './sms.ts';
import { actorForToken, SESSION_COOKIE } from './sessions.ts';
import { registerInboundSmsRoutes } from './sms-inbound-routes.ts';

export const identityModule: Module = {
  name: 'identity',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes(app, ctx) {
    const runtime = oidcRuntime(ctx);
    registerIdentityRoutes(app);
    registerAccountRoutes(app, ctx);
    registerClientRoutes(app, ctx, runtime);
    registerInPersonRoutes(app, ctx);
    registerOidcRoutes(app, ctx, runtime);
    registerWebSignIn(app, ctx, runtime);
    registerInboundSmsRoutes(app, ctx);
  },
  eventHandlers(ctx) {
    return { [SMS_TOPIC]: smsHandler(personalData(ctx.config.masterKey)) };
  },
  async resolveActor(ctx, req) {
    const bearer = /^Bearer ([A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) return actorForBearer(ctx.db, bearer);
    const token = req.cookies?.[SESSION_COOKIE];
    return token ? actorForToken(ctx.db, token) : undefined;
  },
};

export { createPerson, personView } from './persons.ts';
export { seedIdentityDemo } from './demo.ts';
export { identityIndicatorInputs, type IdentityIndicatorInputs } from './indicators.ts';
export { actingFor, actingOptions, type ActingFor } from './enterprises.ts';
export { checkRedirectUri } from './client-routes.ts';
export { registerClient, type ClientRegistration } from './oidc/clients.ts';
export { queueSms } from './sms.ts';
export { INBOUND_TOPIC, personIdByPhone, signedInbound, type InboundSms, type InboundSmsEvent } from './sms-inbound.ts';
export { enterpriseById, findEnterpriseByUscc, findPersonByIdNumber, type EnterpriseRecord } from './applicants.ts';

// API schemas and types: the HTTP contract, TypeBox schemas and their Static types (web/README.md, "API types")
export { ActingOption, Agent, AgentGrant, EnterpriseActing, LoginEvent, MyAccount, NewClient, OidcClient, Profile, Registration, SessionRow, User } from './schemas.ts';
export type { ClientScope, GrantType, TotpState } from './schemas.ts';
