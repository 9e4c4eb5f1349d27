import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { Page } from '../../kernel/sql/paging.ts';
import { listCategories } from './categories.ts';
import { acceptTicket, answerTicket, completeTicket, dispatchTicket, returnTicket } from './handling.ts';
import { registerKnowledgeRoutes } from './knowledge-routes.ts';
import { registerOpen311Routes } from './open311.ts';
import * as S from './schemas.ts';
import { channelOf, createTicket, getTicket, listTickets, trackTicket } from './tickets.ts';

export function registerHotlineRoutes(app: HttpApp, ctx: AppContext) {
  const tags = ['hotline'];
  app.get(
    '/api/hotline/categories',
    { schema: { tags, response: { 200: Type.Object({ items: Type.Array(S.Category) }) } } },
    async () => ({
      items: await listCategories(ctx.db),
    }),
  );
  app.post(
    '/api/hotline/tickets',
    { schema: { tags, body: S.TicketInput, response: { 201: S.TicketCreated } } },
    async (req, reply) => reply.status(201).send(await createTicket(ctx, req.actor, req.body, channelOf(req.actor))),
  );
  app.get(
    '/api/hotline/tickets',
    { schema: { tags, querystring: S.TicketListQuery, response: { 200: Page(S.Ticket) } } },
    (req) => listTickets(ctx, req.actor, req.query),
  );
  app.get('/api/hotline/tickets/:id', { schema: { tags, params: S.TicketIdParams, response: { 200: S.Ticket } } }, (req) =>
    getTicket(ctx, req.actor, req.params.id),
  );
  app.post(
    '/api/hotline/tickets/:id/dispatch',
    { schema: { tags, params: S.TicketIdParams, body: S.DispatchInput, response: { 200: S.Ticket } } },
    (req) => dispatchTicket(ctx, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/hotline/tickets/:id/answer',
    { schema: { tags, params: S.TicketIdParams, body: S.AnswerInput, response: { 200: S.Ticket } } },
    (req) => answerTicket(ctx, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/hotline/tickets/:id/accept',
    { schema: { tags, params: S.TicketIdParams, body: S.Versioned, response: { 200: S.Ticket } } },
    (req) => acceptTicket(ctx, req.actor, req.params.id, req.body.version),
  );
  app.post(
    '/api/hotline/tickets/:id/return',
    { schema: { tags, params: S.TicketIdParams, body: S.ReasonInput, response: { 200: S.Ticket } } },
    (req) => returnTicket(ctx, req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/hotline/tickets/:id/complete',
    { schema: { tags, params: S.TicketIdParams, body: S.ReplyInput, response: { 200: S.Ticket } } },
    (req) => completeTicket(ctx, req.actor, req.params.id, req.body),
  );
  // 查询: number and query code, no sign-in (the code is the caller's proof)
  app.get('/api/hotline/track', { schema: { tags, querystring: S.TrackQuery, response: { 200: S.TrackedTicket } } }, (req) =>
    trackTicket(ctx, req.query.number, req.query.code),
  );
  registerOpen311Routes(app, ctx);
  registerKnowledgeRoutes(app, ctx);
}
