import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import { t, type Lang } from '../../kernel/i18n/index.ts';
import { UUID_PATTERN } from '../../kernel/ids.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { REGION_CODE_PATTERN } from '../../kernel/region-code.ts';
import { ItemContent } from './content.ts';
import { getGuide } from './guide.ts';
import { createItem, diffVersions, getItem, getPublishedVersion, getVersion, listItems, newDraft, saveDraft, type VersionRow } from './items.ts';
import { transition, type Transition } from './workflow.ts';
import type { Issue, QualityReport } from './rules.ts';
import { searchCatalog, suggestCatalog } from './search/service.ts';
import { browseCatalog } from './search/browse.ts';
import { createSynonym, deleteSynonym, listSynonyms, updateSynonym } from './synonyms.ts';
import { baseFields, itemTypes, licenceTypes } from './dictionaries.ts';
import { checkDraftQuality } from './quality-check.ts';
import { registerBundleRoutes } from './bundle-routes.ts';
import { registerTransferRoutes } from './transfer/routes.ts';
import { consistencyReport, readCatalogIndicators } from './reports.ts';
import * as R from './route-schemas.ts';

const Id = Type.String({ pattern: UUID_PATTERN });
const RegionCode = Type.String({ pattern: REGION_CODE_PATTERN });
const IdParams = Type.Object({ id: Id });
const tags = ['catalog'];

/** Adds the translated message to every issue of a quality report. */
export function explain(lang: Lang, report: QualityReport) {
  const msg = (i: Issue) => ({ ...i, message: t(lang, `catalog.rule.${i.rule}`, i.params ?? {}) });
  return { ok: report.ok, errors: report.errors.map(msg), warnings: report.warnings.map(msg) };
}

function presentVersion(lang: Lang, v: VersionRow) {
  return { ...v, quality: explain(lang, v.quality) };
}

export function registerCatalogRoutes(app: HttpApp, ctx: AppContext) {
  const { db } = ctx;

  // ---- dictionaries (public) ---------------------------------------------------------------
  app.get('/api/catalog/types', { schema: { tags, response: { 200: R.ItemTypesSchema } } }, async () => ({ items: await itemTypes(db) }));
  app.get('/api/catalog/license-types', { schema: { tags, response: { 200: R.LicenseTypesSchema } } }, async () => ({ items: await licenceTypes(db) }));
  app.get('/api/catalog/base-fields', { schema: { tags, response: { 200: R.BaseFieldsSchema } } }, async () => ({ items: await baseFields(db) }));

  // ---- items (staff) -----------------------------------------------------------------------
  app.get('/api/catalog/items', {
    schema: {
      tags,
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 100 })),
        status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('retired'), Type.Literal('in_review')])),
        departmentId: Type.Optional(Id),
        typeCode: Type.Optional(Type.String({ maxLength: 20 })),
        regionCode: Type.Optional(RegionCode),
        page: Type.Integer({ minimum: 1, maximum: 100000, default: 1 }),
        pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
      }),
      response: { 200: R.ItemPageSchema },
    },
  }, (req) => listItems(db, req.actor, req.query));

  app.post('/api/catalog/items', {
    schema: {
      tags,
      body: Type.Object(
        { code: Type.String({ minLength: 1, maxLength: 80 }), departmentId: Id, content: ItemContent },
        { additionalProperties: false },
      ),
      response: { 201: R.ItemWithVersionSchema },
    },
  }, async (req, reply) => {
    const r = await createItem(db, req.actor, req.body);
    return reply.status(201).send({ item: r.item, version: presentVersion(req.lang, r.version) });
  });

  app.get('/api/catalog/items/:id', { schema: { tags, params: IdParams, response: { 200: R.ItemDetailSchema } } }, async (req) => {
    const d = await getItem(db, req.actor, req.params.id);
    return { ...d, current: presentVersion(req.lang, d.current) };
  });

  app.put('/api/catalog/items/:id/draft', {
    schema: {
      tags,
      params: IdParams,
      body: Type.Object({ content: ItemContent, lockVersion: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 200: R.ItemWithVersionSchema },
    },
  }, async (req) => {
    const r = await saveDraft(db, req.actor, req.params.id, req.body);
    return { item: r.item, version: presentVersion(req.lang, r.version) };
  });

  app.post('/api/catalog/items/:id/versions', { schema: { tags, params: IdParams, response: { 201: R.ItemWithVersionSchema } } }, async (req, reply) => {
    const r = await newDraft(db, req.actor, req.params.id);
    return reply.status(201).send({ item: r.item, version: presentVersion(req.lang, r.version) });
  });

  app.post('/api/catalog/items/:id/transitions', {
    schema: {
      tags,
      params: IdParams,
      body: Type.Object(
        {
          action: Type.Union(R.TRANSITIONS.map((a) => Type.Literal(a))),
          comment: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: false },
      ),
      response: { 200: R.ItemWithVersionSchema },
    },
  }, async (req) => {
    const body = req.body as { action: Transition; comment?: string };
    const r = await transition(db, req.actor, req.params.id, body.action, body.comment ?? '');
    return { item: r.item, version: presentVersion(req.lang, r.version) };
  });

  app.get('/api/catalog/items/:id/versions/:no', {
    schema: { tags, params: Type.Object({ id: Id, no: Type.Integer({ minimum: 1 }) }), response: { 200: R.VersionSchema } },
  }, async (req) => presentVersion(req.lang, await getVersion(db, req.actor, req.params.id, req.params.no)));

  app.get('/api/catalog/items/:id/diff', {
    schema: { tags, params: IdParams, querystring: Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) }), response: { 200: R.DiffSchema } },
  }, (req) => diffVersions(db, req.actor, req.params.id, req.query.from, req.query.to));

  /** Live quality check for the editor: nothing is stored. */
  app.post('/api/catalog/quality', {
    schema: { tags, body: Type.Object({ content: Type.Unknown() }, { additionalProperties: false }), response: { 200: R.QualitySchema } },
  }, async (req) => explain(req.lang, await checkDraftQuality(db, req.actor, req.body.content)));

  // ---- public: guide, lookup, search -------------------------------------------------------
  app.get('/api/catalog/guide/:idOrCode', {
    schema: { tags, params: Type.Object({ idOrCode: Type.String({ minLength: 1, maxLength: 80 }) }), response: { 200: R.GuideSchema } },
  }, (req) => getGuide(db, req.params.idOrCode));

  /** Exact lookup by code or id of the published version (also the search benchmark's baseline). */
  app.get('/api/catalog/published/:idOrCode', {
    schema: { tags, params: Type.Object({ idOrCode: Type.String({ minLength: 1, maxLength: 80 }) }), response: { 200: R.PublishedRefSchema } },
  }, async (req) => {
    const v = await getPublishedVersion(db, req.params.idOrCode);
    return { itemId: v.itemId, versionId: v.versionId, versionNo: v.versionNo, code: v.code, name: v.name, regionCode: v.regionCode, departmentId: v.departmentId };
  });

  app.get('/api/catalog/search', { schema: { tags, querystring: R.SearchQuerySchema, response: { 200: R.SearchResultSchema } } }, (req) => searchCatalog(db, req.query));

  app.get('/api/catalog/browse', {
    schema: { tags, querystring: Type.Object({ regionCode: Type.Optional(RegionCode) }), response: { 200: R.BrowseSchema } },
  }, (req) => browseCatalog(db, req.query.regionCode));

  app.get('/api/catalog/suggest', {
    schema: { tags, querystring: Type.Object({ q: Type.String({ maxLength: 100 }), ...R.SearchFilterFields, limit: Type.Integer({ minimum: 1, maximum: 20, default: 8 }) }), response: { 200: R.SuggestionsSchema } },
  }, async (req) => ({ items: await suggestCatalog(db, req.query) }));

  // ---- synonyms (data bureau) ----------------------------------------------------------------
  const Words = Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { minItems: 2, maxItems: 20 });
  app.get('/api/catalog/synonyms', { schema: { tags, response: { 200: R.SynonymListSchema } } }, async (req) => ({ items: await listSynonyms(db, req.actor) }));
  app.post('/api/catalog/synonyms', {
    schema: { tags, body: Type.Object({ words: Words, regionCode: RegionCode }, { additionalProperties: false }), response: { 201: R.SynonymSchema } },
  }, async (req, reply) => reply.status(201).send(await createSynonym(db, req.actor, req.body)));
  app.put('/api/catalog/synonyms/:id', {
    schema: {
      tags,
      params: IdParams,
      body: Type.Object({ words: Words, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
      response: { 200: R.SynonymSchema },
    },
  }, (req) => updateSynonym(db, req.actor, req.params.id, req.body));
  app.delete('/api/catalog/synonyms/:id', { schema: { tags, params: IdParams, response: { 204: R.NoContentSchema } } }, async (req, reply) => {
    await deleteSynonym(db, req.actor, req.params.id);
    return reply.status(204).send(null);
  });

  registerBundleRoutes(app, ctx);
  registerTransferRoutes(app, ctx);

  // ---- reports -------------------------------------------------------------------------------
  app.get('/api/catalog/consistency', {
    schema: { tags, querystring: Type.Object({ regionCode: RegionCode, basicCode: Type.Optional(Type.String({ maxLength: 20 })) }), response: { 200: R.ConsistencySchema } },
  }, (req) => consistencyReport(db, req.actor, req.query.regionCode, req.query.basicCode));

  app.get('/api/catalog/indicators', {
    schema: { tags, querystring: Type.Object({ regionCode: RegionCode, departmentId: Type.Optional(Id) }), response: { 200: R.IndicatorInputsSchema } },
  }, (req) => readCatalogIndicators(db, req.actor, req.query.regionCode, req.query.departmentId));
}
