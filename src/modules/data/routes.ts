import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { Page } from '../../kernel/sql/paging.ts';
import { createResource, getResource, listResources, publishResource, resourceVersions, retireResource, updateResource } from './resources.ts';
import { catalogueTriples, toJsonLd, toTurtle } from './dcat.ts';
import * as S from './schemas.ts';
import { approveDemand, confirmDemand, getDemand, listDemands, refuseDemand, submitDemand, withdrawDemand } from './demands.ts';
import { listGrants, revokeGrant } from './grants.ts';
import { sourceConflictsFor } from './sources.ts';
import { exportWorkbook, importWorkbook } from './workbook.ts';
import * as X from './schemas-exchange.ts';
import { loadRecords } from './records.ts';
import { listIssues, recordQuality, reportIssue, resolveIssue } from './issues.ts';
import { bindSystem, changeSystem, listSystems, unbindSystem } from './systems.ts';
import { exchangeGateway } from './gateway.ts';
import { exportJobFile, exportJobStatus, startExportJob } from './export-jobs.ts';
import { callStats, listCalls } from './calls.ts';
import { answerUseReport, listUseReports, myDataUses, reportUse } from './ledger.ts';
import { listBaseFieldSources, setBaseFieldSource } from './fills.ts';
import { downloadOpenDataset, getOpenDataset, listOpenDatasets } from './open-data.ts';

export function registerDataRoutes(app: HttpApp, ctx: AppContext) {
  /** Where dataset IRIs point: the configured public URL, else the address the caller used. */
  const baseUrl = (req: FastifyRequest) => ctx.config.publicUrl || `${req.protocol}://${req.host}`;

  // DCAT-AP 3.0: Turtle unless JSON-LD is asked for (Accept: application/ld+json, or ?format=jsonld)
  app.get('/api/data/catalog', { schema: { tags: ['data-catalog'], querystring: S.CatalogQuery } }, async (req, reply) => {
    const triples = await catalogueTriples(ctx, req.actor, baseUrl(req));
    const jsonLd = req.query.format ? req.query.format === 'jsonld' : /application\/ld\+json/.test(req.headers.accept ?? '');
    // what is listed depends on who asks (staff see the closed part too)
    void reply.header('vary', 'accept, cookie, authorization').header('cache-control', 'private, no-cache');
    return jsonLd ? reply.type('application/ld+json').send(JSON.stringify(toJsonLd(triples))) : reply.type('text/turtle; charset=utf-8').send(toTurtle(triples));
  });

  const tags = ['data-resources'];
  app.get('/api/data/resources', { schema: { tags, querystring: S.ResourceListQuery, response: { 200: Page(S.ResourceSummary) } } }, (req) =>
    listResources(ctx, req.actor, req.query),
  );
  app.post('/api/data/resources', { schema: { tags, body: S.ResourceCreate, response: { 201: S.Resource } } }, async (req, reply) =>
    reply.status(201).send(await createResource(ctx, req.actor, req.body)),
  );
  app.get('/api/data/resources/conflicts', { schema: { tags, response: { 200: Type.Object({ items: Type.Array(S.SourceConflict) }) } } }, (req) =>
    sourceConflictsFor(ctx, req.actor),
  );
  app.get('/api/data/resources/export', { schema: { tags, querystring: S.ExportQuery } }, async (req, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="data-catalogue.xlsx"; filename*=UTF-8''${encodeURIComponent('政务信息资源目录.xlsx')}`)
      .send(await exportWorkbook(ctx, req.actor, req.query)),
  );
  app.post('/api/data/resources/import', { schema: { tags, body: S.ImportBody, response: { 200: S.ImportReport } } }, (req) => importWorkbook(ctx, req.actor, req.body));
  app.get('/api/data/resources/:id', { schema: { tags, params: S.IdParams, response: { 200: S.Resource } } }, (req) =>
    getResource(ctx, req.actor, req.params.id),
  );
  app.put('/api/data/resources/:id', { schema: { tags, params: S.IdParams, body: S.ResourceUpdate, response: { 200: S.Resource } } }, (req) =>
    updateResource(ctx, req.actor, req.params.id, req.body),
  );
  app.post('/api/data/resources/:id/publish', { schema: { tags, params: S.IdParams, body: S.VersionBody, response: { 200: S.Resource } } }, (req) =>
    publishResource(ctx, req.actor, req.params.id, req.body.version),
  );
  app.post('/api/data/resources/:id/retire', { schema: { tags, params: S.IdParams, body: S.RetireBody, response: { 200: S.Resource } } }, (req) =>
    retireResource(ctx, req.actor, req.params.id, req.body.version, req.body.reason),
  );
  const demands = ['data-demands'];
  app.get('/api/data/demands', { schema: { tags: demands, querystring: S.DemandListQuery, response: { 200: Page(S.Demand) } } }, (req) =>
    listDemands(ctx, req.actor, req.query),
  );
  app.post('/api/data/demands', { schema: { tags: demands, body: S.DemandCreate, response: { 201: S.Demand } } }, async (req, reply) =>
    reply.status(201).send(await submitDemand(ctx, req.actor, req.body)),
  );
  app.get('/api/data/demands/:id', { schema: { tags: demands, params: S.IdParams, response: { 200: S.Demand } } }, (req) => getDemand(ctx, req.actor, req.params.id));
  app.post('/api/data/demands/:id/approve', { schema: { tags: demands, params: S.IdParams, body: S.DemandApprove, response: { 200: S.Demand } } }, (req) =>
    approveDemand(ctx, req.actor, req.params.id, req.body),
  );
  app.post('/api/data/demands/:id/refuse', { schema: { tags: demands, params: S.IdParams, body: S.DemandRefuse, response: { 200: S.Demand } } }, (req) =>
    refuseDemand(ctx, req.actor, req.params.id, req.body),
  );
  app.post('/api/data/demands/:id/withdraw', { schema: { tags: demands, params: S.IdParams, body: S.VersionBody, response: { 200: S.Demand } } }, (req) =>
    withdrawDemand(ctx, req.actor, req.params.id, req.body.version),
  );
  app.post('/api/data/demands/:id/confirm', { schema: { tags: demands, params: S.IdParams, body: S.DemandConfirm, response: { 200: S.Demand } } }, (req) =>
    confirmDemand(ctx, req.actor, req.params.id, req.body),
  );
  app.get('/api/data/grants', { schema: { tags: demands, querystring: S.GrantListQuery, response: { 200: Page(S.Grant) } } }, (req) => listGrants(ctx, req.actor, req.query));
  app.post('/api/data/grants/:id/revoke', { schema: { tags: demands, params: S.IdParams, body: S.GrantRevoke, response: { 200: S.Grant } } }, (req) =>
    revokeGrant(ctx, req.actor, req.params.id, req.body),
  );
  app.get('/api/data/resources/:id/versions', { schema: { tags, params: S.IdParams, response: { 200: S.ResourceVersions } } }, (req) =>
    resourceVersions(ctx, req.actor, req.params.id),
  );

  // 基础库: loading records, their quality and the issues tracked to fixed (纠错)
  const library = ['data-records'];
  app.post('/api/data/resources/:id/records', { bodyLimit: 20 * 1024 * 1024, schema: { tags: library, params: S.IdParams, body: X.RecordLoad, response: { 200: X.RecordLoadReport } } }, (req) =>
    loadRecords(ctx, req.actor, req.params.id, req.body),
  );
  app.get('/api/data/resources/:id/quality', { schema: { tags: library, params: S.IdParams, response: { 200: X.RecordQuality } } }, (req) => recordQuality(ctx, req.actor, req.params.id));
  app.get('/api/data/issues', { schema: { tags: library, querystring: X.IssueListQuery, response: { 200: Page(X.DataIssue) } } }, (req) => listIssues(ctx, req.actor, req.query));
  app.post('/api/data/issues', { schema: { tags: library, body: X.IssueReport, response: { 201: X.DataIssue } } }, async (req, reply) =>
    reply.status(201).send(await reportIssue(ctx, req.actor, req.body)),
  );
  app.post('/api/data/issues/:id/resolve', { schema: { tags: library, params: S.IdParams, body: X.IssueResolve, response: { 200: X.DataIssue } } }, (req) =>
    resolveIssue(ctx, req.actor, req.params.id, req.body),
  );

  // the exchange gateway: department systems, their calls, and the statistics of calls
  const exchange = ['data-exchange'];
  const gateway = exchangeGateway(ctx);
  app.get('/api/data/systems', { schema: { tags: exchange, response: { 200: Type.Object({ items: Type.Array(X.DataSystem) }) } } }, (req) => listSystems(ctx, req.actor));
  app.post('/api/data/systems', { schema: { tags: exchange, body: X.SystemBind, response: { 201: X.DataSystem } } }, async (req, reply) =>
    reply.status(201).send(await bindSystem(ctx, req.actor, req.body)),
  );
  app.put('/api/data/systems/:clientId', { schema: { tags: exchange, params: X.ClientIdParams, body: X.SystemChange, response: { 200: X.DataSystem } } }, (req) =>
    changeSystem(ctx, req.actor, req.params.clientId, req.body),
  );
  app.delete('/api/data/systems/:clientId', { schema: { tags: exchange, params: X.ClientIdParams, querystring: S.VersionBody } }, async (req, reply) => {
    await unbindSystem(ctx, req.actor, req.params.clientId, req.query.version);
    return reply.status(204).send();
  });
  // POST, not GET: the key is often an ID number, which must not sit in URLs and access logs
  app.post('/api/data/gateway/query', { schema: { tags: exchange, body: X.GatewayQuery, response: { 200: X.GatewayAnswer } } }, (req) => gateway.query(req.actor, req.body));
  app.post('/api/data/gateway/export', { schema: { tags: exchange, body: X.GatewayExport } }, async (req, reply) => {
    const page = await gateway.export(req.actor, req.body);
    if (page.next) void reply.header('x-next-cursor', page.next);
    void reply.header('x-call-id', page.callId);
    if (page.csv !== undefined) return reply.type('text/csv; charset=utf-8').send(page.csv);
    return { fields: page.fields, rows: page.rows, next: page.next, callId: page.callId };
  });
  // the whole export as a job: started here, run through the outbox, its file kept seven days
  app.post(
    '/api/data/gateway/export-jobs',
    { schema: { tags: exchange, headers: X.ExportJobHeaders, body: X.ExportJobStart, response: { 202: X.ExportJob } } },
    async (req, reply) => {
      const job = await startExportJob(ctx, gateway, req.actor, req.body, req.headers['idempotency-key']);
      return reply.status(202).header('location', `/api/data/gateway/export-jobs/${job.id}`).send(job);
    },
  );
  app.get('/api/data/gateway/export-jobs/:id', { schema: { tags: exchange, params: X.ExportJobParams, response: { 200: X.ExportJob } } }, (req) =>
    exportJobStatus(ctx, req.actor, req.params.id),
  );
  app.get('/api/data/gateway/export-jobs/:id/file', { schema: { tags: exchange, params: X.ExportJobParams } }, async (req, reply) => {
    const file = await exportJobFile(ctx, req.actor, req.params.id);
    return reply
      .type(file.type)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.content);
  });
  app.get('/api/data/calls', { schema: { tags: exchange, querystring: X.CallListQuery, response: { 200: Page(X.DataCall) } } }, (req) => listCalls(ctx, req.actor, req.query));
  app.get('/api/data/calls/stats', { schema: { tags: exchange, querystring: X.CallStatsQuery, response: { 200: X.CallStats } } }, (req) => callStats(ctx, req.actor, req.query));

  // which library serves each base-library key of the service catalogue (免填报 / 免提交)
  app.get('/api/data/base-fields', { schema: { tags: library, response: { 200: Type.Object({ items: Type.Array(X.BaseFieldSource) }) } } }, (req) =>
    listBaseFieldSources(ctx, req.actor),
  );
  app.put('/api/data/base-fields/:key', { schema: { tags: library, params: X.BaseFieldKeyParams, body: X.BaseFieldSourceSet, response: { 200: X.BaseFieldSource } } }, (req) =>
    setBaseFieldSource(ctx, req.actor, req.params.key, req.body),
  );

  // 数据开放: the open datasets, for anyone
  const open = ['open-data'];
  app.get('/api/open/datasets', { schema: { tags: open, querystring: X.OpenDatasetQuery, response: { 200: Page(X.OpenDataset) } } }, (req) => listOpenDatasets(ctx, req.query));
  app.get('/api/open/dataset', { schema: { tags: open, querystring: X.OpenCodeQuery, response: { 200: X.OpenDatasetDetail } } }, (req) => getOpenDataset(ctx, req.query.code));
  app.get('/api/open/download', { schema: { tags: open, querystring: X.OpenDownloadQuery } }, async (req, reply) => {
    const file = await downloadOpenDataset(ctx, req.query.code, req.query.format);
    return reply
      .type(file.type)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-cache')
      .header('x-truncated', String(file.truncated))
      .send(file.body);
  });

  // 我的数据使用记录 (the signed-in person's), and the reported uses the data bureau answers
  const ledger = ['data-ledger'];
  app.get('/api/my/data-uses', { schema: { tags: ledger, querystring: X.DataUseQuery, response: { 200: Page(X.DataUse) } } }, (req) => myDataUses(ctx, req.actor, req.query));
  app.post('/api/my/data-uses/:id/report', { schema: { tags: ledger, params: X.UseIdParams, body: X.UseReport, response: { 200: X.DataUse } } }, (req) =>
    reportUse(ctx, req.actor, req.params.id, req.body.reason),
  );
  app.get('/api/data/use-reports', { schema: { tags: ledger, querystring: X.UseReportListQuery, response: { 200: Page(X.UseReportTask) } } }, (req) =>
    listUseReports(ctx, req.actor, req.query),
  );
  app.post('/api/data/use-reports/:id/answer', { schema: { tags: ledger, params: S.IdParams, body: X.UseReportAnswer, response: { 200: X.UseReportTask } } }, (req) =>
    answerUseReport(ctx, req.actor, req.params.id, req.body),
  );
}
