import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor } from './actor.ts';
import type { AppContext } from './context.ts';
import type { MigrationStep } from './migrate.ts';
import type { Subscription } from './events/subscription.ts';
import type { Topic } from './events/topic.ts';

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
  /** Data migrations in code, ordered by name among the SQL files of `migrationsDir` (kernel migrate.ts). */
  migrationSteps?: readonly MigrationStep[];
  routes?(app: HttpApp, ctx: AppContext): void | Promise<void>;
  /**
   * The topics this module emits: its event catalogue (`topicsIn` of its `events.ts`), whose
   * public topics its `index.ts` exports for consumers.
   */
  events?: readonly Topic[];
  /**
   * The topics this module consumes, each with its handler (`on(topic, handler)`). Called once
   * per context; it only builds closures (the event-contract test calls it to list consumers).
   */
  eventHandlers?(ctx: AppContext): Subscription[];
  /** Resolves the acting user of a request (provided by the identity module). */
  resolveActor?(ctx: AppContext, req: FastifyRequest): Promise<Actor | undefined>;
}
