import { Type } from 'typebox';
import type { AppContext } from '../../../kernel/context.ts';
import { UUID_PATTERN } from '../../../kernel/ids.ts';
import { rawBody, registerRawBodyRoutes } from '../../../kernel/http/raw-body.ts';
import type { HttpApp } from '../../../kernel/module.ts';
import { personalData } from '../../../kernel/pii.ts';
import { getBundleCaseDetail, myBundleCases, publicBundleProgress } from './queries.ts';
import { BundleCaseDetail as Detail, BundleProgress, MyBundles } from './schemas.ts';
import { createBundleDraft, resubmitBundle, saveBundleForm, submitBundle, uploadBundleMaterial, withdrawBundle } from './bundles.ts';
import { MAX_MATERIAL_BYTES } from '../application/uploads.ts';

/** 一件事 applications (并联审批): the applicant's one case for a catalogue bundle. */

const tags = ['cases'];
const Id = Type.String({ pattern: UUID_PATTERN });
const IdParams = Type.Object({ id: Id });
const Version = Type.Integer({ minimum: 1 });
const FormData = Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 400 });
const IdempotencyKey = Type.String({ minLength: 8, maxLength: 80, pattern: '^[A-Za-z0-9_-]+$' });
const Open = { additionalProperties: true } as const;

export function registerBundleCaseRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;
  const detail = (actor: Parameters<typeof getBundleCaseDetail>[2], id: string) => getBundleCaseDetail(db, personalData(ctx.config.masterKey), actor, id);

  app.post('/api/case-bundles', {
    schema: {
      tags,
      body: Type.Object(
        {
          bundle: Type.String({ minLength: 1, maxLength: 60 }),
          optionalItems: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 50 })),
          formData: Type.Optional(FormData),
          idempotencyKey: Type.Optional(IdempotencyKey),
        },
        { additionalProperties: false },
      ),
      response: { 200: Detail, 201: Detail },
    },
  }, async (req, reply) => {
    const r = await createBundleDraft(ctx, req.actor, req.body);
    return reply.status(r.created ? 201 : 200).send(await detail(req.actor, r.id));
  });

  app.get('/api/case-bundles/mine', {
    schema: {
      tags,
      querystring: Type.Object({ page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }) }),
      response: {
        200: MyBundles,
      },
    },
  }, (req) => myBundleCases(db, req.actor, req.query));

  app.get('/api/case-bundles/:id', { schema: { tags, params: IdParams, response: { 200: Detail } } }, (req) => detail(req.actor, req.params.id));

  app.put('/api/case-bundles/:id/form', {
    schema: { tags, params: IdParams, body: Type.Object({ formData: FormData, version: Version }, { additionalProperties: false }), response: { 200: Detail } },
  }, async (req) => {
    await saveBundleForm(ctx, req.actor, req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  app.post('/api/case-bundles/:id/submit', {
    schema: {
      tags,
      params: IdParams,
      // commitment: the applicant signs the 告知承诺书 of every member item that works by commitment
      body: Type.Object({ version: Version, idempotencyKey: Type.Optional(IdempotencyKey), commitment: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Intersect([Detail, Type.Object({ replayed: Type.Boolean() })]) },
    },
  }, async (req) => {
    const r = await submitBundle(ctx, req.actor, req.params.id, req.body);
    return { ...(await detail(req.actor, req.params.id)), replayed: r.replayed };
  });

  app.post('/api/case-bundles/:id/resubmit', {
    schema: { tags, params: IdParams, body: Type.Object({ version: Version }, { additionalProperties: false }), response: { 200: Detail } },
  }, async (req) => {
    await resubmitBundle(ctx, req.actor, req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  app.post('/api/case-bundles/:id/withdraw', {
    schema: {
      tags,
      params: IdParams,
      body: Type.Object({ version: Version, reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
      response: { 200: Detail },
    },
  }, async (req) => {
    await withdrawBundle(ctx, req.actor, req.params.id, req.body);
    return detail(req.actor, req.params.id);
  });

  app.get('/api/public/bundle-progress', {
    schema: {
      tags,
      querystring: Type.Object({ number: Type.String({ pattern: '^[0-9]{20}$' }), code: Type.String({ pattern: '^[A-Za-z0-9]{8}$' }) }),
      response: { 200: BundleProgress },
    },
  }, (req) => publicBundleProgress(db, req.query.number, req.query.code));

  // Uploads are raw bodies (the file's bytes), read up to the material limit and no further.
  registerRawBodyRoutes(app, MAX_MATERIAL_BYTES, (scope) => {
    scope.put('/api/case-bundles/:id/materials/:key', {
      schema: {
        tags,
        params: Type.Object({ id: Id, key: Type.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9_.-]+$' }) }),
        querystring: Type.Object({ name: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 201: Type.Object({ id: Id }, Open) },
      },
    }, async (req, reply) => {
      return reply.status(201).send(await uploadBundleMaterial(ctx, req.actor, req.params.id, req.params.key, req.query.name, rawBody(req.body)));
    });
  });
}
