import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Tx } from './db/index.ts';

/** What a code step may need that the database does not hold. */
export interface MigrationKeys {
  /** YIWANG_MASTER_KEY: steps that encrypt existing rows need it (createContext passes it). */
  masterKey?: string;
}

/**
 * A data migration that SQL cannot do (e.g. encrypting existing values under the master key).
 * It runs once, in the migration transaction, ordered by `name` among its source's SQL files,
 * and is recorded like them (`<source>/<name>`). Its code may change later, so no checksum of it
 * is kept; it must leave rows it already handled alone.
 */
export interface MigrationStep {
  /** `NNN_description`, ordered with the source's `NNN_description.sql` files. */
  name: string;
  run(tx: Tx, keys: MigrationKeys): Promise<void>;
}

export interface MigrationSource {
  /** Prefix of the migration ids, e.g. 'kernel', 'org'. */
  name: string;
  /** Directory of `NNN_description.sql` files applied in name order. */
  dir: string;
  steps?: readonly MigrationStep[];
}

export interface Migration {
  id: string;
  sql: string;
  checksum: string;
  step?: MigrationStep;
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

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function readMigrations(sources: MigrationSource[]): Migration[] {
  return sources.flatMap((source) => {
    const files = readdirSync(source.dir)
      .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
      .map((file): Migration & { order: string } => {
        const sql = readFileSync(join(source.dir, file), 'utf8');
        return { id: `${source.name}/${file}`, sql, checksum: sha256(sql), order: file };
      });
    const steps = (source.steps ?? []).map((step): Migration & { order: string } => {
      if (!/^\d{3}_[\w-]+$/.test(step.name)) throw new Error(`migration step ${source.name}/${step.name}: name must be NNN_description`);
      return { id: `${source.name}/${step.name}`, sql: '', checksum: sha256(`step:${step.name}`), order: `${step.name}.sql`, step };
    });
    return [...files, ...steps].sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)).map(({ order: _order, ...m }) => m);
  });
}

/**
 * Apply pending migrations in one transaction under a transaction-scoped advisory lock: a
 * second instance starting at the same moment waits on the lock, then finds nothing to do.
 * DDL is transactional in PostgreSQL, so a failing migration leaves the schema untouched.
 */
export async function migrate(db: Db, sources: MigrationSource[], keys: MigrationKeys = {}): Promise<string[]> {
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
      if (m.step) await m.step.run(tx, keys);
      else await tx.exec(m.sql);
      await tx.query('insert into schema_migration (id, checksum) values ($1, $2)', [m.id, m.checksum]);
      done.push(m.id);
    }
    return done;
  });
}
