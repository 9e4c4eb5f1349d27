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
import { backend, emptyDb, freshDatabaseUrl } from '../support/db.ts';

test('migrating twice applies nothing the second time', async () => {
  const db = await emptyDb();
  const sources = migrationSources(MODULES);
  const first = await migrate(db, sources);
  assert.deepEqual(first, readMigrations(sources).map((m) => m.id));
  assert.deepEqual(await migrate(db, sources), []);
  await db.close();
});

test('a migration changed after it was applied stops start-up', async () => {
  const db = await emptyDb();
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-mig-'));
  writeFileSync(join(dir, '001_first.sql'), 'create table mig_test (a int);');
  await migrate(db, [{ name: 'test', dir }]);
  writeFileSync(join(dir, '001_first.sql'), 'create table mig_test (a int, b int);');
  await assert.rejects(migrate(db, [{ name: 'test', dir }]), MigrationChecksumError);
  await db.close();
});

test('a failing migration leaves the schema as it was', async () => {
  const db = await emptyDb();
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-mig-'));
  writeFileSync(join(dir, '001_good.sql'), 'create table mig_good (a int);');
  writeFileSync(join(dir, '002_bad.sql'), 'create table mig_bad (a int); select no_such_function();');
  await assert.rejects(migrate(db, [{ name: 'test', dir }]));
  const tables = await db.query(`select 1 from information_schema.tables where table_name in ('mig_good', 'mig_bad')`);
  assert.equal(tables.length, 0);
  await db.close();
});

test('two processes migrating one database at once both end healthy with one schema', async () => {
  if (backend === 'postgres') {
    const url = await freshDatabaseUrl();
    const results = await Promise.all([runCli(['migrate'], { DATABASE_URL: url }), runCli(['migrate'], { DATABASE_URL: url })]);
    for (const r of results) assert.equal(r.code, 0, r.output);
    const db = await openDb({ databaseUrl: url, dataDir: '' });
    await assertOneSchema(db);
    await db.close();
    return;
  }
  // PGlite is one process's database: the second process must refuse clearly, not corrupt it.
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-mig-'));
  const results = await Promise.all([runCli(['migrate'], { YIWANG_DATA_DIR: dataDir }), runCli(['migrate'], { YIWANG_DATA_DIR: dataDir })]);
  assert.ok(results.some((r) => r.code === 0), results.map((r) => r.output).join('\n'));
  for (const r of results.filter((x) => x.code !== 0)) assert.match(r.output, /in use by process \d+/);
  const again = await runCli(['migrate'], { YIWANG_DATA_DIR: dataDir });
  assert.equal(again.code, 0, again.output);
  const db = await openDb({ databaseUrl: '', dataDir });
  await assertOneSchema(db);
  await assert.rejects(openDb({ databaseUrl: '', dataDir }), /in use by process/);
  await db.close();
});

async function assertOneSchema(db: Awaited<ReturnType<typeof openDb>>) {
  const applied = await db.query<{ id: string }>('select id from schema_migration order by id');
  assert.deepEqual(applied.map((r) => r.id).sort(), readMigrations(migrationSources(MODULES)).map((m) => m.id).sort());
}
