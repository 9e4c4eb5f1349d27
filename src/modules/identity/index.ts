import { fileURLToPath } from 'node:url';
import { topicsIn } from '../../kernel/events/index.ts';
import type { Module } from '../../kernel/module.ts';
import * as events from './events.ts';
import { registerOidcRoutes } from './oidc/routes.ts';
import { oidcRuntime } from './oidc/runtime.ts';
import { registerWebSignIn } from './web-sign-in.ts';
import { registerIdentityRoutes } from './routes.ts';
import { registerAccountRoutes } from './account-routes.ts';
import { registerClientRoutes } from './client-routes.ts';
import { registerInPersonRoutes } from './in-person-routes.ts';
import { registerLegalRepRoutes } from './legal-rep-routes.ts';
import { actorForBearer } from './bearer.ts';
import { personalData } from '../../kernel/pii.ts';
import { smsHandler } from './sms.ts';
import { actorForToken, SESSION_COOKIE } from './sessions.ts';
import { registerInboundSmsRoutes } from './sms-inbound-routes.ts';
import { registerDevInboxRoutes } from './dev-inbox-routes.ts';

export const identityModule: Module = {
  name: 'identity',
  migrationsDir: fileURLToPath(new URL('./migrations', import.meta.url)),
  routes(app, ctx) {
    const runtime = oidcRuntime(ctx);
    registerIdentityRoutes(app, ctx);
    registerAccountRoutes(app, ctx);
    registerClientRoutes(app, ctx, runtime);
    registerInPersonRoutes(app, ctx);
    registerLegalRepRoutes(app, ctx);
    registerOidcRoutes(app, ctx, runtime);
    registerWebSignIn(app, ctx, runtime);
    registerInboundSmsRoutes(app, ctx);
    registerDevInboxRoutes(app, ctx);
  },
  events: topicsIn(events),
  eventHandlers(ctx) {
    return [smsHandler(personalData(ctx.config.masterKey))];
  },
  async resolveActor(ctx, req) {
    const bearer = /^Bearer ([A-Za-z0-9_-]+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) return actorForBearer(ctx.db, bearer);
    const token = req.cookies?.[SESSION_COOKIE];
    return token ? actorForToken(ctx.db, token) : undefined;
  },
};

export { createPerson, personView } from './persons.ts';
// 人口基础库 facts (birth date, 户籍地) of a registered person, for rules such as 秒批.
export { populationFacts } from './population-facts.ts';
// The population base's lookup table: the data platform's population library feeds it on every load.
export { addPopulationRecords, type PopulationFacts, type PopulationRecordInput } from './population.ts';
export { seedIdentityDemo } from './demo.ts';
export { identityIndicatorInputs, type IdentityIndicatorInputs } from './indicators.ts';
export { actingFor, actingOptions, type ActingFor } from './enterprises.ts';
// The legal-entity registry (法人库): the data platform's legal-entity library feeds it on every load, the seed too.
export {
  addLegalEntityRecords,
  recordLegalEntities,
  type LegalEntityInput,
  type LegalEntityRegistry,
  type LegalEntity,
  type LegalEntityStatus,
} from './legal-entities.ts';
// Open311's api_key is a client-credentials access token, read as the bearer header is
export { actorForBearer } from './bearer.ts';
export { checkClientRegistration, registerClient } from './clients/register.ts';
export { updateClient } from './clients/update.ts';
export { rotateClientSecret } from './clients/secret.ts';
export { listClients } from './clients/list.ts';
export { clientRefs, type ClientRef } from './clients/store.ts';
export type { Client, ClientChange, ClientRegistration, ClientSecret } from './clients/schemas.ts';
export { queueSms } from './sms.ts';
export { personIdByPhone, signedInbound, type InboundSms } from './sms-inbound.ts';
// Events: an SMS reply received (SMS_QUEUED is the module's own: queue a text with queueSms).
export { SMS_RECEIVED, type SmsReceived } from './events.ts';
export {
  enterpriseById,
  findEnterpriseByUscc,
  findPersonByIdNumber,
  personIdNumberIndex,
  type EnterpriseRecord,
} from './applicants.ts';
// Housekeeping every instance runs hourly (src/server.ts): expired sessions, challenges, codes and OIDC records.
export { purgeExpiredSessions } from './sessions.ts';
export { purgeExpiredOidcPayloads } from './oidc/adapter.ts';

// API schemas and types: the HTTP contract (api.ts), which the web app imports type-only.
export * from './api.ts';
