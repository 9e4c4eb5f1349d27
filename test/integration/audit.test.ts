import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { systemActor } from '../../src/kernel/actor.ts';
import { appendAudit, fieldsOf, rekeyAudit, useAuditKey, verifyAudit, type AuditRow } from '../../src/kernel/audit/audit.ts';
import { canonicalJson } from '../../src/kernel/canonical-json.ts';
import { DEV_MASTER_KEY } from '../../src/kernel/config.ts';
import { hmacSm3, sm3Hex } from '../../src/kernel/crypto/sm3.ts';
import type { Db, Queryable } from '../../src/kernel/db/index.ts';
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

describe('the chain is keyed: a database writer cannot recompute it', () => {
  // a database of its own: the tests above leave a tampered chain behind
  let keyedDb: Db;
  before(async () => {
    keyedDb = await testDb();
    await keyedDb.transaction((tx) => appendAudit(tx, actor, { action: 'test.keyed', objectType: 'thing' }));
  });
  after(() => keyedDb.close());

  const rowsOf = (q: Queryable) => q.query<AuditRow>('select * from audit_log order by seq');

  /** What someone with write access but without the key can do: change an entry and redo every hash after it. */
  async function forge(q: Queryable, from: number, hash: (fields: object) => string) {
    await q.query(`update audit_log set details = '{"forged": true}' where seq = $1`, [from]);
    let prev = from === 1 ? '0'.repeat(64) : ((await q.one<{ hash: string }>('select hash from audit_log where seq = $1', [from - 1]))!.hash);
    for (const row of (await rowsOf(q)).filter((r) => Number(r.seq) >= from)) {
      const fields = { ...fieldsOf(row), prevHash: prev };
      prev = hash(fields);
      await q.query('update audit_log set prev_hash = $2, hash = $3 where seq = $1', [fields.seq, fields.prevHash, prev]);
    }
    await q.query('update audit_head set hash = $1', [prev]);
  }

  test('a forged entry with every later hash recomputed (plain SM3, or HMAC with the public key itself) is found, and rekey refuses it', async () => {
    for (const [name, hash] of [
      ['plain SM3', (f: object) => sm3Hex(canonicalJson(f))],
      ['HMAC-SM3 keyed with the public development master key', (f: object) => hmacSm3(DEV_MASTER_KEY, canonicalJson(f))],
    ] as const) {
      const copy = await testDb();
      try {
        for (let i = 0; i < 4; i++) await copy.transaction((tx) => appendAudit(tx, actor, { action: 'test.keyed', objectType: 'thing', objectId: String(i) }));
        assert.equal((await verifyAudit(copy)).ok, true, name);
        await forge(copy, 2, hash);
        const result = await verifyAudit(copy);
        assert.equal(result.ok, false, name);
        assert.deepEqual(result.problems[0], { seq: 2, problem: 'HASH_MISMATCH' }, name);
        const rekey = await rekeyAudit(copy, systemActor('cli'));
        assert.equal(rekey.rekeyed, 0, `${name}: a forgery is never laundered into a keyed chain`);
        assert.equal((await verifyAudit(copy)).problems[0]?.problem, 'HASH_MISMATCH', name);
      } finally {
        await copy.close();
      }
    }
  });

  test('another node key does not verify this chain', async () => {
    useAuditKey('f'.repeat(32));
    try {
      const result = await verifyAudit(keyedDb);
      assert.equal(result.ok, false);
      assert.ok(result.problems.every((p) => p.problem === 'HASH_MISMATCH'));
    } finally {
      useAuditKey(DEV_MASTER_KEY);
    }
  });

  test('a chain written before keying reports UNKEYED; rekey keys it once, then it verifies; a later unkeyed entry is tampering', async () => {
    const legacy = await testDb();
    try {
      for (let i = 0; i < 3; i++) await legacy.transaction((tx) => appendAudit(tx, actor, { action: 'test.legacy', objectType: 'thing', objectId: String(i) }));
      await forge(legacy, 1, (f) => sm3Hex(canonicalJson(f))); // as an old version wrote them (entry 1 also says "forged")
      await legacy.transaction((tx) => appendAudit(tx, actor, { action: 'test.after-upgrade', objectType: 'thing' }));
      let result = await verifyAudit(legacy);
      assert.deepEqual(result.problems, [1, 2, 3].map((seq) => ({ seq, problem: 'UNKEYED' })));

      const rekey = await rekeyAudit(legacy, systemActor('cli'));
      assert.deepEqual(rekey, { rekeyed: 4, problems: [] });
      result = await verifyAudit(legacy);
      assert.equal(result.ok, true, JSON.stringify(result.problems));
      assert.equal(result.checked, 5, 'the rekey itself is audited');
      const last = await legacy.one<{ action: string; details: unknown }>('select action, details from audit_log order by seq desc limit 1');
      assert.deepEqual(last, { action: 'audit.rekey', details: { rekeyed: 4 } });

      // now keyed: an entry rewritten without the key is tampering, not "legacy"
      await forge(legacy, 4, (f) => sm3Hex(canonicalJson(f)));
      result = await verifyAudit(legacy);
      assert.deepEqual(result.problems[0], { seq: 4, problem: 'HASH_MISMATCH' });
      const refused = await rekeyAudit(legacy, systemActor('cli'));
      assert.equal(refused.rekeyed, 0);
      assert.deepEqual(refused.problems[0], { seq: 4, problem: 'HASH_MISMATCH' });
    } finally {
      await legacy.close();
    }
  });
});
