import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { personalData } from '../../kernel/pii.ts';
import { grantAgent, listAgents, registerEnterprise, revokeAgent } from './enterprises.ts';
import { myAccount, myEnterprises } from './my-account.ts';
import { myLogins, mySessions, revokeMySession } from './my-sessions.ts';
import { confirmMyTotp, removeMyTotp, startMyTotp } from './my-totp.ts';
import { resetPassword } from './password-reset.ts';
import { requestSmsCode } from './sms-requests.ts';
import { registerSelf } from './registration.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { Agent, AgentGrant, ActingOption, EnterpriseRegistered, LoginEvent, MyAccount, PasswordReset, Registration, SessionRow, SmsCodeRequest, TotpEnrolment } from './schemas.ts';

const Code = Type.String({ minLength: 1, maxLength: 6 });
const Ok = Type.Object({ ok: Type.Boolean() });
const Uuid = Type.String({ format: 'uuid' });
const strict = { additionalProperties: false } as const;

/** Citizen self-service: registration, SMS codes, password reset, my account's security, enterprises and agents. */
export function registerAccountRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;
  const pii = personalData(ctx.config.masterKey);

  app.post('/api/identity/sms-codes', {
    schema: {
      tags: ['identity'],
      body: SmsCodeRequest,
      response: { 202: Type.Object({ resendAfter: Type.Integer() }) },
    },
  }, async (req, reply) => reply.status(202).send(await requestSmsCode(ctx, req.body, req.lang)));

  app.post('/api/identity/register', {
    schema: {
      tags: ['identity'],
      body: Registration,
      response: { 201: Type.Object({ id: Type.String(), assuranceLevel: Type.Integer() }) },
    },
  }, async (req, reply) => reply.status(201).send(await registerSelf(ctx, req.actor, req.body)));

  app.post('/api/identity/password-reset', {
    schema: { tags: ['identity'], body: PasswordReset, response: { 200: Ok } },
  }, async (req) => {
    await resetPassword(ctx, req.body, req.ip);
    return { ok: true };
  });

  app.get('/api/identity/me', { schema: { tags: ['identity'], response: { 200: MyAccount } } }, (req) => myAccount(ctx, req.actor));

  app.get('/api/identity/me/sessions', { schema: { tags: ['identity'], response: { 200: Type.Object({ items: Type.Array(SessionRow) }) } } }, async (req) => ({
    items: await mySessions(ctx, req.actor, req.cookies[SESSION_COOKIE]),
  }));

  app.delete('/api/identity/me/sessions/:id', { schema: { tags: ['identity'], params: Type.Object({ id: Uuid }), response: { 200: Ok } } }, async (req) => {
    await revokeMySession(ctx, req.actor, req.params.id, req.ip);
    return { ok: true };
  });

  app.get('/api/identity/me/logins', { schema: { tags: ['identity'], response: { 200: Type.Object({ items: Type.Array(LoginEvent) }) } } }, async (req) => ({
    items: await myLogins(ctx, req.actor),
  }));

  app.post('/api/identity/me/totp', { schema: { tags: ['identity'], response: { 200: TotpEnrolment } } }, (req) => startMyTotp(ctx, req.actor));

  app.post('/api/identity/me/totp/confirm', { schema: { tags: ['identity'], body: Type.Object({ code: Code }, strict), response: { 200: Ok } } }, async (req) => {
    await confirmMyTotp(ctx, req.actor, req.body.code, req.ip);
    return { ok: true };
  });

  app.delete('/api/identity/me/totp', { schema: { tags: ['identity'], body: Type.Object({ code: Code }, strict), response: { 200: Ok } } }, async (req) => {
    await removeMyTotp(ctx, req.actor, req.body.code, req.ip);
    return { ok: true };
  });

  app.post('/api/identity/enterprises', {
    schema: { tags: ['identity'], body: Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 18 }), name: Type.String({ minLength: 1, maxLength: 100 }) }, strict), response: { 201: EnterpriseRegistered } },
  }, async (req, reply) => reply.status(201).send(await registerEnterprise(db, req.actor, req.body)));

  app.get('/api/identity/enterprises', { schema: { tags: ['identity'], response: { 200: Type.Object({ items: Type.Array(ActingOption) }) } } }, async (req) => ({
    items: await myEnterprises(ctx, req.actor),
  }));

  const EnterpriseParams = Type.Object({ id: Uuid });
  app.get('/api/identity/enterprises/:id/agents', { schema: { tags: ['identity'], params: EnterpriseParams, response: { 200: Type.Object({ items: Type.Array(Agent) }) } } }, async (req) => ({
    items: await listAgents(db, pii, req.actor, req.params.id),
  }));

  app.post('/api/identity/enterprises/:id/agents', {
    schema: {
      tags: ['identity'],
      params: EnterpriseParams,
      body: AgentGrant,
      response: { 201: Type.Object({ id: Type.String() }) },
    },
  }, async (req, reply) => reply.status(201).send(await grantAgent(db, pii, req.actor, req.params.id, req.body)));

  app.delete('/api/identity/enterprises/:id/agents/:grant', {
    schema: { tags: ['identity'], params: Type.Object({ id: Uuid, grant: Uuid }), response: { 200: Ok } },
  }, async (req) => {
    await revokeAgent(db, req.actor, req.params.id, req.params.grant);
    return { ok: true };
  });
}
