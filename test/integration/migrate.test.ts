import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { migrationSources } from '../../src/kernel/bootstrap.ts';
import { openDb } from '../../src/kernel/db/index.ts';
import { migrate, MigrationChecksumError, readMigrations } from '../../src/kernel/migrate.ts';
import { MODULES } from '../../src/modules/index.ts';
import { runCli } from '../support/cli.ts';
import { backend, freshDatabaseUrl } from '../support/db.ts';

test('migrating twice applies nothing the second time', async () => {
  const db = await openDb({ databaseUrl: await freshDatabaseUrl(), dataDir: '' });
  const sources = migrationSources(MODULES);
  const first = await migrate(db, sources);
  assert.deepEqual(first, readMigrations(sources).map((m) => m.id));
  assert.deepEqual(await migrate(db, sources), []);
  await db.close();
});

test('a migration changed after it was applied stops start-up', async () => {
  const db = await openDb({ databaseUrl: await freshDatabaseUrl(), dataDir: '' });
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-mig-'));
  writeFileSync(join(dir, '001_first.sql'), 'create table mig_test (a int);');
  await migrate(db, [{ name: 'test', dir }]);
  writeFileSync(join(dir, '001_first.sql'), 'create table mig_test (a int, b int);');
  await assert.rejects(migrate(db, [{ name: 'test', dir }]), MigrationChecksumError);
  await db.close();
});

test('a failing migration leaves the schema as it was', async () => {
  const db = await openDb({ databaseUrl: await freshDatabaseUrl(), dataDir: '' });
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-mig-'));
  writeFileSync(join(dir, '001_good.sql'), 'create table mig_good (a int);');
  writeFileSync(join(dir, '002_bad.sql'), 'create table mig_bad (a int); select no_such_function();');
  await assert.rejects(migrate(db, [{ name: 'test', dir }]));
  const tables = await db.query(`select 1 from information_schema.tables where table_name in ('mig_good', 'mig_bad')`);
  assert.equal(tables.length, 0);
  await db.close();
});

test('two processes migrating one database at once both end healthy with one schema', async () => {
  // PGlite is one process's database; two processes meet only on a PostgreSQL server.
  const url = backend === 'postgres' ? await freshDatabaseUrl() : '';
  const env: Record<string, string> = url ? { DATABASE_URL: url } : { YIWANG_DATA_DIR: mkdtempSync(join(tmpdir(), 'yiwang-mig-')) };
  if (!url) {
    // embedded: the same data directory migrated twice in a row by two processes
    const first = await runCli(['migrate'], env);
    const second = await runCli(['migrate'], env);
    assert.equal(first.code, 0, first.output);
    assert.equal(second.code, 0, second.output);
    return;
  }
  const results = await Promise.all([runCli(['migrate'], env), runCli(['migrate'], env)]);
  for (const r of results) assert.equal(r.code, 0, r.output);
  const db = await openDb({ databaseUrl: url, dataDir: '' });
  const applied = await db.query<{ id: string }>('select id from schema_migration order by id');
  assert.deepEqual(applied.map((r) => r.id).sort(), readMigrations(migrationSources(MODULES)).map((m) => m.id).sort());
  await db.close();
});
