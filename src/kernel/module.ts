import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import type { HandlerMap } from './events/worker.ts';

export type HttpApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * A bounded context plugged into the one deployable. The kernel knows modules only through
 * this shape; modules talk to each other through exported service functions and events.
 */
export interface Module {
  name: string;
  /** Directory of this module's SQL migrations (applied after the kernel's, in module order). */
  migrationsDir?: string;
  routes?(app: HttpApp, ctx: AppContext): void | Promise<void>;
  /** Outbox topics this module consumes. */
  eventHandlers?(ctx: AppContext): HandlerMap;
  /** Resolves the acting user of a request (provided by the identity module). */
  resolveActor?(ctx: AppContext, req: FastifyRequest): Promise<Actor | undefined>;
}
