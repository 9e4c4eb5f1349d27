import type { AppContext } from '../context.ts';
import type { Module } from '../module.ts';
import type { Topic } from './topic.ts';

/** Who declares and who consumes each topic, read from the modules themselves. */
export interface EventCatalogue {
  produced: { module: string; topic: Topic }[];
  consumed: { module: string; topic: Topic }[];
}

/**
 * The catalogue of a set of modules: their declared `events` and the topics of their
 * subscriptions. `eventHandlers` only builds closures over the context, so any context will do.
 */
export function eventCatalogue(modules: readonly Module[], ctx: AppContext): EventCatalogue {
  return {
    produced: modules.flatMap((m) => (m.events ?? []).map((topic) => ({ module: m.name, topic }))),
    consumed: modules.flatMap((m) => (m.eventHandlers?.(ctx) ?? []).map(({ topic }) => ({ module: m.name, topic }))),
  };
}

/** Past participles that do not end in -ed. */
const IRREGULAR = new Set(['paid', 'sent', 'done', 'kept', 'broken', 'withdrawn', 'given', 'taken', 'held', 'made', 'told', 'overridden']);

/**
 * The naming rule: `<module>.<fact in the past tense>` in snake case (`cases.submitted`,
 * `payment.notice_paid`), or `<module>.<thing>_due` for a timer the module sets itself. The
 * tense is checked by its look: some word of the fact is a past participle.
 */
export function topicNameProblem(module: string, name: string): string | undefined {
  const [prefix, fact, ...rest] = name.split('.');
  if (prefix !== module || !fact || rest.length) return `${name}: not named <${module}>.<fact>`;
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(fact)) return `${name}: the fact is not in snake case`;
  const words = fact.split('_');
  if (words.at(-1) === 'due' || words.some((w) => w.endsWith('ed') || IRREGULAR.has(w))) return undefined;
  return `${name}: not a fact in the past tense (…_created, …_paid) nor a timer (…_due)`;
}

/**
 * What breaks the event contracts: a name against the rule, a name declared twice, a topic
 * nobody consumes that is not declared terminal (it would wait in the outbox forever), a
 * terminal topic somebody consumes (its events are stored done and would never reach it), and a
 * consumer of a topic object no module declares (a string of its own, or a stale copy).
 */
export function contractProblems({ produced, consumed }: EventCatalogue): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const { module, topic } of produced) {
    const naming = topicNameProblem(module, topic.name);
    if (naming) problems.push(naming);
    const first = seen.get(topic.name);
    if (first) problems.push(`${topic.name}: declared by ${first} and again by ${module}`);
    seen.set(topic.name, module);
    const consumers = consumed.filter((c) => c.topic === topic).map((c) => c.module);
    if (!consumers.length && !topic.terminal) problems.push(`${topic.name}: no module consumes it and it is not declared terminal`);
    if (consumers.length && topic.terminal) problems.push(`${topic.name}: declared terminal but consumed by ${consumers.join(', ')}`);
  }
  const declared = new Set(produced.map((p) => p.topic));
  for (const { module, topic } of consumed) {
    if (!declared.has(topic)) problems.push(`${topic.name}: consumed by ${module} but declared by no module`);
  }
  return problems;
}
