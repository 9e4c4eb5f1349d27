import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { Type } from 'typebox';
import type { Db } from '../../src/kernel/db/index.ts';
import { emit, outboxStats } from '../../src/kernel/events/outbox.ts';
import { EventPayloadError } from '../../src/kernel/events/payload-check.ts';
import { defineTopic } from '../../src/kernel/events/topic.ts';
import { processDueEvents, type ClaimedEvent } from '../../src/kernel/events/worker.ts';
import { backend, testDb } from '../support/db.ts';
import { openDb } from '../../src/kernel/db/index.ts';
import * as clock from '../../src/kernel/clock.ts';

// Topics of this file only: the mechanism does not care who declares them.
const empty = Type.Object({});
const KEPT = defineTopic('test.kept', empty);
const LOST = defineTopic('test.lost', empty);
const EFFECT = defineTopic('test.effect', Type.Object({ i: Type.Integer() }));
const TIMER = defineTopic('test.timer', empty);
const DEDUPE = defineTopic('test.dedupe', empty);
const FAIL = defineTopic('test.fail', empty);
const RACE = defineTopic('test.race', empty);
const FACT = defineTopic('test.fact_recorded', Type.Object({ n: Type.Integer() }), { terminal: 'nobody listens' });

let db: Db & { url: string };
before(async () => {
  db = await testDb();
});
after(() => db.close());
beforeEach(() => db.query('delete from outbox_event'));

test('an event exists only if its transaction commits', async () => {
  await db.transaction((tx) => emit(tx, KEPT, {}));
  await assert.rejects(
    db.transaction(async (tx) => {
      await emit(tx, LOST, {});
      throw new Error('abort');
    }),
  );
  const topics = await db.query<{ topic: string }>('select topic from outbox_event');
  assert.deepEqual(topics.map((r) => r.topic), ['test.kept']);
});

test('handlers run once; their writes commit with the event', async () => {
  await db.exec('create table if not exists test_effect (event_id uuid primary key)');
  await db.transaction(async (tx) => {
    for (let i = 0; i < 5; i++) await emit(tx, EFFECT, { i });
  });
  const handled = await processDueEvents(db, {
    'test.effect': async (event, tx) => {
      await tx.query('insert into test_effect (event_id) values ($1)', [event.id]);
    },
  });
  assert.equal(handled, 5);
  assert.equal(await processDueEvents(db, { 'test.effect': async () => assert.fail('ran twice') }), 0);
  assert.equal((await db.one<{ n: number }>('select count(*) as n from test_effect'))!.n, 5);
});

test('a timer waits for its due time', async () => {
  await db.transaction((tx) => emit(tx, TIMER, {}, { dueAt: new Date(clock.nowMs() + 3600_000) }));
  assert.equal(await processDueEvents(db, { 'test.timer': async () => assert.fail('too early') }), 0);
  await db.query(`update outbox_event set due_at = clock_now() - interval '1 second'`);
  let seen = 0;
  assert.equal(await processDueEvents(db, { 'test.timer': async () => void seen++ }), 1);
  assert.equal(seen, 1);
});

test('the same dedupe key keeps one event', async () => {
  await db.transaction(async (tx) => {
    await emit(tx, DEDUPE, {}, { dedupeKey: 'case-1/day-1' });
    await emit(tx, DEDUPE, {}, { dedupeKey: 'case-1/day-1' });
  });
  assert.equal((await outboxStats(db)).pending, 1);
});

test('a terminal topic is stored done at once: a fact, never pending', async () => {
  await db.transaction((tx) => emit(tx, FACT, { n: 1 }));
  const row = await db.one<{ status: string; processed: boolean }>('select status, processed_at is not null as processed from outbox_event');
  assert.deepEqual({ ...row }, { status: 'done', processed: true });
  assert.equal((await outboxStats(db)).pending, 0);
});

test('a payload that breaks its schema is refused at emit, and nothing is written', async () => {
  await assert.rejects(
    db.transaction((tx) => emit(tx, EFFECT, { i: 'one' } as never)),
    (err) => err instanceof EventPayloadError && /test\.effect.*\/i/.test(err.message),
  );
  assert.equal((await db.query('select 1 from outbox_event')).length, 0);
});

test('a renamed topic: waiting events take the new name, handled ones keep theirs, dedupe keys follow', async () => {
  const row = (id: number, topic: string, status: string, key: string | null) =>
    db.query(`insert into outbox_event (id, topic, status, dedupe_key) values ($1, $2, $3, $4)`, [`00000000-0000-7000-8000-00000000000${id}`, topic, status, key]);
  await row(1, 'old.thing', 'pending', 'old.thing:a');
  await row(2, 'old.thing', 'done', 'old.thing:b');
  await row(3, 'old.thing', 'dead', null);
  await row(4, 'old.thingy', 'pending', 'old.thingy:c');
  await db.query(`select outbox_rename_topic('old.thing', 'new.thing_due')`);
  const rows = await db.query<{ topic: string; status: string; dedupe_key: string | null }>('select topic, status, dedupe_key from outbox_event order by id');
  assert.deepEqual(rows.map((r) => [r.topic, r.status, r.dedupe_key]), [
    ['new.thing_due', 'pending', 'new.thing_due:a'],
    ['old.thing', 'done', 'new.thing_due:b'],
    ['new.thing_due', 'dead', null],
    ['old.thingy', 'pending', 'old.thingy:c'],
  ]);
  await db.query(`select outbox_settle_topic('old.thingy')`);
  assert.equal((await db.one<{ status: string }>(`select status from outbox_event where topic = 'old.thingy'`))!.status, 'done');
});

test('a failing handler is retried with backoff, undoes its writes, and ends dead', async () => {
  await db.exec('create table if not exists test_partial (n int)');
  await db.transaction((tx) => emit(tx, FAIL, {}));
  const failing = {
    'test.fail': async (_e: ClaimedEvent, tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => {
      await tx.query('insert into test_partial values (1)');
      throw new Error('boom');
    },
  };
  assert.equal(await processDueEvents(db, failing, { maxAttempts: 2, backoff: () => 0 }), 1);
  let row = await db.one<{ status: string; attempts: number; last_error: string }>('select status, attempts, last_error from outbox_event');
  assert.deepEqual({ ...row }, { status: 'pending', attempts: 1, last_error: 'boom' });
  assert.equal(await processDueEvents(db, failing, { maxAttempts: 2, backoff: () => 0 }), 1);
  row = await db.one('select status, attempts, last_error from outbox_event');
  assert.equal(row!.status, 'dead');
  assert.equal((await db.one<{ n: number }>('select count(*) as n from test_partial'))!.n, 0);
  assert.equal((await outboxStats(db)).dead, 1);
});

test('concurrent workers never process the same event twice', { skip: backend !== 'postgres' ? 'needs several connections: PostgreSQL run' : false }, async () => {
  // A second pool stands for a second instance of YiWang; each pool has several connections.
  await db.exec('create table if not exists test_claims (event_id uuid, worker int)');
  await db.transaction(async (tx) => {
    for (let i = 0; i < 60; i++) await emit(tx, RACE, {});
  });
  const handler = (worker: number) => ({
    'test.race': async (event: ClaimedEvent, tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => {
      await tx.query('insert into test_claims values ($1, $2)', [event.id, worker]);
      await new Promise((r) => setTimeout(r, 2));
    },
  });
  const second = await openDb({ databaseUrl: db.url, dataDir: '' });
  const results = await Promise.all([
    processDueEvents(db, handler(1), { batchSize: 100 }),
    processDueEvents(second, handler(2), { batchSize: 100 }),
    processDueEvents(db, handler(3), { batchSize: 100 }),
  ]);
  await second.close();
  assert.equal(results.reduce((a, b) => a + b, 0), 60);
  const dupes = await db.query('select event_id from test_claims group by event_id having count(*) > 1');
  assert.equal(dupes.length, 0);
  assert.equal((await db.one<{ n: number }>('select count(distinct event_id) as n from test_claims'))!.n, 60);
});
