import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { getVersionById } from '../catalog/index.ts';
import { createDraft, resubmitCase, saveDraft, submitCase, withdrawCase } from './applications.ts';
import { CASE_STATUSES } from './model.ts';
import { readMaterial, uploadMaterial } from './materials.ts';
import { getCaseDetail, inbox, myCases, publicProgress } from './queries.ts';
import { MAX_MATERIAL_BYTES } from './uploads.ts';
import { act, ACTIONS } from './workflow.ts';

const tags = ['cases'];
const Id = Type.String({ pattern: UUID_PATTERN });
const IdParams = Type.Object({ id: Id });
const Version = Type.Integer({ minimum: 1 });
const FormData = Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 200 });
const IdempotencyKey = Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' });
const Status = Type.Enum(CASE_STATUSES);

// Responses are declared by their stable fields; the rest of the case view passes through.
const Open = { additionalProperties: true } as const;
const CaseView = Type.Object({ id: Id, number: Type.Union([Type.String(), Type.Null()]), status: Status, version: Type.Integer() }, Open);
const CaseResult = Type.Object({ case: CaseView }, Open);
const ListRow = Type.Object({ id: Id, number: Type.Union([Type.String(), Type.Null()]), itemName: Type.String(), status: Status, version: Type.Integer() }, Open);
const List = Type.Object({ items: Type.Array(ListRow), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() }, Open);
const Paging = { page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) };

export function registerCaseRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;

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
    schema: { tags, querystring: Type.Object({ status: Type.Optional(Status), ...Paging }), response: { 200: List } },
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
      response: { 200: Type.Object({ items: Type.Array(ListRow), total: Type.Integer(), counts: Type.Record(Type.String(), Type.Integer()) }, Open) },
    },
  }, (req) => inbox(db, req.actor, req.query));

  app.get('/api/cases/:id', {
    schema: { tags, params: IdParams, response: { 200: Type.Object({ case: CaseView, actions: Type.Array(Type.String()) }, Open) } },
  }, async (req) => {
    const detail = await getCaseDetail(db, req.actor, req.params.id);
    const v = await getVersionById(db, detail.case.itemVersionId);
    return { ...detail, item: { form: v?.content.form ?? null, materials: v?.content.materials ?? [] } };
  });

  app.put('/api/cases/:id/form', {
    schema: { tags, params: IdParams, body: Type.Object({ formData: FormData, version: Version }, { additionalProperties: false }), response: { 200: CaseView } },
  }, (req) => saveDraft(ctx, req.actor, req.params.id, req.body));

  app.post('/api/cases/:id/submit', {
    schema: {
      tags,
      params: IdParams,
      body: Type.Object({ version: Version, idempotencyKey: Type.Optional(IdempotencyKey) }, { additionalProperties: false }),
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

  app.post('/api/cases/:id/actions/:action', {
    schema: {
      tags,
      params: Type.Object({ id: Id, action: Type.Enum(ACTIONS) }),
      body: Type.Object(
        {
          version: Version,
          opinion: Type.Optional(Type.String({ maxLength: 2000 })),
          items: Type.Optional(
            Type.Array(
              Type.Object(
                { materialKey: Type.Optional(Type.String({ maxLength: 60 })), field: Type.Optional(Type.String({ maxLength: 60 })), note: Type.String({ minLength: 1, maxLength: 500 }) },
                { additionalProperties: false },
              ),
              { maxItems: 50 },
            ),
          ),
          deferred: Type.Optional(
            Type.Object(
              { materialKeys: Type.Array(Type.String({ maxLength: 60 }), { minItems: 1, maxItems: 50 }), dueInDays: Type.Integer({ minimum: 1, maximum: 60 }) },
              { additionalProperties: false },
            ),
          ),
          toStep: Type.Optional(Type.String({ maxLength: 40 })),
        },
        { additionalProperties: false },
      ),
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
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(f.content);
  });

  app.get('/api/public/case-progress', {
    schema: {
      tags,
      querystring: Type.Object({ number: Type.String({ pattern: '^[0-9]{20}$' }), code: Type.String({ pattern: '^[A-Za-z0-9]{8}$' }) }),
      response: { 200: Type.Object({ number: Type.String(), itemName: Type.String(), status: Status, timeline: Type.Array(Type.Object({ at: Type.String(), kind: Type.String() }, Open)) }, Open) },
    },
  }, (req) => publicProgress(db, req.query.number, req.query.code));

  // Uploads are raw bodies (the file's bytes), read up to the material limit and no further.
  app.register(async (plugin) => {
    const scope = plugin as unknown as HttpApp;
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_MATERIAL_BYTES }, (_req, body, done) => done(null, body));
    scope.put('/api/cases/:id/materials/:key', {
      schema: {
        tags,
        params: Type.Object({ id: Id, key: Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9_.-]+$' }) }),
        querystring: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 201: Type.Object({ id: Id, materialKey: Type.String(), fileName: Type.String(), mime: Type.String(), size: Type.Integer() }, Open) },
      },
    }, async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const file = await uploadMaterial(ctx, req.actor, req.params.id, req.params.key, req.query.name, body);
      return reply.status(201).send(file);
    });
  });
}
