import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db/index.ts';

export interface MigrationSource {
  /** Prefix of the migration ids, e.g. 'kernel', 'org'. */
  name: string;
  /** Directory of `NNN_description.sql` files applied in name order. */
  dir: string;
}

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
}

export class MigrationChecksumError extends Error {
  readonly id: string;

  constructor(id: string) {
    super(`migration ${id} was changed after it was applied; add a new migration instead`);
    this.id = id;
  }
}

// Any constant will do; it only has to be the same for every instance of YiWang.
const MIGRATION_LOCK_KEY = 7_401_3002;

export function readMigrations(sources: MigrationSource[]): Migration[] {
  return sources.flatMap((source) =>
    readdirSync(source.dir)
      .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
      .sort()
      .map((file) => {
        const sql = readFileSync(join(source.dir, file), 'utf8');
        return { id: `${source.name}/${file}`, sql, checksum: createHash('sha256').update(sql).digest('hex') };
      }),
  );
}

/**
 * Apply pending migrations in one transaction under a transaction-scoped advisory lock: a
 * second instance starting at the same moment waits on the lock, then finds nothing to do.
 * DDL is transactional in PostgreSQL, so a failing migration leaves the schema untouched.
 */
export async function migrate(db: Db, sources: MigrationSource[]): Promise<string[]> {
  const migrations = readMigrations(sources);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`create table if not exists schema_migration (
      id text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const applied = new Map(
      (await tx.query<{ id: string; checksum: string }>('select id, checksum from schema_migration')).map((r) => [
        r.id,
        r.checksum,
      ]),
    );
    const done: string[] = [];
    for (const m of migrations) {
      const known = applied.get(m.id);
      if (known !== undefined) {
        if (known !== m.checksum) throw new MigrationChecksumError(m.id);
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('insert into schema_migration (id, checksum) values ($1, $2)', [m.id, m.checksum]);
      done.push(m.id);
    }
    return done;
  });
}
