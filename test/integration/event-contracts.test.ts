import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Type, type TSchema } from 'typebox';
import { loadConfig } from '../../src/kernel/config.ts';
import type { AppContext } from '../../src/kernel/context.ts';
import { contractProblems, eventCatalogue, topicNameProblem, type EventCatalogue } from '../../src/kernel/events/contracts.ts';
import { defineTopic, on, type Topic } from '../../src/kernel/events/index.ts';
import type { Module } from '../../src/kernel/module.ts';
import { MODULES } from '../../src/modules/index.ts';

const root = new URL('../..', import.meta.url).pathname;

// eventHandlers only builds closures over the context (Module.eventHandlers): the configuration
// is all any of them reads while building.
const ctx = { config: loadConfig({}) } as AppContext;
const catalogue = eventCatalogue(MODULES, ctx);

test('every topic is consumed or declared terminal, every consumed topic is declared, every name follows the rule', () => {
  assert.ok(catalogue.produced.length > 0 && catalogue.consumed.length > 0);
  assert.deepEqual(contractProblems(catalogue), []);
});

test('the check catches a deliberately broken module (orphan topic, consumer of an undeclared topic)', () => {
  const orphan = defineTopic('fixture.thing_happened', Type.Object({}));
  const badName = defineTopic('fixture.Ping', Type.Object({}), { terminal: 'audit only' });
  const consumedFact = defineTopic('fixture.fact_recorded', Type.Object({}), { terminal: 'audit only' });
  // a consumer spelling another module's topic itself: an equal name, but not the producer's topic
  const ownCopy = defineTopic('cases.commitment_broken', Type.Object({ caseId: Type.String() }));
  const broken: Module = {
    name: 'fixture',
    events: [orphan, badName, consumedFact],
    eventHandlers: () => [on(ownCopy, async () => undefined), on(consumedFact, async () => undefined)],
  };
  assert.deepEqual(contractProblems(eventCatalogue([...MODULES, broken], ctx)), [
    'fixture.thing_happened: no module consumes it and it is not declared terminal',
    'fixture.Ping: the fact is not in snake case',
    'fixture.fact_recorded: declared terminal but consumed by fixture',
    'cases.commitment_broken: consumed by fixture but declared by no module',
  ]);
});

test('the naming rule: <module>.<fact in the past tense>, or <module>.<thing>_due for a timer', () => {
  for (const ok of ['cases.submitted', 'payment.notice_paid', 'cases.commitment_broken', 'cases.completed_at_acceptance', 'ratings.default_due'])
    assert.equal(topicNameProblem(ok.split('.')[0]!, ok), undefined, ok);
  assert.match(topicNameProblem('cases', 'case.submitted')!, /not named <cases>/);
  assert.match(topicNameProblem('catalog', 'catalog.item.published')!, /not named <catalog>/);
  assert.match(topicNameProblem('payment', 'payment.reconcile')!, /past tense/);
  assert.match(topicNameProblem('cases', 'cases.clock')!, /past tense/);
});

test('topics are declared only in a module events.ts', () => {
  const elsewhere = (readdirSync(join(root, 'src'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !/^(modules\/[\w-]+\/events|kernel\/events\/\w+)\.ts$/.test(file))
    .filter((file) => readFileSync(join(root, 'src', file), 'utf8').includes('defineTopic('));
  assert.deepEqual(elsewhere, []);
});

/** The renames and settlements a module's migrations ask of the outbox (kernel migration 006). */
function outboxMigrations(dir: string) {
  const statements = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').replace(/--.*$/gm, '').split(';'));
  const quoted = (sql: string) => [...sql.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  return {
    renamed: statements.filter((sql) => sql.includes('outbox_rename_topic')).flatMap((sql) => {
      const names = quoted(sql);
      return names.flatMap((_, i) => (i % 2 ? [] : [{ from: names[i]!, to: names[i + 1]! }]));
    }),
    settled: statements.filter((sql) => sql.includes('outbox_settle_topic')).flatMap(quoted),
  };
}

test("a module's topic migrations name its own declared topics: renamed to one, settled only if terminal", () => {
  const problems = MODULES.flatMap((m) => {
    if (!m.migrationsDir) return [];
    const own = new Map((m.events ?? []).map((t) => [t.name, t]));
    const { renamed, settled } = outboxMigrations(m.migrationsDir);
    return [
      ...renamed.filter(({ to }) => !own.has(to)).map(({ from, to }) => `${m.name}: ${from} renamed to ${to}, which it does not declare`),
      ...renamed.filter(({ from }) => own.has(from)).map(({ from }) => `${m.name}: ${from} renamed but still declared`),
      ...settled.filter((name) => !own.get(name)?.terminal).map((name) => `${m.name}: ${name} settled but not a terminal topic of the module`),
    ];
  });
  assert.deepEqual(problems, []);
});

/** A payload in the table: the schema's title where several topics share it, else its fields (`?` optional). */
function payloadOf(schema: TSchema): string {
  const { title, required = [], properties = {} } = schema as { title?: string; required?: string[]; properties?: object };
  if (title) return title;
  return `{ ${Object.keys(properties).map((k) => (required.includes(k) ? k : `${k}?`)).join(', ')} }`;
}

/** The catalogue as the architecture document's table: topic — producer — consumers — payload, by producer (module order) and name. */
function catalogueTable({ produced, consumed }: EventCatalogue): string[] {
  const consumersOf = (topic: Topic) => [...new Set(consumed.filter((c) => c.topic === topic).map((c) => c.module))].sort().join(', ');
  const rows = produced.map(({ module, topic }) => ({ module, topic, line: `| \`${topic.name}\` | ${module} | ${topic.terminal ? '— (terminal)' : consumersOf(topic)} | ${payloadOf(topic.schema)} |` }));
  const moduleOrder = (name: string) => MODULES.findIndex((m) => m.name === name);
  rows.sort((a, b) => moduleOrder(a.module) - moduleOrder(b.module) || a.topic.name.localeCompare(b.topic.name));
  return ['| topic | producer | consumers | payload |', '|---|---|---|---|', ...rows.map((r) => r.line)];
}

test('docs/architecture.md lists the catalogue exactly', () => {
  const expected = catalogueTable(catalogue);
  const doc = readFileSync(join(root, 'docs/architecture.md'), 'utf8').split('\n');
  const start = doc.indexOf(expected[0]!);
  const table = start < 0 ? [] : doc.slice(start, doc.findIndex((line, i) => i > start && !line.startsWith('|')));
  assert.deepEqual(table, expected, `paste this table under "Events" in docs/architecture.md:\n${expected.join('\n')}\n`);
});
