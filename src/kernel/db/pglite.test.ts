import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openDb } from './index.ts';
import { dumpPglite, openPglite } from './pglite.ts';

// The same in the PostgreSQL phase: run once.
const skip = process.env.YIWANG_TEST_PG_URL ? 'PGlite only' : false;
const dir = mkdtempSync(join(tmpdir(), 'yiwang-dump-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('memory://<dump> starts an in-memory database as a copy of the dump; copies do not share writes', { skip }, async () => {
  const original = await openPglite();
  await original.exec("create table t (v text); insert into t values ('dumped')");
  const file = join(dir, 'db.tar');
  writeFileSync(file, await dumpPglite(original));
  await original.close();
  await assert.rejects(dumpPglite(original), /open embedded database/);

  const a = await openDb({ databaseUrl: `memory://${file}`, dataDir: '' });
  const b = await openDb({ databaseUrl: `memory://${file}`, dataDir: '' });
  try {
    await a.exec("insert into t values ('only in a')");
    assert.deepEqual(
      (await a.query('select v from t order by v')).map((r) => r.v),
      ['dumped', 'only in a'],
    );
    assert.deepEqual(
      (await b.query('select v from t')).map((r) => r.v),
      ['dumped'],
    );
  } finally {
    await a.close();
    await b.close();
  }
});
