import type { Config } from '../config.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { Db } from './types.ts';

export type { Db, Tx, Queryable, Row } from './types.ts';

const MEMORY = 'memory://';

/**
 * postgres://… → a PostgreSQL server; `memory://` → throwaway in-memory PGlite (tests);
 * empty → embedded PGlite persisted under the data directory.
 */
export function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl === MEMORY) return openPglite();
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(`${config.dataDir}/pg`);
}
