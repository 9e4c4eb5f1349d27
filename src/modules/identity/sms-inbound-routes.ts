import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { MAX_INBOUND_BYTES, receiveInboundSms } from './sms-inbound.ts';

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
}
