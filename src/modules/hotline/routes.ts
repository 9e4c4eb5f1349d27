import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { Page } from '../../kernel/sql/paging.ts';
import { listCategories } from './categories.ts';
import { hotThresholds, listHotIssues, updateHotThresholds } from './hot-issues.ts';
import { registerRawBodyRoutes, rawBody } from '../../kernel/http/raw-body.ts';
import { duplicatesFor } from './duplicates.ts';
import { MAX_PHOTO_BYTES, readPhoto, uploadPhoto } from './photos.ts';
import { registerKnowledgeRoutes } from './knowledge-routes.ts';
import { registerOpen311Routes } from './open311.ts';
import { periodOf } from './period.ts';
import * as R from './report-schemas.ts';
import { reportWorkbook } from './report-workbook.ts';
import { hotlineReport } from './reports.ts';
import * as S from './schemas.ts';
import { classifyIntake, trainClassifier } from './suggest.ts';
import { STEP_ROUTES } from './step-routes.ts';
import { channelOf, createTicket, getTicket, listTickets, trackTicket } from './tickets.ts';

export function registerHotlineRoutes(app: HttpApp, ctx: AppContext) {
  const tags = ['hotline'];
  app.get(
    '/api/hotline/categories',
    { schema: { tags, response: { 200: Type.Object({ items: Type.Array(S.Category) }) } } },
    async () => ({
      items: await listCategories(ctx.db),
    }),
  );
  app.post(
    '/api/hotline/tickets',
    { schema: { tags, body: S.TicketInput, response: { 201: S.TicketCreated } } },
    async (req, reply) => reply.status(201).send(await createTicket(ctx, req.actor, req.body, channelOf(req.actor))),
  );
  // the intake form asks while the agent types: open tickets that look like the same matter (centre only)
  app.post(
    '/api/hotline/tickets/duplicates',
    { schema: { tags, body: S.DuplicateQuery, response: { 200: Type.Object({ items: Type.Array(S.DuplicateCandidate) }) } } },
    async (req) => ({ items: await duplicatesFor(ctx, req.actor, req.body) }),
  );
  app.get('/api/hotline/tickets/:id/photos/:photoId', { schema: { tags, params: S.PhotoParams } }, async (req, reply) => {
    const photo = await readPhoto(ctx, req.actor, req.params.id, req.params.photoId);
    return reply
      .header('content-type', photo.mime)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, max-age=3600')
      .send(photo.content);
  });
  // photos are raw bodies (the image's bytes), read up to twice the limit and no further: a phone's
  // photo somewhat too large is told the limit (HOTLINE_PHOTO_TOO_LARGE), anything bigger is PAYLOAD_TOO_LARGE
  registerRawBodyRoutes(app, 2 * MAX_PHOTO_BYTES, (scope) => {
    scope.put('/api/hotline/photos', { schema: { tags, response: { 201: S.Photo } } }, async (req, reply) =>
      reply.status(201).send(await uploadPhoto(ctx, req.actor, rawBody(req.body))),
    );
  });
  app.get(
    '/api/hotline/tickets',
    { schema: { tags, querystring: S.TicketListQuery, response: { 200: Page(S.Ticket) } } },
    (req) => listTickets(ctx, req.actor, req.query),
  );
  app.get('/api/hotline/tickets/:id', { schema: { tags, params: S.TicketIdParams, response: { 200: S.Ticket } } }, (req) =>
    getTicket(ctx, req.actor, req.params.id),
  );
  for (const [path, step] of Object.entries(STEP_ROUTES))
    app.post(
      `/api/hotline/tickets/:id/${path}`,
      { schema: { tags, params: S.TicketIdParams, body: step.body, response: { 200: S.Ticket } } },
      (req) => step.run(ctx, req.actor, (req.params as S.TicketIdParams).id, req.body as never),
    );
  // 智能分类 at intake (the centre) and retraining the classifier (a node administrator)
  app.post('/api/hotline/classify', { schema: { tags, body: S.ClassifyInput, response: { 200: S.Classification } } }, (req) =>
    classifyIntake(ctx, req.actor, req.body),
  );
  app.post('/api/hotline/classifier/train', { schema: { tags, response: { 200: S.ClassifierTrained } } }, (req) =>
    trainClassifier(ctx, req.actor),
  );
  // 查询: number and query code, no sign-in (the code is the caller's proof)
  app.get('/api/hotline/track', { schema: { tags, querystring: S.TrackQuery, response: { 200: S.TrackedTicket } } }, (req) =>
    trackTicket(ctx, req.query.number, req.query.code),
  );
  registerOpen311Routes(app, ctx);
  registerReportRoutes(app, ctx);
  registerKnowledgeRoutes(app, ctx);
}

/** Supervision: hot issues, their thresholds, and the daily and weekly reports (JSON or xlsx). */
function registerReportRoutes(app: HttpApp, ctx: AppContext) {
  const tags = ['hotline'];
  app.get(
    '/api/hotline/hot-issues',
    { schema: { tags, querystring: R.PeriodQuery, response: { 200: R.HotIssueList } } },
    async (req) => {
      const p = periodOf(req.query.period ?? 'day', req.query.date);
      return { from: p.from, to: p.to, items: await listHotIssues(ctx.db, req.actor, p.start, p.end) };
    },
  );
  app.get('/api/hotline/hot-thresholds', { schema: { tags, response: { 200: R.HotThresholds } } }, (req) =>
    hotThresholds(ctx.db, req.actor),
  );
  app.put('/api/hotline/hot-thresholds', { schema: { tags, body: R.HotThresholds, response: { 200: R.HotThresholds } } }, (req) =>
    updateHotThresholds(ctx.db, req.actor, req.body),
  );
  // one address for the figures and their workbook: ?format=xlsx sends the same report as a file
  app.get(
    '/api/hotline/reports',
    { schema: { tags, querystring: R.ReportQuery, response: { 200: Type.Union([R.HotlineReport, R.Workbook]) } } },
    async (req, reply) => {
      const report = await hotlineReport(ctx.db, req.actor, req.query);
      if (req.query.format !== 'xlsx') return report;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="hotline-${report.period}-${report.from}.xlsx"`)
        .send(await reportWorkbook(report, req.lang));
    },
  );
}
