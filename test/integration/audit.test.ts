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

test('entries follow savepoints: rolled back with theirs, kept when released, chained in order at commit', async () => {
  const mark = (await db.one<{ seq: number }>('select seq from audit_head'))!.seq;
  await db.transaction(async (tx) => {
    const note = (objectId: string) => appendAudit(tx, actor, { action: 'test.savepoint', objectType: 'thing', objectId });
    await note('a');
    await tx.exec('savepoint s1');
    await note('b');
    await tx.query('rollback to savepoint s1');
    await note('c');
    await tx.exec('savepoint s2');
    await note('d');
    await tx.exec('release savepoint s2');
    await tx.exec('savepoint s3');
    await tx.exec('savepoint s4');
    await note('e');
    await tx.exec('rollback to savepoint s3');
    // nothing is chained before the commit: the platform-wide lock is not held yet
    assert.equal((await tx.one<{ seq: number }>('select seq from audit_head'))!.seq, mark);
  });
  const kept = await db.query<{ object_id: string }>('select object_id from audit_log where seq > $1 order by seq', [mark]);
  assert.deepEqual(kept.map((r) => r.object_id), ['a', 'c', 'd']);
  assert.equal((await verifyAudit(db)).ok, true);
});

test('a long transaction that audited early does not hold up the others (PostgreSQL: connections run side by side)', async (t) => {
  if (db.backend !== 'postgres') return t.skip('PGlite runs one transaction at a time');
  let otherCommitted!: () => void;
  const other = new Promise<void>((resolve) => (otherCommitted = resolve));
  const long = db.transaction(async (tx) => {
    await appendAudit(tx, actor, { action: 'test.long', objectType: 'thing', objectId: 'long' });
    // still working (a PDF, a signature …) while another request audits and commits
    await Promise.race([other, new Promise((_, reject) => setTimeout(() => reject(new Error('the other transaction waited for this one')), 5000))]);
  });
  await db.transaction((tx) => appendAudit(tx, actor, { action: 'test.short', objectType: 'thing', objectId: 'short' }));
  otherCommitted();
  await long;
  const last = await db.query<{ object_id: string }>(`select object_id from audit_log where action in ('test.long', 'test.short') order by seq`);
  assert.deepEqual(last.map((r) => r.object_id), ['short', 'long'], 'chained in commit order');
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
