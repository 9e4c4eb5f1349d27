import { Type } from 'typebox';
import type { AppContext } from '../../kernel/context.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { Page } from '../../kernel/sql/paging.ts';
import { listCategories } from './categories.ts';
import { registerOpen311Routes } from './open311.ts';
import * as S from './schemas.ts';
import { STEP_ROUTES } from './step-routes.ts';
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
  for (const [path, step] of Object.entries(STEP_ROUTES))
    app.post(
      `/api/hotline/tickets/:id/${path}`,
      { schema: { tags, params: S.TicketIdParams, body: step.body, response: { 200: S.Ticket } } },
      (req) => step.run(ctx, req.actor, (req.params as S.TicketIdParams).id, req.body as never),
    );
  // 查询: number and query code, no sign-in (the code is the caller's proof)
  app.get('/api/hotline/track', { schema: { tags, querystring: S.TrackQuery, response: { 200: S.TrackedTicket } } }, (req) =>
    trackTicket(ctx, req.query.number, req.query.code),
  );
  registerOpen311Routes(app, ctx);
}
