import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrationSources } from '../../src/kernel/bootstrap.ts';
import { openDb, type Db } from '../../src/kernel/db/index.ts';
import { migrate } from '../../src/kernel/migrate.ts';
import { MODULES } from '../../src/modules/index.ts';
import { haveTemplates, templateDatabase, templateDump, type Template } from './templates.ts';

/**
 * The suite runs twice: on in-memory PGlite, and with YIWANG_TEST_PG_URL set (by
 * scripts/test.mjs) on a real PostgreSQL server, where every call gets a database of its own.
 */
export const backend = process.env.YIWANG_TEST_PG_URL ? 'postgres' : 'pglite';

/**
 * A database of the caller's own: empty, or a copy of one of the runner's templates
 * (test/support/templates.ts; the caller checks `haveTemplates()` first).
 */
export async function freshDatabaseUrl(template?: Template): Promise<string> {
  const admin = process.env.YIWANG_TEST_PG_URL;
  if (!admin) return template ? `memory://${templateDump(template)}` : 'memory://';
  const name = `yw_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database ${name}${template ? ` template ${templateDatabase(template)}` : ''}`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

/** A migrated, empty database, with the URL a second connection pool can use. */
export async function testDb(): Promise<Db & { url: string }> {
  const url = await freshDatabaseUrl(haveTemplates() ? 'migrated' : undefined);
  const db = await openDb({ databaseUrl: url, dataDir: '' });
  // a copy of the migrated template has nothing left to apply; this checks it is current
  await migrate(db, migrationSources(MODULES));
  return Object.assign(db, { url });
}
