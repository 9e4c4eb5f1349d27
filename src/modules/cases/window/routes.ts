import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../../kernel/context.ts';
import { validationFailed } from '../../../kernel/errors.ts';
import { UUID_PATTERN } from '../../../kernel/ids.ts';
import { rawBody, registerRawBodyRoutes } from '../../../kernel/http/raw-body.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { receiptData, renderReceipt } from './receipt.ts';
import { MAX_MATERIAL_BYTES } from '../application/uploads.ts';
import { findApplicant, recordWindowApplication, windowForm, type ApplicantQuery } from './window.ts';
import { receiveWindowScan } from './scan-intake.ts';
import { ApplicantQs, ApplicantView, ScanTicket, WindowApplication, WindowForm, WindowRecorded } from './schemas.ts';

const tags = ['cases'];
const Id = Type.String({ pattern: UUID_PATTERN });

/** The applicant named by a query string: an ID number, or a USCC (with the agent who came, if any). */
function applicantQuery(q: { idNumber?: string; uscc?: string; agentIdNumber?: string }): ApplicantQuery {
  if (q.idNumber && !q.uscc) return { idNumber: q.idNumber };
  if (q.uscc && !q.idNumber) return { uscc: q.uscc, ...(q.agentIdNumber ? { agentIdNumber: q.agentIdNumber } : {}) };
  throw validationFailed('idNumber', 'ONE_OF_ID_NUMBER_OR_USCC');
}

/** 一窗受理: applicant lookup, the item's form for that applicant, scans, the one-step application, and the receipt. */
export function registerWindowRoutes(app: HttpApp, ctx: AppContext) {
  app.get(
    '/api/cases/window/applicant',
    {
      schema: { tags, querystring: Type.Object(ApplicantQs), response: { 200: ApplicantView } },
    },
    (req) => findApplicant(ctx, req.actor, applicantQuery(req.query)),
  );

  app.get(
    '/api/cases/window/form',
    {
      schema: {
        tags,
        querystring: Type.Object({ item: Type.String({ minLength: 1, maxLength: 80 }), ...ApplicantQs }),
        response: { 200: WindowForm },
      },
    },
    (req) => windowForm(ctx, req.actor, req.query.item, applicantQuery(req.query)),
  );

  app.post(
    '/api/cases/window',
    {
      schema: {
        tags,
        body: WindowApplication,
        response: { 200: WindowRecorded, 201: WindowRecorded },
      },
    },
    async (req, reply) => {
      const r = await recordWindowApplication(ctx, req.actor, req.body);
      return reply.status(r.replayed ? 200 : 201).send(r);
    },
  );

  app.get('/api/cases/:id/receipt.pdf', { schema: { tags, params: Type.Object({ id: Id }) } }, async (req, reply) => {
    const data = await receiptData(ctx, req.actor, req.params.id);
    const pdf = await renderReceipt(data, baseUrl(ctx, req));
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="receipt-${data.number}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  // Scans are raw bodies (the file's bytes), read up to the material limit and no further.
  registerRawBodyRoutes(app, MAX_MATERIAL_BYTES, (scope) => {
    scope.post(
      '/api/cases/window/scans',
      {
        schema: {
          tags,
          querystring: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })) }),
          response: { 201: ScanTicket },
        },
      },
      async (req, reply) => reply.status(201).send(await receiveWindowScan(ctx, req.actor, req.query.name, rawBody(req.body))),
    );
  });
}

const baseUrl = (ctx: AppContext, req: FastifyRequest) => ctx.config.publicUrl || `${req.protocol}://${req.host}`;
