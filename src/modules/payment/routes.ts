import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { t } from '../../kernel/i18n/index.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { receiveCallback } from './callbacks.ts';
import { channels, setListenBase } from './channels/registry.ts';
import { issueManualNotice } from './manual-notices.ts';
import { cancelNotice, getNotice, listNotices } from './notices.ts';
import { startPayment } from './orders.ts';
import { receiptPdf } from './receipt-pdf.ts';
import { receiptOfNotice, verifyReceipt } from './receipts.ts';
import { servedUnits } from './served-units.ts';
import { listReconRuns, reconcileFromChannel, reconcileUploaded } from './reconciliation/runs.ts';
import { reconReport, reportWorkbook, unitTotals } from './reconciliation/report.ts';
import { listDiscrepancies, resolveDiscrepancy } from './reconciliation/tasks.ts';
import { auditRefusal } from './refusals.ts';
import { decideRefund, listRefunds, requestRefund } from './refunds.ts';
import * as S from './schemas.ts';
import { registerSimulatorRoutes } from './simulator/routes.ts';

/** A callback is a few hundred bytes; anything near this is not a gateway talking. */
export const MAX_CALLBACK_BYTES = 64 * 1024;
/** A million-line statement is about 100 MB. */
export const MAX_STATEMENT_BYTES = 256 * 1024 * 1024;

const tooLarge = (code: string, limit: number) => new AppError(code, 413, { limit }, { limit });

export function registerPaymentRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;
  app.addHook('onListen', async () => {
    const address = app.server.address();
    if (address && typeof address === 'object') setListenBase(ctx, `http://localhost:${address.port}`);
  });
  const tags = ['payment'];

  app.get('/api/payment/channels', { schema: { tags, response: { 200: S.Channels } } }, (req) => ({
    items: [...channels(ctx).values()].map((c) => ({ code: c.code, name: t(req.lang, `payment.channel.${c.code}`), signature: c.signature })),
  }));

  app.post('/api/payment/notices', { schema: { tags, body: S.NoticeCreate, response: { 201: S.Notice } } }, async (req, reply) =>
    reply.status(201).send(await issueManualNotice(ctx, req.actor, req.body)),
  );
  app.get('/api/payment/notices', { schema: { tags, querystring: S.NoticeQuery, response: { 200: Type.Object({ items: Type.Array(S.Notice), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) } } }, (req) =>
    listNotices(db, req.actor, req.query),
  );
  app.get('/api/payment/units', { schema: { tags, response: { 200: Type.Object({ items: Type.Array(S.ServedUnit) }) } } }, (req) => servedUnits(db, req.actor));
  app.get('/api/payment/notices/:id', { schema: { tags, params: S.IdParams, response: { 200: S.Notice } } }, (req) => getNotice(db, req.actor, req.params.id));
  app.post('/api/payment/notices/:id/cancel', { schema: { tags, params: S.IdParams, body: S.Reason, response: { 200: S.Notice } } }, (req) =>
    cancelNotice(ctx, req.actor, req.params.id, req.body.reason),
  );
  app.post('/api/payment/notices/:id/pay', { schema: { tags, params: S.IdParams, body: S.PayBody, response: { 200: S.PayStarted } } }, (req) =>
    startPayment(ctx, req.actor, req.params.id, req.body.channel),
  );
  app.get('/api/payment/notices/:id/receipt', { schema: { tags, params: S.IdParams, response: { 200: S.Receipt } } }, (req) =>
    receiptOfNotice(db, req.actor, req.params.id),
  );
  app.get('/api/payment/notices/:id/receipt.pdf', { schema: { tags, params: S.IdParams } }, async (req, reply) => {
    const receipt = await receiptOfNotice(db, req.actor, req.params.id);
    const pdf = await receiptPdf(receipt, ctx.config.publicUrl || `${req.protocol}://${req.host}`);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="receipt-${receipt.receiptCode}-${receipt.receiptNumber}.pdf"`)
      .send(pdf);
  });
  app.post('/api/payment/receipts/verify', { schema: { tags, body: S.ReceiptVerify, response: { 200: S.ReceiptVerification } } }, (req) =>
    verifyReceipt(ctx, req.body),
  );

  app.get('/api/payment/refunds', { schema: { tags, querystring: S.RefundQuery, response: { 200: Type.Object({ items: Type.Array(S.Refund), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) } } }, (req) =>
    listRefunds(db, req.actor, req.query),
  );
  app.post('/api/payment/refunds', { schema: { tags, body: S.RefundCreate, response: { 201: S.Refund } } }, async (req, reply) =>
    reply.status(201).send(await requestRefund(ctx, req.actor, req.body)),
  );
  app.post('/api/payment/refunds/:id/decision', { schema: { tags, params: S.IdParams, body: S.RefundDecision, response: { 200: S.Refund } } }, (req) =>
    decideRefund(ctx, req.actor, req.params.id, req.body),
  );

  app.get('/api/payment/reconciliation/runs', { schema: { tags, querystring: S.Range, response: { 200: Type.Object({ items: Type.Array(S.ReconRun) }) } } }, async (req) => ({
    items: await listReconRuns(ctx, req.actor, req.query),
  }));
  app.post('/api/payment/reconciliation/runs', { schema: { tags, body: S.RunStart, response: { 201: S.ReconRun } } }, async (req, reply) =>
    reply.status(201).send(await reconcileFromChannel(ctx, req.actor, req.body.channel, req.body.day)),
  );
  app.get('/api/payment/reconciliation/discrepancies', { schema: { tags, querystring: S.DiscrepancyQuery, response: { 200: Type.Object({ items: Type.Array(S.Discrepancy), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }) } } }, (req) =>
    listDiscrepancies(db, req.actor, req.query),
  );
  app.post('/api/payment/reconciliation/discrepancies/:id/resolve', { schema: { tags, params: S.IdParams, body: S.Resolve, response: { 200: S.Discrepancy } } }, (req) =>
    resolveDiscrepancy(ctx, req.actor, req.params.id, req.body),
  );
  app.get('/api/payment/reconciliation/report', { schema: { tags, querystring: S.Range, response: { 200: S.Report } } }, (req) => reconReport(db, req.actor, req.query));
  app.get('/api/payment/reconciliation/report.xlsx', { schema: { tags, querystring: S.Range } }, async (req, reply) => {
    const file = await reportWorkbook(db, req.actor, req.lang, req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="reconciliation-${req.query.from}-${req.query.to}.xlsx"`)
      .send(file);
  });
  app.get('/api/payment/totals', { schema: { tags, querystring: S.Range, response: { 200: S.UnitTotals } } }, async (req) => ({
    items: await unitTotals(db, req.actor, req.query),
  }));

  // Raw bodies: a callback's signature covers its exact bytes; a statement is streamed.
  app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (req, payload, done) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      const refuse = (err: AppError) => {
        auditRefusal(db, req.actor, 'payment.callback.refused', err, { path: req.url.slice(0, 100), bytes: declared || null })
          .catch((e) => req.log.error({ err: e }, 'auditing a refused callback failed'))
          .finally(() => done(err, undefined));
      };
      if (declared > MAX_CALLBACK_BYTES) {
        payload.resume();
        return refuse(tooLarge('CALLBACK_TOO_LARGE', MAX_CALLBACK_BYTES));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      payload.on('data', (c: Buffer) => {
        if (failed) return;
        size += c.length;
        if (size > MAX_CALLBACK_BYTES) {
          failed = true;
          refuse(tooLarge('CALLBACK_TOO_LARGE', MAX_CALLBACK_BYTES));
          return;
        }
        chunks.push(c);
      });
      payload.on('end', () => {
        if (!failed) done(null, Buffer.concat(chunks).toString('utf8'));
      });
      payload.on('error', (err) => {
        if (!failed) done(err, undefined);
      });
    });
    scope.post('/api/payment/callbacks/:channel', {
      schema: { tags, params: Type.Object({ channel: Type.String({ maxLength: 40 }) }), response: { 200: S.CallbackAck } },
    }, async (req) => {
      const body = typeof req.body === 'string' ? req.body : '';
      const { outcome } = await receiveCallback(ctx, req.params.channel, req.headers, body);
      return { code: 'SUCCESS', outcome };
    });
  });

  app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.post('/api/payment/reconciliation/statements/:channel/:day', {
      schema: { tags, params: S.ChannelDayParams, response: { 201: S.ReconRun } },
    }, async (req, reply) =>
      reply.status(201).send(await reconcileUploaded(ctx, req.actor, req.params.channel, req.params.day, uploadLines(req.body as Readable))),
    );
  });

  registerSimulatorRoutes(app, ctx);
}

/** Lines of an uploaded statement, refusing more than MAX_STATEMENT_BYTES. */
async function* uploadLines(stream: Readable): AsyncIterable<string> {
  let bytes = 0;
  stream.on('data', (c: Buffer) => {
    bytes += c.length;
    if (bytes > MAX_STATEMENT_BYTES) stream.destroy(tooLarge('STATEMENT_TOO_LARGE', MAX_STATEMENT_BYTES));
  });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('STATEMENT_MALFORMED', 400, { line: 0, reason: 'upload interrupted' }, { reason: 'upload interrupted' });
  }
}
