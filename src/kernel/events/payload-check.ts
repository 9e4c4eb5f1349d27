import { Compile, type Validator } from 'typebox/compile';
import type { Topic } from './topic.ts';

/**
 * Whether `emit` checks each payload against its topic's schema. On by default — the check is
 * compiled once per topic and costs microseconds — so development and tests find a payload that
 * drifted from its declaration at the line that wrote it. `NODE_ENV=production` turns it off;
 * `YIWANG_VALIDATE_EVENTS=1` or `=0` decides either way.
 */
export function payloadChecksEnabled(env: NodeJS.ProcessEnv): boolean {
  if (env.YIWANG_VALIDATE_EVENTS === '1') return true;
  if (env.YIWANG_VALIDATE_EVENTS === '0') return false;
  return env.NODE_ENV !== 'production';
}

const enabled = payloadChecksEnabled(process.env);
const validators = new WeakMap<Topic, Validator>();

export class EventPayloadError extends Error {
  constructor(topic: string, detail: string) {
    super(`event ${topic}: payload does not match its schema (${detail})`);
  }
}

/** Throws when checks are on and the payload breaks the topic's schema: a programming error, not bad input. */
export function checkPayload(topic: Topic, payload: unknown, on = enabled): void {
  if (!on) return;
  let validator = validators.get(topic);
  if (!validator) {
    validator = Compile(topic.schema);
    validators.set(topic, validator);
  }
  if (validator.Check(payload)) return;
  const first = validator.Errors(payload)[0];
  throw new EventPayloadError(topic.name, first ? `${first.instancePath || '/'} ${first.message}` : 'invalid');
}
