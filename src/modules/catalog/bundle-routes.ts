import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { REGION_CODE_PATTERN } from '../../kernel/region-code.ts';
import { BundleContent, BundleDetailSchema, BundleInput, BundleMemberInput, BundlePageSchema } from './bundle-schemas.ts';
import {
  createBundle,
  getBundle,
  listBundles,
  transitionBundle,
  updateBundle,
} from './bundles.ts';

const tags = ['catalog'];
const Params = Type.Object({ idOrCode: Type.String({ minLength: 1, maxLength: 60 }) });

/** 一件事: public reading of published bundles; the data bureau creates, edits, publishes and retires. */
export function registerBundleRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;

  app.get(
    '/api/catalog/bundles',
    {
      schema: {
        tags,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired')])),
          regionCode: Type.Optional(Type.String({ pattern: REGION_CODE_PATTERN })),
          audience: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('entity')])),
          page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
          pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
        }),
        response: { 200: BundlePageSchema },
      },
    },
    (req) => listBundles(db, req.actor, req.query),
  );

  app.get('/api/catalog/bundles/:idOrCode', { schema: { tags, params: Params, response: { 200: BundleDetailSchema } } }, (req) =>
    getBundle(db, req.actor, req.params.idOrCode),
  );

  app.post(
    '/api/catalog/bundles',
    { schema: { tags, body: BundleInput, response: { 201: BundleDetailSchema } } },
    async (req, reply) => {
      const id = await createBundle(db, req.actor, req.body);
      return reply.status(201).send(await getBundle(db, req.actor, id));
    },
  );

  app.put(
    '/api/catalog/bundles/:idOrCode',
    {
      schema: {
        tags,
        params: Params,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            leadDepartmentId: Type.Optional(BundleInput.properties.leadDepartmentId),
            audience: BundleInput.properties.audience,
            content: BundleContent,
            members: Type.Array(BundleMemberInput, { minItems: 2, maxItems: 50 }),
            version: Type.Integer({ minimum: 1 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: BundleDetailSchema },
      },
    },
    async (req) => getBundle(db, req.actor, await updateBundle(db, req.actor, req.params.idOrCode, req.body)),
  );

  app.post(
    '/api/catalog/bundles/:idOrCode/transitions',
    {
      schema: {
        tags,
        params: Params,
        body: Type.Object(
          { action: Type.Union([Type.Literal('publish'), Type.Literal('retire')]) },
          { additionalProperties: false },
        ),
        response: { 200: BundleDetailSchema },
      },
    },
    async (req) => getBundle(db, req.actor, await transitionBundle(db, req.actor, req.params.idOrCode, req.body.action)),
  );
}
