import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { systemActor } from '../../src/kernel/actor.ts';
import { appendAudit, verifyAudit } from '../../src/kernel/audit/audit.ts';
import type { Db } from '../../src/kernel/db/index.ts';
import { testDb } from '../support/db.ts';

let db: Db;
const actor = systemActor('test');

before(async () => {
  db = await testDb();
});
after(() => db.close());

async function write(n: number) {
  for (let i = 0; i < n; i++) {
    await db.transaction((tx) =>
      appendAudit(tx, actor, { action: 'test.write', objectType: 'thing', objectId: String(i), details: { i, nested: { b: 2, a: 1 } } }),
    );
  }
}

async function rows() {
  return (await db.one<{ n: number }>('select count(*) as n from audit_log'))!.n;
}

test('an untouched chain verifies', async () => {
  await write(5);
  const result = await verifyAudit(db);
  assert.equal(result.ok, true, JSON.stringify(result.problems));
  assert.equal(result.checked, await rows());
});

test('a rolled-back change leaves no audit entry', async () => {
  const before = await rows();
  await assert.rejects(
    db.transaction(async (tx) => {
      await appendAudit(tx, actor, { action: 'test.rollback', objectType: 'thing' });
      throw new Error('abort');
    }),
  );
  assert.equal(await rows(), before);
  assert.equal((await verifyAudit(db)).ok, true);
});

test('concurrent appends keep one unbroken chain', async () => {
  await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      db.transaction((tx) => appendAudit(tx, actor, { action: 'test.concurrent', objectType: 'thing', objectId: `c${i}` })),
    ),
  );
  assert.equal((await verifyAudit(db)).ok, true);
});

test('a tampered row is found', async () => {
  await db.query(`update audit_log set details = '{"i": 99}' where seq = 3`);
  const result = await verifyAudit(db);
  assert.equal(result.ok, false);
  assert.deepEqual(result.problems[0], { seq: 3, problem: 'HASH_MISMATCH' });
});

test('a deleted row in the middle and a deleted last row are found', async () => {
  await db.query('delete from audit_log where seq = 2');
  let result = await verifyAudit(db);
  assert.ok(result.problems.some((p) => p.seq === 2 && p.problem === 'MISSING_ROWS'));

  const last = (await db.one<{ seq: number }>('select max(seq) as seq from audit_log'))!.seq;
  await db.query('delete from audit_log where seq = $1', [last]);
  result = await verifyAudit(db);
  assert.ok(result.problems.some((p) => p.problem === 'HEAD_MISMATCH'));
});
