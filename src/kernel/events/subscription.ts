import type { Static, TSchema } from 'typebox';
import type { AppContext } from '../context.ts';
import type { Module } from '../module.ts';
import type { Topic } from './topic.ts';
import type { EventHandler, HandlerMap } from './worker.ts';

/** A module's handler of one topic. The topic is the producer's object, imported from its index.ts. */
export interface Subscription {
  readonly topic: Topic;
  readonly handler: EventHandler;
}

/**
 * Subscribe to a topic: the handler sees the payload as the topic declares it, with no cast.
 * The one widening to the worker's untyped handler happens here, once.
 */
export function on<S extends TSchema>(topic: Topic<S>, handler: EventHandler<Static<S>>): Subscription {
  return { topic, handler: handler as unknown as EventHandler };
}

/**
 * The worker's handler map from subscriptions that may share a topic (cases' results, ratings and
 * bundles all follow `cases.approved`): the handlers of a topic run one after the other in the
 * claiming transaction, so the event is done only when all of them are, and a failure retries all
 * of them (each must be idempotent, as at-least-once delivery requires anyway).
 */
export function handlerMap(subscriptions: readonly Subscription[]): HandlerMap {
  const out: HandlerMap = {};
  for (const { topic, handler } of subscriptions) {
    const before = out[topic.name];
    out[topic.name] = before
      ? async (event, tx) => {
          await before(event, tx);
          await handler(event, tx);
        }
      : handler;
  }
  return out;
}

/** Every module's subscriptions as one map: what `yiwang serve` and the test servers deliver with. */
export const moduleHandlers = (modules: readonly Module[], ctx: AppContext): HandlerMap =>
  handlerMap(modules.flatMap((m) => m.eventHandlers?.(ctx) ?? []));
