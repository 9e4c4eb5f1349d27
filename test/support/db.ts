import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrationSources } from '../../src/kernel/bootstrap.ts';
import { openDb, type Db } from '../../src/kernel/db/index.ts';
import { migrate } from '../../src/kernel/migrate.ts';
import { MODULES } from '../../src/modules/index.ts';

/**
 * The suite runs twice: on in-memory PGlite, and with YIWANG_TEST_PG_URL set (by
 * scripts/test.mjs) on a real PostgreSQL server, where every call gets a database of its own.
 */
export const backend = process.env.YIWANG_TEST_PG_URL ? 'postgres' : 'pglite';

export async function freshDatabaseUrl(): Promise<string> {
  const admin = process.env.YIWANG_TEST_PG_URL;
  if (!admin) return 'memory://';
  const name = `yw_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

/** A migrated, empty database, with the URL a second connection pool can use. */
export async function testDb(): Promise<Db & { url: string }> {
  const url = await freshDatabaseUrl();
  const db = await openDb({ databaseUrl: url, dataDir: '' });
  await migrate(db, migrationSources(MODULES));
  return Object.assign(db, { url });
}
