import type { HandlerMap } from './worker.ts';

/**
 * One handler map from several that may consume the same topic (cases' results, ratings and
 * bundles all follow `case.*`): the handlers of a topic run one after the other in the claiming
 * transaction, so the event is done only when all of them are, and a failure retries all of
 * them (each must be idempotent, as at-least-once delivery requires anyway). `Object.assign`
 * would silently keep only the last module's handler.
 */
export function chainHandlers(...maps: HandlerMap[]): HandlerMap {
  const out: HandlerMap = {};
  for (const map of maps) {
    for (const [topic, handler] of Object.entries(map)) {
      const before = out[topic];
      out[topic] = before
        ? async (event, tx) => {
            await before(event, tx);
            await handler(event, tx);
          }
        : handler;
    }
  }
  return out;
}
