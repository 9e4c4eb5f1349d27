// The events API a module uses: declare topics, emit them, subscribe to them.
export { defineTopic, Nullable, topicsIn, type PayloadOf, type Topic } from './topic.ts';
export { emit, emitAll, eventEmitted, type EmitOptions, type EventOf } from './outbox.ts';
export { on, type Subscription } from './subscription.ts';
export type { ClaimedEvent, EventHandler } from './worker.ts';
