import { Type, type TObject, type TSchema } from 'typebox';
import type { Db } from '../../kernel/db/index.ts';
import type { HttpApp } from '../../kernel/module.ts';
import { Page, PageQuery } from '../../kernel/sql/paging.ts';
import type { EntityStore } from './entity.ts';
import { IdParams, RegionCode } from './schemas.ts';

export interface EntityRouteSchemas {
  tag: string;
  item: TSchema;
  create: TSchema;
  patch: TSchema;
  /** Extra list filters beyond q / regionCode / paging. */
  filters?: TObject['properties'];
}

/** GET list, GET one, POST, PATCH, DELETE for one organisation entity. */
export function registerEntityRoutes<T extends { id: string; version: number }>(
  app: HttpApp,
  db: Db,
  path: string,
  store: EntityStore<T>,
  schemas: EntityRouteSchemas,
) {
  const tags = [schemas.tag];
  const ListQuery = Type.Object({
    ...PageQuery.properties,
    regionCode: Type.Optional(RegionCode),
    ...(schemas.filters ?? {}),
  });
  app.get(path, { schema: { tags, querystring: ListQuery, response: { 200: Page(schemas.item) } } }, (req) =>
    store.list(db, req.actor, req.query as Parameters<typeof store.list>[2]),
  );
  app.get(`${path}/:id`, { schema: { tags, params: IdParams, response: { 200: schemas.item } } }, (req) =>
    store.get(db, req.actor, (req.params as { id: string }).id),
  );
  app.post(path, { schema: { tags, body: schemas.create, response: { 201: schemas.item } } }, async (req, reply) => {
    const created = await store.create(db, req.actor, { ...(req.body as Record<string, unknown>) });
    return reply.status(201).send(created);
  });
  app.patch(`${path}/:id`, { schema: { tags, params: IdParams, body: schemas.patch, response: { 200: schemas.item } } }, (req) =>
    store.update(db, req.actor, (req.params as { id: string }).id, { ...(req.body as { version: number }) }),
  );
  app.delete(`${path}/:id`, { schema: { tags, params: IdParams } }, async (req, reply) => {
    await store.remove(db, req.actor, (req.params as { id: string }).id);
    return reply.status(204).send();
  });
}
