import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import { validationFailed } from '../../kernel/errors.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { Page } from '../../kernel/sql/paging.ts';
import * as S from './schemas.ts';
import {
  createSeal,
  getSeal,
  listSeals,
  publicKeyList,
  rotateSealKey,
  sealCoverage,
  sealImage,
  setSealStatus,
  verifySeal,
} from './service.ts';

export function registerSealRoutes(app: HttpApp, ctx: AppContext) {
  const tags = ['seals'];
  app.get('/api/seals', { schema: { tags, querystring: S.SealListQuery, response: { 200: Page(S.Seal) } } }, (req) =>
    listSeals(ctx, req.actor, req.query),
  );
  app.get('/api/seals/coverage', { schema: { tags, querystring: S.CoverageQuery, response: { 200: S.Coverage } } }, (req) =>
    sealCoverage(ctx, req.actor, req.query),
  );
  // Published for anyone who verifies offline: public keys are not secret.
  app.get(
    '/api/seals/public-keys',
    {
      schema: { tags, querystring: S.PublicKeysQuery, response: { 200: Type.Object({ items: Type.Array(S.PublishedKey) }) } },
    },
    async (req) => ({ items: await publicKeyList(ctx, req.query) }),
  );
  app.post('/api/seals/verify', { schema: { tags, body: S.VerifyBody, response: { 200: S.VerifyResult } } }, (req) => {
    const { keyId, data, dataBase64, signature } = req.body;
    if ((data === undefined) === (dataBase64 === undefined))
      throw validationFailed('data', 'give exactly one of data or dataBase64');
    return verifySeal(ctx, { keyId, signature, bytes: data ?? Buffer.from(dataBase64!, 'base64') });
  });
  app.get('/api/seals/:id', { schema: { tags, params: S.IdParams, response: { 200: S.Seal } } }, (req) =>
    getSeal(ctx, req.actor, req.params.id),
  );
  // The picture is what a printed document shows anyway; public so verification pages can show it.
  app.get('/api/seals/:id/image.svg', { schema: { tags, params: S.IdParams } }, async (req, reply) =>
    reply
      .type('image/svg+xml')
      .header('cache-control', 'public, max-age=3600')
      .send(await sealImage(ctx, req.params.id, 'svg')),
  );
  app.get('/api/seals/:id/image.png', { schema: { tags, params: S.IdParams } }, async (req, reply) =>
    reply
      .type('image/png')
      .header('cache-control', 'public, max-age=3600')
      .send(await sealImage(ctx, req.params.id, 'png')),
  );
  app.post('/api/seals', { schema: { tags, body: S.SealCreate, response: { 201: S.Seal } } }, async (req, reply) =>
    reply.status(201).send(await createSeal(ctx, req.actor, req.body)),
  );
  app.post(
    '/api/seals/:id/rotate',
    { schema: { tags, params: S.IdParams, body: S.SealRotate, response: { 200: S.Seal } } },
    (req) => rotateSealKey(ctx, req.actor, req.params.id, req.body.version),
  );
  app.post(
    '/api/seals/:id/status',
    {
      schema: { tags, params: S.IdParams, body: S.SealStatusChange, response: { 200: S.Seal } },
    },
    (req) => setSealStatus(ctx, req.actor, req.params.id, req.body.status, req.body.version, req.body.reason),
  );
}
