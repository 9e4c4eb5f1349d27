import { Type, type Static, type TSchema } from 'typebox';

/**
 * An outbox topic: its name, the schema of its payload and, for a fact no module consumes, why
 * it is written anyway. A producing module declares its topics once (its `events.ts`) and
 * exports them from its `index.ts`; `emit` and `on` take the topic object, so a name is spelt in
 * one place and the payload is typed where it is written and where it is read.
 */
export interface Topic<S extends TSchema = TSchema> {
  readonly name: string;
  readonly schema: S;
  /**
   * Why no module consumes it. Its events are stored already done — facts for audit and
   * reporting — instead of waiting in the outbox for a handler that does not exist.
   */
  readonly terminal?: string;
}

export type PayloadOf<T extends Topic> = Static<T['schema']>;

export function defineTopic<S extends TSchema>(name: string, schema: S, options: { terminal?: string } = {}): Topic<S> {
  return Object.freeze({ name, schema, ...(options.terminal ? { terminal: options.terminal } : {}) });
}

/** A payload field that is present but may be null (a case without a number yet). */
export const Nullable = <S extends TSchema>(schema: S) => Type.Union([schema, Type.Null()]);

export const isTopic = (value: unknown): value is Topic =>
  typeof value === 'object' && value !== null && typeof (value as Topic).name === 'string' && typeof (value as Topic).schema === 'object';

/**
 * The topics a module's `events.ts` exports (`import * as events`), also those grouped in a
 * record (one topic per case transition): the catalogue is what the file declares, so a topic
 * cannot be declared and left out of it.
 */
export function topicsIn(declarations: Record<string, unknown>): Topic[] {
  const found = new Set<Topic>();
  for (const value of Object.values(declarations)) {
    if (isTopic(value)) found.add(value);
    else if (typeof value === 'object' && value !== null) for (const inner of Object.values(value)) if (isTopic(inner)) found.add(inner);
  }
  return [...found];
}
