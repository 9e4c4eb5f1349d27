import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../../../kernel/context.ts';
import { UUID_PATTERN } from '../../../kernel/ids.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { REGION_CODE_PATTERN } from '../../../kernel/region-code.ts';
import { readCaseIndicators } from './indicators.ts';
import { exportCaseRecords, exportRecordLines, exportRecordsPage } from './record-exports.ts';
import { CaseFigures as Figures, DepartmentStats } from './schemas.ts';
import { departmentStats } from './stats.ts';

const tags = ['cases'];
const Open = { additionalProperties: true } as const;
const Id = Type.String({ pattern: UUID_PATTERN });
// Dates are checked by the service, so a wrong one is 422 REPORT_PERIOD_INVALID naming the field.
const Day = Type.String({ maxLength: 10 });
const Filters = {
  from: Day,
  to: Day,
  regionCode: Type.Optional(Type.String({ pattern: REGION_CODE_PATTERN })),
  departmentId: Type.Optional(Id),
};
const Records = Type.Object(
  {
    受理信息: Type.Object({ 办件编号: Type.Union([Type.String(), Type.Null()]) }, Open),
    过程信息: Type.Array(Type.Object({}, Open)),
    特别程序: Type.Array(Type.Object({}, Open)),
    结果信息: Type.Union([Type.Object({}, Open), Type.Null()]),
    材料信息: Type.Array(Type.Object({}, Open)),
  },
  Open,
);

export function registerReportingRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;

  app.get('/api/cases/:id/records', {
    schema: { tags, params: Type.Object({ id: Id }), response: { 200: Records } },
  }, (req) => exportCaseRecords(ctx, req.actor, req.params.id));

  app.get('/api/cases/records', {
    schema: {
      tags,
      querystring: Type.Object({ ...Filters, cursor: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) }),
      response: { 200: Type.Object({ items: Type.Array(Records), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
    },
  }, (req) => exportRecordsPage(ctx, req.actor, req.query));

  // The whole period as NDJSON (one case's records per line), read page by page while it is sent.
  app.get('/api/cases/records.ndjson', {
    schema: { tags, querystring: Type.Object(Filters), response: { 200: Type.Unsafe<Readable>({ type: 'string', description: 'application/x-ndjson, one case per line' }) } },
  }, async (req, reply) => {
    const lines = await exportRecordLines(ctx, req.actor, req.query);
    return reply
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="case-records-${req.query.from}-${req.query.to}.ndjson"`)
      .send(Readable.from(lines));
  });

  app.get('/api/cases/stats', {
    schema: {
      tags,
      querystring: Type.Object(Filters),
      response: { 200: DepartmentStats },
    },
  }, (req) => departmentStats(db, req.actor, req.query));

  app.get('/api/cases/indicators', {
    schema: {
      tags,
      querystring: Type.Object({ ...Filters, itemId: Type.Optional(Id) }),
      response: { 200: Type.Object({ from: Type.String(), to: Type.String(), totals: Figures, rows: Type.Array(Figures) }, Open) },
    },
  }, (req) => readCaseIndicators(ctx, req.actor, req.query));
}
