import { Type } from 'typebox';
import type { Actor } from '../../kernel/actor.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { hashPassword } from '../../kernel/crypto/password.ts';
import type { AppContext } from '../../kernel/context.ts';
import { AppError, forbidden, notFound, unauthenticated } from '../../kernel/errors.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { escapeHtml } from '../../kernel/html.ts';
import { t } from '../../kernel/i18n/index.ts';
import { page } from './oidc/pages.ts';
import { personalData } from '../../kernel/pii.ts';
import { grantAgent, listAgents, registerEnterprise, revokeAgent, actingOptions } from './enterprises.ts';
import { requireStrongPassword } from './password-policy.ts';
import { personView } from './persons.ts';
import { tablePopulationBase } from './population.ts';
import { registerPerson } from './registration.ts';
import { listSessions, loginHistory, revokeSession, SESSION_COOKIE, sessionIdOf } from './sessions.ts';
import { consumeSmsCode, inboxMessages, isMobile, sendSmsCode, verifySmsCode } from './sms.ts';
import { beginTotpEnrolment, removeTotp, subjectOf, totpRequired, totpState, verifyTotp } from './totp.ts';
import { Agent, AgentGrant, ActingOption, LoginEvent, MyAccount, PasswordReset, Registration, SessionRow, SmsCodeRequest, TotpEnrolment } from './schemas.ts';

const Phone = Type.String({ minLength: 11, maxLength: 11 });
const Code = Type.String({ minLength: 1, maxLength: 6 });
const Ok = Type.Object({ ok: Type.Boolean() });
const Uuid = Type.String({ format: 'uuid' });
const strict = { additionalProperties: false } as const;

function requireSignedIn(actor: Actor) {
  const subject = subjectOf(actor);
  if (!subject) throw unauthenticated();
  return subject;
}

/** Citizen self-service: registration, SMS codes, password reset, my account's security, enterprises and agents. */
export function registerAccountRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;
  const pii = personalData(ctx.config.masterKey);
  const population = tablePopulationBase(db, pii);

  app.post('/api/identity/sms-codes', {
    schema: {
      tags: ['identity'],
      body: SmsCodeRequest,
      response: { 202: Type.Object({ resendAfter: Type.Integer() }) },
    },
  }, async (req, reply) => {
    const { phone, purpose } = req.body;
    if (!isMobile(phone)) throw new AppError('PHONE_INVALID', 422, {}, { field: 'phone' });
    const known = await db.one('select 1 from person where phone_index = $1', [pii.index(phone)]);
    // A reset code goes only to a registered phone, a registration code only to a new one; the
    // answer is the same either way so the endpoint does not reveal who is registered.
    const result = (purpose === 'reset') === Boolean(known) ? await sendSmsCode(ctx, pii, phone, purpose, req.lang) : { resendAfter: 60 };
    return reply.status(202).send(result);
  });

  app.post('/api/identity/register', {
    schema: {
      tags: ['identity'],
      body: Registration,
      response: { 201: Type.Object({ id: Type.String(), assuranceLevel: Type.Integer() }) },
    },
  }, async (req, reply) => {
    if (req.actor.kind !== 'anonymous') throw new AppError('ALREADY_SIGNED_IN', 409);
    const created = await registerPerson(ctx, pii, population, req.body);
    return reply.status(201).send(created);
  });

  app.post('/api/identity/password-reset', {
    schema: { tags: ['identity'], body: PasswordReset, response: { 200: Ok } },
  }, async (req) => {
    const { phone, code, password } = req.body;
    const person = await db.one<{ id: string }>('select id from person where phone_index = $1', [pii.index(phone)]);
    if (!person) throw new AppError('SMS_CODE_INVALID', 422, {}, { field: 'code' });
    requireStrongPassword(password, [phone]);
    const codeId = await verifySmsCode(db, ctx.config.masterKey, pii, phone, 'reset', code);
    const hash = await hashPassword(password);
    await db.transaction(async (tx) => {
      await consumeSmsCode(tx, codeId);
      await tx.query('update person set password_hash = $2 where id = $1', [person.id, hash]);
      // a reset ends every session: whoever knew the old password is signed out
      await tx.query("delete from session where subject_kind = 'person' and subject_id = $1", [person.id]);
      await appendAudit(tx, { kind: 'person', id: person.id }, { action: 'auth.password_reset', objectType: 'person', objectId: person.id, details: { ip: req.ip } });
    });
    return { ok: true };
  });

  app.get('/api/identity/me', { schema: { tags: ['identity'], response: { 200: MyAccount } } }, async (req) => {
    const subject = requireSignedIn(req.actor);
    const profile = subject.kind === 'person' ? ((await personView(db, pii, subject.id)) ?? null) : null;
    return {
      profile,
      totp: await totpState(db, subject.kind, subject.id),
      totpRequired: await totpRequired(db, subject.kind, subject.id),
      enterprises: subject.kind === 'person' ? await actingOptions(db, subject.id) : [],
    };
  });

  app.get('/api/identity/me/sessions', { schema: { tags: ['identity'], response: { 200: Type.Object({ items: Type.Array(SessionRow) }) } } }, async (req) => {
    const subject = requireSignedIn(req.actor);
    const token = req.cookies[SESSION_COOKIE];
    const current = token ? await sessionIdOf(db, token) : undefined;
    return { items: (await listSessions(db, subject)).map((s) => ({ ...s, current: s.id === current })) };
  });

  app.delete('/api/identity/me/sessions/:id', { schema: { tags: ['identity'], params: Type.Object({ id: Uuid }), response: { 200: Ok } } }, async (req) => {
    const subject = requireSignedIn(req.actor);
    if (!(await revokeSession(db, subject, req.params.id))) throw notFound('session', req.params.id);
    await db.transaction((tx) => appendAudit(tx, subject, { action: 'auth.session_revoked', objectType: subject.kind, objectId: subject.id, details: { session: req.params.id, ip: req.ip } }));
    return { ok: true };
  });

  app.get('/api/identity/me/logins', { schema: { tags: ['identity'], response: { 200: Type.Object({ items: Type.Array(LoginEvent) }) } } }, async (req) => ({ items: await loginHistory(db, requireSignedIn(req.actor)) }));

  app.post('/api/identity/me/totp', { schema: { tags: ['identity'], response: { 200: TotpEnrolment } } }, async (req) => {
    const subject = requireSignedIn(req.actor);
    const label = req.actor.kind === 'staff' ? req.actor.username : req.actor.kind === 'person' ? req.actor.name : subject.id;
    const enrolment = await beginTotpEnrolment(db, pii, subject.kind, subject.id, label);
    if (!enrolment) throw new AppError('TOTP_ALREADY_ACTIVE', 409);
    return enrolment;
  });

  app.post('/api/identity/me/totp/confirm', { schema: { tags: ['identity'], body: Type.Object({ code: Code }, strict), response: { 200: Ok } } }, async (req) => {
    const subject = requireSignedIn(req.actor);
    if ((await totpState(db, subject.kind, subject.id)) !== 'pending') throw new AppError('TOTP_NOT_PENDING', 409);
    if (!(await verifyTotp(db, pii, subject.kind, subject.id, req.body.code))) throw new AppError('TOTP_INVALID', 422, {}, { field: 'code' });
    await db.transaction((tx) => appendAudit(tx, subject, { action: 'auth.totp_enrolled', objectType: subject.kind, objectId: subject.id, details: { ip: req.ip } }));
    return { ok: true };
  });

  app.delete('/api/identity/me/totp', { schema: { tags: ['identity'], body: Type.Object({ code: Code }, strict), response: { 200: Ok } } }, async (req) => {
    const subject = requireSignedIn(req.actor);
    if (await totpRequired(db, subject.kind, subject.id)) throw new AppError('TOTP_REQUIRED', 409);
    if (!(await verifyTotp(db, pii, subject.kind, subject.id, req.body.code))) throw new AppError('TOTP_INVALID', 422, {}, { field: 'code' });
    await removeTotp(db, subject.kind, subject.id);
    await db.transaction((tx) => appendAudit(tx, subject, { action: 'auth.totp_removed', objectType: subject.kind, objectId: subject.id, details: { ip: req.ip } }));
    return { ok: true };
  });

  app.post('/api/identity/enterprises', {
    schema: { tags: ['identity'], body: Type.Object({ uscc: Type.String({ minLength: 1, maxLength: 18 }), name: Type.String({ minLength: 1, maxLength: 100 }) }, strict), response: { 201: Type.Object({ id: Type.String() }) } },
  }, async (req, reply) => reply.status(201).send(await registerEnterprise(db, req.actor, req.body)));

  app.get('/api/identity/enterprises', { schema: { tags: ['identity'], response: { 200: Type.Object({ items: Type.Array(ActingOption) }) } } }, async (req) => {
    if (req.actor.kind !== 'person') throw req.actor.kind === 'anonymous' ? unauthenticated() : forbidden();
    return { items: await actingOptions(db, req.actor.id) };
  });

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

  if (ctx.config.devInbox) registerDevInbox(app, ctx);
}

/** Development only: the SMS the gateway would have sent, since no carrier is connected. */
function registerDevInbox(app: HttpApp, ctx: AppContext) {
  const pii = personalData(ctx.config.masterKey);
  app.get('/api/dev/sms', { schema: { tags: ['dev'], querystring: Type.Object({ phone: Type.Optional(Phone) }) } }, async (req) => ({
    items: await inboxMessages(ctx.db, pii, req.query.phone),
  }));
  app.get('/dev/sms', { schema: { hide: true } }, async (req, reply) => {
    const rows = (await inboxMessages(ctx.db, pii))
      .map((m) => `<li><b>${escapeHtml(m.phone)}</b> <time>${escapeHtml(m.sentAt)}</time><p>${escapeHtml(m.text)}</p></li>`)
      .join('');
    const body = `<h1>${escapeHtml(t(req.lang, 'dev.sms.title'))}</h1><p class="client">${escapeHtml(t(req.lang, 'dev.sms.why'))}</p>
<p><a href="/dev/sms/reply">${escapeHtml(t(req.lang, 'dev.smsReply.title'))}</a></p>
<ul class="sms">${rows || `<li>${escapeHtml(t(req.lang, 'dev.sms.empty'))}</li>`}</ul>`;
    // refresh every few seconds: the message arrives once the outbox worker delivered it
    return reply.type('text/html').send(page(req.lang, t(req.lang, 'dev.sms.title'), body).replace('<head>', '<head><meta http-equiv="refresh" content="3">'));
  });
}
