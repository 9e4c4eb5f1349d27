import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../../kernel/context.ts';
import { escapeHtml } from '../../../kernel/html.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { yuan } from '../money.ts';
import { answerSimCheckout, findSimOrder, simStatementFile } from './checkout.ts';

const NAMES: Record<string, string> = { 'sim-bank': '模拟银行（HMAC-SM3 签名）', 'sim-wallet': '模拟钱包（SM2 签名）' };

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{font-family:system-ui,sans-serif;max-width:420px;margin:24px auto;padding:0 16px;color:#222}
h1{font-size:20px}.amount{font-size:32px;font-weight:600;margin:12px 0}.muted{color:#888;font-size:13px}
button{font-size:16px;padding:10px 18px;margin:8px 8px 0 0;border-radius:6px;border:1px solid #1677ff;background:#1677ff;color:#fff}
button.secondary{background:#fff;color:#1677ff}fieldset{margin-top:16px;border:1px dashed #ccc;font-size:13px}
label{display:block;margin:4px 0}
</style></head><body>${body}</body></html>`;
}

/**
 * The simulated gateways' own web pages: the pay page a payer is sent to, and the statement
 * download. The pay page also lets a tester choose how the gateway misbehaves afterwards.
 */
export function registerSimulatorRoutes(app: HttpApp, ctx: AppContext) {
  const Params = Type.Object({ channel: Type.String({ maxLength: 40 }), orderId: Type.String({ maxLength: 40 }) });

  app.get('/paysim/:channel/pay/:orderId', { schema: { hide: true, params: Params } }, async (req, reply) => {
    const order = await findSimOrder(ctx, req.params.channel, req.params.orderId);
    if (!order) return reply.status(404).type('text/html').send(page('订单不存在', '<h1>订单不存在</h1>'));
    const open = order.status === 'created';
    return reply.type('text/html').send(
      page(
        NAMES[order.channel] ?? order.channel,
        `<h1>${escapeHtml(NAMES[order.channel] ?? order.channel)}</h1>
<div class="muted">${escapeHtml(order.subject)}</div>
<div class="amount" data-testid="amount">¥ ${yuan(Number(order.amount_fen))}</div>
<div class="muted">缴款码 ${escapeHtml(order.payment_code)}</div>
${open ? `<form method="post">
<button name="action" value="pay" data-testid="pay">确认支付</button>
<button name="action" value="cancel" class="secondary">取消</button>
<fieldset><legend>模拟网关行为（测试用）</legend>
<label>重复通知次数 <input name="duplicates" type="number" min="0" max="5" value="0"></label>
<label>首次通知延迟（秒） <input name="delaySeconds" type="number" min="0" max="3600" value="0"></label>
<label><input name="timeout" type="checkbox" value="1"> 不发送通知（超时）</label>
<label>实付金额（分，留空为应付金额） <input name="paidFen" type="number" min="1"></label>
<label><input name="refundFails" type="checkbox" value="1"> 退款失败</label>
</fieldset></form>` : `<p data-testid="state">订单状态：${escapeHtml(order.status)}</p>`}`,
      ),
    );
  });

  app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.post('/paysim/:channel/pay/:orderId', {
      schema: {
        hide: true,
        params: Params,
        body: Type.Object({
          action: Type.Union([Type.Literal('pay'), Type.Literal('cancel')]),
          duplicates: Type.Optional(Type.String({ pattern: '^[0-5]?$' })),
          delaySeconds: Type.Optional(Type.String({ pattern: '^\\d{0,4}$' })),
          timeout: Type.Optional(Type.String({ maxLength: 2 })),
          refundFails: Type.Optional(Type.String({ maxLength: 2 })),
          paidFen: Type.Optional(Type.String({ pattern: '^\\d{0,13}$' })),
        }),
      },
    }, async (req, reply) => reply.redirect(await answerSimCheckout(ctx, req.params.channel, req.params.orderId, req.body), 303));
  });

  // The gateway's statement download; a real gateway authenticates the merchant, here finance staff.
  app.get('/paysim/:channel/statements/:day', {
    schema: { hide: true, params: Type.Object({ channel: Type.String({ maxLength: 40 }), day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }) },
  }, async (req, reply) => {
    // Streamed: a busy day's statement runs to a million lines.
    const body = Readable.from(simStatementFile(ctx, req.actor, req.params.channel, req.params.day));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${req.params.channel}-${req.params.day}.csv"`).send(body);
  });
}
