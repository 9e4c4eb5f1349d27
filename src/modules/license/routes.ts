import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { qrSvg } from '../../kernel/pdf/index.ts';
import { Page } from '../../kernel/sql/paging.ts';
import { importLicences } from './import.ts';
import { issueLicence, reissueLicence } from './issue.ts';
import { applyStatusOperation, listOperations } from './operations.ts';
import * as S from './schemas.ts';
import {
  getLicence,
  licencePdf,
  licenceStats,
  licenceUses,
  listLicences,
  signedLicence,
  verificationUrl,
  walletLicences,
} from './service.ts';
import { typeProducingItems } from './type-items.ts';
import { createType, getType, listTypes, updateType } from './types.ts';
import { decideUseRequest, getUseRequest, grantUse, listGrants, requestUse, walletRequests } from './use-requests.ts';
import { createPresentation, presentationPackage, verifyLicence, verifyQrPayload } from './verify.ts';
import { licenceCredential, verifyCredential } from './vc.ts';

export function registerLicenceRoutes(app: HttpApp, ctx: AppContext) {
  /** Where verification links point: the configured public URL, else the address the caller used. */
  const baseUrl = (req: FastifyRequest) => ctx.config.publicUrl || `${req.protocol}://${req.host}`;

  const types = ['licence-types'];
  app.get(
    '/api/licence-types',
    {
      schema: { tags: types, querystring: S.TypeListQuery, response: { 200: Type.Object({ items: Type.Array(S.LicenceType) }) } },
    },
    (req) => listTypes(ctx, req.actor, req.query),
  );
  app.get('/api/licence-types/:id', { schema: { tags: types, params: S.IdParams, response: { 200: S.LicenceType } } }, (req) =>
    getType(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/licence-types',
    { schema: { tags: types, body: S.LicenceTypeCreate, response: { 201: S.LicenceType } } },
    async (req, reply) => reply.status(201).send(await createType(ctx, req.actor, req.body)),
  );
  app.patch(
    '/api/licence-types/:id',
    { schema: { tags: types, params: S.IdParams, body: S.LicenceTypePatch, response: { 200: S.LicenceType } } },
    (req) => updateType(ctx, req.actor, req.params.id, req.body),
  );
  app.get('/api/licence-types/:id/items', { schema: { tags: types, params: S.IdParams, response: { 200: S.TypeItems } } }, (req) =>
    typeProducingItems(ctx, req.actor, req.params.id),
  );

  const tags = ['licences'];
  // Public: anyone holding an identifier or a QR may check it.
  app.get('/api/licences/verify', { schema: { tags, querystring: S.VerifyQuery, response: { 200: S.Verification } } }, (req) =>
    verifyLicence(ctx, req.actor, req.query, { baseUrl: baseUrl(req) }),
  );
  // Public: the verification package of a presentation showing the whole licence, for openssl.
  app.get('/api/licences/verify/package', { schema: { tags, querystring: S.PackageQuery } }, async (req, reply) => {
    const { fileName, zip } = await presentationPackage(ctx, req.actor, req.query.t, { baseUrl: baseUrl(req) });
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(zip);
  });
  app.post('/api/licences/verify', { schema: { tags, body: S.VerifyBody, response: { 200: S.Verification } } }, (req) =>
    verifyQrPayload(ctx, req.actor, req.body.payload, { baseUrl: baseUrl(req) }),
  );

  app.get('/api/licences', { schema: { tags, querystring: S.LicenceListQuery, response: { 200: Page(S.Licence) } } }, (req) =>
    listLicences(ctx, req.actor, req.query),
  );
  app.post('/api/licences', { schema: { tags, body: S.LicenceIssue, response: { 201: S.Licence } } }, async (req, reply) =>
    reply.status(201).send(await issueLicence(ctx, req.actor, { ...req.body, source: 'staff' })),
  );
  app.post('/api/licences/import', { schema: { tags, body: S.ImportBody, response: { 200: S.ImportReport } } }, (req) =>
    importLicences(ctx, req.actor, req.body),
  );
  app.get('/api/licences/stats', { schema: { tags, querystring: S.StatsQuery, response: { 200: S.Stats } } }, (req) =>
    licenceStats(ctx, req.actor, req.query),
  );
  app.get('/api/licences/:id', { schema: { tags, params: S.IdParams, response: { 200: S.Licence } } }, (req) =>
    getLicence(ctx, req.actor, req.params.id),
  );
  app.get('/api/licences/:id/operations', { schema: { tags, params: S.IdParams, response: { 200: S.Operations } } }, (req) =>
    listOperations(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/licences/:id/operations',
    {
      schema: {
        tags,
        params: S.IdParams,
        body: S.StatusOperation,
        response: {
          200: Type.Object({ id: Type.String(), identifier: Type.String(), status: Type.String(), version: Type.Integer() }),
        },
      },
    },
    (req) => applyStatusOperation(ctx, req.actor, req.params.id, req.body as Parameters<typeof applyStatusOperation>[3]),
  );
  app.post(
    '/api/licences/:id/reissue',
    { schema: { tags, params: S.IdParams, body: S.Reissue, response: { 201: S.Licence } } },
    async (req, reply) => reply.status(201).send(await reissueLicence(ctx, req.actor, req.params.id, req.body)),
  );

  const pdf = async (req: FastifyRequest<{ Params: { id: string } }>, reply: import('fastify').FastifyReply) => {
    const { pdf: bytes, identifier } = await licencePdf(ctx, req.actor, req.params.id, baseUrl(req));
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${identifier}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(bytes);
  };
  app.get('/api/licences/:id/pdf', { schema: { tags, params: S.IdParams } }, pdf);
  app.get('/api/licences/:id/uses', { schema: { tags, params: S.IdParams, response: { 200: S.Uses } } }, (req) =>
    licenceUses(ctx, req.actor, req.params.id),
  );

  // 卡包 (wallet) of the signed-in person.
  const wallet = ['wallet'];
  app.get(
    '/api/wallet/licences',
    { schema: { tags: wallet, response: { 200: Type.Object({ items: Type.Array(S.Licence) }) } } },
    (req) => walletLicences(ctx, req.actor),
  );
  app.get('/api/wallet/licences/:id', { schema: { tags: wallet, params: S.IdParams, response: { 200: S.Licence } } }, (req) =>
    getLicence(ctx, req.actor, req.params.id),
  );
  app.get('/api/wallet/licences/:id/pdf', { schema: { tags: wallet, params: S.IdParams } }, pdf);
  app.get(
    '/api/wallet/licences/:id/signed',
    { schema: { tags: wallet, params: S.IdParams, response: { 200: S.Signed } } },
    (req) => signedLicence(ctx, req.actor, req.params.id),
  );
  app.get('/api/wallet/licences/:id/uses', { schema: { tags: wallet, params: S.IdParams, response: { 200: S.Uses } } }, (req) =>
    licenceUses(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/wallet/licences/:id/presentations',
    {
      schema: { tags: wallet, params: S.IdParams, body: S.PresentationBody, response: { 201: S.Presentation } },
    },
    async (req, reply) => {
      const p = await createPresentation(ctx, req.actor, req.params.id, req.body);
      const url = verificationUrl(baseUrl(req), p.token);
      return reply.status(201).send({ ...p, url, qrSvg: await qrSvg(url, 240) });
    },
  );

  // 用证 with consent.
  app.get(
    '/api/licence-types/:id/grants',
    { schema: { tags: types, params: S.IdParams, response: { 200: Type.Object({ items: Type.Array(S.Grant) }) } } },
    (req) => listGrants(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/licence-types/:id/grants',
    { schema: { tags: types, params: S.IdParams, body: S.GrantBody, response: { 201: S.Grant } } },
    async (req, reply) => reply.status(201).send(await grantUse(ctx, req.actor, req.params.id, req.body)),
  );
  app.post(
    '/api/licence-use-requests',
    { schema: { tags, body: S.UseRequestBody, response: { 201: S.UseRequest } } },
    async (req, reply) => reply.status(201).send(await requestUse(ctx, req.actor, req.body)),
  );
  app.get('/api/licence-use-requests/:id', { schema: { tags, params: S.IdParams, response: { 200: S.UseRequest } } }, (req) =>
    getUseRequest(ctx, req.actor, req.params.id),
  );
  app.get(
    '/api/wallet/use-requests',
    { schema: { tags: wallet, response: { 200: Type.Object({ items: Type.Array(S.UseRequest) }) } } },
    (req) => walletRequests(ctx, req.actor),
  );
  app.post(
    '/api/wallet/use-requests/:id/decision',
    { schema: { tags: wallet, params: S.IdParams, body: S.Decision, response: { 200: S.UseRequest } } },
    (req) => decideUseRequest(ctx, req.actor, req.params.id, req.body.approve),
  );

  // W3C Verifiable Credential export (see vc.ts for the cryptosuite and its limits).
  app.get(
    '/api/wallet/licences/:id/vc',
    { schema: { tags: wallet, params: S.IdParams, response: { 200: S.Credential } } },
    (req) => licenceCredential(ctx, req.actor, req.params.id, baseUrl(req)),
  );
  app.post(
    '/api/licences/vc/verify',
    { schema: { tags, body: S.CredentialVerifyBody, response: { 200: S.CredentialCheck } } },
    (req) => verifyCredential(ctx, req.body.credential),
  );
}
