// Builds the template databases of one test phase (see templates.ts) into the folder named by
// YIWANG_TEST_TEMPLATES, on PostgreSQL when YIWANG_TEST_PG_URL is set, else on PGlite.
// scripts/test.mjs runs it with the node arguments and environment of the test files (a test
// clock, for one), so the demo city is seeded exactly as a test server would seed it.
// Any failure ends the process with an error: the runner then fails the phase.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { migrationSources } from '../../src/kernel/bootstrap.ts';
import { openDb } from '../../src/kernel/db/index.ts';
import { migrate } from '../../src/kernel/migrate.ts';
import { MODULES } from '../../src/modules/index.ts';
import { startServer } from '../../src/server.ts';
import { testServerConfig } from './server.ts';
import { createDatabaseSql, templateDatabase, templateDataDir, templateSummary, type Template } from './templates.ts';

const admin = process.env.YIWANG_TEST_PG_URL;

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Where `template` is built: its data directory, a copy of `from`'s; and its database, the
 * embedded one in that directory ('') or a database of the server.
 */
async function target(template: Template, from?: Template): Promise<{ databaseUrl: string; dataDir: string }> {
  const dataDir = templateDataDir(template);
  if (from) cpSync(templateDataDir(from), dataDir, { recursive: true });
  else mkdirSync(dataDir);
  if (!admin) return { databaseUrl: '', dataDir };
  await adminQuery(createDatabaseSql(templateDatabase(template), from));
  return { databaseUrl: admin.replace(/\/[^/]*$/, `/${templateDatabase(template)}`), dataDir };
}

/** On PostgreSQL a template takes no connections, so only CREATE DATABASE reads it (it refuses a template in use). */
async function keep(template: Template) {
  if (admin) await adminQuery(`alter database ${templateDatabase(template)} with is_template true allow_connections false`);
}

const started = Date.now();

// A new node's database: initialised, with nothing in it.
await (await openDb(await target('empty'))).close();
await keep('empty');

// The schema, as testDb() used to migrate it.
const migrated = await openDb(await target('migrated', 'empty'));
await migrate(migrated, migrationSources(MODULES));
await migrated.close();
await keep('migrated');

// The demo city, seeded by the platform's own start-up on a copy of the schema, as a test server
// started on an empty database did; its data directory keeps the files the seed stored. Closed
// as startServer left it: it has answered no request, and its workers are off.
const seeded = await target('seeded', 'migrated');
const server = await startServer(testServerConfig(seeded.databaseUrl, seeded.dataDir));
if (!server.seeded) throw new Error('the template server did not seed the demo city');
writeFileSync(templateSummary(), JSON.stringify(server.seeded));
await server.close();
await keep('seeded');

console.log(`template databases built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
