import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import { rawBody, registerRawBodyRoutes } from '../../kernel/http/raw-body.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { personalData } from '../../kernel/pii.ts';
import { createDraft, resubmitCase, saveDraft, submitCase, withdrawCase } from './application/applications.ts';
import { deleteDraft } from './application/draft-deletion.ts';
import { CASE_STATUSES } from './model.ts';
import { readMaterial, uploadMaterial } from './application/materials.ts';
import { registerReportingRoutes } from './reporting/routes.ts';
import { registerResultRoutes } from './result/routes.ts';
import { getCaseWithItem, inbox, myCases, publicProgress } from './queries.ts';
import { MAX_MATERIAL_BYTES } from './application/uploads.ts';
import { act, ACTIONS } from './workflow/workflow.ts';
import { registerWindowRoutes } from './window/routes.ts';
import { registerBundleCaseRoutes } from './bundle/routes.ts';
import { registerWorkflowRoutes } from './workflow/routes.ts';
import { registerAssigneeRoutes } from './workflow/assignees.ts';
import { registerSupervisableRoutes } from './workflow/supervisable.ts';
import { CaseAction, CaseDetail, CaseList, CaseView, Inbox, MaterialFile, Progress } from './schemas.ts';

const tags = ['cases'];
const Id = Type.String({ pattern: UUID_PATTERN });
const IdParams = Type.Object({ id: Id });
const Version = Type.Integer({ minimum: 1 });
const FormData = Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 200 });
const IdempotencyKey = Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' });
const Status = Type.Enum(CASE_STATUSES);

const Open = { additionalProperties: true } as const;
const CaseResult = Type.Object({ case: CaseView }, Open);
const Paging = { page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) };

export function registerCaseRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;
  registerWindowRoutes(app, ctx);
  registerReportingRoutes(app, ctx);
  registerResultRoutes(app, ctx);
  registerBundleCaseRoutes(app, ctx);
  registerWorkflowRoutes(app, ctx);
  registerAssigneeRoutes(app, ctx);
  registerSupervisableRoutes(app, ctx);

  app.post('/api/cases', {
    schema: {
      tags,
      body: Type.Object(
        { item: Type.String({ minLength: 1, maxLength: 80 }), formData: Type.Optional(FormData), idempotencyKey: Type.Optional(IdempotencyKey) },
        { additionalProperties: false },
      ),
      response: { 200: CaseResult, 201: CaseResult },
    },
  }, async (req, reply) => {
    const r = await createDraft(ctx, req.actor, req.body);
    return reply.status(r.created ? 201 : 200).send({ case: r.case });
  });

  app.get('/api/cases/mine', {
    schema: { tags, querystring: Type.Object({ status: Type.Optional(Status), ...Paging }), response: { 200: CaseList } },
  }, (req) => myCases(db, req.actor, req.query));

  app.get('/api/cases/inbox', {
    schema: {
      tags,
      querystring: Type.Object({
        view: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('open'), Type.Literal('all'), Type.Literal('done')])),
        step: Type.Optional(Type.String({ maxLength: 40 })),
        q: Type.Optional(Type.String({ maxLength: 60 })),
        ...Paging,
      }),
      response: { 200: Inbox },
    },
  }, (req) => inbox(db, personalData(ctx.config.masterKey), req.actor, req.query));

  app.get('/api/cases/:id', {
    schema: { tags, params: IdParams, response: { 200: CaseDetail } },
  }, (req) => getCaseWithItem(db, personalData(ctx.config.masterKey), req.actor, req.params.id));

  app.put('/api/cases/:id/form', {
    schema: { tags, params: IdParams, body: Type.Object({ formData: FormData, version: Version }, { additionalProperties: false }), response: { 200: CaseView } },
  }, (req) => saveDraft(ctx, req.actor, req.params.id, req.body));

  app.post('/api/cases/:id/submit', {
    schema: {
      tags,
      params: IdParams,
      // commitment: the applicant signs the item's 告知承诺书 (required for commitment items)
      body: Type.Object({ version: Version, idempotencyKey: Type.Optional(IdempotencyKey), commitment: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Object({ replayed: Type.Boolean(), case: CaseView }, Open) },
    },
  }, (req) => submitCase(ctx, req.actor, req.params.id, req.body));

  app.post('/api/cases/:id/resubmit', {
    schema: { tags, params: IdParams, body: Type.Object({ version: Version }, { additionalProperties: false }), response: { 200: CaseView } },
  }, (req) => resubmitCase(ctx, req.actor, req.params.id, req.body));

  app.post('/api/cases/:id/withdraw', {
    schema: {
      tags,
      params: IdParams,
      body: Type.Object({ version: Version, reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
      response: { 200: CaseView },
    },
  }, (req) => withdrawCase(ctx, req.actor, req.params.id, req.body));

  app.delete('/api/cases/:id', {
    schema: { tags, params: IdParams, response: { 204: Type.Null({ description: 'The draft is deleted' }) } },
  }, async (req, reply) => {
    await deleteDraft(ctx, req.actor, req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/cases/:id/actions/:action', {
    schema: {
      tags,
      params: Type.Object({ id: Id, action: Type.Enum(ACTIONS) }),
      body: CaseAction,
      response: { 200: CaseView },
    },
  }, (req) => act(ctx, req.actor, req.params.id, req.params.action, req.body));

  app.get('/api/cases/:id/materials/:fileId', {
    schema: { tags, params: Type.Object({ id: Id, fileId: Id }) },
  }, async (req, reply) => {
    const f = await readMaterial(ctx, req.actor, req.params.id, req.params.fileId);
    return reply
      .header('content-type', f.mime)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      // a file never runs script; PDFs (checked for scripts at upload) keep the browser's viewer,
      // which a sandboxed document may not open, and may be framed only by our own pages
      .header('content-security-policy', f.mime === 'application/pdf' ? "default-src 'none'; frame-ancestors 'self'" : "default-src 'none'; sandbox")
      .header('x-frame-options', f.mime === 'application/pdf' ? 'SAMEORIGIN' : 'DENY')
      .send(f.content);
  });

  app.get('/api/public/case-progress', {
    schema: {
      tags,
      querystring: Type.Object({ number: Type.String({ pattern: '^[0-9]{20}$' }), code: Type.String({ pattern: '^[A-Za-z0-9]{8}$' }) }),
      response: { 200: Progress },
    },
  }, (req) => publicProgress(db, req.query.number, req.query.code));

  // Uploads are raw bodies (the file's bytes), read up to the material limit and no further.
  registerRawBodyRoutes(app, MAX_MATERIAL_BYTES, (scope) => {
    scope.put('/api/cases/:id/materials/:key', {
      schema: {
        tags,
        params: Type.Object({ id: Id, key: Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9_.-]+$' }) }),
        querystring: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 201: MaterialFile },
      },
    }, async (req, reply) => {
      const file = await uploadMaterial(ctx, req.actor, req.params.id, req.params.key, req.query.name, rawBody(req.body));
      return reply.status(201).send(file);
    });
  });
}
