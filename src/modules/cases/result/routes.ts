import { Type } from 'typebox';
import type { AppContext } from '../../../kernel/context.ts';
import { UUID_PATTERN } from '../../../kernel/ids.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { listResults, readResult, retryResults } from './queries.ts';
import { CaseResults as Results } from './schemas.ts';

const tags = ['cases'];
const Id = Type.String({ pattern: UUID_PATTERN });


/** 结果文书: listed and downloaded by the applicant and staff in scope; retried by the department's deciders. */
export function registerResultRoutes(app: HttpApp, ctx: AppContext) {
  app.get('/api/cases/:id/results', {
    schema: { tags, params: Type.Object({ id: Id }), response: { 200: Results } },
  }, (req) => listResults(ctx.db, req.actor, req.params.id));

  app.get('/api/cases/:id/results/:resultId/pdf', {
    schema: { tags, params: Type.Object({ id: Id, resultId: Id }) },
  }, async (req, reply) => {
    const f = await readResult(ctx, req.actor, req.params.id, req.params.resultId);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(f.content);
  });

  app.post('/api/cases/:id/results/retry', {
    schema: { tags, params: Type.Object({ id: Id }), body: Type.Object({}, { additionalProperties: false }), response: { 200: Results } },
  }, (req) => retryResults(ctx, req.actor, req.params.id));
}
