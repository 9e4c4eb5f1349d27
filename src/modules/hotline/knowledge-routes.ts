import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { Page } from '../../kernel/sql/paging.ts';
import {
  articleVersions,
  createArticle,
  getArticle,
  listArticles,
  publishArticle,
  retireArticle,
  updateArticle,
} from './knowledge.ts';
import * as K from './knowledge-schemas.ts';
import { agentSearch, knowledgeStats, openFromTicket } from './knowledge-uses.ts';

/** 知识库: staff only (every service refuses other kinds of actor, an app's token included). */
export function registerKnowledgeRoutes(app: HttpApp, ctx: AppContext) {
  const tags = ['hotline'];
  const base = '/api/hotline/knowledge';
  app.get(
    `${base}/search`,
    { schema: { tags, querystring: K.KnowledgeSearchQuery, response: { 200: K.KnowledgeSearchResult } } },
    (req) => agentSearch(ctx, req.actor, req.query.q, req.query.limit),
  );
  app.get(`${base}/stats`, { schema: { tags, querystring: K.StatsQuery, response: { 200: K.KnowledgeStats } } }, (req) =>
    knowledgeStats(ctx, req.actor, req.query.from, req.query.to),
  );
  app.get(`${base}/articles`, { schema: { tags, querystring: K.ArticleListQuery, response: { 200: Page(K.Article) } } }, (req) =>
    listArticles(ctx, req.actor, req.query),
  );
  app.post(`${base}/articles`, { schema: { tags, body: K.ArticleInput, response: { 201: K.Article } } }, async (req, reply) =>
    reply.status(201).send(await createArticle(ctx, req.actor, req.body)),
  );
  app.get(`${base}/articles/:id`, { schema: { tags, params: K.ArticleIdParams, response: { 200: K.Article } } }, (req) =>
    getArticle(ctx, req.actor, req.params.id),
  );
  app.get(
    `${base}/articles/:id/versions`,
    { schema: { tags, params: K.ArticleIdParams, response: { 200: Type.Object({ items: Type.Array(K.ArticleVersion) }) } } },
    async (req) => ({ items: await articleVersions(ctx, req.actor, req.params.id) }),
  );
  app.put(
    `${base}/articles/:id`,
    { schema: { tags, params: K.ArticleIdParams, body: K.ArticleUpdate, response: { 200: K.Article } } },
    (req) => updateArticle(ctx, req.actor, req.params.id, req.body),
  );
  app.post(
    `${base}/articles/:id/publish`,
    { schema: { tags, params: K.ArticleIdParams, body: K.ArticleVersioned, response: { 200: K.Article } } },
    (req) => publishArticle(ctx, req.actor, req.params.id, req.body.version),
  );
  app.post(
    `${base}/articles/:id/retire`,
    { schema: { tags, params: K.ArticleIdParams, body: K.ArticleVersioned, response: { 200: K.Article } } },
    (req) => retireArticle(ctx, req.actor, req.params.id, req.body.version),
  );
  // the centre opened the article while handling a ticket: a hit
  app.post(
    `${base}/articles/:id/open`,
    { schema: { tags, params: K.ArticleIdParams, body: K.OpenInput, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await openFromTicket(ctx, req.actor, req.params.id, req.body.ticketId);
      return reply.status(204).send(null);
    },
  );
}
