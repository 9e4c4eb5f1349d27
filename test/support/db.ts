import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrationSources } from '../../src/kernel/bootstrap.ts';
import { openDb, type Db } from '../../src/kernel/db/index.ts';
import { migrate } from '../../src/kernel/migrate.ts';
import { MODULES } from '../../src/modules/index.ts';
import { createDatabaseSql, haveTemplates, templateDataDir, type Template } from './templates.ts';

/**
 * The suite runs twice: on PGlite, and with YIWANG_TEST_PG_URL set (by scripts/test.mjs) on a
 * real PostgreSQL server, where every call gets a database of its own.
 */
export const backend = process.env.YIWANG_TEST_PG_URL ? 'postgres' : 'pglite';

/** A new PostgreSQL database on the suite's server, empty or a copy of a template database. */
async function createPgDatabase(admin: string, template?: Template): Promise<string> {
  const name = `yw_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(createDatabaseSql(name, template));
  } finally {
    await client.end();
  }
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

/** An empty database of the caller's own: in-memory PGlite, or a new PostgreSQL database. */
export async function freshDatabaseUrl(): Promise<string> {
  const admin = process.env.YIWANG_TEST_PG_URL;
  return admin ? createPgDatabase(admin) : 'memory://';
}

export interface FreshDataDir {
  /** DATABASE_URL: the PostgreSQL database; '' for the embedded one under `dataDir`; memory:// when empty. */
  databaseUrl: string;
  /** YIWANG_DATA_DIR */
  dataDir: string;
  remove(): void;
}

/**
 * A data directory and database of the caller's own: a copy of one of the runner's templates
 * (test/support/templates.ts; the caller checks `haveTemplates()` first), else empty.
 */
export async function freshDataDir(template?: Template): Promise<FreshDataDir> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-test-'));
  const remove = () => rmSync(dataDir, { recursive: true, force: true });
  if (template) cpSync(templateDataDir(template), dataDir, { recursive: true });
  const admin = process.env.YIWANG_TEST_PG_URL;
  if (admin) return { databaseUrl: await createPgDatabase(admin, template), dataDir, remove };
  return { databaseUrl: template ? '' : 'memory://', dataDir, remove };
}

/** Opens the caller's copy; closing the database removes the copy. */
async function openOwn(fresh: FreshDataDir): Promise<Db & { url: string }> {
  const db = await openDb(fresh);
  const close = db.close;
  return Object.assign(db, {
    url: fresh.databaseUrl,
    async close() {
      await close();
      fresh.remove();
    },
  });
}

/**
 * An empty database of the caller's own, opened: a copy of the runner's `empty` template where
 * there is one (PGlite's initdb is 4–5 CPU-s), else as `freshDatabaseUrl`.
 */
export async function emptyDb(): Promise<Db> {
  if (!haveTemplates()) return openDb({ databaseUrl: await freshDatabaseUrl(), dataDir: '' });
  return openOwn(await freshDataDir('empty'));
}

/** A migrated, empty database, with the URL a second connection pool can use (PostgreSQL). */
export async function testDb(): Promise<Db & { url: string }> {
  const db = await openOwn(await freshDataDir(haveTemplates() ? 'migrated' : undefined));
  // a copy of the migrated template has nothing left to apply; this checks it is current
  await migrate(db, migrationSources(MODULES));
  return db;
}
