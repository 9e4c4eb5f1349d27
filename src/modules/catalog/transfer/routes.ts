import { Type } from 'typebox';
import { AppError } from '../../../kernel/errors.ts';
import type { AppContext } from '../../../kernel/context.ts';
import { UUID_PATTERN } from '../../../kernel/ids.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { REGION_CODE_PATTERN } from '../../../kernel/region-code.ts';
import { exportItems } from './export.ts';
import { WorkbookSchema } from '../route-schemas.ts';
import { ImportReportSchema } from './schemas.ts';
import { importItems } from './import.ts';
import { MAX_IMPORT_BYTES, XLSX_MIME } from './template.ts';
import * as clock from '../../../kernel/clock.ts';

const tags = ['catalog'];

/** Spreadsheet export and import of items (template: docs/catalog-template.md). */
export function registerTransferRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/api/catalog/export.xlsx',
    {
      schema: {
        tags,
        querystring: Type.Object({
          regionCode: Type.Optional(Type.String({ pattern: REGION_CODE_PATTERN })),
          departmentId: Type.Optional(Type.String({ pattern: UUID_PATTERN })),
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')])),
        }),
        response: { 200: WorkbookSchema },
      },
    },
    async (req, reply) => {
      const { buffer, count } = await exportItems(db, req.actor, req.query);
      const name = `catalog-${clock.now().toISOString().slice(0, 10)}.xlsx`;
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('x-item-count', String(count))
        .send(buffer);
    },
  );

  // The only route that takes a raw workbook: its parser and size limit stay inside this scope.
  app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    scope.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/catalog/import',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags,
          querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 200, default: 'import.xlsx' }) }),
          response: { 201: ImportReportSchema },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body)) throw new AppError('IMPORT_MEDIA_TYPE', 415, { type: XLSX_MIME });
        return reply.status(201).send(await importItems(db, req.actor, req.lang, { name: req.query.fileName, data: req.body }));
      },
    );
  });
}
