import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import { escapeHtml } from '../../kernel/html.ts';
import { t } from '../../kernel/i18n/index.ts';
import { uuidv7 } from '../../kernel/ids.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { page } from './oidc/pages.ts';
import { inboxGateway } from './sms.ts';
import { MAX_INBOUND_BYTES, receiveInboundSms, signedInbound } from './sms-inbound.ts';
import * as clock from '../../kernel/clock.ts';

const Ack = Type.Object({ code: Type.Literal('SUCCESS'), duplicate: Type.Boolean() });

/**
 * 上行短信: the carrier's callback, on a raw body because the signature covers its exact bytes.
 * No sign-in: the per-gateway signature is the carrier's credential.
 */
export function registerInboundSmsRoutes(app: HttpApp, ctx: AppContext) {
  app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_INBOUND_BYTES }, (_req, body, done) => done(null, body));
    scope.post('/api/sms/inbound/:gateway', {
      schema: { tags: ['identity'], params: Type.Object({ gateway: Type.String({ maxLength: 40 }) }), response: { 200: Ack } },
    }, async (req) => {
      const body = typeof req.body === 'string' ? req.body : '';
      const { duplicate } = await receiveInboundSms(ctx, req.params.gateway, req.headers, body);
      return { code: 'SUCCESS' as const, duplicate };
    });
  });
  if (ctx.config.devInbox) registerDevReply(app, ctx);
}

/**
 * Development only: play the embedded carrier and deliver a reply from a phone, signed exactly
 * as a carrier signs it, so a visitor can answer a rating invitation from the browser.
 */
function registerDevReply(app: HttpApp, ctx: AppContext) {
  app.get('/dev/sms/reply', { schema: { hide: true } }, async (req, reply) => {
    const body = `<h1>${escapeHtml(t(req.lang, 'dev.smsReply.title'))}</h1><p class="client">${escapeHtml(t(req.lang, 'dev.smsReply.why'))}</p>
<form method="post" action="/dev/sms/reply">
<label>${escapeHtml(t(req.lang, 'dev.smsReply.phone'))} <input name="phone" inputmode="numeric" maxlength="11" required data-testid="phone"></label>
<label>${escapeHtml(t(req.lang, 'dev.smsReply.text'))} <input name="text" maxlength="500" required data-testid="text"></label>
<button type="submit" data-testid="send">${escapeHtml(t(req.lang, 'dev.smsReply.send'))}</button>
</form><p><a href="/dev/sms">${escapeHtml(t(req.lang, 'dev.sms.title'))}</a></p>`;
    return reply.type('text/html').send(page(req.lang, t(req.lang, 'dev.smsReply.title'), body));
  });
  app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.post('/dev/sms/reply', {
      schema: {
        hide: true,
        body: Type.Object({ phone: Type.String({ pattern: '^1[3-9]\\d{9}$' }), text: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
      },
    }, async (req, reply) => {
      const msg = { messageId: uuidv7(), from: req.body.phone, text: req.body.text, sentAt: clock.now().toISOString() };
      const signed = signedInbound(ctx.config.masterKey, inboxGateway.name, msg);
      await receiveInboundSms(ctx, inboxGateway.name, signed.headers, signed.body);
      // the answer SMS appears in the inbox once the outbox worker has delivered it
      return reply.redirect('/dev/sms', 303);
    });
  });
}
