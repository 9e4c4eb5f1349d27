import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import { escapeHtml } from '../../kernel/html.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { page } from './oidc/pages.ts';
import { isLocalRequest, readDevInbox, requireDevInboxAccess, sendDevReply, warnDevInbox } from './dev-inbox.ts';

const Phone = Type.String({ minLength: 11, maxLength: 11 });

/**
 * Development only (no carrier connected): the SMS the gateway would have sent, and a form that
 * answers one as a phone would. Who may use them: `dev-inbox.ts`.
 */
export function registerDevInboxRoutes(app: HttpApp, ctx: AppContext) {
  if (!ctx.config.devInbox) return;
  warnDevInbox(ctx);
  // the connection's own address, never req.ip (which follows X-Forwarded-For behind a proxy)
  const from = (req: FastifyRequest) => ({
    local: isLocalRequest(req.socket.remoteAddress, req.headers, ctx.config),
    path: req.url.split('?')[0] ?? '',
    method: req.method,
  });

  app.get('/api/dev/sms', { schema: { tags: ['dev'], querystring: Type.Object({ phone: Type.Optional(Phone) }) } }, async (req) => ({
    items: await readDevInbox(ctx, req.actor, from(req), req.query.phone),
  }));

  app.get('/dev/sms', { schema: { hide: true } }, async (req, reply) => {
    const rows = (await readDevInbox(ctx, req.actor, from(req)))
      .map((m) => `<li><b>${escapeHtml(m.phone)}</b> <time>${escapeHtml(m.sentAt)}</time><p>${escapeHtml(m.text)}</p></li>`)
      .join('');
    const body = `<h1>${escapeHtml(t(req.lang, 'dev.sms.title'))}</h1><p class="client">${escapeHtml(t(req.lang, 'dev.sms.why'))}</p>
<p><a href="/dev/sms/reply">${escapeHtml(t(req.lang, 'dev.smsReply.title'))}</a></p>
<ul class="sms">${rows || `<li>${escapeHtml(t(req.lang, 'dev.sms.empty'))}</li>`}</ul>`;
    // refresh every few seconds: the message arrives once the outbox worker delivered it
    return reply.type('text/html').send(page(req.lang, t(req.lang, 'dev.sms.title'), body).replace('<head>', '<head><meta http-equiv="refresh" content="3">'));
  });

  app.get('/dev/sms/reply', { schema: { hide: true } }, async (req, reply) => {
    await requireDevInboxAccess(ctx, req.actor, from(req));
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
      await sendDevReply(ctx, req.actor, from(req), req.body);
      // the answer SMS appears in the inbox once the outbox worker has delivered it
      return reply.redirect('/dev/sms', 303);
    });
  });
}
